package cn.imtp.lms.attendance.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that chains a class's attendance records: of the previous record's hash and every field of this
 * one, so that altering, inserting or removing a record breaks every hash after it. Records are sealed with
 * HMAC-SHA256 under a chain key that does not live in the database ({@link #keyed}); records written before
 * there was a key hash with plain SHA-256 ({@link #of}) and are sealed once, as a whole, by the chain's seal.
 */
public final class RecordHash {

    /** The previous hash of a chain's first record. */
    public static final String GENESIS = "0".repeat(64);

    /** A record's fields as they are chained. */
    public record Fields(
            long classId,
            long chainSeq,
            String sessionId,
            long beatSeq,
            long learnerId,
            long unitId,
            long receivedAtMs,
            long elapsedMs,
            String played,
            double rate,
            boolean visible,
            int creditedSeconds,
            String creditedSpans) {}

    private RecordHash() {}

    /** A record written before there was a chain key: SHA-256, which anyone able to write the database could recompute. */
    public static String of(String previous, Fields f) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical(previous, f).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record sealed with {@code key}: HMAC-SHA256 of the same fields and the key's id. */
    public static String keyed(ChainKeys.Key key, String previous, Fields f) {
        return ChainKeys.mac(key, canonical(previous, f) + "|key:" + key.id());
    }

    private static String canonical(String previous, Fields f) {
        return String.join(
                        "|",
                        previous,
                        Long.toString(f.classId()),
                        Long.toString(f.chainSeq()),
                        f.sessionId(),
                        Long.toString(f.beatSeq()),
                        Long.toString(f.learnerId()),
                        Long.toString(f.unitId()),
                        Long.toString(f.receivedAtMs()),
                        Long.toString(f.elapsedMs()),
                        f.played(),
                        Double.toString(f.rate()),
                        Boolean.toString(f.visible()),
                        Integer.toString(f.creditedSeconds()))
                // Records from before the spans were kept hash as they always did.
                + (f.creditedSpans() == null || f.creditedSpans().isEmpty() ? "" : "|" + f.creditedSpans());
    }
}
