package cn.imtp.lms.exam.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScoresTest {

    @Test
    void pointsAreReadOnTheHundredPointScaleOfThePassMark() {
        assertEquals("60", Scores.onHundred(6, 10));
        assertEquals("62.5", Scores.onHundred(5, 8));
        assertEquals("66.6", Scores.onHundred(2, 3));
        assertEquals("59.9", Scores.onHundred(241, 402), "just short of 60 never reads 60");
        assertEquals("100", Scores.onHundred(6, 6));
        assertEquals("0", Scores.onHundred(0, 7));
        assertEquals("0", Scores.onHundred(0, 0));
    }

    @Test
    void aPaperNotOutOf100ShowsItsOwnPointsBeside() {
        assertEquals("60 / 100（6 / 10 分）", Scores.shown(6, 10).zh());
        assertEquals("60 / 100 (6 of 10 points)", Scores.shown(6, 10).en());
        assertEquals("82 / 100", Scores.shown(82, 100).zh());
        assertEquals("82 / 100", Scores.shown(82, 100).en());
        assertEquals("100/100 (6/6)", Scores.compact(6, 6));
        assertEquals("82/100", Scores.compact(82, 100));
    }
}
