package cn.imtp.lms.attendance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class SpansTest {

    @Test
    void secondsRoundTripThroughSpans() {
        BitSet s = new BitSet();
        s.set(0, 3);
        s.set(12, 27);
        s.set(30);
        assertEquals("0-3,12-27,30-31", Spans.format(s));
        assertEquals(s, Spans.parse("0-3,12-27,30-31"));
        assertEquals("", Spans.format(new BitSet()));
        assertEquals(new BitSet(), Spans.parse(""));
    }

    @Test
    void aBackwardSpanIsNotRead() {
        assertThrows(IllegalArgumentException.class, () -> Spans.parse("9-3"));
    }
}
