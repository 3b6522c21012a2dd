package cn.imtp.lms.live.control;

import cn.imtp.lms.attendance.control.CreditPolicy;
import cn.imtp.lms.attendance.control.CreditPolicy.Verdict;
import cn.imtp.platform.text.Words;
import java.util.BitSet;

/**
 * What a heartbeat from a live lesson earns (pure): the seconds of the lesson's window that the learner
 * was present for since the previous beat, with the page visible. The same distrust as for lesson
 * videos:
 * <ul>
 * <li>beats come in sequence and their clock is possible, as for videos ({@link CreditPolicy#order}); time is the
 *     client's monotonic milliseconds since the server opened the session, never its wall clock;</li>
 * <li>one beat vouches for at most one heartbeat interval plus slack before it: a page that was frozen, asleep
 *     or cut off for longer earns nothing for the gap;</li>
 * <li>only seconds inside the window count, each once (a second counts when its middle lies in the interval,
 *     so consecutive beats share their seconds out exactly).</li>
 * </ul>
 */
public final class LivePolicy {

    /** A live session's progress. */
    public record Session(long lastSeq, long lastElapsedMs) {}

    /** One heartbeat: in sequence, the session's clock, whether the page was visible throughout. */
    public record Beat(long seq, long elapsedMs, boolean visible) {}

    /**
     * Where the session sits in time: when the server opened it and the lesson's window, all in epoch
     * milliseconds; second {@code k} of the window is {@code [windowStart + k s, windowStart + (k + 1) s)}.
     */
    public record Frame(long openedAtMs, long windowStartMs, long windowEndMs) {

        public int windowSeconds() {
            return (int) ((windowEndMs - windowStartMs) / 1000);
        }
    }

    public record Outcome(Verdict verdict, Words reason, Session next, BitSet credited) {}

    private final long maxGapMs;
    private final long serverClockToleranceMs;

    /**
     * @param maxGapMs the longest interval one beat vouches for (the heartbeat plus slack)
     * @param serverClockToleranceMs how far a session's clock may run ahead of the server's (network jitter)
     */
    public LivePolicy(long maxGapMs, long serverClockToleranceMs) {
        this.maxGapMs = maxGapMs;
        this.serverClockToleranceMs = serverClockToleranceMs;
    }

    /**
     * @param present the learner's credited seconds of this lesson's window from all sessions (not changed here)
     * @param serverElapsedMs the server's time since it opened the session
     * @param endedElapsedMs the session's time when it was ended ({@link Long#MAX_VALUE} while it is open)
     */
    public Outcome apply(Session s, BitSet present, Frame f, Beat b, long serverElapsedMs, long endedElapsedMs) {
        CreditPolicy.Stop stop = CreditPolicy.order(
                s.lastSeq(), s.lastElapsedMs(), b.seq(), b.elapsedMs(), serverElapsedMs, serverClockToleranceMs);
        if (stop != null) {
            // A refused beat uses its number up, as a lesson video's does.
            return new Outcome(
                    stop.verdict(),
                    stop.words(),
                    stop.usesNumber() ? new Session(b.seq(), s.lastElapsedMs()) : s,
                    new BitSet());
        }
        Session next = new Session(b.seq(), b.elapsedMs());
        BitSet credited = new BitSet();
        if (!b.visible()) {
            return new Outcome(Verdict.ACCEPTED, new Words("页面不在前台", "page hidden"), next, credited);
        }
        long from = f.openedAtMs() + Math.max(s.lastElapsedMs(), b.elapsedMs() - maxGapMs);
        // Never past the server's clock (the tolerance is not credited) nor past the session's end.
        long to = f.openedAtMs() + Math.min(Math.min(b.elapsedMs(), serverElapsedMs), endedElapsedMs);
        // Second k's middle is windowStart + k s + 500 ms; it counts when from <= middle < to.
        int first = (int) Math.max(0, ceilDiv(from - f.windowStartMs() - 500));
        int last = (int) Math.min(f.windowSeconds(), ceilDiv(to - f.windowStartMs() - 500)); // exclusive
        for (int sec = first; sec < last; sec++) {
            if (!present.get(sec)) {
                credited.set(sec);
            }
        }
        Words reason = to <= f.windowStartMs()
                ? new Words("直播课尚未开始", "the lesson has not begun")
                : from >= f.windowEndMs() ? new Words("直播课已结束", "the lesson is over") : null;
        return new Outcome(Verdict.ACCEPTED, reason, next, credited);
    }

    /** Whole seconds, rounded up (Java 17 has no Math.ceilDiv). */
    private static long ceilDiv(long ms) {
        return -Math.floorDiv(-ms, 1000L);
    }
}
