package cn.imtp.lms.attendance.control;

import cn.imtp.lms.attendance.control.Attendance.BeatAck;
import cn.imtp.lms.attendance.control.Attendance.BeatRequest;
import cn.imtp.lms.attendance.control.Attendance.Pending;
import cn.imtp.lms.attendance.entity.PlaybackSession;
import cn.imtp.lms.attendance.entity.WatchedVideo;
import cn.imtp.lms.identity.control.AccountGuard;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stores a batch of checked lesson-video beats in one transaction (the {@link BeatWriter} commits): locks what
 * the batch touches, judges each beat with {@link CreditPolicy}, and writes the records, the ledger, the sessions
 * and the watched seconds together. One beat's way: {@link BeatWriter#write} (checks it, queues it) →
 * {@link #store} (locks) → {@link Batch#judge} (decides, accumulates) → {@link Batch#write} → the writer's commit.
 */
@ApplicationScoped
public class BeatStore {

    /** What one beat came to: stored (with its answer) or refused (with the problem to answer). */
    public sealed interface Answer permits Stored, Refused {}

    public record Stored(BeatAck ack) implements Answer {}

    public record Refused(PlatformException problem) implements Answer {}

    @Inject
    Attendance attendance;

    @Inject
    AttendanceSettings settings;

    @Inject
    AttendanceChain chain;

    @Inject
    HoursLedger ledger;

    @Inject
    AccountGuard guard;

    /**
     * Judges and stores checked beats through {@code sql}, in the transaction of its connection, in their order:
     * each gets its answer, and a beat refused as impossible is kept for review, never credited. The sessions, the
     * learners' watched seconds and the chains' heads are locked up front, each kind in key order, so that writers
     * on several nodes never wait for each other in a circle.
     */
    public List<Answer> store(Bulk sql, List<Pending> beats) {
        Batch batch = new Batch(sql, Instant.now());
        batch.lock(beats);
        List<Answer> answers = new ArrayList<>();
        for (Pending p : beats) {
            try {
                AccountGuard.check(p.learner(), batch.accounts.get(p.learner().accountId()), false);
                answers.add(new Stored(batch.judge(p)));
            } catch (PlatformException refused) {
                answers.add(new Refused(refused));
            }
        }
        batch.write();
        return answers;
    }

    /** One batch: what it locked, and what its beats change, written together at the end. */
    final class Batch {

        private final Bulk sql;
        private final Instant now;
        private final Map<String, PlaybackSession> sessions = new HashMap<>();
        private final Map<WatchedVideo.Key, WatchedVideo> watched = new HashMap<>();
        private final Map<Long, AccountGuard.Standing> accounts = new HashMap<>();
        private final AttendanceChain.Appender records;
        private final Map<HoursLedger.Line, Integer> credits = new HashMap<>();
        private final Set<PlaybackSession> advanced = new LinkedHashSet<>();
        private final Set<WatchedVideo> changed = new LinkedHashSet<>();

        Batch(Bulk sql, Instant now) {
            this.sql = sql;
            this.now = now;
            this.records = chain.appender(sql);
        }

        /**
         * One round trip locks, in this order and each kind in key order: the sessions, the learners' watched seconds
         * of their videos in their classes and the heads of the classes' chains; then reads the learners' accounts.
         * The tokens name the (learner, class, video) row and the class of each session; the sessions read confirm
         * them ({@link #judge}).
         */
        void lock(List<Pending> beats) {
            List<String> ids =
                    beats.stream().map(Pending::sessionId).distinct().sorted().toList();
            List<Bulk.Query> locks = new ArrayList<>();
            locks.add(new Bulk.Query(
                    "SELECT " + BeatRows.Sessions.SELECT + " FROM playback_session WHERE id IN "
                            + Bulk.marks(ids.size()) + " ORDER BY id FOR UPDATE",
                    ids,
                    r -> {
                        PlaybackSession session = BeatRows.Sessions.read(r);
                        sessions.put(session.id(), session);
                    }));
            // Exactly the (learner, class, video) rows of these sessions: no other learner's row is held up by this
            // batch.
            List<WatchedVideo.Key> rows = beats.stream()
                    .map(p -> new WatchedVideo.Key(
                            p.learner().accountId(),
                            p.token().classId(),
                            UUID.fromString(p.token().assetId())))
                    .distinct()
                    .toList();
            String match = String.join(
                    " OR ", Collections.nCopies(rows.size(), "(learner_id = ? AND class_id = ? AND asset_id = ?)"));
            List<Object> keys = rows.stream()
                    .<Object>mapMulti((k, out) -> {
                        out.accept(k.learnerId());
                        out.accept(k.classId());
                        out.accept(k.assetId());
                    })
                    .toList();
            locks.add(new Bulk.Query(
                    "SELECT " + String.join(", ", BeatRows.Watched.COLUMNS) + " FROM watched_video WHERE " + match
                            + " ORDER BY learner_id, class_id, asset_id FOR UPDATE",
                    keys,
                    r -> {
                        WatchedVideo w = BeatRows.Watched.read(r);
                        watched.put(w.key(), w);
                    }));
            locks.add(records.heads(beats.stream().map(p -> p.token().classId()).toList()));
            // The learners' accounts (AdmissionDeferred: the request filter left them to the batch), read plainly and
            // last, so that this transaction's snapshot, which creditedAfter reads, is taken once the sessions are
            // locked.
            locks.add(guard.standings(
                    beats.stream().map(p -> p.learner().accountId()).distinct().toList(), accounts));
            sql.selectTogether(locks);
        }

        /** Judges one beat against its session as the batch holds it, and notes what it changes. */
        BeatAck judge(Pending p) {
            BeatRequest b = p.beat();
            Caller learner = p.learner();
            PlaybackSession s = sessions.get(p.sessionId());
            if (s == null) {
                throw PlatformException.notFound(new Words("观看会话", "Playback session"), p.sessionId());
            }
            if (!s.assetId().toString().equals(p.token().assetId())
                    || s.classId() != p.token().classId()) {
                // The batch locked the watched seconds and the chain the token names: they must be this session's.
                throw new PlatformException(
                        403,
                        "forbidden",
                        "Forbidden",
                        new Words(
                                "此令牌所指的视频或班级与其观看会话不符。", "This token names another video or class than its session's."));
            }
            long serverElapsed = Duration.between(s.openedAt(), now).toMillis();
            attendance.checkOpen(
                    s.openedAt(),
                    s.endedAt(),
                    s.state().lastElapsedMs(),
                    b.elapsedMs(),
                    now,
                    new Words(
                            "本次播放已结束（" + s.endedReason() + "），请重新打开课程继续观看。",
                            "This playback was ended (" + s.endedReason() + "); open a new session to go on."));
            List<CreditPolicy.Range> played = b.played() == null ? List.of() : b.played();
            if (b.absentSinceMs() != null
                    && (!played.isEmpty() || b.absentSinceMs() < 0 || b.absentSinceMs() > b.elapsedMs())) {
                throw PlatformException.invalid(
                        new Words(
                                "离开报告不能包含播放区间，且离开时间须在 0 与本次心跳的计时之间。",
                                "An absence report carries no playback and an absentSinceMs between 0 and its elapsedMs."),
                        List.of(new FieldError(
                                "absentSinceMs",
                                new Words(
                                        "须在本次会话时间之内，且不能同时包含播放区间",
                                        "must be within the session and come with an empty 'played'"))));
            }
            // Made at open; missing only for a session opened by a version that did not make it (late beats after an
            // upgrade).
            WatchedVideo seen = watched.computeIfAbsent(
                    new WatchedVideo.Key(learner.accountId(), s.classId(), s.assetId()),
                    k -> new WatchedVideo(learner.accountId(), s.classId(), s.assetId(), s.unitId()));
            // A presence check is due: the beat is stored as sent but earns nothing, as if the page were hidden.
            boolean held = s.heldFromMs() != null && b.elapsedMs() >= s.heldFromMs();
            Words reason = held ? CreditHolds.CHECK_DUE : null;
            CreditPolicy.Outcome o = settings.policy()
                    .apply(
                            s.state(),
                            seen.seconds(),
                            s.durationSeconds(),
                            new CreditPolicy.Beat(b.seq(), b.elapsedMs(), played, b.rate(), b.visible() && !held),
                            serverElapsed,
                            s.endedElapsedMs());
            switch (o.verdict()) {
                case ACCEPTED -> {
                    long position = b.positionMs() == null
                            ? 0
                            : Math.max(0, Math.min(b.positionMs(), s.durationSeconds() * 1000L));
                    BitSet credited = o.credited();
                    int seconds = credited.cardinality();
                    CreditPolicy.Session next = o.next();
                    if (b.absentSinceMs() != null) {
                        records.flush(); // the session's records so far, for creditedAfter to read
                        credited = chain.creditedAfter(sql, s.id(), b.absentSinceMs());
                        credited.and(seen.seconds());
                        seconds = -credited.cardinality();
                        next = new CreditPolicy.Session(
                                next.lastSeq(),
                                next.lastElapsedMs(),
                                -1,
                                -1,
                                s.state().creditedSeconds() + seconds,
                                next.playedUntilMs());
                        seen.remove(credited, position);
                        reason = new Words(
                                "自第 " + b.absentSinceMs() + " 毫秒起不在场：扣回 " + credited.cardinality() + " 秒",
                                "absent since " + b.absentSinceMs() + " ms: " + credited.cardinality()
                                        + " s taken back");
                    } else {
                        seen.add(credited, position);
                    }
                    s.advance(next, position, now);
                    advanced.add(s);
                    changed.add(seen);
                    credits.merge(
                            new HoursLedger.Line(s.classId(), learner.accountId(), s.unitId()), seconds, Integer::sum);
                    records.append(
                            new AttendanceChain.Link(s.classId(), s.id(), learner.accountId(), s.unitId()),
                            b.seq(),
                            now,
                            b.elapsedMs(),
                            describe(played),
                            b.rate(),
                            b.visible(),
                            seconds,
                            Spans.format(credited));
                }
                case REFUSED -> {
                    // The refused beat uses its number up: the player drops it and goes on with the next.
                    s.advance(o.next(), s.positionMs(), now);
                    advanced.add(s);
                    chain.refuse(
                            sql,
                            p.sessionId(),
                            learner,
                            b.seq(),
                            now,
                            o.reason(),
                            "elapsedMs=" + b.elapsedMs() + " rate=" + b.rate() + " visible=" + b.visible() + " played="
                                    + describe(played));
                }
                default -> {
                    // A DUPLICATE changes nothing.
                }
            }
            BitSet all = seen.seconds();
            return new BeatAck(
                    b.seq(),
                    o.verdict(),
                    reason == null || o.verdict() == CreditPolicy.Verdict.REFUSED ? o.words() : reason,
                    s.state().creditedSeconds(),
                    all.cardinality(),
                    Math.min(s.durationSeconds(), all.nextClearBit(0)) * 1000L,
                    held ? Boolean.TRUE : null);
        }

        /** The batch's records, ledger lines, sessions and watched seconds, each kind in one statement. */
        void write() {
            records.flush();
            ledger.credit(sql, credits, HoursLedger.Kind.SELF_PACED);
            sql.insert(
                    "playback_session",
                    BeatRows.Sessions.COLUMNS,
                    advanced.stream().map(BeatRows.Sessions::row).toList(),
                    BeatRows.Sessions.UPDATE_PROGRESS);
            sql.insert(
                    "watched_video",
                    BeatRows.Watched.COLUMNS,
                    changed.stream().map(BeatRows.Watched::row).toList(),
                    BeatRows.Watched.UPDATE_PROGRESS);
        }
    }

    static String describe(List<CreditPolicy.Range> played) {
        return played.stream().map(r -> r.fromMs() + "-" + r.toMs()).collect(Collectors.joining(","));
    }
}
