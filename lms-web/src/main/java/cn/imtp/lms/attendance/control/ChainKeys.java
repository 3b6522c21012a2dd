package cn.imtp.lms.attendance.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The secret keys that seal the attendance chains (HMAC-SHA256), read from files that live outside the
 * database ({@code lms.attendance.chain-key}: the key new records are sealed with;
 * {@code lms.attendance.chain-previous-keys}: earlier keys, comma-separated, kept to verify the records they
 * sealed). Someone who can write to the database but has no key cannot recompute a record's seal. Each key is
 * named by its id (the first 16 hex digits of its SHA-256), which every record keeps.
 */
@ApplicationScoped
public class ChainKeys {

    /** A key and its id. */
    public record Key(String id, SecretKeySpec secret) {}

    private Key current;
    private final Map<String, Key> known = new LinkedHashMap<>();

    @PostConstruct
    void read() {
        Config c = ConfigProvider.getConfig();
        current = load(Path.of(c.getValue("lms.attendance.chain-key", String.class)));
        known.put(current.id(), current);
        c.getOptionalValue("lms.attendance.chain-previous-keys", String.class)
                .ifPresent(list -> Arrays.stream(list.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(Path::of)
                        .map(ChainKeys::load)
                        .forEach(k -> known.putIfAbsent(k.id(), k)));
    }

    /** The key new records are sealed with. */
    public Key current() {
        return current;
    }

    /** The key with this id, or null when it is not (or no longer) configured. */
    public Key byId(String id) {
        return known.get(id);
    }

    /** A key file holds the key in Base64 (at least 32 bytes), as the launcher writes it. */
    static Key load(Path file) {
        try {
            byte[] secret = Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (secret.length < 32) {
                throw new IllegalStateException("The attendance chain key " + file + " is shorter than 32 bytes");
            }
            return of(secret);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The attendance chain key cannot be read from " + file
                            + " (lms.attendance.chain-key; ./ops/run makes one under var/keys)",
                    e);
        }
    }

    static Key of(byte[] secret) {
        try {
            String id = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret))
                    .substring(0, 16);
            return new Key(id, new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One instance per thread (the heartbeat writer seals every record), keyed afresh for each use. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    /** HMAC-SHA256 of {@code text} under {@code key}, in hex. */
    public static String mac(Key key, String text) {
        try {
            Mac mac = MACS.get();
            mac.init(key.secret());
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
