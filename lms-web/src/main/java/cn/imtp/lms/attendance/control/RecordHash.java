package cn.imtp.lms.attendance.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that chains a class's attendance records: SHA-256 of the previous record's hash and every
 * field of this one, so that altering, inserting or removing a record breaks every hash after it.
 */
public final class RecordHash {

    /** The previous hash of a chain's first record. */
    public static final String GENESIS = "0".repeat(64);

    /** A record's fields as they are chained. */
    public record Fields(long classId, long chainSeq, String sessionId, long beatSeq, long learnerId, long unitId,
                         long receivedAtMs, long elapsedMs, String played, double rate, boolean visible, int creditedSeconds,
                         String creditedSpans) {
    }

    private RecordHash() {
    }

    public static String of(String previous, Fields f) {
        String canonical = String.join("|", previous, Long.toString(f.classId()), Long.toString(f.chainSeq()), f.sessionId(),
                Long.toString(f.beatSeq()), Long.toString(f.learnerId()), Long.toString(f.unitId()), Long.toString(f.receivedAtMs()),
                Long.toString(f.elapsedMs()), f.played(), Double.toString(f.rate()), Boolean.toString(f.visible()),
                Integer.toString(f.creditedSeconds()))
                // Records from before the spans were kept hash as they always did.
                + (f.creditedSpans() == null || f.creditedSpans().isEmpty() ? "" : "|" + f.creditedSpans());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
