package cn.imtp.media.transcoding.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which the queue hands out transcoding jobs, and what a waiting teacher is told. Pure: the queue reads
 * the jobs from the database and every node applies the same rule to them, so that the order holds however many
 * nodes take jobs.
 * <ol>
 *   <li>A job whose worker went away (lease run out) first: it was started before anything still waiting.</li>
 *   <li>Teachers take turns: a job ranks by how many jobs its uploader already has running plus how many of theirs
 *       wait before it, so one teacher's ten uploads do not hold back another teacher's one.</li>
 *   <li>Short sources (at most {@code shortMs}) before long ones, then the oldest first.</li>
 * </ol>
 * Short-lane workers take only short sources, so a 20-second clip never waits behind a three-hour lecture.
 */
public final class ClaimOrder {

    /** A job the queue could hand out: its uploader, its source's probed duration (null when unknown), whether it was taken over. */
    public record Candidate(long jobId, long ownerId, Long durationMs, boolean takenOver) {}

    private ClaimOrder() {}

    /** Whether a source is short enough for the short lane; an unknown duration is not. */
    public static boolean isShort(Candidate c, long shortMs) {
        return c.durationMs() != null && c.durationMs() <= shortMs;
    }

    /** The candidates in the order workers take them, given how many jobs each owner has running now. */
    public static List<Candidate> order(List<Candidate> candidates, Map<Long, Integer> runningByOwner, long shortMs) {
        List<Candidate> byAge = new ArrayList<>(candidates);
        byAge.sort(Comparator.comparingLong(Candidate::jobId));
        Map<Long, Integer> turn = new HashMap<>();
        Map<Long, Integer> turnOf = new HashMap<>();
        for (Candidate c : byAge) {
            int ownTurn = turn.merge(c.ownerId(), 1, Integer::sum) - 1;
            turnOf.put(c.jobId(), runningByOwner.getOrDefault(c.ownerId(), 0) + ownTurn);
        }
        byAge.sort(Comparator.comparing((Candidate c) -> !c.takenOver())
                .thenComparingInt(c -> turnOf.get(c.jobId()))
                .thenComparing(c -> !isShort(c, shortMs))
                .thenComparingLong(Candidate::jobId));
        return byAge;
    }

    /** What a waiting job's uploader is told: how many jobs go before it, and about how long until it starts. */
    public record Wait(int ahead, long seconds) {}

    /**
     * Where {@code job} stands among the waiting {@code candidates}: the jobs ordered before it that a worker able to
     * take it would take first, and the time until a worker is free for it, from the source seconds ahead of it and
     * still to encode in running jobs, at {@code encodeSecondsPerSourceSecond} (measured on recent jobs) shared over
     * the workers that may take it.
     */
    public static Wait waitOf(
            Candidate job,
            List<Candidate> candidates,
            Map<Long, Integer> runningByOwner,
            long shortMs,
            long runningRemainingMs,
            int workersForIt,
            double encodeSecondsPerSourceSecond) {
        int ahead = 0;
        long aheadMs = 0;
        for (Candidate c : order(candidates, runningByOwner, shortMs)) {
            if (c.jobId() == job.jobId()) {
                break;
            }
            ahead++;
            aheadMs += c.durationMs() == null ? 0 : c.durationMs();
        }
        double sourceMs = aheadMs + Math.max(0, runningRemainingMs);
        long seconds = (long) Math.ceil(sourceMs / 1000.0 * encodeSecondsPerSourceSecond / Math.max(1, workersForIt));
        return new Wait(ahead, seconds);
    }
}
