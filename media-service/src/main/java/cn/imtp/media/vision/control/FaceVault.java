package cn.imtp.media.vision.control;

import cn.imtp.media.storage.control.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Face photos in object storage, each encrypted with AES-256-GCM under the key of {@link FaceSettings} (a random
 * 12-byte nonce before the ciphertext; the object's key is the associated data, so a sealed photo cannot be moved
 * under another person's name). Layout: {@code faces/<subject>/reference} (the enrolled photo),
 * {@code faces/<subject>/reference-crop} (its normalised face, compared at every check) and
 * {@code faces/<subject>/checks/<check>/<n>} (the frames of a check that did not pass, for the reviewer).
 */
@ApplicationScoped
public class FaceVault {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SEALED = "application/octet-stream";

    @Inject
    ObjectStore store;

    @Inject
    FaceSettings settings;

    static String reference(UUID subject) {
        return "faces/" + subject + "/reference";
    }

    static String referenceCrop(UUID subject) {
        return "faces/" + subject + "/reference-crop";
    }

    static String frame(UUID subject, UUID check, int n) {
        return "faces/" + subject + "/checks/" + check + "/" + n;
    }

    public void put(String key, byte[] plain) {
        store.put(key, seal(key, plain), SEALED);
    }

    public Optional<byte[]> get(String key) {
        return store.read(key).map(stored -> open(key, stored));
    }

    /** Removes the subject's photos (reference and kept frames); returns how many objects there were. */
    public int forget(UUID subject) {
        return store.removeAll("faces/" + subject + "/");
    }

    /** Removes the frames kept of one check. */
    public int forgetCheck(UUID subject, UUID check) {
        return store.removeAll("faces/" + subject + "/checks/" + check + "/");
    }

    private byte[] seal(String key, byte[] plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, settings.key(), new GCMParameterSpec(128, nonce));
            c.updateAAD(key.getBytes(StandardCharsets.UTF_8));
            byte[] body = c.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + body.length)
                    .put(nonce)
                    .put(body)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a face photo could not be encrypted", e);
        }
    }

    private byte[] open(String key, byte[] sealed) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, settings.key(), new GCMParameterSpec(128, sealed, 0, 12));
            c.updateAAD(key.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, 12, sealed.length - 12);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "the face photo " + key + " does not open with this key (another key, or altered)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a face photo could not be decrypted", e);
        }
    }
}
