package cn.imtp.platform.security;

import cn.imtp.platform.problem.PlatformException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** Compact RS256 JSON Web Tokens: signing and verification, pure and container-free. */
public final class Jwt {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    /** Tolerated clock difference between the signing and the verifying node. */
    private static final long LEEWAY_SECONDS = 30;

    private Jwt() {
    }

    public static String sign(JsonObject claims, PrivateKey key) {
        String signingInput = HEADER + "." + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token with the configured key", e);
        }
    }

    /** The claims of a token that is well formed, signed by {@code key}, from {@code issuer} and not expired. */
    public static JsonObject verify(String token, PublicKey key, String issuer, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("The token is not a JWT.");
        }
        JsonObject header = parse(parts[0]);
        if (!"RS256".equals(header.getString("alg", ""))) {
            throw invalid("The token is not signed with RS256.");
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(B64D.decode(parts[2]))) {
                throw invalid("The token's signature is not valid.");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid("The token's signature is not valid.");
        }
        JsonObject claims = parse(parts[1]);
        if (!issuer.equals(claims.getString("iss", ""))) {
            throw invalid("The token was not issued by this platform.");
        }
        if (!claims.containsKey("exp") || claims.getJsonNumber("exp").longValue() + LEEWAY_SECONDS < now.getEpochSecond()) {
            throw invalid("The token has expired; sign in again.");
        }
        return claims;
    }

    /** The caller a verified token names. */
    public static Caller callerOf(JsonObject claims) {
        JsonArray groups = claims.getJsonArray("groups");
        if (groups == null || groups.isEmpty()) {
            throw invalid("The token names no role.");
        }
        try {
            return new Caller(Long.parseLong(claims.getString("sub")), claims.getString("upn"),
                    Role.valueOf(((JsonString) groups.get(0)).getString()), claims.getInt("tv", 0));
        } catch (RuntimeException e) {
            throw invalid("The token's claims are incomplete.");
        }
    }

    private static JsonObject parse(String part) {
        try (JsonReader r = Json.createReader(new StringReader(new String(B64D.decode(part), StandardCharsets.UTF_8)))) {
            return r.readObject();
        } catch (RuntimeException e) {
            throw invalid("The token is not a JWT.");
        }
    }

    private static PlatformException invalid(String detail) {
        return new PlatformException(401, "invalid-token", "Invalid token", detail);
    }
}
