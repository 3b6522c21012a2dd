package cn.imtp.lms.attendance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.attendance.control.ResumeRule.Watched;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which video the home's 继续学习 card offers, and where its player starts. */
class ResumeRuleTest {

    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    private static BitSet seconds(int from, int to) {
        BitSet b = new BitSet();
        b.set(from, to);
        return b;
    }

    @Test
    void theLatestVideoComesFirstAndEachVideoOfAClassOnce() {
        Watched old = new Watched(1, 10, 100, T);
        Watched latest = new Watched(1, 10, 101, T.plusSeconds(60));
        Watched again = new Watched(1, 10, 100, T.plusSeconds(30));
        Watched otherClass = new Watched(2, 10, 100, T.plusSeconds(20));
        assertEquals(
                List.of(latest, again, otherClass),
                ResumeRule.candidates(List.of(old, latest, again, otherClass), Map.of(10L, List.of(1L, 2L))));
    }

    @Test
    void aVideoOfAClassNoLongerActiveOrOfAUnitNotInItsPlanIsNeverOffered() {
        Watched finishedClass = new Watched(3, 10, 100, T.plusSeconds(90));
        Watched unitLeftThePlan = new Watched(1, 11, 102, T.plusSeconds(60));
        Watched studied = new Watched(1, 10, 101, T);
        assertEquals(
                List.of(studied),
                ResumeRule.candidates(
                        List.of(finishedClass, unitLeftThePlan, studied), Map.of(10L, List.of(1L), 12L, List.of(3L))));
        assertEquals(List.of(), ResumeRule.candidates(List.of(studied), Map.of()));
    }

    @Test
    void theFrontierIsTheFirstSecondNotCreditedBoundedByTheVideo() {
        assertEquals(0, ResumeRule.frontierMs(new BitSet(), 14_500));
        assertEquals(6_000, ResumeRule.frontierMs(seconds(0, 6), 14_500));
        assertEquals(2_000, ResumeRule.frontierMs(seconds(0, 2), 14_500), "a gap at 2 s holds the frontier");
        assertEquals(14_000, ResumeRule.frontierMs(seconds(0, 20), 14_500));
    }

    @Test
    void aFirstViewingStartsASecondBeforeItsFrontierAtTheLatest() {
        // Stopped at 6.4 s with 6 whole seconds credited: the player starts at 5 s, so that the run overlaps.
        assertEquals(5_000, ResumeRule.startMs(6_400, 6_000, 14_000));
        // Stopped (went back) at 3.2 s: there.
        assertEquals(3_200, ResumeRule.startMs(3_200, 6_000, 14_000));
        // Nothing credited yet: from the beginning.
        assertEquals(0, ResumeRule.startMs(800, 0, 14_000));
        assertEquals(0, ResumeRule.startMs(0, 0, 14_000));
    }

    @Test
    void theSessionTicketsStartWithAGapOrAShortVideoAsThePlayerOnceDecided() {
        // What the lesson player used to decide from the ticket's resumeMs and frontierMs, now the ticket's startsAtMs:
        // a first viewing with a gap at 2 s (seconds 4–8 seen after a lost stretch) starts a second before the gap.
        BitSet gap = seconds(0, 2);
        gap.set(4, 9);
        long frontier = ResumeRule.frontierMs(gap, 14_500);
        assertEquals(2_000, frontier);
        assertEquals(1_000, ResumeRule.startMs(9_000, frontier, 14_500));
        // A video of under three seconds always starts at 0: every stop is within its last two seconds.
        assertEquals(0, ResumeRule.startMs(900, ResumeRule.frontierMs(seconds(0, 2), 2_600), 2_600));
        // Only the last second left uncredited counts as seen whole: it starts where it stopped.
        assertEquals(10_000, ResumeRule.startMs(10_000, ResumeRule.frontierMs(seconds(0, 13), 14_500), 14_500));
    }

    @Test
    void aSecondViewingStartsWhereItStoppedButAStopAtTheEndStartsOver() {
        assertEquals(9_300, ResumeRule.startMs(9_300, 14_000, 14_000));
        assertEquals(0, ResumeRule.startMs(12_500, 14_000, 14_000));
        assertEquals(0, ResumeRule.startMs(14_000, 14_000, 14_000));
        // A duration with a fraction of a second: the player counts whole seconds.
        assertEquals(11_900, ResumeRule.startMs(11_900, 14_000, 14_900));
        assertEquals(0, ResumeRule.startMs(12_100, 14_000, 14_900));
    }

    @Test
    void aVideoIsFinishedOnlyWhenSeenWholeAndStoppedAtItsEnd() {
        assertTrue(ResumeRule.finished(14_000, 14_000, 14_000));
        assertTrue(ResumeRule.finished(12_500, 13_000, 14_000), "the last second need not be credited");
        assertFalse(ResumeRule.finished(9_300, 14_000, 14_000), "a second viewing stopped half way");
        assertFalse(ResumeRule.finished(14_000, 6_000, 14_000), "a first viewing with a gap");
        assertFalse(ResumeRule.finished(0, 0, 0), "a video without a playing time");
    }
}
