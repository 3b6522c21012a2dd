package cn.imtp.lms.attendance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RecordHashTest {

    static RecordHash.Fields fields(int credited) {
        return new RecordHash.Fields(1, 1, "s", 1, 7, 5, 1_795_000_000_000L, 15_000, "0-15000", 1.0, true, credited);
    }

    @Test
    void everyFieldAndThePreviousHashAreChained() {
        String h = RecordHash.of(RecordHash.GENESIS, fields(15));
        assertEquals(64, h.length());
        assertEquals(h, RecordHash.of(RecordHash.GENESIS, fields(15)));
        assertNotEquals(h, RecordHash.of(RecordHash.GENESIS, fields(16)));
        assertNotEquals(h, RecordHash.of(h, fields(15)));
    }
}
