package cn.imtp.lms.live.control;

import cn.imtp.lms.application.ChinaTime;
import cn.imtp.lms.attendance.control.Attendance;
import cn.imtp.lms.attendance.control.AttendanceChain;
import cn.imtp.lms.attendance.control.AttendanceSettings;
import cn.imtp.lms.attendance.control.CreditHolds;
import cn.imtp.lms.attendance.control.CreditPolicy.Verdict;
import cn.imtp.lms.attendance.control.CreditedSession;
import cn.imtp.lms.attendance.control.HoursLedger;
import cn.imtp.lms.attendance.control.PlaybackToken;
import cn.imtp.lms.attendance.control.SessionOpened;
import cn.imtp.lms.attendance.control.Spans;
import cn.imtp.lms.cohort.entity.Lesson;
import cn.imtp.lms.identity.control.AccountTurns;
import cn.imtp.lms.identity.control.TokenIssuer;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.security.TokenSettings;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Presence in live lessons: a learner joins (which ends any other activity of theirs, so that a minute is
 * credited once), then the lesson page beats like the lesson player. Each beat is judged by
 * {@link LivePolicy} and stored with the hours ledger and the class's attendance chain in one transaction:
 * acknowledged only once durable. The presence question works as for videos: an absence report takes back
 * the credit of the beats sent after the learner's last interaction. In a class that asks for face checks, the join
 * is refused or held as a lesson video's opening is ({@link SessionOpened}): while a check is due the beats are stored
 * but earn nothing ({@code checkDue}), and a failed or missed check takes back the seconds since the last pass
 * ({@link LiveCreditHolds}).
 */
@ApplicationScoped
public class LiveAttendance {

    /** What the lesson page needs to beat. */
    public record JoinTicket(
            String sessionId,
            String token,
            Instant expiresAt,
            int heartbeatSeconds,
            int idleSeconds,
            int presenceAnswerSeconds,
            Instant startsAt,
            Instant endsAt,
            Instant serverTime,
            int creditedSeconds,
            Long checkFromMs) {}

    /** A beat from the lesson page; {@code absentSinceMs} reports a presence question left unanswered (see the lesson player). */
    public record BeatRequest(String token, Long seq, Long elapsedMs, Boolean visible, Long absentSinceMs) {}

    /** {@code checkDue}: a face check is due, and the beats earn nothing until it passes (absent otherwise). */
    public record BeatAck(
            long seq,
            Verdict verdict,
            Words reason,
            int sessionCreditedSeconds,
            int lessonCreditedSeconds,
            Boolean checkDue) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    AccountTurns turns;

    @Inject
    LiveLessons lessons;

    @Inject
    Attendance attendance;

    @Inject
    AttendanceChain chain;

    @Inject
    HoursLedger ledger;

    @Inject
    AttendanceSettings settings;

    @Inject
    TokenIssuer tokens;

    @Inject
    TokenSettings tokenSettings;

    @Inject
    Event<SessionOpened> opened;

    private LivePolicy policy;

    /** The rules as configured, built once (they are immutable). */
    private LivePolicy policy() {
        if (policy == null) {
            policy = new LivePolicy(settings.heartbeatSeconds() * 1000L + settings.slackMs(), settings.slackMs());
        }
        return policy;
    }

