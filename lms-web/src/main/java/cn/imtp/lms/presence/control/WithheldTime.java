package cn.imtp.lms.presence.control;

import cn.imtp.lms.attendance.control.WithheldCredit;
import cn.imtp.lms.presence.entity.CheckState;
import cn.imtp.lms.presence.entity.PresenceCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The time failed or missed face checks withheld and no reviewer has decided on yet, for the ledger (待审核). */
@ApplicationScoped
public class WithheldTime implements WithheldCredit {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Override
    public Map<Long, Map<Long, Integer>> awaitingReview(long classId) {
        Map<Long, Map<Long, Integer>> held = new HashMap<>();
        // The checks themselves, summed here: a class has few failed or missed ones.
        em.createQuery(
                        "SELECT c FROM PresenceCheck c WHERE c.classId = :c AND c.state IN :s AND c.withheldSeconds > 0",
                        PresenceCheck.class)
                .setParameter("c", classId)
                .setParameter("s", List.of(CheckState.FAILED, CheckState.MISSED))
                .getResultList()
                .forEach(c -> held.computeIfAbsent(c.learnerId(), k -> new HashMap<>())
                        .merge(c.unitId(), c.withheldSeconds(), Integer::sum));
        return held;
    }
}
