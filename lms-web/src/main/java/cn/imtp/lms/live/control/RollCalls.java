package cn.imtp.lms.live.control;

import cn.imtp.lms.attendance.control.AttendanceSettings;
import cn.imtp.lms.cohort.entity.Lesson;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Roll calls (签到) in a live lesson. A teacher of the class (or an administrator) opens one for a few minutes while
 * the lesson is open, one at a time; a learner checks in once per roll call, and only while present in the lesson as the
 * live roster counts it (an open live session that joined or beat within two heartbeats and 10 s): a script that never
 * joined cannot check in. Check-ins sit beside the heartbeat credit in the roster and never change it. Learners see their own
 * check-ins only; teachers and administrators see the whole class.
 */
@ApplicationScoped
public class RollCalls {

    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 15;

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    LiveLessons lessons;

    @Inject
    AttendanceSettings attendance;

    /** How long the roll call stays open, in minutes. */
    public record NewRollCall(Integer minutes) {}

    /** One learner on a roll call's sheet: when they checked in, or null. */
    public record Entry(String username, String fullName, Instant checkedAt) {}

    /**
     * A roll call as the caller sees it: {@code mine} is the learner's own check-in (null when none, or for staff);
     * {@code checkedIn} of {@code learners} and the {@code sheet} of the class's learners are for staff only (null for learners).
     */
    public record RollCall(
            long id,
            long lessonId,
            Instant openedAt,
            Instant closesAt,
            boolean open,
            Integer checkedIn,
            Integer learners,
            Instant mine,
            List<Entry> sheet) {}

    /** The newest roll call as every viewer of the lesson is told of it (no one's check-ins), or null. */
    public record Notice(long id, long lessonId, Instant openedAt, Instant closesAt) {}

    @Transactional
    public RollCall open(long lessonId, NewRollCall request, Caller caller) {
        Lesson l = lessons.taught(lessonId, caller);
        Integer minutes = request == null ? null : request.minutes();
        if (minutes == null || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw PlatformException.invalid(
                    new Words(
                            "请选择签到时长（" + MIN_MINUTES + " 至 " + MAX_MINUTES + " 分钟）。",
                            "Say how long the roll call stays open (" + MIN_MINUTES + " to " + MAX_MINUTES
                                    + " minutes)."),
                    List.of(new FieldError(
                            "minutes",
                            new Words(
                                    "须为 " + MIN_MINUTES + " 至 " + MAX_MINUTES + " 之间的整数",
                                    "a whole number from " + MIN_MINUTES + " to " + MAX_MINUTES))));
        }
        Instant now = Instant.now();
        if (lessons.window(l, now).state() != LiveLessons.State.OPEN) {
            throw PlatformException.conflict(
                    new Words("只有在直播课进行期间才能发起签到。", "A roll call can only be opened while the lesson is open."));
        }
        // One at a time, whichever teacher or node asks: the lesson's row is the lock.
        em.lock(l, LockModeType.PESSIMISTIC_WRITE);
        // A locking read: it sees what another request committed while this one waited for the lock.
        Number open = (Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM live_roll_call WHERE lesson_id = ? AND closes_at > ? FOR UPDATE")
                .setParameter(1, lessonId)
                .setParameter(2, Timestamp.from(now))
                .getSingleResult();
        if (open.longValue() > 0) {
            throw PlatformException.conflict(new Words(
                    "上一次签到尚未结束，请等它结束或先结束它。", "A roll call is still open; wait for it to close or close it first."));
        }
        Instant closes = now.plusSeconds(minutes * 60L);
        Instant endsAt = lessons.window(l, now).endsAt();
        em.createNativeQuery(
                        "INSERT INTO live_roll_call (lesson_id, opened_by, opened_at, closes_at) VALUES (?, ?, ?, ?)")
                .setParameter(1, lessonId)
                .setParameter(2, caller.accountId())
                .setParameter(3, Timestamp.from(now))
                .setParameter(4, Timestamp.from(closes.isAfter(endsAt) ? endsAt : closes))
                .executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        return one(lessonId, id, caller);
    }

    /** Closes a roll call before its time (a roll call already closed: 409). */
    @Transactional
    public RollCall close(long lessonId, long rollCallId, Caller caller) {
        lessons.taught(lessonId, caller);
        Timestamp now = Timestamp.from(Instant.now());
        int changed = em.createNativeQuery(
                        "UPDATE live_roll_call SET closes_at = ? WHERE id = ? AND lesson_id = ? AND closes_at > ?")
                .setParameter(1, now)
                .setParameter(2, rollCallId)
                .setParameter(3, lessonId)
                .setParameter(4, now)
                .executeUpdate();
        if (changed == 0) {
            one(lessonId, rollCallId, caller); // 404 when there is no such roll call
            throw PlatformException.conflict(new Words("本次签到已经结束。", "This roll call has closed already."));
        }
        return one(lessonId, rollCallId, caller);
    }

    /**
     * The learner checks in (again: nothing changes, the first time stands), while present as the roster counts it.
     */
    @Transactional
    public RollCall checkIn(long lessonId, long rollCallId, Caller caller) {
        lessons.visible(lessonId, caller);
        RollCall r = one(lessonId, rollCallId, caller);
        if (r.mine() != null) {
            return r;
        }
        Instant now = Instant.now();
        if (!r.closesAt().isAfter(now)) {
            throw closed();
        }
        // Present as the live roster counts it: an open live session that joined or beat within two heartbeats and 10
        // s.
        long presentWithin = attendance.heartbeatSeconds() * 2L + 10;
        Number present =
                (Number) em.createNativeQuery("SELECT COUNT(*) FROM live_session WHERE lesson_id = ? AND learner_id = ?"
                                + " AND ended_at IS NULL AND COALESCE(last_beat_at, opened_at) > ?")
                        .setParameter(1, lessonId)
                        .setParameter(2, caller.accountId())
                        .setParameter(3, Timestamp.from(now.minusSeconds(presentWithin)))
                        .getSingleResult();
        if (present.longValue() == 0) {
            throw PlatformException.conflict(
                    new Words("请先进入直播课（保持本课页面打开）再签到。", "Join the lesson first (keep its page open), then check in."));
        }
        em.createNativeQuery("INSERT IGNORE INTO live_check_in (roll_call_id, learner_id, checked_at) SELECT id, ?, ?"
                        + " FROM live_roll_call WHERE id = ? AND closes_at > ?")
                .setParameter(1, caller.accountId())
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, rollCallId)
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
        // A locking read: a check-in another tab committed meanwhile counts as this one's.
        @SuppressWarnings("unchecked")
        List<Timestamp> mine = em.createNativeQuery(
                        "SELECT checked_at FROM live_check_in WHERE roll_call_id = ? AND learner_id = ? FOR UPDATE")
                .setParameter(1, rollCallId)
                .setParameter(2, caller.accountId())
                .getResultList();
        if (mine.isEmpty()) { // closed in the meantime
            throw closed();
        }
        return one(lessonId, rollCallId, caller);
    }

