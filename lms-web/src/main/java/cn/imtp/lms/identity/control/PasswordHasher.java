package cn.imtp.lms.identity.control;

import cn.imtp.platform.text.Words;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** PBKDF2-HMAC-SHA512 password hashes in the form {@code pbkdf2-sha512$<iterations>$<salt>$<hash>}. */
public final class PasswordHasher {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA512. */
    public static final int ITERATIONS = 210_000;
    /** The longest password the rules allow. */
    public static final int MAX_LENGTH = 128;

    private static final String PREFIX = "pbkdf2-sha512";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {}

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + "$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
    }

    /** Constant-time comparison; a malformed stored hash never matches. */
    public static boolean matches(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
    }

    /** Spends the same time as a real check, so that an unknown username cannot be told apart by timing. */
    public static void spendTimeOfOneCheck(String password) {
        derive(password, new byte[16], ITERATIONS);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 512);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A random temporary password of 12 characters without look-alikes (0/O, 1/l/I). */
    public static String temporaryPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.append(RANDOM.nextInt(10))
                .append("Aa".charAt(RANDOM.nextInt(2)))
                .toString();
    }

    /** Null when acceptable, otherwise what is wrong (shown to the user). */
    public static Words weakness(String password) {
        if (password == null || password.length() < 8) {
            return new Words("至少需要 8 个字符", "must have at least 8 characters");
        }
        if (password.length() > MAX_LENGTH) {
            return new Words("最多 " + MAX_LENGTH + " 个字符", "must have at most " + MAX_LENGTH + " characters");
        }
        if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
            return new Words("须同时包含字母和数字", "must contain both letters and digits");
        }
        return null;
    }
}
