package cn.imtp.lms.attendance.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a learner's study goes on (the learner home's 继续学习 card and each playback session's ticket): which video to
 * offer, where its player starts and whether it was watched to its end. Pure; {@link StudyProgress} and
 * {@link Attendance} read the rows.
 */
public final class ResumeRule {

    /** A video the learner watched for a class, with the time of its latest accepted beat. */
    public record Watched(long classId, long unitId, long resourceId, Instant lastBeatAt) {}

    private ResumeRule() {}

    /**
     * The videos that may be offered, latest first: each video of each class once, and only for a class the learner
     * still studies in actively with the video's unit in its plan (a finished or withdrawn class offers nothing).
     *
     * @param watched the learner's watched videos, in any order
     * @param activeClassesByUnit the learner's active classes per unit of their plans
     */
    public static List<Watched> candidates(List<Watched> watched, Map<Long, List<Long>> activeClassesByUnit) {
        List<Watched> latestFirst = new ArrayList<>(watched);
        latestFirst.sort((a, b) -> b.lastBeatAt().compareTo(a.lastBeatAt()));
        Set<List<Long>> seen = new HashSet<>();
        List<Watched> out = new ArrayList<>();
        for (Watched w : latestFirst) {
            List<Long> classes = activeClassesByUnit.get(w.unitId());
            if (classes != null && classes.contains(w.classId()) && seen.add(List.of(w.classId(), w.resourceId()))) {
                out.add(w);
            }
        }
        return out;
    }

    /** The first second not yet credited, in ms, at most the video's whole seconds: a first viewing goes no further. */
    public static long frontierMs(BitSet credited, long durationMs) {
        long seconds = durationMs / 1000;
        return Math.min(seconds, credited.nextClearBit(0)) * 1000L;
    }

    /**
     * Where the player starts (the one place that decides it: the session ticket and the home's card carry it, the
     * lesson player starts there): where the learner stopped, but on a first viewing no later than a second before the
     * first second not yet credited, so that the run overlaps what was credited, and from the beginning when the stop
     * was within the last two seconds.
     */
    public static long startMs(long resumeMs, long frontierMs, long durationMs) {
        long whole = durationMs / 1000 * 1000;
        boolean firstViewing = frontierMs < whole - 1000;
        long resume = firstViewing ? Math.min(resumeMs, Math.max(0, frontierMs - 1000)) : resumeMs;
        return resume > 0 && resume < whole - 2000 ? resume : 0;
    }

    /**
     * Watched to the end: every second was seen once and the learner stopped within the last two seconds. Nothing is
     * left to continue there (its player would start from the beginning), so the home offers the next unit instead.
     */
    public static boolean finished(long resumeMs, long frontierMs, long durationMs) {
        long whole = durationMs / 1000 * 1000;
        return whole > 0 && frontierMs >= whole - 1000 && resumeMs >= whole - 2000;
    }
}