    /** Joins the lesson while it is open; any other playback or lesson of the learner stops earning credit. */
    @Transactional
    public JoinTicket join(long lessonId, Caller learner) {
        if (learner.role() != Role.LEARNER) {
            throw new PlatformException(
                    403,
                    "forbidden",
                    "Forbidden",
                    new Words("只有学员进入直播课才计入考勤。", "Only learners join a lesson to be counted."));
        }
        // Joins and video sessions of one learner take turns on the learner's account row (AccountTurns).
        turns.take(learner.accountId());
        Lesson l = lessons.visible(lessonId, learner);
        Instant now = Instant.now();
        LiveLessons.Window s = lessons.window(l, now);
        switch (s.state()) {
            case UPCOMING ->
                throw PlatformException.conflict(new Words(
                        "本直播课于 " + ChinaTime.inWords(s.joinOpensAt()).zh() + " 开放进入（"
                                + ChinaTime.inWords(s.startsAt()).zh() + " 开始），请届时再进入。",
                        "This lesson opens at "
                                + ChinaTime.inWords(s.joinOpensAt()).en() + " (it starts at "
                                + ChinaTime.inWords(s.startsAt()).en() + "); join then."));
            case ENDED ->
                throw PlatformException.conflict(new Words(
                        "本直播课已于 " + ChinaTime.inWords(s.endsAt()).zh() + " 结束，不能再进入。",
                        "This lesson ended at " + ChinaTime.inWords(s.endsAt()).en()
                                + "; it can no longer be joined."));
            default -> {}
        }
        attendance.endActivities(learner.accountId(), now);
        String id = UUID.randomUUID().toString();
        long classId = l.trainingClass().id();
        em.createNativeQuery(
                        "INSERT INTO live_session (id, lesson_id, learner_id, class_id, unit_id, opened_at) VALUES (?,?,?,?,?,?)")
                .setParameter(1, id)
                .setParameter(2, lessonId)
                .setParameter(3, learner.accountId())
                .setParameter(4, classId)
                .setParameter(5, l.unit().id())
                .setParameter(6, Timestamp.from(now))
                .executeUpdate();
        // The rows every beat updates exist from now on: beats then lock existing rows only.
        em.createNativeQuery(
                        "INSERT IGNORE INTO live_attendance (lesson_id, learner_id, seconds, credited_seconds) VALUES (?, ?, '', 0)")
                .setParameter(1, lessonId)
                .setParameter(2, learner.accountId())
                .executeUpdate();
        ledger.open(new HoursLedger.Line(classId, learner.accountId(), l.unit().id()));
        // Presence checks may refuse the join (409) or hold its credit until the first check passes.
        opened.fire(new SessionOpened(
                new CreditedSession(
                        HoursLedger.Kind.LIVE,
                        id,
                        classId,
                        learner.accountId(),
                        l.unit().id(),
                        lessonId),
                now));
        chain.open(classId);
        int credited = present(em, lessonId, learner.accountId(), false).cardinality();
        Long checkFromMs = session(em, id, false).orElseThrow().heldFromMs();
        Instant expires = s.endsAt().plus(Duration.ofHours(settings.lateWindowHours()));
        String token = tokens.sign(new PlaybackToken(learner.accountId(), id, subject(lessonId), classId, expires)
                .claims()
                .add("iat", now.getEpochSecond()));
        return new JoinTicket(
                id,
                token,
                expires,
                settings.heartbeatSeconds(),
                settings.idleSeconds(),
                settings.presenceAnswerSeconds(),
                s.startsAt(),
                s.endsAt(),
                now,
                credited,
                checkFromMs);
    }

