package cn.imtp.lms.attendance.control;

import cn.imtp.lms.attendance.entity.PlaybackSession;
import cn.imtp.lms.attendance.entity.WatchedVideo;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.BitSet;
import java.util.Optional;

/**
 * Credit that waits on something other than beats: a presence check. A session's credit is held from a moment of its
 * clock (its beats from then on earn nothing) until the check passes; a check failed or missed takes back the seconds
 * credited since the last one passed, which a reviewer may give back. Each change is a record of the class's attendance
 * chain (under the session's next beat number, which it uses up), with the ledger and the learner's watched seconds
 * changed in the same transaction, locked in the beat writer's order: session, watched seconds, chain head. Sessions of
 * other features (live lessons) are held the same way by their owners ({@link ActivityCredit}): a check asks here,
 * whatever kind of session it belongs to.
 */
@ApplicationScoped
public class CreditHolds {

    /**
     * A session whose credit may be held: whose, where, and when it opened; {@code endedAt} when it was ended, and
     * {@code closesAt} when it can earn nothing more whatever happens (a live lesson's end; null for a lesson video).
     */
    public record Held(
            HoursLedger.Kind kind,
            String id,
            long classId,
            long learnerId,
            long unitId,
            Long lessonId,
            Instant openedAt,
            Instant endedAt,
            Instant closesAt) {}

    /** What a beat hears while a check is due: it is stored but earns nothing. */
    public static final Words CHECK_DUE =
            new Words("需要进行人脸核验：通过之前不计学时", "presence check due: no credit until it is passed");

    /** What a withholding took: the seconds of the video's (or live lesson's) timeline, the session and whose they were. */
    public record Taken(String sessionId, long classId, long learnerId, long unitId, BitSet seconds) {

        /** The seconds as spans of the video's timeline ("0-14,30-44"), as the chain writes them. */
        public String spans() {
            return Spans.format(seconds);
        }
    }

    /** How a record of this kind begins its {@code played} field. */
    public static final String PRESENCE_PLAYED = "presence check ";

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    AttendanceChain chain;

    @Inject
    HoursLedger ledger;

    @Inject
    Instance<ActivityCredit> others;

    /**
     * The session of this id, a lesson video's or another feature's, whatever its kind (unlocked: a session is locked
     * only by its kind, so that a locking read never looks for a row that is not there, which would lock a gap).
     */
    public Optional<Held> session(String sessionId) {
        Optional<Held> held = playback(em.find(PlaybackSession.class, sessionId));
        for (ActivityCredit other : others) {
            if (held.isPresent()) {
                break;
            }
            held = other.session(sessionId, false);
        }
        return held;
    }

    /** The session of this kind, locked for the caller's transaction when {@code lock}. */
    public Optional<Held> session(HoursLedger.Kind kind, String sessionId, boolean lock) {
        if (kind != HoursLedger.Kind.SELF_PACED) {
            return owner(kind).session(sessionId, lock);
        }
        return playback(
                lock
                        ? em.find(PlaybackSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE)
                        : em.find(PlaybackSession.class, sessionId));
    }

    private static Optional<Held> playback(PlaybackSession s) {
        return Optional.ofNullable(s)
                .map(p -> new Held(
                        HoursLedger.Kind.SELF_PACED,
                        p.id(),
                        p.classId(),
                        p.learnerId(),
                        p.unitId(),
                        null,
                        p.openedAt(),
                        p.endedAt(),
                        null));
    }

    /** Holds the session's credit from {@code fromMs} of its clock (null lifts the hold), within the caller's transaction. */
    public void hold(HoursLedger.Kind kind, String sessionId, Long fromMs) {
        if (kind != HoursLedger.Kind.SELF_PACED) {
            owner(kind).hold(sessionId, fromMs);
            return;
        }
        em.find(PlaybackSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE)
                .hold(fromMs);
    }

    /**
     * Takes back what the session credited in beats sent after {@code sinceMs} of its clock and ends the session (a
     * learner who failed a check starts again with a new one), within the caller's transaction.
     */
    public Taken withhold(HoursLedger.Kind kind, String sessionId, long sinceMs, String why, Instant now) {
        if (kind != HoursLedger.Kind.SELF_PACED) {
            return owner(kind).withhold(sessionId, sinceMs, why, now);
        }
        PlaybackSession s = em.find(PlaybackSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        WatchedVideo seen = em.find(
                WatchedVideo.class,
                new WatchedVideo.Key(s.learnerId(), s.classId(), s.assetId()),
                LockModeType.PESSIMISTIC_WRITE);
        BitSet back = chain.creditedAfter(Bulk.on(em), sessionId, sinceMs);
        back.and(seen.seconds());
        seen.remove(back, seen.resumeMs());
        record(s, -back.cardinality(), back, "withheld: " + why, now);
        // Beats of the withheld time that arrive late (held back by a script, or queued offline) earn nothing either.
        s.hold(sinceMs);
        s.end("PRESENCE_CHECK", now);
        return new Taken(sessionId, s.classId(), s.learnerId(), s.unitId(), back);
    }

    /** Gives back withheld seconds ({@link Taken#spans}; those not earned again since); returns how many. */
    public int restore(HoursLedger.Kind kind, String sessionId, String spans, String why, Instant now) {
        if (kind != HoursLedger.Kind.SELF_PACED) {
            return owner(kind).restore(sessionId, spans, why, now);
        }
        PlaybackSession s = em.find(PlaybackSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        BitSet seconds = Spans.parse(spans);
        WatchedVideo seen = em.find(
                WatchedVideo.class,
                new WatchedVideo.Key(s.learnerId(), s.classId(), s.assetId()),
                LockModeType.PESSIMISTIC_WRITE);
        BitSet given = (BitSet) seconds.clone();
        given.andNot(seen.seconds());
        seen.add(given, seen.resumeMs());
        record(s, given.cardinality(), given, "approved: " + why, now);
        return given.cardinality();
    }

    /** The feature whose sessions are of this kind (not lesson videos). */
    private ActivityCredit owner(HoursLedger.Kind kind) {
        for (ActivityCredit other : others) {
            if (other.kind() == kind) {
                return other;
            }
        }
        throw new IllegalStateException("no feature holds the credit of " + kind + " sessions");
    }

    private void record(PlaybackSession s, int seconds, BitSet spans, String played, Instant now) {
        long seq = s.adjust(seconds);
        if (seconds != 0) {
            ledger.credit(s.classId(), s.learnerId(), s.unitId(), HoursLedger.Kind.SELF_PACED, seconds);
        }
        chain.append(
                new AttendanceChain.Link(s.classId(), s.id(), s.learnerId(), s.unitId()),
                seq,
                now,
                s.lastElapsedMs(),
                PRESENCE_PLAYED + played,
                1.0,
                true,
                seconds,
                Spans.format(spans));
    }
}
