package cn.imtp.lms.attendance.control;

import cn.imtp.lms.attendance.entity.PlaybackSession;
import cn.imtp.lms.attendance.entity.WatchedVideo;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.identity.control.AccountTurns;
import cn.imtp.lms.identity.control.SignInsRevoked;
import cn.imtp.lms.identity.control.TokenIssuer;
import cn.imtp.lms.resourcepack.control.PlayingTimes;
import cn.imtp.lms.resourcepack.control.ResourcePacks;
import cn.imtp.lms.resourcepack.entity.Resource;
import cn.imtp.lms.resourcepack.entity.ResourceCategory;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.TokenSettings;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Playback sessions and their heartbeats: what earns a learner credit for a lesson video, stored with
 * the hours ledger and the class's attendance chain in the same transaction, so that a beat is
 * acknowledged only once it is durable.
 */
@ApplicationScoped
public class Attendance {

    /** The largest seq or elapsedMs a beat may carry (JSON numbers beyond a long are read lossily). */
    static final long MAX_NUMBER = 1_000_000_000_000L;

    /** How long after its session was ended a beat is still taken (the one that was on its way). */
    private static final long ENDED_GRACE_MS = 2000;

    /**
     * What the player needs to start: where it starts ({@code startsAtMs}, decided by {@link ResumeRule#startMs}), where a
     * first viewing may go, how to beat. {@code checkFromMs}: from this time of the session's clock a presence check is due
     * (0: before anything counts; absent: none scheduled).
     */
    public record SessionTicket(
            String sessionId,
            String token,
            Instant expiresAt,
            int heartbeatSeconds,
            Set<Double> allowedRates,
            int idleSeconds,
            int presenceAnswerSeconds,
            int durationSeconds,
            long startsAtMs,
            long frontierMs,
            long classId,
            long unitId,
            String playlistUrl,
            Long checkFromMs) {}

    /**
     * A heartbeat as the player sends it. {@code absentSinceMs} (session elapsed time of the learner's last
     * interaction) reports a presence question left unanswered: such a beat carries no playback and takes
     * back the credit of every earlier beat of the session sent after that moment.
     */
    public record BeatRequest(
            String token,
            Long seq,
            Long elapsedMs,
            List<CreditPolicy.Range> played,
            Double rate,
            Boolean visible,
            Long positionMs,
            Long absentSinceMs) {}

    /**
     * The answer to a beat; {@code verdict} REFUSED comes with the reason (in both languages, for the player to show).
     * {@code checkDue} is true when a presence check is due: the beats earn nothing until the learner passes it (absent
     * in classes without checks).
     */
    public record BeatAck(
            long seq,
            CreditPolicy.Verdict verdict,
            Words reason,
            int sessionCreditedSeconds,
            int videoCreditedSeconds,
            long frontierMs,
            Boolean checkDue) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    AccountTurns turns;

    @Inject
    HoursLedger ledger;

    @Inject
    ResourcePacks packs;

    @Inject
    PlayingTimes playingTimes;

    @Inject
    Classes classes;

    @Inject
    TokenIssuer tokens;

    @Inject
    TokenSettings tokenSettings;

    @Inject
    AttendanceSettings settings;

    @Inject
    AttendanceChain chain;

    @Inject
    Event<SessionOpened> opened;

    @Inject
    Instance<OpenActivities> others;