    /** Judges and stores one beat: 200 stored or its number already taken, 422 refused (its number used up), 410 the session was ended. */
    @Transactional
    public BeatAck beat(String sessionId, BeatRequest b, Caller learner) {
        if (b == null || b.seq() == null || b.elapsedMs() == null || b.visible() == null) {
            throw PlatformException.invalid(
                    new Words("心跳数据不完整：须包含令牌、序号、已用时间和页面是否可见。", "A beat needs token, seq, elapsedMs and visible."),
                    List.of(new FieldError(
                            "body", new Words("序号、已用时间和页面是否可见为必填", "seq, elapsedMs and visible are required"))));
        }
        PlaybackToken token =
                PlaybackToken.verify(b.token(), tokenSettings.publicKey(), tokenSettings.issuer(), Instant.now());
        if (!token.sessionId().equals(sessionId) || token.learnerId() != learner.accountId()) {
            throw new PlatformException(
                    403,
                    "forbidden",
                    "Forbidden",
                    new Words("此令牌属于其他会话或学员。", "This token belongs to another session or learner."));
        }
        LiveSession r = session(em, sessionId, true)
                .orElseThrow(() -> PlatformException.notFound(new Words("直播课会话", "Live session"), sessionId));
        long lessonId = r.lessonId();
        long classId = r.classId();
        long unitId = r.unitId();
        Instant openedAt = r.openedAt();
        if (!subject(lessonId).equals(token.assetId())) {
            throw new PlatformException(
                    403, "forbidden", "Forbidden", new Words("此令牌属于其他直播课。", "This token belongs to another lesson."));
        }
        Instant now = Instant.now();
        long serverElapsed = Duration.between(openedAt, now).toMillis();
        Instant endedAt = r.endedAt();
        attendance.checkOpen(
                openedAt,
                endedAt,
                r.lastElapsedMs(),
                b.elapsedMs(),
                now,
                new Words(
                        "此后您的考勤已在别处计算（" + r.endedReason() + "），如要在此计入，请在此重新进入直播课。",
                        "You were counted elsewhere from then on (" + r.endedReason()
                                + "): rejoin the lesson here to be counted here."));
        if (b.absentSinceMs() != null && (b.absentSinceMs() < 0 || b.absentSinceMs() > b.elapsedMs())) {
            throw PlatformException.invalid(
                    new Words(
                            "离开报告中的离开时刻须在 0 与本次心跳的已用时间之间。",
                            "An absence report carries an absentSinceMs between 0 and its elapsedMs."),
                    List.of(new FieldError("absentSinceMs", new Words("须在本次会话的时间范围内", "must be within the session"))));
        }
        Lesson lesson = em.find(Lesson.class, lessonId);
        LiveLessons.Window s = lessons.window(lesson, now);
        BitSet present = present(em, lessonId, learner.accountId(), true);
        // A face check is due: the beat is stored as sent but earns nothing, as if the page were hidden.
        boolean held = r.heldFromMs() != null && b.elapsedMs() >= r.heldFromMs();
        LivePolicy.Session state = new LivePolicy.Session(r.lastSeq(), r.lastElapsedMs());
        int sessionCredited = r.creditedSeconds();
        // An absence report earns nothing itself: the learner was not there.
        LivePolicy.Outcome o = policy().apply(
                        state,
                        present,
                        new LivePolicy.Frame(
                                openedAt.toEpochMilli(),
                                s.startsAt().toEpochMilli(),
                                s.endsAt().toEpochMilli()),
                        new LivePolicy.Beat(b.seq(), b.elapsedMs(), b.visible() && b.absentSinceMs() == null && !held),
                        serverElapsed,
                        endedAt == null
                                ? Long.MAX_VALUE
                                : Duration.between(openedAt, endedAt).toMillis());
        Words reason = held && o.verdict() == Verdict.ACCEPTED ? CreditHolds.CHECK_DUE : o.reason();
        switch (o.verdict()) {
            case ACCEPTED -> {
                BitSet credited = o.credited();
                int seconds = credited.cardinality();
                if (b.absentSinceMs() != null) {
                    credited = chain.creditedAfter(Bulk.on(em), sessionId, b.absentSinceMs());
                    credited.and(present);
                    present.andNot(credited);
                    seconds = -credited.cardinality();
                    reason = new Words(
                            "自第 " + b.absentSinceMs() + " 毫秒起不在场：扣回 " + credited.cardinality() + " 秒",
                            "absent since " + b.absentSinceMs() + " ms: " + credited.cardinality() + " s taken back");
                } else {
                    present.or(credited);
                }
                sessionCredited += seconds;
                keep(em, lessonId, learner.accountId(), present);
                em.createNativeQuery(
                                "UPDATE live_session SET last_seq = ?, last_elapsed_ms = ?, credited_seconds = ?, last_beat_at = ? WHERE id = ?")
                        .setParameter(1, b.seq())
                        .setParameter(2, b.elapsedMs())
                        .setParameter(3, sessionCredited)
                        .setParameter(4, Timestamp.from(now))
                        .setParameter(5, sessionId)
                        .executeUpdate();
                ledger.credit(classId, learner.accountId(), unitId, HoursLedger.Kind.LIVE, seconds);
                chain.append(
                        new AttendanceChain.Link(classId, sessionId, learner.accountId(), unitId),
                        b.seq(),
                        now,
                        b.elapsedMs(),
                        AttendanceChain.LIVE_PLAYED + lessonId,
                        1.0,
                        b.visible(),
                        seconds,
                        Spans.format(credited));
            }
            case REFUSED -> {
                // The refused beat uses its number up: the page drops it and goes on with the next.
                em.createNativeQuery("UPDATE live_session SET last_seq = ? WHERE id = ?")
                        .setParameter(1, o.next().lastSeq())
                        .setParameter(2, sessionId)
                        .executeUpdate();
                chain.refuse(
                        Bulk.on(em),
                        sessionId,
                        learner,
                        b.seq(),
                        now,
                        o.reason().en(),
                        "live lesson " + lessonId + " elapsedMs=" + b.elapsedMs() + " visible=" + b.visible());
            }
            default -> {
                // A DUPLICATE changes nothing.
            }
        }
        return new BeatAck(
                b.seq(), o.verdict(), reason, sessionCredited, present.cardinality(), held ? Boolean.TRUE : null);
    }

