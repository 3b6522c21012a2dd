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

    static final CreditPolicy POLICY = new CreditPolicy(Set.of(1.0), 2000, 2000);
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
            Outcome o = POLICY.apply(session, watched, VIDEO_S, new Beat(++seq, elapsedMs, List.of(played), rate, visible), serverElapsedMs);
            if (o.verdict() == Verdict.ACCEPTED) {
                session = o.next();
                watched.or(o.credited());
            } else {
                seq--;
            }
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
        v.beat(30_000, 1.0, true, r(0, 30));
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
        assertTrue(forged.reason().contains("60000 ms of playback in 15000 ms"), forged.reason());
        assertEquals(0, v.watched.cardinality());
    }

    @Test
    void aClaimOfMoreTimeThanThePassedOnTheServerIsRefused() {
        Viewer v = new Viewer();
        Outcome ahead = v.beat(3_600_000, 15_000, 1.0, true, r(0, 15));
        assertEquals(Verdict.REFUSED, ahead.verdict());
        // A client whose wall clock is hours off but whose monotonic clock is honest is credited normally.
        assertEquals(Verdict.ACCEPTED, v.beat(15_000, 15_300, 1.0, true, r(0, 15)).verdict());
    }

    @Test
    void beatsAreIdempotentAndInOrder() {
        Viewer v = new Viewer();
        v.beat(15_000, 1.0, true, r(0, 15));
        Outcome dup = POLICY.apply(v.session, v.watched, VIDEO_S, new Beat(1, 15_000, List.of(r(0, 15)), 1.0, true), 16_000);
        assertEquals(Verdict.DUPLICATE, dup.verdict());
        Outcome gap = POLICY.apply(v.session, v.watched, VIDEO_S, new Beat(3, 45_000, List.of(r(30, 45)), 1.0, true), 46_000);
        assertEquals(Verdict.OUT_OF_ORDER, gap.verdict());
        assertEquals("send beat 2 first", gap.reason());
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
        v.beat(30_000, 1.0, true, r(0, 30));
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
    void rangesOutsideTheVideoAreRefused() {
        Viewer v = new Viewer();
        assertEquals(Verdict.REFUSED, v.beat(15_000, 1.0, true, r(179, 195)).verdict());
        assertEquals(Verdict.REFUSED, v.beat(15_000, 1.0, true, new Range(5000, 1000)).verdict());
    }
}