    /**
     * Opens a session for a published learning video of a unit in one of the learner's active classes,
     * and ends the learner's other sessions: one playback earns credit at a time, across tabs, devices
     * and nodes.
     */
    @Transactional
    public SessionTicket open(Caller learner, Long resourceId, Long classId) {
        if (resourceId == null) {
            throw PlatformException.invalid(
                    new Words("请指明要播放的课程视频。", "Say which lesson video to play."),
                    List.of(new FieldError("resourceId", new Words("必填", "required"))));
        }
        // A learner's opens take turns (AccountTurns): every read below sees the sessions a previous open committed.
        turns.take(learner.accountId());
        ResourcePacks.AccessTicket access = packs.access(resourceId, null, learner);
        Resource r = em.find(Resource.class, resourceId);
        if (!"VIDEO".equals(access.kind()) || r.category() != ResourceCategory.LEARNING || r.unitId() == null) {
            throw PlatformException.conflict(new Words(
                    "只有学习单元的课程视频才计入学时；此资源属于" + r.category().zh() + "，类型为"
                            + r.kind().zh() + "。",
                    "Only the lesson videos of a learning unit count for class hours; this resource is a "
                            + r.category() + " " + r.kind() + "."));
        }
        List<Long> studying = classes.activeClassesByUnit(learner.accountId()).get(r.unitId());
        // Of the learner's classes with the unit, those the lesson belongs to (its class's, shared, or the library's).
        studying = studying == null ? null : packs.classesReached(resourceId, studying);
        if (studying == null || studying.isEmpty()) {
            throw PlatformException.conflict(
                    new Words("您所在的进行中班级的培训计划都不包含此学习单元。", "This unit is in none of your active classes' plans."));
        }
        long cls = classOf(studying, classId);
        UUID asset = UUID.fromString(access.assetId());
        // The playing time media-service reported for the published version; it is the bound of every claim.
        Long duration = playingTimes.playable(resourceId, learner);
        if (duration == null) {
            throw PlatformException.conflict(new Words(
                    "此视频尚不能播放，请在处理完成后再试。", "This video is not playable yet; try again when it has been prepared."));
        }
        int seconds = (int) (duration / 1000);
        Instant now = Instant.now();
        endActivities(learner.accountId(), now);
        PlaybackSession session =
                new PlaybackSession(learner.accountId(), cls, r.unitId(), resourceId, asset, seconds, now);
        em.persist(session);
        // The rows every beat of this session updates exist from now on: beats then lock existing rows only.
        em.createNativeQuery(
                        "INSERT IGNORE INTO watched_video (learner_id, class_id, asset_id, unit_id, seconds, credited_seconds, resume_ms)"
                                + " VALUES (?, ?, ?, ?, '', 0, 0)")
                .setParameter(1, learner.accountId())
                .setParameter(2, cls)
                .setParameter(3, asset.toString())
                .setParameter(4, r.unitId())
                .executeUpdate();
        ledger.open(new HoursLedger.Line(cls, learner.accountId(), r.unitId()));
        em.flush();
        opened.fire(new SessionOpened(
                new CreditedSession(
                        HoursLedger.Kind.SELF_PACED, session.id(), cls, learner.accountId(), r.unitId(), null),
                now));
        chain.open(cls);
        // Read under a lock so that the shared cache cannot hand back another node's older state.
        WatchedVideo watched = em.find(
                WatchedVideo.class,
                new WatchedVideo.Key(learner.accountId(), cls, asset),
                LockModeType.PESSIMISTIC_READ);
        long frontier = ResumeRule.frontierMs(watched.seconds(), duration);
        Instant expires = now.plus(Duration.ofHours(settings.lateWindowHours() + 12L));
        String token = tokens.sign(new PlaybackToken(learner.accountId(), session.id(), asset.toString(), cls, expires)
                .claims()
                .add("iat", now.getEpochSecond()));
        return new SessionTicket(
                session.id(),
                token,
                expires,
                settings.heartbeatSeconds(),
                settings.allowedRates(),
                settings.idleSeconds(),
                settings.presenceAnswerSeconds(),
                seconds,
                ResumeRule.startMs(watched.resumeMs(), frontier, duration),
                frontier,
                cls,
                r.unitId(),
                access.playlistUrl(),
                session.heldFromMs());
    }

    /**
     * The class the session counts for: the one the learner opened the lesson from, which must be one of the
     * learner's active classes with the unit in its plan; without it, the only such class. Each class's credit is
     * its own: the same minutes never count for two trainings.
     */
    private static long classOf(List<Long> studying, Long chosen) {
        if (chosen != null) {
            if (!studying.contains(chosen)) {
                throw PlatformException.conflict(
                        new Words(
                                "班级 " + chosen + " 的培训计划不包含本课程的学习单元，或您不是该班级的在学学员；" + "请从您所在的班级打开课程。",
                                "This lesson's unit is not in the plan of class " + chosen
                                        + ", or you are not one of its active learners; open the lesson from one of your classes."));
            }
            return chosen;
        }
        if (studying.size() > 1) {
            throw PlatformException.invalid(
                    new Words(
                            "您在多个班级中学习此学习单元，请指明为哪个班级观看，以便学时计入该班级。",
                            "You study this unit in several classes; say for which class you are watching, so that the"
                                    + " time counts there."),
                    List.of(new FieldError("classId", new Words("须为以下之一：" + studying, "one of " + studying))));
        }
        return studying.get(0);
    }

    /**
     * Ends every playback and live-lesson session the learner has open, within the caller's transaction:
     * a learner's time is credited to one activity at a time. The caller has locked the learner's account row,
     * so the open sessions are found with plain reads and locked by their primary key only: a locking search
     * by learner would also lock the index gap next to the learner, which a whole class joining a lesson at
     * once would then fill from both sides and deadlock on.
     */
    public void endActivities(long learnerId, Instant now) {
        endActivities(learnerId, "SUPERSEDED", now);
    }

    /**
     * The account's sign-ins were revoked (disabled, signed out): its sessions end now, within the revoking
     * transaction, which holds the account row as {@link #open} takes it. Credit never reaches past the end.
     */
    void onRevoked(@Observes SignInsRevoked revoked) {
        endActivities(revoked.accountId(), revoked.reason(), revoked.at());
    }

