package cn.imtp.lms.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * One person's actions that must not interleave — opening a lesson video, joining a live lesson, starting an exam
 * attempt — take turns on that person's own account row: a primary-key lock (no gap lock), taken first in the
 * transaction, so that every read after it sees what the previous action committed. Locking the person's open
 * sessions or attempts with a range query instead would take gap locks that deadlock concurrent learners.
 */
@ApplicationScoped
public class AccountTurns {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    /** Waits for this account's turn, held until the caller's transaction ends. */
    public void take(long accountId) {
        em.createNativeQuery("SELECT id FROM account WHERE id = ? FOR UPDATE")
                .setParameter(1, accountId)
                .getResultList();
    }
}
