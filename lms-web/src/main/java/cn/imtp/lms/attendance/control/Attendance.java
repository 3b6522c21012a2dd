package cn.imtp.lms.attendance.control;

import cn.imtp.lms.attendance.entity.PlaybackSession;
import cn.imtp.lms.attendance.entity.WatchedVideo;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.identity.control.AccountGuard;
import cn.imtp.lms.identity.control.TokenIssuer;
import cn.imtp.lms.platform.control.Bulk;
import cn.imtp.lms.resourcepack.control.ResourcePacks;
import cn.imtp.lms.resourcepack.entity.Resource;
import cn.imtp.lms.resourcepack.entity.ResourceCategory;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Playback sessions and their heartbeats: what earns a learner credit for a lesson video, stored with
 * the hours ledger and the class's attendance chain in the same transaction, so that a beat is
 * acknowledged only once it is durable.
 */
@ApplicationScoped
public class Attendance {

    /** How long after its session was ended a beat is still taken (the one that was on its way). */
    private static final long ENDED_GRACE_MS = 2000;

    /** What the player needs to start: where to resume, where a first viewing may go, how to beat. */
    public record SessionTicket(String sessionId, String token, Instant expiresAt, int heartbeatSeconds, Set<Double> allowedRates,
                                int idleSeconds, int presenceAnswerSeconds, int durationSeconds, long resumeMs, long frontierMs, long classId, long unitId, String playlistUrl) {
    }

    /**
     * A heartbeat as the player sends it. {@code absentSinceMs} (session elapsed time of the learner's last
     * interaction) reports a presence question left unanswered: such a beat carries no playback and takes
     * back the credit of every earlier beat of the session sent after that moment.
     */
    public record BeatRequest(String token, Long seq, Long elapsedMs, List<CreditPolicy.Range> played, Double rate, Boolean visible,
                              Long positionMs, Long absentSinceMs) {
    }

