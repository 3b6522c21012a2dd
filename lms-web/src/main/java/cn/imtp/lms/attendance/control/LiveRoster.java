package cn.imtp.lms.attendance.control;

import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Who of a class is studying right now: learners whose playback session is open and sent a beat within
 * two heartbeats (plus slack for a slow network). Read from the shared database, so every lms-web node
 * gives the same answer; the pages poll it.
 */
@ApplicationScoped
public class LiveRoster {

    public record Present(String username, String fullName, long unitId, String unitName, String lesson, long positionMs,
                          Instant lastBeatAt, int sessionCreditedSeconds) {
    }

    public record Roster(long classId, int learners, Instant at, int activeWithinSeconds, List<Present> studying) {
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    AttendanceSettings settings;

    @Transactional
    public Roster of(long classId, Caller caller) {
        TrainingClass c = classes.visible(classId, caller);
        Instant now = Instant.now();
        int window = settings.heartbeatSeconds() * 2 + 10;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.username, a.full_name, u.id, u.name, r.title, s.position_ms,"
                        + " COALESCE(s.last_beat_at, s.opened_at), s.credited_seconds FROM playback_session s JOIN account a ON a.id = s.learner_id"
                        + " JOIN catalogue_unit u ON u.id = s.unit_id JOIN resource r ON r.id = s.resource_id"
                        + " WHERE s.class_id = ? AND s.ended_at IS NULL AND COALESCE(s.last_beat_at, s.opened_at) >= ? ORDER BY a.username")
                .setParameter(1, classId).setParameter(2, Timestamp.from(now.minusSeconds(window))).getResultList();
        List<Present> studying = rows.stream().map(r -> new Present((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                (String) r[3], (String) r[4], ((Number) r[5]).longValue(), ((Timestamp) r[6]).toInstant(), ((Number) r[7]).intValue()))
                .toList();
        return new Roster(classId, c.learnerIds().size(), now, window, studying);
    }
}
