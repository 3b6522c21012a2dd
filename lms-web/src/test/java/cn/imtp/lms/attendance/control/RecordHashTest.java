package cn.imtp.lms.attendance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RecordHashTest {

    static RecordHash.Fields fields(int credited) {
        return fields(credited, "0-15");
    }

    static RecordHash.Fields fields(int credited, String spans) {
        return new RecordHash.Fields(
                1, 1, "s", 1, 7, 5, 1_795_000_000_000L, 15_000, "0-15000", 1.0, true, credited, spans);
    }

    @Test
    void everyFieldAndThePreviousHashAreChained() {
        String h = RecordHash.of(RecordHash.GENESIS, fields(15));
        assertEquals(64, h.length());
        assertEquals(h, RecordHash.of(RecordHash.GENESIS, fields(15)));
        assertNotEquals(h, RecordHash.of(RecordHash.GENESIS, fields(16)));
        assertNotEquals(h, RecordHash.of(h, fields(15)));
    }

    @Test
    void theCreditedSecondsAreChainedAndRecordsWithoutThemHashAsBefore() throws Exception {
        assertNotEquals(
                RecordHash.of(RecordHash.GENESIS, fields(15, "0-15")),
                RecordHash.of(RecordHash.GENESIS, fields(15, "1-16")));
        // A record written before spans were kept: its hash is the one computed then, from the twelve fields alone.
        String legacy = String.join(
                "|",
                RecordHash.GENESIS,
                "1",
                "1",
                "s",
                "1",
                "7",
                "5",
                "1795000000000",
                "15000",
                "0-15000",
                "1.0",
                "true",
                "15");
        assertEquals(
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256").digest(legacy.getBytes(StandardCharsets.UTF_8))),
                RecordHash.of(RecordHash.GENESIS, fields(15, "")));
        assertEquals(
                RecordHash.of(RecordHash.GENESIS, fields(15, "")), RecordHash.of(RecordHash.GENESIS, fields(15, null)));
    }

    @Test
    void aKeyedRecordCannotBeRecomputedWithoutTheKey() {
        ChainKeys.Key key = ChainKeys.of("k".repeat(32).getBytes(StandardCharsets.US_ASCII));
        ChainKeys.Key other = ChainKeys.of("o".repeat(32).getBytes(StandardCharsets.US_ASCII));
        String sealed = RecordHash.keyed(key, RecordHash.GENESIS, fields(15));
        assertEquals(64, sealed.length());
        assertEquals(sealed, RecordHash.keyed(key, RecordHash.GENESIS, fields(15)));
        assertNotEquals(sealed, RecordHash.keyed(other, RecordHash.GENESIS, fields(15)));
        assertNotEquals(sealed, RecordHash.of(RecordHash.GENESIS, fields(15)));
        assertNotEquals(sealed, RecordHash.keyed(key, RecordHash.GENESIS, fields(16)));
        assertEquals(16, key.id().length());
        assertNotEquals(key.id(), other.id());
    }
}
