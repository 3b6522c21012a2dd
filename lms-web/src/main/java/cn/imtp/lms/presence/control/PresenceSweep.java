package cn.imtp.lms.presence.control;

import cn.imtp.lms.presence.entity.FaceEnrolment;
import cn.imtp.lms.presence.entity.PresenceCheck;
import cn.imtp.platform.schedule.Sweep;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

/**
 * Every node, every {@code lms.presence.sweep-seconds}: marks the checks nobody answered in time as missed (which
 * withholds their credit), and deletes face photos past retention — reference photos (the learner enrols again) and
 * the frames kept of failed checks. Each row is locked while it is handled, so two nodes never handle it twice.
 */
@ApplicationScoped
public class PresenceSweep {

    private static final Logger LOG = Logger.getLogger(PresenceSweep.class.getName());

    @Inject
    Presence presence;

    @Inject
    FaceService faces;

    @Inject
    PresenceSettings settings;

    @Inject
    PresenceSweep self;

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        task = Sweep.every(scheduler, settings.sweepSeconds(), LOG, "The presence sweep", this::sweep);
    }

    void sweep() {
        int missed = 0;
        for (String id : presence.expiring(200)) {
            missed += presence.expire(id) ? 1 : 0;
        }
        int photos = 0;
        Instant before = Instant.now().minus(settings.retention());
        for (Long learner : self.expiredEnrolments(before)) {
            photos += self.forgetEnrolment(learner, before) ? 1 : 0;
        }
        for (String check : self.expiredFrames(before)) {
            photos += self.forgetFrames(check, before) ? 1 : 0;
        }
        self.forgetFrameHashes(before);
        int m = missed;
        int p = photos;
        if (m + p > 0) {
            LOG.info(() -> "Presence sweep: " + m + " check(s) missed, " + p + " photo set(s) past retention deleted");
        }
    }

    @Transactional
    public List<Long> expiredEnrolments(Instant before) {
        return em.createQuery("SELECT e.learnerId FROM FaceEnrolment e WHERE e.enrolledAt < :b", Long.class)
                .setParameter("b", before)
                .setMaxResults(200)
                .getResultList();
    }

    @Transactional
    public boolean forgetEnrolment(long learnerId, Instant before) {
        FaceEnrolment e = em.find(FaceEnrolment.class, learnerId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null || !e.enrolledAt().isBefore(before)) {
            return false;
        }
        faces.forget(e.subject(), null);
        em.remove(e);
        return true;
    }

    @Transactional
    public List<String> expiredFrames(Instant before) {
        return em.createQuery(
                        "SELECT c.id FROM PresenceCheck c WHERE c.framesKept = TRUE AND c.decidedAt < :b", String.class)
                .setParameter("b", before)
                .setMaxResults(200)
                .getResultList();
    }

    @Transactional
    public boolean forgetFrames(String checkId, Instant before) {
        PresenceCheck c = em.find(PresenceCheck.class, checkId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null
                || !c.framesKept()
                || c.decidedAt() == null
                || !c.decidedAt().isBefore(before)
                || c.state().awaitsReview()) {
            return false;
        }
        faces.forgetCheck(UUID.fromString(c.subject()), c.id(), null);
        c.framesForgotten();
        return true;
    }

    /** The hashes of frames sent before the retention limit (the replay guard looks back that far). */
    @Transactional
    public void forgetFrameHashes(Instant before) {
        em.createNativeQuery("DELETE FROM presence_frame WHERE seen_at < ?")
                .setParameter(1, Timestamp.from(before))
                .executeUpdate();
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