    private void endActivities(long learnerId, String reason, Instant now) {
        em.createQuery("SELECT s.id FROM PlaybackSession s WHERE s.learnerId = :l AND s.endedAt IS NULL", String.class)
                .setParameter("l", learnerId)
                .getResultList()
                .forEach(id -> em.find(PlaybackSession.class, id, LockModeType.PESSIMISTIC_WRITE)
                        .end(reason, now));
        // Then the sessions other features own (live lessons), ended by their owners in this transaction.
        others.forEach(o -> o.end(learnerId, reason, now));
    }

    /** A beat on its way to the store: who sent it, for which session, with the session's verified token. */
    public record Pending(Caller learner, String sessionId, BeatRequest beat, PlaybackToken token) {}

    /**
     * What can be checked without the database, in the request's own thread: the beat is complete and its
     * token is this learner's, for this session.
     *
     * @return the beat's verified token
     */
    public PlaybackToken check(Caller learner, String sessionId, BeatRequest b) {
        if (b == null || b.seq() == null || b.elapsedMs() == null || b.rate() == null || b.visible() == null) {
            throw PlatformException.invalid(
                    new Words(
                            "心跳数据不完整：须包含令牌、序号、计时、播放区间、播放速度和页面是否可见。",
                            "A beat needs token, seq, elapsedMs, played, rate and visible."),
                    List.of(new FieldError(
                            "body",
                            new Words("序号、计时、播放速度和页面是否可见为必填", "seq, elapsedMs, rate and visible are required"))));
        }
        if (b.seq() < 1 || b.seq() > MAX_NUMBER || b.elapsedMs() < 0 || b.elapsedMs() > MAX_NUMBER) {
            throw PlatformException.invalid(
                    new Words(
                            "心跳的序号从 1 起、计时从 0 毫秒起，且都须小于 " + MAX_NUMBER + "。",
                            "A beat's seq counts from 1 and its elapsedMs from 0, each below " + MAX_NUMBER + "."),
                    List.of(new FieldError(
                            b.seq() < 1 || b.seq() > MAX_NUMBER ? "seq" : "elapsedMs",
                            new Words("超出范围", "out of range"))));
        }
        if (b.played() != null && b.played().size() > CreditPolicy.MAX_RANGES) {
            // Refused here, in the request's thread, so that a huge list never reaches the writer.
            throw PlatformException.invalid(
                    new Words(
                            "一次心跳最多列出 " + CreditPolicy.MAX_RANGES + " 段播放区间。",
                            "A beat lists at most " + CreditPolicy.MAX_RANGES + " played ranges."),
                    List.of(new FieldError(
                            "played",
                            new Words(b.played().size() + " 段", b.played().size() + " ranges"))));
        }
        if (b.played() != null && b.played().contains(null)) {
            throw PlatformException.invalid(
                    new Words("每段播放区间须包含起点和终点（毫秒）。", "Each played range is an object with fromMs and toMs."),
                    List.of(new FieldError("played", new Words("不能包含 null", "must not contain null"))));
        }
        PlaybackToken token =
                PlaybackToken.verify(b.token(), tokenSettings.publicKey(), tokenSettings.issuer(), Instant.now());
        if (!token.sessionId().equals(sessionId) || token.learnerId() != learner.accountId()) {
            throw new PlatformException(
                    403,
                    "forbidden",
                    "Forbidden",
                    new Words("此令牌属于其他会话或其他学员。", "This token belongs to another session or learner."));
        }
        try {
            UUID.fromString(token.assetId());
        } catch (IllegalArgumentException e) {
            // A live lesson's token, say: its session is no lesson video's.
            throw PlatformException.notFound(new Words("观看会话", "Playback session"), sessionId);
        }
        if (token.classId() == null) {
            throw new PlatformException(
                    401,
                    "invalid-playback-token",
                    "Invalid playback token",
                    new Words(
                            "此令牌签发于旧版本，未注明班级，请重新打开课程。",
                            "This token was signed before playback sessions named their class; open the lesson again."));
        }
        return token;
    }

    /**
     * 410 for a beat that comes too late (older than the late window) or that began after its session was ended
     * (its stretch, from the previous beat, lies wholly after the end); a beat that began before the end is taken
     * and credited up to the end. Videos and live lessons alike.
     */
    public void checkOpen(
            Instant openedAt, Instant endedAt, long lastElapsedMs, long elapsedMs, Instant now, Words whenEnded) {
        if (Duration.between(openedAt, now).toMillis() - elapsedMs
                > Duration.ofHours(settings.lateWindowHours()).toMillis()) {
            throw new PlatformException(
                    410,
                    "too-late",
                    "Too late",
                    new Words(
                            "只接受 " + settings.lateWindowHours() + " 小时内的心跳，这次心跳已超时。",
                            "Beats are accepted within " + settings.lateWindowHours() + " hours; this one is older."));
        }
        if (endedAt != null) {
            long end = Duration.between(openedAt, endedAt).toMillis();
            if (elapsedMs > end + ENDED_GRACE_MS && lastElapsedMs >= end) {
                throw new PlatformException(410, "session-ended", "Session ended", whenEnded);
            }
        }
    }
}