    /** The answer to a beat; {@code verdict} REFUSED and OUT_OF_ORDER come with the reason. */
    public record BeatAck(long seq, CreditPolicy.Verdict verdict, String reason, int sessionCreditedSeconds,
                          int videoCreditedSeconds, long frontierMs) {
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    ResourcePacks packs;

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
    HoursLedger ledger;

    @Inject
    AccountGuard guard;

    /**
     * Opens a session for a published learning video of a unit in one of the learner's active classes,
     * and ends the learner's other sessions: one playback earns credit at a time, across tabs, devices
     * and nodes.
     */
    @Transactional
    public SessionTicket open(Caller learner, Long resourceId) {
        if (resourceId == null) {
            throw PlatformException.invalid("Say which lesson video to play.", List.of(new FieldError("resourceId", "required")));
        }
        // A learner's opens take turns on the learner's own account row (a primary-key lock, no gap lock),
        // first thing, so that every read below sees the sessions a previous open committed. Locking the
        // open sessions with a range query instead would take gap locks that deadlock concurrent learners.
        em.createNativeQuery("SELECT id FROM account WHERE id = ? FOR UPDATE").setParameter(1, learner.accountId()).getResultList();
        ResourcePacks.AccessTicket access = packs.access(resourceId, null, learner);
        Resource r = em.find(Resource.class, resourceId);
        if (!"VIDEO".equals(access.kind()) || r.category() != ResourceCategory.LEARNING || r.unitId() == null) {
            throw PlatformException.conflict("Only the lesson videos of a learning unit count for class hours; this resource is a "
                    + r.category() + " " + r.kind() + ".");
        }
        List<Long> studying = classes.activeClassesByUnit(learner.accountId()).get(r.unitId());
        if (studying == null) {
            throw PlatformException.conflict("This unit is in none of your active classes' plans.");
        }
        long classId = studying.get(0);
        UUID asset = UUID.fromString(access.assetId());
        // media-service records the probed duration in the shared database; it is the bound of every claim.
        List<?> duration = em.createNativeQuery("SELECT duration_ms FROM media_asset WHERE id = ? AND state IN ('PROCESSING', 'READY')")
                .setParameter(1, asset.toString()).getResultList();
        if (duration.isEmpty() || duration.get(0) == null) {
            throw PlatformException.conflict("This video is not playable yet; try again when it has been prepared.");
        }
        int seconds = (int) (((Number) duration.get(0)).longValue() / 1000);
        Instant now = Instant.now();
        endActivities(learner.accountId(), now);
        PlaybackSession session = new PlaybackSession(learner.accountId(), classId, r.unitId(), resourceId, asset, seconds, now);
        em.persist(session);
        // The rows every beat of this session updates exist from now on: beats then lock existing rows only.
        em.createNativeQuery("INSERT IGNORE INTO watched_video (learner_id, asset_id, unit_id, seconds, credited_seconds, resume_ms)"
                + " VALUES (?, ?, ?, '', 0, 0)").setParameter(1, learner.accountId()).setParameter(2, asset.toString())
                .setParameter(3, r.unitId()).executeUpdate();
        em.createNativeQuery("INSERT IGNORE INTO ledger_entry (class_id, learner_id, unit_id, self_paced_seconds) VALUES (?, ?, ?, 0)")
                .setParameter(1, classId).setParameter(2, learner.accountId()).setParameter(3, r.unitId()).executeUpdate();
        em.flush();
        chain.open(classId);
        // Read under a lock so that the shared cache cannot hand back another node's older state.
        WatchedVideo watched = em.find(WatchedVideo.class, new WatchedVideo.Key(learner.accountId(), asset), LockModeType.PESSIMISTIC_READ);
        BitSet seen = watched.seconds();
        Instant expires = now.plus(Duration.ofHours(settings.lateWindowHours() + 12L));
        String token = tokens.sign(new PlaybackToken(learner.accountId(), session.id(), asset.toString(), classId, expires).claims()
                .add("iat", now.getEpochSecond()));
        return new SessionTicket(session.id(), token, expires, settings.heartbeatSeconds(), settings.allowedRates(),
                settings.idleSeconds(), settings.presenceAnswerSeconds(), seconds,
                watched.resumeMs(), Math.min(seconds, seen.nextClearBit(0)) * 1000L, classId, r.unitId(),
                access.playlistUrl());
    }

    /**
     * Ends every playback and live-lesson session the learner has open, within the caller's transaction:
     * a learner's time is credited to one activity at a time. The caller has locked the learner's account row,
     * so the open sessions are found with plain reads and locked by their primary key only: a locking search
     * by learner would also lock the index gap next to the learner, which a whole class joining a lesson at
     * once would then fill from both sides and deadlock on.
     */
    public void endActivities(long learnerId, Instant now) {
        em.createQuery("SELECT s.id FROM PlaybackSession s WHERE s.learnerId = :l AND s.endedAt IS NULL", String.class)
                .setParameter("l", learnerId).getResultList()
                .forEach(id -> em.find(PlaybackSession.class, id, LockModeType.PESSIMISTIC_WRITE).end("SUPERSEDED", now));
        @SuppressWarnings("unchecked")
        List<String> live = em.createNativeQuery("SELECT id FROM live_session WHERE learner_id = ? AND ended_at IS NULL")
                .setParameter(1, learnerId).getResultList();
        for (String id : live) {
            em.createNativeQuery("UPDATE live_session SET ended_at = ?, ended_reason = 'SUPERSEDED' WHERE id = ? AND ended_at IS NULL")
                    .setParameter(1, java.sql.Timestamp.from(now)).setParameter(2, id).executeUpdate();
        }
    }

    /** A beat on its way to the store: who sent it, for which session, with the session's verified token. */
    public record Pending(Caller learner, String sessionId, BeatRequest beat, PlaybackToken token) {
    }

    /**
     * What can be checked without the database, in the request's own thread: the beat is complete and its
     * token is this learner's, for this session.
     *
     * @return the beat's verified token
     */
    public PlaybackToken check(Caller learner, String sessionId, BeatRequest b) {
        if (b == null || b.seq() == null || b.elapsedMs() == null || b.rate() == null || b.visible() == null) {
            throw PlatformException.invalid("A beat needs token, seq, elapsedMs, played, rate and visible.",
                    List.of(new FieldError("body", "seq, elapsedMs, rate and visible are required")));
        }
        PlaybackToken token = PlaybackToken.verify(b.token(), tokenSettings.publicKey(), tokenSettings.issuer(), Instant.now());
        if (!token.sessionId().equals(sessionId) || token.learnerId() != learner.accountId()) {
            throw new PlatformException(403, "forbidden", "Forbidden", "This token belongs to another session or learner.");
        }
        try {
            UUID.fromString(token.assetId());
        } catch (IllegalArgumentException e) {
            // A live lesson's token, say: its session is no lesson video's.
            throw PlatformException.notFound("Playback session", sessionId);
        }
        return token;
    }

    /**
     * Judges and stores checked beats through {@code sql}, in the transaction of its connection, in their order
     * (see {@link BeatWriter}, which commits): each gets its {@link BeatAck} or the {@link PlatformException}
     * that refused it, and a beat refused as impossible is kept for review, never credited. The sessions, the
     * learners' watched seconds and the chains' heads are locked up front, each kind in key order, so that
     * writers on several nodes never wait for each other in a circle.
     */
    public List<Object> store(Bulk sql, List<Pending> beats) {
        Instant now = Instant.now();
        // One round trip locks, in this order and each kind in key order: the sessions, the learners' watched
        // seconds of their videos and the heads of the classes' chains. The tokens name the (learner, video)
        // pair and the class of each session; the sessions read confirm them (see judge).
        List<String> ids = beats.stream().map(Pending::sessionId).distinct().sorted().toList();
        Map<String, PlaybackSession> sessions = new HashMap<>();
        List<Bulk.Query> locks = new ArrayList<>();
        locks.add(new Bulk.Query("SELECT " + PlaybackSession.SELECT + " FROM playback_session WHERE id IN " + Bulk.marks(ids.size())
                + " ORDER BY id FOR UPDATE", ids, r -> {
                    PlaybackSession session = PlaybackSession.read(r);
                    sessions.put(session.id(), session);
                }));
        Map<WatchedVideo.Key, WatchedVideo> watched = new HashMap<>();
        // Exactly the (learner, video) pairs of these sessions: no other learner's row is held up by this batch.
        List<WatchedVideo.Key> pairs = beats.stream().map(p -> new WatchedVideo.Key(p.learner().accountId(), UUID.fromString(p.token().assetId())))
                .distinct().toList();
        String match = String.join(" OR ", java.util.Collections.nCopies(pairs.size(), "(learner_id = ? AND asset_id = ?)"));
        List<Object> keys = pairs.stream().<Object>mapMulti((k, out) -> {
            out.accept(k.learnerId());
            out.accept(k.assetId());
        }).toList();
        locks.add(new Bulk.Query("SELECT " + String.join(", ", WatchedVideo.COLUMNS) + " FROM watched_video WHERE " + match
                + " ORDER BY learner_id, asset_id FOR UPDATE", keys, r -> {
                    WatchedVideo w = WatchedVideo.read(r);
                    watched.put(w.key(), w);
                }));
        // Read with plain JDBC (never managed by JPA); the writes below wait and go together in one round trip.
        AttendanceChain.Appender records = chain.appender(sql);
        List<Long> named = beats.stream().map(p -> p.token().classId()).filter(java.util.Objects::nonNull).toList();
        if (!named.isEmpty()) {
            locks.add(records.heads(named));
        }
        // The learners' accounts (AdmissionDeferred: the request filter left them to the batch), read plainly and
        // last, so that this transaction's snapshot, which creditedAfter reads, is taken once the sessions are locked.
        Map<Long, AccountGuard.Standing> accounts = new HashMap<>();
        locks.add(guard.standings(beats.stream().map(p -> p.learner().accountId()).distinct().toList(), accounts));
        sql.selectTogether(locks);
        // A chain the tokens did not name (a token signed before they did) is locked now, after the others.
        records.lock(sessions.values().stream().map(PlaybackSession::classId).toList());
        Map<HoursLedger.Line, Integer> credits = new HashMap<>();
        Set<PlaybackSession> advanced = new LinkedHashSet<>();
        Set<WatchedVideo> seen = new LinkedHashSet<>();
        List<Object> answers = new ArrayList<>();
        for (Pending p : beats) {
            try {
                AccountGuard.check(p.learner(), accounts.get(p.learner().accountId()), false);
                answers.add(judge(sql, p, sessions.get(p.sessionId()), watched, records, credits, now, advanced, seen));
            } catch (PlatformException refused) {
                answers.add(refused);
            }
        }
        records.flush();
        ledger.credit(sql, credits, HoursLedger.Kind.SELF_PACED);
        sql.insert("playback_session", PlaybackSession.COLUMNS, advanced.stream().map(PlaybackSession::row).toList(),
                Bulk.updateAll(PlaybackSession.PROGRESS_COLUMNS));
        sql.insert("watched_video", WatchedVideo.COLUMNS, seen.stream().map(WatchedVideo::row).toList(),
                Bulk.updateAll(WatchedVideo.PROGRESS_COLUMNS));
        return answers;
    }

    /**
     * 410 for a beat that comes too late (older than the late window) or from after its session was ended (two
     * seconds of grace for the beat that was on its way); videos and live lessons alike.
     */
    public void checkOpen(Instant openedAt, Instant endedAt, long elapsedMs, Instant now, String whenEnded) {
        if (Duration.between(openedAt, now).toMillis() - elapsedMs > Duration.ofHours(settings.lateWindowHours()).toMillis()) {
            throw new PlatformException(410, "too-late", "Too late", "Beats are accepted within " + settings.lateWindowHours()
                    + " hours; this one is older.");
        }
        if (endedAt != null && elapsedMs > Duration.between(openedAt, endedAt).toMillis() + ENDED_GRACE_MS) {
            throw new PlatformException(410, "session-ended", "Session ended", whenEnded);
        }
    }

    private BeatAck judge(Bulk sql, Pending p, PlaybackSession s, Map<WatchedVideo.Key, WatchedVideo> watchedVideos, AttendanceChain.Appender records,
                          Map<HoursLedger.Line, Integer> credits, Instant now, Set<PlaybackSession> advanced, Set<WatchedVideo> changed) {
        BeatRequest b = p.beat();
        Caller learner = p.learner();
        if (s == null) {
            throw PlatformException.notFound("Playback session", p.sessionId());
        }
        if (!s.assetId().toString().equals(p.token().assetId())) {
            // The batch locked the watched seconds the token names: they must be this session's.
            throw new PlatformException(403, "forbidden", "Forbidden", "This token names another video than its session's.");
        }
        long serverElapsed = Duration.between(s.openedAt(), now).toMillis();
        checkOpen(s.openedAt(), s.endedAt(), b.elapsedMs(), now,
                "This playback was ended (" + s.endedReason() + ") by a newer one; open a new session to go on.");
        List<CreditPolicy.Range> played = b.played() == null ? List.of() : b.played();
        if (b.absentSinceMs() != null && (!played.isEmpty() || b.absentSinceMs() < 0 || b.absentSinceMs() > b.elapsedMs())) {
            throw PlatformException.invalid("An absence report carries no playback and an absentSinceMs between 0 and its elapsedMs.",
                    List.of(new FieldError("absentSinceMs", "must be within the session and come with an empty 'played'")));
        }
        WatchedVideo.Key key = new WatchedVideo.Key(learner.accountId(), s.assetId());
        WatchedVideo watched = watchedVideos.get(key);
        if (watched == null) {
            // Only for a session opened by a version that did not create the row at open (late beats after an upgrade).
            watched = new WatchedVideo(learner.accountId(), s.assetId(), s.unitId());
            watchedVideos.put(key, watched);
        }
        String reason = null;
        CreditPolicy.Outcome o = settings.policy().apply(s.state(), watched.seconds(), s.durationSeconds(),
                new CreditPolicy.Beat(b.seq(), b.elapsedMs(), played, b.rate(), b.visible()), serverElapsed);
        switch (o.verdict()) {
            case ACCEPTED -> {
                long position = b.positionMs() == null ? 0 : Math.max(0, Math.min(b.positionMs(), s.durationSeconds() * 1000L));
                BitSet credited = o.credited();
                int seconds = credited.cardinality();
                CreditPolicy.Session next = o.next();
                if (b.absentSinceMs() != null) {
                    records.flush(); // the session's records so far, for creditedAfter to read
                    credited = chain.creditedAfter(sql, s.id(), b.absentSinceMs());
                    credited.and(watched.seconds());
                    seconds = -credited.cardinality();
                    next = new CreditPolicy.Session(next.lastSeq(), next.lastElapsedMs(), -1, -1, next.creditedSeconds() + seconds);
                    watched.remove(credited, position);
                    reason = "absent since " + b.absentSinceMs() + " ms: " + credited.cardinality() + " s taken back";
                } else {
                    watched.add(credited, position);
                }
                s.advance(next, position, now);
                advanced.add(s);
                changed.add(watched);
                credits.merge(new HoursLedger.Line(s.classId(), learner.accountId(), s.unitId()), seconds, Integer::sum);
                records.append(new AttendanceChain.Link(s.classId(), s.id(), learner.accountId(), s.unitId()), b.seq(), now, b.elapsedMs(),
                        describe(played), b.rate(), b.visible(), seconds, Spans.format(credited));
            }
            case REFUSED -> chain.refuse(sql, p.sessionId(), learner, b.seq(), now, o.reason(), "elapsedMs=" + b.elapsedMs() + " rate=" + b.rate()
                    + " visible=" + b.visible() + " played=" + describe(played));
            default -> {
                // DUPLICATE and OUT_OF_ORDER change nothing.
            }
        }
        BitSet seen = watched.seconds();
        return new BeatAck(b.seq(), o.verdict(), reason == null ? o.reason() : reason, s.state().creditedSeconds(), seen.cardinality(),
                Math.min(s.durationSeconds(), seen.nextClearBit(0)) * 1000L);
    }

    static String describe(List<CreditPolicy.Range> played) {
        return played.stream().map(r -> r.fromMs() + "-" + r.toMs()).collect(Collectors.joining(","));
    }
}
