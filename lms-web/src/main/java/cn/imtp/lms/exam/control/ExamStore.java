package cn.imtp.lms.exam.control;

import cn.imtp.lms.exam.entity.Attempt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The exam feature's native SQL, and the attempt lookups its classes share: an attempt's row lock, the attempts of
 * a learner, and the further attempts teachers granted ({@code assessment_attempt_grant}, which has no entity).
 */
@ApplicationScoped
public class ExamStore {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    /**
     * The attempt, its row locked until the transaction ends, so that answers, submission and the sweep
     * take turns. The lock is taken in SQL, then the entity is read afresh (attempts are not in the
     * shared cache): with a JPA pessimistic find on a cached entity, a learner's answers sent at once
     * waited on each other until the lock wait timed out (seen in ExamPagesIT).
     */
    public Attempt locked(long attemptId) {
        if (em.createNativeQuery("SELECT id FROM assessment_attempt WHERE id = ? FOR UPDATE")
                .setParameter(1, attemptId)
                .getResultList()
                .isEmpty()) {
            return null;
        }
        Attempt a = em.find(Attempt.class, attemptId);
        em.refresh(a);
        return a;
    }

    /** A learner's attempts at an exam, in order. */
    public List<Attempt> attempts(long examId, long learnerId) {
        return em.createQuery(
                        "SELECT a FROM Attempt a WHERE a.exam.id = :e AND a.learnerId = :l ORDER BY a.number",
                        Attempt.class)
                .setParameter("e", examId)
                .setParameter("l", learnerId)
                .getResultList();
    }

    /** How many more attempts than the first teachers granted the learner. */
    public int grants(long examId, long learnerId) {
        return ((Number) em.createNativeQuery(
                                "SELECT COUNT(*) FROM assessment_attempt_grant WHERE exam_id = ? AND learner_id = ?")
                        .setParameter(1, examId)
                        .setParameter(2, learnerId)
                        .getSingleResult())
                .intValue();
    }

    /** Records a teacher's grant of another attempt to the learner, with its reason. */
    public void grant(long examId, long learnerId, String reason, long grantedBy, Instant at) {
        em.createNativeQuery(
                        "INSERT INTO assessment_attempt_grant (exam_id, learner_id, reason, granted_by, granted_at) VALUES (?,?,?,?,?)")
                .setParameter(1, examId)
                .setParameter(2, learnerId)
                .setParameter(3, reason)
                .setParameter(4, grantedBy)
                .setParameter(5, Timestamp.from(at))
                .executeUpdate();
    }
}
