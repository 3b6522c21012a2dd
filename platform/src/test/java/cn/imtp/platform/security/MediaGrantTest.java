package cn.imtp.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.imtp.platform.problem.PlatformException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MediaGrantTest {

    static KeyPair keys;
    static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    static final UUID ASSET = UUID.fromString("7d4c2b4e-8a53-4d7e-9a55-0c7c7b0f5e11");

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
    }

    @Test
    void aSignedGrantVerifiesWithItsClaims() {
        MediaGrant grant = new MediaGrant(42, ASSET, MediaGrant.Scope.VIEW, "VIDEO", NOW.plusSeconds(300));
        MediaGrant read =
                MediaGrant.verify(grant.sign(keys.getPrivate(), "imtp-lms", NOW), keys.getPublic(), "imtp-lms", NOW);
        assertEquals(new MediaGrant(42, ASSET, MediaGrant.Scope.VIEW, "VIDEO", NOW.plusSeconds(300), NOW, null), read);
        MediaGrant upload = MediaGrant.upload(42, ASSET, "VIDEO", NOW.plusSeconds(300), 1_000_000L);
        assertEquals(
                1_000_000L,
                MediaGrant.verify(upload.sign(keys.getPrivate(), "imtp-lms", NOW), keys.getPublic(), "imtp-lms", NOW)
                        .maxBytes());
    }

    @Test
    void aSignInTokenIsNotAGrantAndAGrantIsNotASignInToken() {
        String signIn = Jwt.sign(JwtTest.claims(NOW.getEpochSecond() + 60), keys.getPrivate());
        PlatformException e = assertThrows(
                PlatformException.class, () -> MediaGrant.verify(signIn, keys.getPublic(), "imtp-lms", NOW));
        assertEquals("invalid-grant", e.type());
        String grant = new MediaGrant(42, ASSET, MediaGrant.Scope.UPLOAD, "VIDEO", NOW.plusSeconds(300))
                .sign(keys.getPrivate(), "imtp-lms", NOW);
        assertThrows(PlatformException.class, () -> Jwt.callerOf(Jwt.verify(grant, keys.getPublic(), "imtp-lms", NOW)));
    }

    @Test
    void aGrantCoversOneAssetAndAViewGrantCannotUpload() {
        MediaGrant view = new MediaGrant(42, ASSET, MediaGrant.Scope.VIEW, "VIDEO", NOW.plusSeconds(300));
        view.require(ASSET, MediaGrant.Scope.VIEW);
        assertEquals(
                403,
                assertThrows(PlatformException.class, () -> view.require(ASSET, MediaGrant.Scope.UPLOAD))
                        .status());
        assertEquals(
                403,
                assertThrows(PlatformException.class, () -> view.require(UUID.randomUUID(), MediaGrant.Scope.VIEW))
                        .status());
        new MediaGrant(42, ASSET, MediaGrant.Scope.UPLOAD, "VIDEO", NOW.plusSeconds(300))
                .require(ASSET, MediaGrant.Scope.VIEW);
    }

    @Test
    void aMissingOrExpiredGrantIs401() {
        assertEquals(
                "missing-grant",
                assertThrows(PlatformException.class, () -> MediaGrant.verify(null, keys.getPublic(), "imtp-lms", NOW))
                        .type());
        String old = new MediaGrant(42, ASSET, MediaGrant.Scope.VIEW, "VIDEO", NOW.minusSeconds(60))
                .sign(keys.getPrivate(), "imtp-lms", NOW);
        assertEquals(
                401,
                assertThrows(PlatformException.class, () -> MediaGrant.verify(old, keys.getPublic(), "imtp-lms", NOW))
                        .status());
    }
}
