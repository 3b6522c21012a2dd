package cn.imtp.lms.live.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.imtp.lms.attendance.control.CreditPolicy.Verdict;
import cn.imtp.lms.live.control.LivePolicy.Beat;
import cn.imtp.lms.live.control.LivePolicy.Frame;
import cn.imtp.lms.live.control.LivePolicy.Outcome;
import cn.imtp.lms.live.control.LivePolicy.Session;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class LivePolicyTest {

    static final LivePolicy POLICY = new LivePolicy(17_000, 2_000);
    /** A 45-minute window starting at epoch second 1,000,000. */
    static final long START = 1_000_000_000L;

    static final long END = START + 45 * 60_000L;

    /** One learner in one session, beats stored as the server would store them. */
    static final class Learner {
        final BitSet present;
        final Frame frame;
        Session session = new Session(0, 0);
        long seq;

        Learner(long openedAtMs, BitSet present) {
            this.frame = new Frame(openedAtMs, START, END);
            this.present = present;
        }

        Outcome beat(long elapsedMs, boolean visible) {
            return beat(elapsedMs, elapsedMs, visible);
        }

        Outcome beat(long elapsedMs, long serverElapsedMs, boolean visible) {
            Outcome o = POLICY.apply(
                    session, present, frame, new Beat(++seq, elapsedMs, visible), serverElapsedMs, Long.MAX_VALUE);
            session = o.next();
            present.or(o.credited());
            return o;
        }

        /** Beats every 15 s from the last one up to {@code untilMs}. */
        void stay(long untilMs) {
            for (long t = session.lastElapsedMs() + 15_000; t <= untilMs; t += 15_000) {
                beat(t, true);
            }
        }
    }

    @Test
    void everySecondOfPresenceWithinTheWindowCountsOnceAndConsecutiveBeatsShareSecondsExactly() {
        Learner l = new Learner(START, new BitSet());
        l.stay(600_000);
        assertEquals(600, l.present.cardinality());
        assertEquals(0, l.present.nextSetBit(0));
        // Beats at uneven moments lose nothing either.
        Learner m = new Learner(START + 333, new BitSet());
        for (long t = 14_700; t <= 120_000; t += 14_700) {
            m.beat(t, true);
        }
        assertEquals(
                Math.round((14_700 * 8 + 333) / 1000.0),
                m.present.cardinality(),
                "the seconds whose middle was covered");
    }

    @Test
    void joiningBeforeTheStartEarnsOnlyFromTheStartAndNothingAfterTheEnd() {
        Learner early = new Learner(START - 60_000, new BitSet());
        Outcome before = early.beat(15_000, true);
        assertEquals(0, before.credited().cardinality());
        assertEquals("the lesson has not begun", before.reason().en());
        early.stay(60_000 + 45 * 60_000L + 120_000);
        assertEquals(45 * 60, early.present.cardinality(), "the whole window and nothing outside it");
    }

    @Test
    void joinedLateAndLeftEarlyEarnsTheMinutesPresent() {
        Learner late = new Learner(START + 10 * 60_000L, new BitSet());
        late.stay(20 * 60_000L);
        assertEquals(20 * 60, late.present.cardinality());
        assertEquals(10 * 60, late.present.nextSetBit(0));
    }

    @Test
    void aHiddenPageOrAGapLongerThanOneBeatEarnsNothingForThatTime() {
        Learner l = new Learner(START, new BitSet());
        l.beat(15_000, true);
        assertEquals(0, l.beat(30_000, false).credited().cardinality());
        // The laptop slept for five minutes: the beat after it vouches for one interval plus slack only.
        Outcome afterSleep = l.beat(330_000, true);
        assertEquals(17, afterSleep.credited().cardinality());
        assertEquals(32, l.present.cardinality());
    }

    @Test
    void twoSessionsOfTheSameLearnerNeverCountASecondTwice() {
        BitSet present = new BitSet();
        Learner tab1 = new Learner(START, present);
        tab1.stay(60_000);
        Learner tab2 = new Learner(START + 30_000, present);
        Outcome o = tab2.beat(45_000, true);
        assertEquals(15, o.credited().cardinality(), "only 60..75 s are new");
        assertEquals(75, present.cardinality());
    }

    @Test
    void duplicatesChangeNothingAGapIsNoStallAndImpossibleClocksAreRefused() {
        Learner l = new Learner(START, new BitSet());
        l.beat(15_000, true);
        Outcome again = POLICY.apply(l.session, l.present, l.frame, new Beat(1, 15_000, true), 15_000, Long.MAX_VALUE);
        assertEquals(Verdict.DUPLICATE, again.verdict());
        Outcome gap = POLICY.apply(l.session, l.present, l.frame, new Beat(3, 16_000, true), 16_000, Long.MAX_VALUE);
        assertEquals(Verdict.ACCEPTED, gap.verdict());
        l.seq = 3;
        l.session = gap.next();
        l.present.or(gap.credited());
        Outcome ahead = l.beat(3_600_000, 30_000, true);
        assertEquals(Verdict.REFUSED, ahead.verdict(), "a clock running an hour ahead of the server's");
        Outcome backwards = l.beat(10_000, true);
        assertEquals(Verdict.REFUSED, backwards.verdict());
        assertEquals(16, l.present.cardinality());
    }
}
