package cn.imtp.lms.attendance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.attendance.control.CreditPolicy.Beat;
import cn.imtp.lms.attendance.control.CreditPolicy.Outcome;
import cn.imtp.lms.attendance.control.CreditPolicy.Range;
import cn.imtp.lms.attendance.control.CreditPolicy.Session;
import cn.imtp.lms.attendance.control.CreditPolicy.Verdict;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CreditPolicyTest {

    static final CreditPolicy POLICY = new CreditPolicy(Set.of(1.0), 2000, 2000, 15_000);
    static final int VIDEO_S = 180;

    /** Plays beats in order against one learner's watched set, as the server would store them. */
    static final class Viewer {
        final BitSet watched = new BitSet();
        Session session = Session.opened();
        long seq;

        Outcome beat(long elapsedMs, double rate, boolean visible, Range... played) {
            return beat(elapsedMs, elapsedMs, rate, visible, played);
        }

        Outcome beat(long elapsedMs, long serverElapsedMs, double rate, boolean visible, Range... played) {
            return beat(elapsedMs, serverElapsedMs, Long.MAX_VALUE, rate, visible, played);
        }

        Outcome beat(
                long elapsedMs,
                long serverElapsedMs,
                long endedElapsedMs,
                double rate,
                boolean visible,
                Range... played) {
            Outcome o = POLICY.apply(
                    session,
                    watched,
                    VIDEO_S,
                    new Beat(++seq, elapsedMs, List.of(played), rate, visible),
                    serverElapsedMs,
                    endedElapsedMs);
            session = o.next();
            watched.or(o.credited());
            return o;
        }

        void newSession() {
            session = Session.opened();
            seq = 0;
        }
    }

    static Range r(double fromS, double toS) {
        return new Range((long) (fromS * 1000), (long) (toS * 1000));
    }

    @Test
    void anHonestWatcherEarnsEverySecondPlayedAcrossBeats() {
        Viewer v = new Viewer();
        v.beat(15_200, 1.0, true, r(0, 15.2));
        v.beat(30_100, 1.0, true, r(15.2, 30.1));
        assertEquals(30, v.watched.cardinality());
        assertEquals(30, v.watched.nextClearBit(0));
    }

    @Test
    void replayingACreditedPartAddsNothing() {
        Viewer v = new Viewer();
        v.beat(15_000, 1.0, true, r(0, 15));
        v.beat(30_000, 1.0, true, r(15, 30));
        Outcome again = v.beat(45_000, 1.0, true, r(10, 25));
        assertEquals(Verdict.ACCEPTED, again.verdict());
        assertEquals(0, again.credited().cardinality());
        assertEquals(30, v.watched.cardinality());
    }

    @Test
    void aForwardSeekOnAFirstViewingEarnsNothingUntilTheGapIsWatched() {
        Viewer v = new Viewer();
        v.beat(15_000, 1.0, true, r(0, 15));
        v.beat(30_000, 1.0, true, r(120, 135));
        v.beat(45_000, 1.0, true, r(135, 150));
        assertEquals(15, v.watched.cardinality());
        v.beat(60_000, 1.0, true, r(15, 30));
        assertEquals(30, v.watched.cardinality());
    }

    @Test
    void playingAtTwiceTheSpeedOrHiddenEarnsNothing() {
        Viewer v = new Viewer();
        Outcome fast = v.beat(15_000, 2.0, true, r(0, 30));
        assertEquals(Verdict.ACCEPTED, fast.verdict());
        assertEquals(0, v.watched.cardinality());
        Outcome hidden = v.beat(30_000, 1.0, false, r(0, 15));
        assertEquals("page hidden", hidden.reason());
        assertEquals(0, v.watched.cardinality());
    }

    @Test
    void moreMediaThanTimeAllowsIsRefusedAsForged() {
        Viewer v = new Viewer();
        Outcome forged = v.beat(15_000, 1.0, true, r(0, 60));
        assertEquals(Verdict.REFUSED, forged.verdict());
        assertTrue(forged.reason().contains("claims 60000 ms of playback"), forged.reason());
        assertEquals(0, v.watched.cardinality());
        // The refused beat used its number up; the next honest one is credited.
        assertEquals(1, v.session.lastSeq());
        assertEquals(15, v.beat(15_100, 1.0, true, r(0, 15)).credited().cardinality());
    }

    @Test
    void aClaimOfMoreTimeThanThePassedOnTheServerIsRefused() {
        Viewer v = new Viewer();
        Outcome ahead = v.beat(3_600_000, 15_000, 1.0, true, r(0, 15));
        assertEquals(Verdict.REFUSED, ahead.verdict());
        // A client whose wall clock is hours off but whose monotonic clock is honest is credited normally.
        assertEquals(
                Verdict.ACCEPTED, v.beat(15_000, 15_300, 1.0, true, r(0, 15)).verdict());
    }

    @Test
    void aRepeatedBeatChangesNothingAndAGapInTheNumbersIsNoStall() {
        Viewer v = new Viewer();
        v.beat(15_000, 1.0, true, r(0, 15));
        Outcome dup = POLICY.apply(
                v.session,
                v.watched,
                VIDEO_S,
                new Beat(1, 15_000, List.of(r(0, 15)), 1.0, true),
                16_000,
                Long.MAX_VALUE);
        assertEquals(Verdict.DUPLICATE, dup.verdict());
        assertEquals(0, dup.credited().cardinality());
        // Beat 2 never reached the judge (refused as malformed at the door): beat 3 goes on.
        Outcome gap = POLICY.apply(
                v.session,
                v.watched,
                VIDEO_S,
                new Beat(3, 30_000, List.of(r(15, 30)), 1.0, true),
                30_500,
                Long.MAX_VALUE);
        assertEquals(Verdict.ACCEPTED, gap.verdict());
        assertEquals(15, gap.credited().cardinality());
        assertEquals(3, gap.next().lastSeq());
    }

    @Test
    void lateBeatsSentAfterANetworkCutAreCreditedInOrder() {
        Viewer v = new Viewer();
        // Three beats held by the client during a cut, sent a minute later: the server's clock is ahead, not behind.
        v.beat(15_000, 75_000, 1.0, true, r(0, 15));
        v.beat(30_000, 75_100, 1.0, true, r(15, 30));
        v.beat(45_000, 75_200, 1.0, true, r(30, 45));
        assertEquals(45, v.watched.cardinality());
    }

    @Test
    void aNewSessionResumesFromTheFrontierAndCreditStaysWithTheLearner() {
        Viewer v = new Viewer();
        v.beat(15_000, 1.0, true, r(0, 15));
        v.beat(30_000, 1.0, true, r(15, 30));
        v.newSession();
        v.beat(15_000, 1.0, true, r(30, 45));
        assertEquals(45, v.watched.cardinality());
    }

    @Test
    void aResumeThatLandsJustPastTheFrontierStillMovesTheFrontierOn() {
        Viewer v = new Viewer();
        v.beat(2_500, 1.0, true, r(0, 2.5));
        assertEquals(2, v.watched.nextClearBit(0));
        v.newSession();
        // The player resumed at 2.000 s but the decoder landed at 2.001 s.
        v.beat(12_500, 1.0, true, r(2.001, 14.1));
        assertEquals(14, v.watched.nextClearBit(0));
        // Landing a whole second and a half past it is a seek: nothing.
        v.newSession();
        v.beat(10_000, 1.0, true, r(15.5, 25));
        assertEquals(14, v.watched.nextClearBit(0));
    }

    @Test
    void aSessionNeverEarnsMoreSecondsThanItsElapsedTime() {
        Viewer v = new Viewer();
        // Slack allows 2 s of extra media per beat, but the session's credit is capped by its elapsed time.
        v.beat(10_000, 1.0, true, r(0, 12));
        assertEquals(10, v.watched.cardinality());
    }

    @Test
    void aBeatClaimingAWholeVideoAfterWaitingIsRefusedWhole() {
        Viewer v = new Viewer();
        Outcome o = v.beat(92_000, 1.0, true, r(0, 90));
        assertEquals(Verdict.REFUSED, o.verdict());
        assertEquals(0, v.watched.cardinality());
    }

    @Test
    void theSlackIsTheSessionsNotEachBeats() {
        Viewer v = new Viewer();
        // Beats a second apart, each claiming 2.9 s of playback at 1×.
        double at = 0;
        for (int i = 1; i <= 20; i++) {
            Outcome o = v.beat(i * 1000L, 1.0, true, r(at, at + 2.9));
            if (o.verdict() == Verdict.ACCEPTED) {
                at += 2.9;
            }
        }
        v.beat(60_000, 1.0, true);
        // 20 s of clock: at most 20 s of playback plus the session's 2 s of slack, whatever was claimed.
        assertTrue(v.watched.cardinality() <= 22, "credited " + v.watched.cardinality());
        assertTrue(at <= 22, "claimed " + at);
    }

    @Test
    void aSecondOfWhichOnlyAFewMillisecondsWereClaimedEarnsNothing() {
        Viewer v = new Viewer();
        Range[] slivers = new Range[30];
        for (int i = 0; i < 30; i++) {
            slivers[i] = new Range(999, 1000);
        }
        assertEquals(0, v.beat(15_000, 1.0, true, slivers).credited().cardinality());
        // A second covered in pieces that miss 100 ms or less counts; one that misses more does not.
        assertEquals(
                1,
                v.beat(16_000, 1.0, true, new Range(0, 450), new Range(550, 1000))
                        .credited()
                        .cardinality());
        assertEquals(
                0,
                v.beat(17_000, 1.0, true, new Range(1000, 1400), new Range(1600, 2000))
                        .credited()
                        .cardinality());
    }

    @Test
    void aClockAheadOfTheServerIsToleratedButNeverCredited() {
        Viewer v = new Viewer();
        // Opened 20 ms ago on the server; the beat says 2 s.
        Outcome o = v.beat(2_000, 20, 1.0, true, r(0, 2));
        assertEquals(Verdict.ACCEPTED, o.verdict());
        assertEquals(0, o.credited().cardinality());
        // The covered seconds wait for the clock to catch up.
        assertEquals(3, v.beat(3_000, 3_000, 1.0, true, r(2, 3)).credited().cardinality());
    }

    @Test
    void anEndedSessionEarnsOnlyUpToItsEnd() {
        Viewer v = new Viewer();
        v.beat(15_000, 1.0, true, r(0, 15));
        // Ended at 20 s by a newer session; its beat of 30 s (sent before it knew) earns the 5 s before the end.
        Outcome o = v.beat(30_000, 31_000, 20_000, 1.0, true, r(15, 30));
        assertEquals(Verdict.ACCEPTED, o.verdict());
        assertEquals(5, o.credited().cardinality());
        assertEquals(20, v.watched.nextClearBit(0));
    }

    @Test
    void aCoveredSecondTheClockHasNotReachedWaitsForTheNextBeat() {
        Viewer v = new Viewer();
        assertEquals(10, v.beat(10_000, 1.0, true, r(0, 11)).credited().cardinality());
        assertEquals(10, v.beat(20_000, 1.0, true, r(11, 20)).credited().cardinality());
        assertEquals(20, v.watched.nextClearBit(0));
    }

    @Test
    void impossibleRatesAndHugeRangeListsAreRefused() {
        Viewer v = new Viewer();
        assertEquals(Verdict.REFUSED, v.beat(15_000, 0.0, true, r(0, 1)).verdict());
        assertEquals(Verdict.REFUSED, v.beat(15_000, -1.0, true, r(0, 1)).verdict());
        assertEquals(Verdict.REFUSED, v.beat(15_000, 1000.0, true, r(0, 1)).verdict());
        // A rate so small that the playback's time on the clock would overflow.
        assertEquals(Verdict.REFUSED, v.beat(15_000, 1e-300, true, r(0, 1)).verdict());
        assertEquals(0, v.session.playedUntilMs());
        Range[] many = new Range[65];
        for (int i = 0; i < many.length; i++) {
            many[i] = new Range(i * 10L, i * 10L + 5);
        }
        assertEquals(Verdict.REFUSED, v.beat(15_000, 1.0, true, many).verdict());
        assertEquals(0, v.watched.cardinality());
    }

    @Test
    void aNumberFarAheadIsRefusedWithoutUsingAnyNumber() {
        Viewer v = new Viewer();
        v.beat(15_000, 1.0, true, r(0, 15));
        Outcome far = POLICY.apply(
                v.session,
                v.watched,
                VIDEO_S,
                new Beat(1 + CreditPolicy.MAX_GAP + 1, 30_000, List.of(r(15, 30)), 1.0, true),
                30_000,
                Long.MAX_VALUE);
        assertEquals(Verdict.REFUSED, far.verdict());
        assertEquals(1, far.next().lastSeq());
        assertEquals(15, v.beat(30_000, 1.0, true, r(15, 30)).credited().cardinality());
    }

    @Test
    void rangesOutsideTheVideoAreRefused() {
        Viewer v = new Viewer();
        assertEquals(Verdict.REFUSED, v.beat(15_000, 1.0, true, r(179, 195)).verdict());
        assertEquals(
                Verdict.REFUSED,
                v.beat(15_000, 1.0, true, new Range(5000, 1000)).verdict());
    }
}
