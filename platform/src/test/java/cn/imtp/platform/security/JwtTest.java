package cn.imtp.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.imtp.platform.problem.PlatformException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtTest {

    static KeyPair keys;
    static KeyPair otherKeys;
    static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
        otherKeys = g.generateKeyPair();
    }

    static JsonObject claims(long exp) {
        return Json.createObjectBuilder()
                .add("iss", "imtp-lms")
                .add("sub", "42")
                .add("upn", "learner01")
                .add("groups", Json.createArrayBuilder().add("LEARNER"))
                .add("tv", 3)
                .add("exp", exp)
                .build();
    }

    @Test
    void aSignedTokenVerifiesAndNamesItsCaller() {
        String token = Jwt.sign(claims(NOW.getEpochSecond() + 60), keys.getPrivate());
        Caller caller = Jwt.callerOf(Jwt.verify(token, keys.getPublic(), "imtp-lms", NOW));
        assertEquals(new Caller(42, "learner01", Role.LEARNER, 3), caller);
    }

    @Test
    void anExpiredTokenIsRefusedBeyondTheLeeway() {
        String token = Jwt.sign(claims(NOW.getEpochSecond() - 31), keys.getPrivate());
        PlatformException e =
                assertThrows(PlatformException.class, () -> Jwt.verify(token, keys.getPublic(), "imtp-lms", NOW));
        assertEquals(401, e.status());
        assertEquals("The token has expired; sign in again.", e.getMessage());
    }

    @Test
    void aTokenSignedByAnotherKeyOrAlteredIsRefused() {
        String foreign = Jwt.sign(claims(NOW.getEpochSecond() + 60), otherKeys.getPrivate());
        assertThrows(PlatformException.class, () -> Jwt.verify(foreign, keys.getPublic(), "imtp-lms", NOW));
        String token = Jwt.sign(claims(NOW.getEpochSecond() + 60), keys.getPrivate());
        String[] p = token.split("\\.");
        String promoted = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims(NOW.getEpochSecond() + 60)
                        .toString()
                        .replace("LEARNER", "ADMINISTRATOR")
                        .getBytes());
        assertThrows(
                PlatformException.class,
                () -> Jwt.verify(p[0] + "." + promoted + "." + p[2], keys.getPublic(), "imtp-lms", NOW));
    }

    @Test
    void anotherIssuerAndGarbageAreRefused() {
        String token = Jwt.sign(claims(NOW.getEpochSecond() + 60), keys.getPrivate());
        assertThrows(PlatformException.class, () -> Jwt.verify(token, keys.getPublic(), "someone-else", NOW));
        assertThrows(PlatformException.class, () -> Jwt.verify("not.a.jwt", keys.getPublic(), "imtp-lms", NOW));
        assertThrows(PlatformException.class, () -> Jwt.verify("abc", keys.getPublic(), "imtp-lms", NOW));
    }
}
