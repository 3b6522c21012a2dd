package cn.imtp.lms.attendance.control;

import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.plan.control.Plans;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The hours ledger of a class, read from the aggregated ledger (never from the raw records). */
@ApplicationScoped
public class HoursLedger {

    public record ClassLedger(long classId, String className, int classHourMinutes, int planMinutes, int minimumMinutes,
                              int learners, int meetingHours, List<LedgerRules.LearnerStatus> items) {
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    Plans plans;

    @Transactional
    public ClassLedger ofClass(long classId, Caller caller) {
        TrainingClass c = classes.visible(classId, caller);
        if (c.classHourMinutes() == null) {
            throw PlatformException.conflict("Class " + classId + " is not active yet; its ledger starts when it is activated.");
        }
        List<LedgerRules.PlannedUnit> plan = c.plan().units().stream()
                .map(u -> new LedgerRules.PlannedUnit(u.id(), u.name(), u.hours())).toList();
        int minimumHours = plans.get(c.plan().id()).assessment().minimumClassroomHours();
        Map<Long, Map<Long, LedgerRules.Credit>> credits = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT learner_id, unit_id, self_paced_seconds, live_seconds FROM ledger_entry WHERE class_id = ?")
                .setParameter(1, classId).getResultList();
        for (Object[] r : rows) {
            credits.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>())
                    .put(((Number) r[1]).longValue(), new LedgerRules.Credit(((Number) r[2]).intValue(), ((Number) r[3]).intValue()));
        }
        StringBuilder where = new StringBuilder("SELECT a.id, a.username, a.full_name FROM class_learner cl JOIN account a ON a.id = cl.account_id"
                + " WHERE cl.class_id = ?");
        if (caller.role() == cn.imtp.platform.security.Role.LEARNER) {
            where.append(" AND a.id = ").append(caller.accountId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> learners = em.createNativeQuery(where + " ORDER BY a.username").setParameter(1, classId).getResultList();
        List<LedgerRules.LearnerStatus> items = learners.stream().map(l -> LedgerRules.learner(((Number) l[0]).longValue(), (String) l[1],
                (String) l[2], plan, credits.getOrDefault(((Number) l[0]).longValue(), Map.of()), c.classHourMinutes(), minimumHours)).toList();
        int planMinutes = plan.stream().mapToInt(u -> u.hours() * c.classHourMinutes()).sum();
        return new ClassLedger(classId, c.name(), c.classHourMinutes(), planMinutes, minimumHours * c.classHourMinutes(), items.size(),
                (int) items.stream().filter(LedgerRules.LearnerStatus::meetsHours).count(), items);
    }
}
