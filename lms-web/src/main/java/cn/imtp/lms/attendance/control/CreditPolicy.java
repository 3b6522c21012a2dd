package cn.imtp.lms.attendance.control;

import cn.imtp.platform.text.Words;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a heartbeat earns, decided from the beat, the session so far and the learner's watched seconds
 * of the video alone (pure). The client is trusted for nothing it could inflate:
 * <ul>
 * <li>numbers only go up: a beat whose number is not above the last one taken is a duplicate and changes
 *     nothing; a gap is no stall (a beat the server never judged leaves its number unused), and a beat
 *     refused as impossible uses its number up;</li>
 * <li>the session's clock is the client's monotonic milliseconds since the server opened the session; it
 *     may not go backwards nor run ahead of the server's own clock by more than the tolerance, and credit
 *     never reaches past the server's clock nor past the moment the session was ended;</li>
 * <li>a beat claims at most one heartbeat period of media (× its rate) plus {@link #slackMs}, or it is
 *     refused whole;</li>
 * <li>the session's claimed playback is laid end to end on its clock, each beat's no earlier than the
 *     previous beat: it may run ahead of the clock by {@link #slackMs} in all, never by that much per beat
 *     (the slack is the session's, not the beat's);</li>
 * <li>a second of the timeline earns credit only when the beats cover all but {@link #TOLERANCE_MS} of it,
 *     played at an allowed rate with the page visible; a second already credited earns nothing again; on a
 *     first viewing nothing past the first unwatched second is credited;</li>
 * <li>a session never earns more seconds than its clock has run (so a learner, whose sessions never
 *     overlap in time, never earns more than the time that passed); a covered second that would exceed it
 *     waits, carried to the next beat.</li>
 * </ul>
 */
public final class CreditPolicy {

    /** A played stretch of the video's timeline, in milliseconds, {@code from} inclusive, {@code to} exclusive. */
    public record Range(long fromMs, long toMs) {}

    /** One heartbeat as the player sends it. */
    public record Beat(long seq, long elapsedMs, List<Range> played, double rate, boolean visible) {}

    /**
     * A session's progress: the last beat taken, the stretch of the timeline covered but not yet credited
     * that the next beat may complete ({@code runStartMs}–{@code runEndMs}, −1 when none), the seconds
     * earned, and where the claimed playback ends on the session's clock ({@code playedUntilMs}).
     */
    public record Session(
            long lastSeq, long lastElapsedMs, long runStartMs, long runEndMs, int creditedSeconds, long playedUntilMs) {

        public static Session opened() {
            return new Session(0, 0, -1, -1, 0, 0);
        }

        Session numbered(long seq) {
            return new Session(seq, lastElapsedMs, runStartMs, runEndMs, creditedSeconds, playedUntilMs);
        }
    }

    public enum Verdict {
        /** Stored; {@code credited} may be empty. */
        ACCEPTED,
        /** Already stored, or its number already used: nothing changes, the client may drop it. */
        DUPLICATE,
        /** Impossible as sent: refused and logged; its number is used up. */
        REFUSED
    }

    /**
     * {@code next} is the session after the beat (a refused beat moves its number on, nothing else); {@code words}: why
     * it earns nothing or was refused, in both languages (null when there is nothing to say).
     */
    public record Outcome(Verdict verdict, Words words, Session next, BitSet credited) {

        /** The reason in English, for logs and the refused beats' record; null when there is none. */
        public String reason() {
            return words == null ? null : words.en();
        }
    }

    /** How much of a second its played ranges may miss and still earn it (frame rounding, a resume that lands late). */
    static final long TOLERANCE_MS = 100;
    /** The most ranges one beat may list: the player starts a new beat at every seek and pause. */
    public static final int MAX_RANGES = 64;
    /** The slowest and fastest playback rates a beat may report (browsers play from 1/16× to 16×). */
    static final double MIN_RATE = 0.0625;

    static final double MAX_RATE = 16;

    private final Set<Double> allowedRates;
    private final long slackMs;
    private final long serverClockToleranceMs;
    private final long heartbeatMs;

    /**
     * @param slackMs                how far a session's claimed playback may run ahead of its clock, in all
     * @param serverClockToleranceMs how far a session's clock may run ahead of the server's (network jitter); not credited
     * @param heartbeatMs            the heartbeat period: the most playback (at 1×) one beat vouches for, with the slack
     */
    public CreditPolicy(Set<Double> allowedRates, long slackMs, long serverClockToleranceMs, long heartbeatMs) {
        this.allowedRates = Set.copyOf(allowedRates);
        this.slackMs = slackMs;
        this.serverClockToleranceMs = serverClockToleranceMs;
        this.heartbeatMs = heartbeatMs;
    }

    /**
     * @param watched         the learner's credited seconds of this video, from all sessions (not changed here)
     * @param durationSeconds the video's length
     * @param serverElapsedMs the server's time since it opened the session
     * @param endedElapsedMs  the session's time when it was ended ({@link Long#MAX_VALUE} while it is open)
     */
    public Outcome apply(
            Session s, BitSet watched, int durationSeconds, Beat b, long serverElapsedMs, long endedElapsedMs) {
        Stop stop =
                order(s.lastSeq(), s.lastElapsedMs(), b.seq(), b.elapsedMs(), serverElapsedMs, serverClockToleranceMs);
        if (stop != null) {
            return new Outcome(stop.verdict(), stop.words(), stop.usesNumber() ? s.numbered(b.seq()) : s, new BitSet());
        }
        Words impossible = impossible(s, durationSeconds, b);
        if (impossible != null) {
            return new Outcome(Verdict.REFUSED, impossible, s.numbered(b.seq()), new BitSet());
        }
        long playedUntil = Math.max(s.playedUntilMs(), s.lastElapsedMs()) + wallMs(b);
        boolean counts = b.visible() && allowedRates.contains(b.rate());
        if (!counts) {
            // Nothing of this beat counts, and what it played breaks the stretch the previous beats left open.
            boolean broke = !b.played().isEmpty();
            Session next = new Session(
                    b.seq(),
                    b.elapsedMs(),
                    broke ? -1 : s.runStartMs(),
                    broke ? -1 : s.runEndMs(),
                    s.creditedSeconds(),
                    playedUntil);
            return new Outcome(
                    Verdict.ACCEPTED,
                    b.visible()
                            ? new Words(b.rate() + " 倍速播放不计学时", "rate " + b.rate() + "× earns no credit")
                            : new Words("页面被隐藏，不计学时", "page hidden"),
                    next,
                    new BitSet());
        }
        List<Range> covered = new ArrayList<>(b.played());
        if (s.runEndMs() > s.runStartMs() && s.runStartMs() >= 0) {
            covered.add(new Range(s.runStartMs(), s.runEndMs()));
        }
        List<Range> union = union(covered);
        TreeMap<Integer, Long> perSecond = coverage(union);
        // The session's clock bounds its credit: never past the server's clock, nor past the session's end.
        long clock = Math.min(Math.min(b.elapsedMs(), serverElapsedMs), endedElapsedMs);
        int budget = (int) Math.max(0, clock / 1000 - s.creditedSeconds());
        if (b.elapsedMs() > endedElapsedMs) {
            // A beat that began before the session was ended and was sent after: only its part before the end counts.
            budget = (int) Math.min(budget, Math.max(0, (endedElapsedMs - s.lastElapsedMs()) / 1000));
        }
        BitSet seen = (BitSet) watched.clone();
        BitSet credited = new BitSet();
        int waiting = -1;
        for (var e : perSecond.entrySet()) {
            int sec = e.getKey();
            if (sec >= durationSeconds || e.getValue() < 1000 - TOLERANCE_MS || seen.get(sec)) {
                continue;
            }
            if (sec > seen.nextClearBit(0)) {
                break; // on a first viewing, never past the first unwatched second
            }
            if (credited.cardinality() >= budget) {
                waiting = sec; // covered, but the clock has not run that far: carried to the next beat
                break;
            }
            seen.set(sec);
            credited.set(sec);
        }
        long runStart = s.runStartMs();
        long runEnd = s.runEndMs();
        if (!b.played().isEmpty()) {
            // What the next beat may complete: from the second playback stopped in (or the first that waits) to where
            // it stopped.
            runEnd = b.played().get(b.played().size() - 1).toMs();
            long end = runEnd;
            long from = Math.floorDiv(runEnd, 1000) * 1000;
            if (waiting >= 0 && waiting * 1000L < from) {
                from = waiting * 1000L;
            }
            long stretchStart = union.stream()
                    .filter(r -> r.fromMs() <= end && end <= r.toMs())
                    .mapToLong(Range::fromMs)
                    .findFirst()
                    .orElse(end);
            runStart = Math.max(from, stretchStart);
        }
        Session next = new Session(
                b.seq(), b.elapsedMs(), runStart, runEnd, s.creditedSeconds() + credited.cardinality(), playedUntil);
        return new Outcome(Verdict.ACCEPTED, null, next, credited);
    }

    /** Why the beat cannot be true as sent, or null. */
    private Words impossible(Session s, int durationSeconds, Beat b) {
        if (!(b.rate() >= MIN_RATE && b.rate() <= MAX_RATE)) {
            return new Words("不可能的播放速度：" + b.rate() + " 倍", "a playback rate of " + b.rate() + "× is not possible");
        }
        if (b.played().size() > MAX_RANGES) {
            return new Words(
                    "心跳中列出了 " + b.played().size() + " 段播放区间，一次心跳最多 " + MAX_RANGES + " 段",
                    "the beat lists " + b.played().size() + " played ranges; at most " + MAX_RANGES
                            + " fit in one heartbeat");
        }
        long played = 0;
        for (Range r : b.played()) {
            if (r == null || r.fromMs() < 0 || r.toMs() < r.fromMs() || r.toMs() > durationSeconds * 1000L + 1000) {
                String range = r == null ? "null" : r.fromMs() + "–" + r.toMs() + " ms";
                return new Words(
                        "播放区间 " + range + " 超出了视频的 " + durationSeconds + " 秒",
                        "a played range " + range + " lies outside the video's " + durationSeconds + " s");
            }
            played += r.toMs() - r.fromMs();
        }
        long perBeat = (long) (heartbeatMs * b.rate()) + slackMs;
        if (played > perBeat) {
            return new Words(
                    "心跳声称播放了 " + played + " 毫秒，而以 " + b.rate() + " 倍速播放时一次心跳最多只能计 " + perBeat + " 毫秒",
                    "the beat claims " + played + " ms of playback; one heartbeat vouches for at most " + perBeat
                            + " ms at " + b.rate() + "×");
        }
        long from = Math.max(s.playedUntilMs(), s.lastElapsedMs());
        if (from + wallMs(b) > b.elapsedMs() + slackMs) {
            return new Words(
                    "观看会话声称已播放到其计时的第 " + (from + wallMs(b)) + " 毫秒，但其计时只到第 " + b.elapsedMs() + " 毫秒",
                    "the session claims playback up to " + (from + wallMs(b)) + " ms of its clock, but its clock is at "
                            + b.elapsedMs() + " ms");
        }
        return null;
    }

    /** How long the beat's playback took on the clock, at its rate. */
    private static long wallMs(Beat b) {
        long played = b.played().stream().mapToLong(r -> r.toMs() - r.fromMs()).sum();
        return (long) Math.ceil(played / Math.max(b.rate(), Double.MIN_VALUE));
    }

    /** The ranges merged where they overlap or touch, in timeline order. */
    static List<Range> union(List<Range> ranges) {
        List<Range> sorted = ranges.stream()
                .filter(r -> r.toMs() > r.fromMs())
                .sorted(Comparator.comparingLong(Range::fromMs))
                .toList();
        List<Range> merged = new ArrayList<>();
        for (Range r : sorted) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.fromMs() <= last.toMs()) {
                merged.set(merged.size() - 1, new Range(last.fromMs(), Math.max(last.toMs(), r.toMs())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    /** Milliseconds covered in each second the (disjoint) ranges touch. */
    static TreeMap<Integer, Long> coverage(List<Range> disjoint) {
        TreeMap<Integer, Long> perSecond = new TreeMap<>();
        for (Range r : disjoint) {
            for (long sec = r.fromMs() / 1000; sec * 1000 < r.toMs(); sec++) {
                long overlap = Math.min(r.toMs(), (sec + 1) * 1000) - Math.max(r.fromMs(), sec * 1000);
                perSecond.merge((int) sec, overlap, Long::sum);
            }
        }
        return perSecond;
    }

    /**
     * Why a beat goes no further than its order and its clock: a duplicate, or an impossible clock.
     * {@code usesNumber}: the refused beat's number is used up (not for a number too far ahead, which would
     * leave the session no numbers).
     */
    public record Stop(Verdict verdict, Words words, boolean usesNumber) {

        /** The reason in English, for logs and the refused beats' record. */
        public String reason() {
            return words.en();
        }
    }

    /** How far ahead of the last number taken a beat's number may be (beats refused at the door leave gaps). */
    public static final long MAX_GAP = 1000;

    /**
     * What every heartbeat obeys, a lesson video's or a live lesson's: its number is above the last one taken
     * (a repeated one changes nothing; a gap is allowed), and its session clock neither goes backwards nor runs
     * ahead of the server's own time since the session opened. Null when the beat may be judged.
     */
    public static Stop order(
            long lastSeq, long lastElapsedMs, long seq, long elapsedMs, long serverElapsedMs, long toleranceMs) {
        if (seq <= lastSeq) {
            return new Stop(
                    Verdict.DUPLICATE, new Words("心跳 " + seq + " 已接收过", "beat " + seq + " was already taken"), false);
        }
        if (seq - lastSeq > MAX_GAP) {
            return new Stop(
                    Verdict.REFUSED,
                    new Words(
                            "心跳 " + seq + " 比上一次接收的心跳（" + lastSeq + "）超前 " + MAX_GAP + " 以上",
                            "beat " + seq + " is more than " + MAX_GAP + " ahead of the last one taken (" + lastSeq
                                    + ")"),
                    false);
        }
        if (elapsedMs < lastElapsedMs) {
            return new Stop(
                    Verdict.REFUSED,
                    new Words(
                            "会话计时倒退了（" + lastElapsedMs + " 毫秒之后为 " + elapsedMs + " 毫秒）",
                            "the session's clock went backwards (" + elapsedMs + " ms after " + lastElapsedMs + " ms)"),
                    true);
        }
        if (elapsedMs > serverElapsedMs + toleranceMs) {
            return new Stop(
                    Verdict.REFUSED,
                    new Words(
                            "心跳声称会话已开始 " + elapsedMs + " 毫秒，但实际只过了 " + serverElapsedMs + " 毫秒",
                            "the beat claims " + elapsedMs + " ms since the session opened, but only " + serverElapsedMs
                                    + " ms have passed"),
                    true);
        }
        return null;
    }
}
