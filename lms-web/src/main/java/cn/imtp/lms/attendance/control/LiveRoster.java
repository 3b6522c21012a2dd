package cn.imtp.lms.attendance.control;

import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Who of a class is studying right now, idle or offline. STUDYING: an open session (a lesson video or a
 * live lesson) that sent a beat (or opened) within two heartbeats plus slack for a slow network; IDLE: an open session quiet for
 * longer (paused, away, asked "还在吗？") but less than {@link #IDLE_MINUTES}; OFFLINE: anything else.
 * Read from the shared database, so every lms-web node gives the same answer; pushed to the pages by
 * {@link RosterEvents}.
 */
@ApplicationScoped
public class LiveRoster {

    static final int IDLE_MINUTES = 30;

    public enum State {
        STUDYING,
        IDLE,
        OFFLINE
    }

    /** {@code lesson} is the lesson video's title, or {@code liveLessonId} the live lesson the learner is in. */
    public record Member(
            String username,
            String fullName,
            State state,
            Long unitId,
            String unitName,
            String lesson,
            Long liveLessonId,
            Long positionMs,
            Instant lastBeatAt,
            Integer sessionCreditedSeconds) {}

    public record Roster(
            long classId,
            Instant at,
            int activeWithinSeconds,
            int studying,
            int idle,
            int offline,
            List<Member> learners) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    AttendanceSettings settings;

    /** The roster of a class the caller can see (404 otherwise). */
    @Transactional
    public Roster of(long classId, Caller caller) {
        return of(classes.visible(classId, caller).id());
    }

    /** A learner of the class with their open activity, if any (then {@code lastAt} is set), as one row reads. */
    private record Activity(
            String username,
            String fullName,
            Long unitId,
            String unitName,
            String lesson,
            Long positionMs,
            Instant lastAt,
            int creditedSeconds,
            Long liveLessonId) {}

    /** The roster of a class, for a viewer whose right to see it was checked when the stream opened. */
    @Transactional
    public Roster of(long classId) {
        Instant now = Instant.now();
        int window = settings.heartbeatSeconds() * 2 + 10;
        List<Activity> rows = Bulk.on(em)
                .select(
                        "SELECT a.username, a.full_name, s.unit_id, u.name AS unit_name, r.title, s.position_ms,"
                                + " COALESCE(s.last_beat_at, s.opened_at) AS last_at, s.credited_seconds, s.lesson_id FROM class_learner cl"
                                + " JOIN account a ON a.id = cl.account_id"
                                // A learner's open activity: a lesson video or a live lesson (one at a time).
                                + " LEFT JOIN (SELECT learner_id, class_id, unit_id, resource_id, position_ms, opened_at, last_beat_at, credited_seconds,"
                                + " NULL lesson_id FROM playback_session WHERE class_id = ? AND ended_at IS NULL"
                                + " UNION ALL SELECT learner_id, class_id, unit_id, NULL, NULL, opened_at, last_beat_at, credited_seconds, lesson_id"
                                + " FROM live_session WHERE class_id = ? AND ended_at IS NULL) s ON s.learner_id = a.id"
                                + " LEFT JOIN catalogue_unit u ON u.id = s.unit_id LEFT JOIN resource r ON r.id = s.resource_id"
                                + " WHERE cl.class_id = ? ORDER BY a.username",
                        List.of(classId, classId, classId),
                        r -> new Activity(
                                r.getString("username"),
                                r.getString("full_name"),
                                Bulk.longOrNull(r, "unit_id"),
                                r.getString("unit_name"),
                                r.getString("title"),
                                Bulk.longOrNull(r, "position_ms"),
                                Bulk.instant(r, "last_at"),
                                r.getInt("credited_seconds"),
                                Bulk.longOrNull(r, "lesson_id")));
        List<Member> members = rows.stream()
                .map(r -> {
                    Instant last = r.lastAt();
                    State state = last == null || last.isBefore(now.minusSeconds(IDLE_MINUTES * 60L))
                            ? State.OFFLINE
                            : last.isBefore(now.minusSeconds(window)) ? State.IDLE : State.STUDYING;
                    return state == State.OFFLINE
                            ? new Member(r.username(), r.fullName(), state, null, null, null, null, null, last, null)
                            : new Member(
                                    r.username(),
                                    r.fullName(),
                                    state,
                                    r.unitId(),
                                    r.unitName(),
                                    r.lesson(),
                                    r.liveLessonId(),
                                    r.positionMs(),
                                    last,
                                    r.creditedSeconds());
                })
                .toList();
        return new Roster(
                classId,
                now,
                window,
                count(members, State.STUDYING),
                count(members, State.IDLE),
                count(members, State.OFFLINE),
                members);
    }

    private static int count(List<Member> members, State state) {
        return (int) members.stream().filter(m -> m.state() == state).count();
    }
}
