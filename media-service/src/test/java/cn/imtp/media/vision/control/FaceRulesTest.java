package cn.imtp.media.vision.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.imtp.media.vision.control.FaceRules.Measure;
import cn.imtp.media.vision.control.FaceRules.Outcome;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceRulesTest {

    private final FaceRules rules = new FaceRules(70, 0.2, 12, 1.0, 2);
    private final Measure good = new Measure(640, List.of(300), 50);

    @Test
    void aFaceTwoFifthsTheSizeOfTheLargestIsASecondPersonASmallerOneIsNot() {
        assertEquals(Outcome.SEVERAL_FACES, rules.usable(new Measure(640, List.of(300, 120), 50)));
        assertEquals(Outcome.PASSED, rules.usable(new Measure(640, List.of(300, 119), 50)));
    }

    @Test
    void theFaceMustFillAFifthOfTheWidthAndBeSharp() {
        assertEquals(Outcome.FACE_TOO_SMALL, rules.usable(new Measure(640, List.of(127), 50)));
        assertEquals(Outcome.PASSED, rules.usable(new Measure(640, List.of(128), 50)));
        assertEquals(Outcome.TOO_BLURRY, rules.usable(new Measure(640, List.of(300), 11.9)));
        assertEquals(Outcome.NO_FACE, rules.usable(new Measure(640, List.of(), 0)));
    }

    @Test
    void oneBadFrameFailsTheCheckEvenWhenAnotherMatches() {
        Measure two = new Measure(640, List.of(300, 280), 50);
        assertEquals(
                Outcome.SEVERAL_FACES,
                rules.check(List.of(good, two), List.of(20.0, 25.0), List.of(5.0))
                        .outcome());
    }

    @Test
    void stillFramesAreNotLiveAndFarFramesAreAnotherPerson() {
        assertEquals(
                Outcome.NOT_LIVE,
                rules.check(List.of(good, good), List.of(20.0, 20.0), List.of(0.4))
                        .outcome());
        FaceRules.Verdict other = rules.check(List.of(good, good), List.of(90.0, 70.5), List.of(3.0));
        assertEquals(Outcome.NOT_SAME_PERSON, other.outcome());
        assertEquals(70.5, other.distance());
        FaceRules.Verdict same = rules.check(List.of(good, good, good), List.of(90.0, 70.0, 75.0), List.of(3.0, 1.0));
        assertEquals(Outcome.PASSED, same.outcome());
        assertEquals(1.0, same.motion());
    }

    @Test
    void aCheckNeedsTwoFramesAndAnAnswerForEach() {
        assertThrows(IllegalArgumentException.class, () -> rules.check(List.of(good), List.of(20.0), List.of()));
        assertThrows(
                IllegalArgumentException.class, () -> rules.check(List.of(good, good), List.of(20.0), List.of(3.0)));
        assertEquals(
                Outcome.NOT_LIVE,
                rules.check(List.of(good, good), Arrays.asList(20.0, null), Arrays.asList((Double) null))
                        .outcome());
    }
}