    /** The learner's credited seconds of the lesson's window, locked for the beat that changes them when {@code lock}. */
    static BitSet present(EntityManager em, long lessonId, long learnerId, boolean lock) {
        List<?> rows = em.createNativeQuery("SELECT seconds FROM live_attendance WHERE lesson_id = ? AND learner_id = ?"
                        + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, lessonId)
                .setParameter(2, learnerId)
                .getResultList();
        return rows.isEmpty() || rows.get(0) == null ? new BitSet() : BitSet.valueOf((byte[]) rows.get(0));
    }

    /** The learner's credited seconds of the lesson's window, as changed under the lock {@link #present} took. */
    static void keep(EntityManager em, long lessonId, long learnerId, BitSet present) {
        em.createNativeQuery(
                        "UPDATE live_attendance SET seconds = ?, credited_seconds = ? WHERE lesson_id = ? AND learner_id = ?")
                .setParameter(1, present.toByteArray())
                .setParameter(2, present.cardinality())
                .setParameter(3, lessonId)
                .setParameter(4, learnerId)
                .executeUpdate();
    }

    /** A live session, locked for the caller's transaction when {@code lock}. */
    static Optional<LiveSession> session(EntityManager em, String sessionId, boolean lock) {
        return Bulk.on(em)
                .select(
                        "SELECT " + LiveSession.COLUMNS + " FROM live_session WHERE id = ?"
                                + (lock ? " FOR UPDATE" : ""),
                        List.of(sessionId),
                        LiveSession::read)
                .stream()
                .findFirst();
    }

    /** A live session as the beat that locks it reads it. */
    record LiveSession(
            String id,
            long learnerId,
            long lessonId,
            long classId,
            long unitId,
            Instant openedAt,
            long lastSeq,
            long lastElapsedMs,
            int creditedSeconds,
            Instant endedAt,
            String endedReason,
            Long heldFromMs) {

        static final String COLUMNS =
                "id, learner_id, lesson_id, class_id, unit_id, opened_at, last_seq, last_elapsed_ms,"
                        + " credited_seconds, ended_at, ended_reason, held_from_ms";

        static LiveSession read(ResultSet r) throws SQLException {
            Timestamp ended = r.getTimestamp("ended_at");
            return new LiveSession(
                    r.getString("id"),
                    r.getLong("learner_id"),
                    r.getLong("lesson_id"),
                    r.getLong("class_id"),
                    r.getLong("unit_id"),
                    r.getTimestamp("opened_at").toInstant(),
                    r.getLong("last_seq"),
                    r.getLong("last_elapsed_ms"),
                    r.getInt("credited_seconds"),
                    ended == null ? null : ended.toInstant(),
                    r.getString("ended_reason"),
                    Bulk.longOrNull(r, "held_from_ms"));
        }
    }

    /** What a live session's token is bound to, in place of a video's asset. */
    private static String subject(long lessonId) {
        return "lesson:" + lessonId;
    }
}
