package cn.imtp.lms.attendance.control;

import cn.imtp.lms.attendance.entity.PlaybackSession;
import cn.imtp.lms.attendance.entity.WatchedVideo;
import cn.imtp.lms.sql.Bulk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.BitSet;

/**
 * Credit that waits on something other than beats: a presence check. A session's credit is held from a moment of its
 * clock (its beats from then on earn nothing) until the check passes; a check failed or missed takes back the seconds
 * credited since the last one passed, which a reviewer may give back. Each change is a record of the class's attendance
 * chain (under the session's next beat number, which it uses up), with the ledger and the learner's watched seconds
 * changed in the same transaction, locked in the beat writer's order: session, watched seconds, chain head.
 */
@ApplicationScoped
public class CreditHolds {

    /** What a withholding took: the seconds of the video's timeline, the session and whose they were. */
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

    /** Holds the session's credit from {@code fromMs} of its clock (null lifts the hold), within the caller's transaction. */
    public void hold(String sessionId, Long fromMs) {
        em.find(PlaybackSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE)
                .hold(fromMs);
    }

    /**
     * Takes back what the session credited in beats sent after {@code sinceMs} of its clock and ends the session (a
     * learner who failed a check starts again with a new one), within the caller's transaction.
     */
    public Taken withhold(String sessionId, long sinceMs, String why, Instant now) {
        PlaybackSession s = em.find(PlaybackSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        WatchedVideo seen = em.find(
                WatchedVideo.class,
                new WatchedVideo.Key(s.learnerId(), s.classId(), s.assetId()),
                LockModeType.PESSIMISTIC_WRITE);
        BitSet back = chain.creditedAfter(Bulk.on(em), sessionId, sinceMs);
        back.and(seen.seconds());
        seen.remove(back, seen.resumeMs());
        record(s, -back.cardinality(), back, "withheld: " + why, now);
        s.end("PRESENCE_CHECK", now);
        return new Taken(sessionId, s.classId(), s.learnerId(), s.unitId(), back);
    }

    /** Gives back withheld seconds ({@link Taken#spans}; those not earned again since); returns how many. */
    public int restore(String sessionId, String spans, String why, Instant now) {
        BitSet seconds = Spans.parse(spans);
        PlaybackSession s = em.find(PlaybackSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
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
