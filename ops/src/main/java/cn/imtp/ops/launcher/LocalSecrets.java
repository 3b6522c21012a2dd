package cn.imtp.ops.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets of a local installation, made once and kept under {@code var/keys} (owner-only): the RSA
 * key pair lms-web signs tokens with, the key that seals the attendance chains (kept out of the database,
 * so that writing to the database is not enough to rewrite attendance), the key that encrypts face photos in
 * object storage (likewise out of the database), and the first administrator's password when none is configured.
 */
record LocalSecrets(
        Path privateKey,
        Path publicKey,
        Path chainKey,
        Path faceKey,
        String adminPassword,
        boolean adminPasswordGenerated) {

    static LocalSecrets ensure(LauncherSettings s) throws IOException, GeneralSecurityException {
        Path dir = s.varDir().resolve("keys");
        Files.createDirectories(dir);
        Path privateKey = s.jwtPrivateKey().map(Path::of).orElse(dir.resolve("jwt-private.pem"));
        Path publicKey = s.jwtPublicKey().map(Path::of).orElse(dir.resolve("jwt-public.pem"));
        if (s.jwtPrivateKey().isEmpty() && !Files.exists(privateKey)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writeSecret(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        Path chainKey = s.chainKey().map(Path::of).orElse(dir.resolve("chain-key"));
        if (s.chainKey().isEmpty()) {
            ensureKey(chainKey);
        }
        Path faceKey = s.faceKey().map(Path::of).orElse(dir.resolve("face-key"));
        if (s.faceKey().isEmpty()) {
            ensureKey(faceKey);
        }
        if (s.adminPassword().isPresent()) {
            return new LocalSecrets(
                    privateKey, publicKey, chainKey, faceKey, s.adminPassword().get(), false);
        }
        Path passwordFile = dir.resolve("admin-password");
        if (!Files.exists(passwordFile)) {
            writeSecret(passwordFile, generatePassword());
        }
        return new LocalSecrets(
                privateKey,
                publicKey,
                chainKey,
                faceKey,
                Files.readString(passwordFile).trim(),
                true);
    }

    /** A random 256-bit key in base64, made once. */
    private static void ensureKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            writeSecret(file, Base64.getEncoder().encodeToString(secret) + "\n");
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    private static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder("Adm");
        for (int i = 0; i < 12; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.append(random.nextInt(10)).toString();
    }
}
