package cn.imtp.media.transcoding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.media.transcoding.control.ClaimOrder.Candidate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimOrderTest {

    static final long SHORT_MS = 300_000;
    static final long MINUTE = 60_000;

    static Candidate job(long id, long owner, Long durationMs) {
        return new Candidate(id, owner, durationMs, false);
    }

    static List<Long> ids(List<Candidate> ordered) {
        return ordered.stream().map(Candidate::jobId).toList();
    }

    @Test
    void withOneTeacherTheOldestGoesFirstAmongSourcesOfOneLength() {
        List<Candidate> queue = List.of(job(3, 1, 20_000L), job(1, 1, 30_000L), job(2, 1, 10_000L));
        assertEquals(List.of(1L, 2L, 3L), ids(ClaimOrder.order(queue, Map.of(), SHORT_MS)));
    }

    @Test
    void teachersTakeTurnsSoOneTeachersTenUploadsDoNotHoldBackAnothersOne() {
        List<Candidate> queue = List.of(job(1, 7, MINUTE), job(2, 7, MINUTE), job(3, 7, MINUTE), job(4, 8, MINUTE));
        assertEquals(List.of(1L, 4L, 2L, 3L), ids(ClaimOrder.order(queue, Map.of(), SHORT_MS)));
    }

    @Test
    void aTeacherWithAJobRunningWaitsBehindOneWithNone() {
        List<Candidate> queue = List.of(job(1, 7, MINUTE), job(2, 8, MINUTE));
        assertEquals(List.of(2L, 1L), ids(ClaimOrder.order(queue, Map.of(7L, 1), SHORT_MS)));
    }

    @Test
    void aShortSourceGoesBeforeALongOneOfTheSameTurn() {
        List<Candidate> queue = List.of(job(1, 7, 3 * 3600_000L), job(2, 8, 20_000L));
        assertEquals(List.of(2L, 1L), ids(ClaimOrder.order(queue, Map.of(), SHORT_MS)));
    }

    @Test
    void aJobWhoseWorkerWentAwayGoesFirst() {
        List<Candidate> queue = List.of(job(1, 8, 20_000L), new Candidate(2, 7, 3 * 3600_000L, true));
        assertEquals(List.of(2L, 1L), ids(ClaimOrder.order(queue, Map.of(7L, 3), SHORT_MS)));
    }

    @Test
    void anUnknownDurationIsNotShort() {
        assertFalse(ClaimOrder.isShort(job(1, 1, null), SHORT_MS));
        assertTrue(ClaimOrder.isShort(job(1, 1, SHORT_MS), SHORT_MS));
        assertFalse(ClaimOrder.isShort(job(1, 1, SHORT_MS + 1), SHORT_MS));
    }

    @Test
    void theWaitCountsTheJobsAheadAndTheSourceStillToEncodeSharedOverTheWorkers() {
        List<Candidate> queue = List.of(job(1, 7, 10 * MINUTE), job(2, 8, 2 * MINUTE), job(3, 9, 4 * MINUTE));
        // Order: 2 (short, turn 0), 3 (short, turn 0), 1 (long, turn 0).
        ClaimOrder.Wait first = ClaimOrder.waitOf(job(2, 8, 2 * MINUTE), queue, Map.of(), SHORT_MS, 0, 1, 0.5);
        assertEquals(new ClaimOrder.Wait(0, 0), first);
        ClaimOrder.Wait last = ClaimOrder.waitOf(job(1, 7, 10 * MINUTE), queue, Map.of(), SHORT_MS, 60_000, 1, 0.5);
        // 6 min of source ahead + 1 min still running, at half real time, on one worker: 210 s.
        assertEquals(new ClaimOrder.Wait(2, 210), last);
        ClaimOrder.Wait twoWorkers =
                ClaimOrder.waitOf(job(1, 7, 10 * MINUTE), queue, Map.of(), SHORT_MS, 60_000, 2, 0.5);
        assertEquals(105, twoWorkers.seconds());
    }
}