    private static PlatformException closed() {
        return PlatformException.conflict(
                new Words("本次签到已经结束，不能再签到。", "This roll call has closed; it takes no more check-ins."));
    }

    /** The lesson's roll calls, newest first, as the caller may see them. */
    @Transactional
    public List<RollCall> list(long lessonId, Caller caller) {
        lessons.visible(lessonId, caller);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM live_roll_call WHERE lesson_id = ? ORDER BY id DESC")
                .setParameter(1, lessonId)
                .getResultList();
        return ids.stream().map(id -> one(lessonId, id.longValue(), caller)).toList();
    }

    /** The newest roll call of the lesson for its event stream, or null. */
    @Transactional
    public Notice newest(long lessonId) {
        List<Notice> rows = Bulk.on(em)
                .select(
                        "SELECT id, opened_at, closes_at FROM live_roll_call WHERE lesson_id = ? ORDER BY id DESC LIMIT 1",
                        List.of(lessonId),
                        r -> new Notice(
                                r.getLong("id"), lessonId, Bulk.instant(r, "opened_at"), Bulk.instant(r, "closes_at")));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A roll call's times and its class, as one row reads. */
    private record Window(Instant openedAt, Instant closesAt, long classId) {}

    private RollCall one(long lessonId, long rollCallId, Caller caller) {
        List<Window> rows = Bulk.on(em)
                .select(
                        "SELECT r.opened_at, r.closes_at, l.class_id FROM live_roll_call r"
                                + " JOIN lesson l ON l.id = r.lesson_id WHERE r.id = ? AND r.lesson_id = ?",
                        List.of(rollCallId, lessonId),
                        r -> new Window(
                                Bulk.instant(r, "opened_at"), Bulk.instant(r, "closes_at"), r.getLong("class_id")));
        if (rows.isEmpty()) {
            throw PlatformException.notFound(new Words("签到", "Roll call"), rollCallId);
        }
        Instant opened = rows.get(0).openedAt();
        Instant closes = rows.get(0).closesAt();
        boolean open = closes.isAfter(Instant.now());
        if (caller.role() == Role.LEARNER) {
            // A learner is told of their own check-in only: not who else has checked in, nor how many.
            @SuppressWarnings("unchecked")
            List<Timestamp> mine = em.createNativeQuery(
                            "SELECT checked_at FROM live_check_in WHERE roll_call_id = ? AND learner_id = ?")
                    .setParameter(1, rollCallId)
                    .setParameter(2, caller.accountId())
                    .getResultList();
            return new RollCall(
                    rollCallId,
                    lessonId,
                    opened,
                    closes,
                    open,
                    null,
                    null,
                    mine.isEmpty() ? null : mine.get(0).toInstant(),
                    null);
        }
        List<Entry> entries = Bulk.on(em)
                .select(
                        "SELECT a.username, a.full_name, c.checked_at FROM class_learner cl"
                                + " JOIN account a ON a.id = cl.account_id LEFT JOIN live_check_in c ON c.roll_call_id = ? AND c.learner_id = a.id"
                                + " WHERE cl.class_id = ? ORDER BY a.username",
                        List.of(rollCallId, rows.get(0).classId()),
                        e -> new Entry(
                                e.getString("username"), e.getString("full_name"), Bulk.instant(e, "checked_at")));
        int checkedIn =
                (int) entries.stream().filter(e -> e.checkedAt() != null).count();
        return new RollCall(rollCallId, lessonId, opened, closes, open, checkedIn, entries.size(), null, entries);
    }
}
