package cn.imtp.lms.live.control;

import cn.imtp.lms.attendance.control.OpenActivities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Ends a learner's open live-lesson sessions when attendance ends the learner's activities (another video or lesson
 * begins, the sign-ins are revoked). The open sessions are found with a plain read and each is ended by its primary
 * key only: a locking search by learner would also lock the index gap next to the learner (see
 * {@link cn.imtp.lms.attendance.control.Attendance#endActivities}).
 */
@ApplicationScoped
public class LiveSessionEnd implements OpenActivities {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Override
    public void end(long learnerId, String reason, Instant now) {
        @SuppressWarnings("unchecked")
        List<String> live = em.createNativeQuery(
                        "SELECT id FROM live_session WHERE learner_id = ? AND ended_at IS NULL")
                .setParameter(1, learnerId)
                .getResultList();
        for (String id : live) {
            em.createNativeQuery(
                            "UPDATE live_session SET ended_at = ?, ended_reason = ? WHERE id = ? AND ended_at IS NULL")
                    .setParameter(1, Timestamp.from(now))
                    .setParameter(2, reason)
                    .setParameter(3, id)
                    .executeUpdate();
        }
    }
}
