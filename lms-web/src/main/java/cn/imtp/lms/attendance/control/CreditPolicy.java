package cn.imtp.lms.attendance.control;

import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * What a heartbeat earns, decided from the beat, the session so far and the learner's watched seconds
 * of the video alone (pure). The client is trusted for nothing it could inflate:
 * <ul>
 * <li>beats come in sequence; a repeated one changes nothing, one that skips ahead waits for the
 *     missing one;</li>
 * <li>the session's clock is the client's monotonic milliseconds since the server opened the session,
 *     and it may not run ahead of the server's own clock since then (a client whose wall clock is hours
 *     off does not matter; one that claims more time than has passed is refused);</li>
 * <li>media may advance at most elapsed × rate plus {@link #slackMsPerBeat} per beat, or the beat is
 *     refused as forged;</li>
 * <li>only a second of the timeline played whole, at an allowed rate, with the page visible, earns
 *     credit; a second already credited earns nothing again; on a first viewing nothing past the first
 *     unwatched second is credited (a forward seek earns nothing, whatever the client claims);</li>
 * <li>a session never earns more seconds than its elapsed time.</li>
 * </ul>
 */
public final class CreditPolicy {

    /** A played stretch of the video's timeline, in milliseconds, {@code from} inclusive, {@code to} exclusive. */
    public record Range(long fromMs, long toMs) {
    }

    /** One heartbeat as the player sends it. */
    public record Beat(long seq, long elapsedMs, List<Range> played, double rate, boolean visible) {
    }

    /**
     * A session's progress: the last beat accepted, the contiguous run of playback it is in, and the
     * seconds it has earned.
     */
    public record Session(long lastSeq, long lastElapsedMs, long runStartMs, long runEndMs, int creditedSeconds) {

        public static Session opened() {
            return new Session(0, 0, -1, -1, 0);
        }
    }

    public enum Verdict {
        /** Stored; {@code credited} may be empty. */
        ACCEPTED,
        /** Already stored: nothing changes, the client may drop it. */
        DUPLICATE,
        /** A beat before it is missing: the client must send that one first. */
        OUT_OF_ORDER,
        /** Impossible as sent: refused and logged. */
        REFUSED
    }

    public record Outcome(Verdict verdict, String reason, Session next, BitSet credited) {
    }

    /** How close (ms) a new range must start to where the last one ended to continue the same run. */
    static final long CONTINUITY_MS = 500;
    /** How far past the first unwatched second a run may start on a first viewing (player rounding). */
    static final long FRONTIER_TOLERANCE_MS = 1000;

    private final Set<Double> allowedRates;
    private final long slackMsPerBeat;
    private final long serverClockToleranceMs;

    public CreditPolicy(Set<Double> allowedRates, long slackMsPerBeat, long serverClockToleranceMs) {
        this.allowedRates = Set.copyOf(allowedRates);
        this.slackMsPerBeat = slackMsPerBeat;
        this.serverClockToleranceMs = serverClockToleranceMs;
    }

    /**
     * @param watched           the learner's credited seconds of this video, from all sessions (not changed here)
     * @param durationSeconds   the video's length
     * @param serverElapsedMs   the server's time since it opened the session
     */
    public Outcome apply(Session s, BitSet watched, int durationSeconds, Beat b, long serverElapsedMs) {
        Stop stop = order(s.lastSeq(), s.lastElapsedMs(), b.seq(), b.elapsedMs(), serverElapsedMs, serverClockToleranceMs);
        if (stop != null) {
            return new Outcome(stop.verdict(), stop.reason(), s, new BitSet());
        }
        long played = 0;
        for (Range r : b.played()) {
            if (r.fromMs() < 0 || r.toMs() < r.fromMs() || r.toMs() > durationSeconds * 1000L + 1000) {
                return refused(s, "a played range " + r + " lies outside the video's " + durationSeconds + " s");
            }
            played += r.toMs() - r.fromMs();
        }
        double rate = Math.max(b.rate(), 1.0);
        long plausible = (long) ((b.elapsedMs() - s.lastElapsedMs()) * rate) + slackMsPerBeat;
        if (played > plausible) {
            return refused(s, "the beat claims " + played + " ms of playback in " + (b.elapsedMs() - s.lastElapsedMs())
                    + " ms at " + b.rate() + "×");
        }
        boolean counts = b.visible() && allowedRates.contains(b.rate());
        long runStart = s.runStartMs();
        long runEnd = s.runEndMs();
        BitSet credited = new BitSet();
        BitSet seen = (BitSet) watched.clone();
        int budget = (int) Math.max(0, b.elapsedMs() / 1000 - s.creditedSeconds());
        for (Range r : b.played()) {
            if (!counts) {
                runStart = -1;
                runEnd = -1;
                continue;
            }
            if (runEnd >= 0 && Math.abs(r.fromMs() - runEnd) <= CONTINUITY_MS) {
                runEnd = r.toMs();
            } else {
                runStart = r.fromMs();
                runEnd = r.toMs();
            }
            // Seconds wholly inside the run; on a first viewing only while the run reaches back to the frontier.
            int first = (int) ((runStart + 999) / 1000);
            int frontierAtStart = seen.nextClearBit(0);
            if (runStart > frontierAtStart * 1000L && runStart <= frontierAtStart * 1000L + FRONTIER_TOLERANCE_MS) {
                // A resume lands a few milliseconds past the frontier (seeking snaps to the decoder's frames): the
                // frontier second counts as reached, or a first viewing could never move past it.
                first = frontierAtStart;
            }
            int last = (int) (runEnd / 1000); // exclusive
            for (int sec = first; sec < last && sec < durationSeconds; sec++) {
                if (seen.get(sec)) {
                    continue;
                }
                int frontier = seen.nextClearBit(0);
                if (runStart > frontier * 1000L + FRONTIER_TOLERANCE_MS) {
                    break; // a run that began past a gap earns nothing
                }
                if (sec > frontier) {
                    break; // never credit beyond the first unwatched second
                }
                if (credited.cardinality() >= budget) {
                    break;
                }
                seen.set(sec);
                credited.set(sec);
            }
        }
        Session next = new Session(b.seq(), b.elapsedMs(), runStart, runEnd, s.creditedSeconds() + credited.cardinality());
        return new Outcome(Verdict.ACCEPTED, counts ? null : (b.visible() ? "rate " + b.rate() + "× earns no credit" : "page hidden"),
                next, credited);
    }

    /** Why a beat goes no further than its order and its clock: a duplicate, a gap, or an impossible clock. */
    public record Stop(Verdict verdict, String reason) {
    }

    /**
     * What every heartbeat obeys, a lesson video's or a live lesson's: it comes next in its session (a repeated
     * one changes nothing, one that skips ahead waits), and its session clock neither goes backwards nor runs
     * ahead of the server's own time since the session opened. Null when the beat may be judged.
     */
    public static Stop order(long lastSeq, long lastElapsedMs, long seq, long elapsedMs, long serverElapsedMs, long toleranceMs) {
        if (seq <= lastSeq) {
            return new Stop(Verdict.DUPLICATE, "beat " + seq + " was already stored");
        }
        if (seq != lastSeq + 1) {
            return new Stop(Verdict.OUT_OF_ORDER, "send beat " + (lastSeq + 1) + " first");
        }
        if (elapsedMs < lastElapsedMs) {
            return new Stop(Verdict.REFUSED, "the session's clock went backwards (" + elapsedMs + " ms after " + lastElapsedMs + " ms)");
        }
        if (elapsedMs > serverElapsedMs + toleranceMs) {
            return new Stop(Verdict.REFUSED, "the beat claims " + elapsedMs + " ms since the session opened, but only " + serverElapsedMs
                    + " ms have passed");
        }
        return null;
    }

    private static Outcome refused(Session s, String reason) {
        return new Outcome(Verdict.REFUSED, reason, s, new BitSet());
    }
}
