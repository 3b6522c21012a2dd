package cn.imtp.platform.security;

import cn.imtp.platform.text.Words;
import cn.imtp.platform.json.Jsonp;
import cn.imtp.platform.problem.PlatformException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** Tokens whose signature and issuer were checked, so that a token sent again costs no RSA operation. */
    private record Verified(PublicKey key, String issuer, JsonObject claims) {
    }

    /** At most this many verified tokens are remembered per JVM; then the memory starts again. */
    static final int VERIFIED_CAPACITY = 20_000;
    private static final Map<String, Verified> VERIFIED = new ConcurrentHashMap<>();

    /**
     * The claims of a token that is well formed, signed by {@code key}, from {@code issuer} and not expired.
     * The signature check (an RSA operation, a fifth of a beat's CPU) is done once per token and JVM: the
     * token cannot change, and its expiry is checked on every call.
     */
    public static JsonObject verify(String token, PublicKey key, String issuer, Instant now) {
        Verified known = VERIFIED.get(token);
        JsonObject claims = known != null && known.key().equals(key) && known.issuer().equals(issuer) ? known.claims() : null;
        if (claims == null) {
            claims = verifySignature(token, key, issuer);
            if (VERIFIED.size() >= VERIFIED_CAPACITY) {
                VERIFIED.clear();
            }
            VERIFIED.put(token, new Verified(key, issuer, claims));
        }
        if (!claims.containsKey("exp") || claims.getJsonNumber("exp").longValue() + LEEWAY_SECONDS < now.getEpochSecond()) {
            throw invalid(new Words("登录已过期，请重新登录。", "The token has expired; sign in again."));
        }
        return claims;
    }

    private static JsonObject verifySignature(String token, PublicKey key, String issuer) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid(new Words("令牌格式无效，请重新登录。", "The token is not a JWT."));
        }
        JsonObject header = parse(parts[0]);
        if (!"RS256".equals(header.getString("alg", ""))) {
            throw invalid(new Words("令牌签名方式无效，请重新登录。", "The token is not signed with RS256."));
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(B64D.decode(parts[2]))) {
                throw invalid(new Words("令牌签名无效，请重新登录。", "The token's signature is not valid."));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid(new Words("令牌签名无效，请重新登录。", "The token's signature is not valid."));
        }
        JsonObject claims = parse(parts[1]);
        if (!issuer.equals(claims.getString("iss", ""))) {
            throw invalid(new Words("令牌不是本平台签发的，请重新登录。", "The token was not issued by this platform."));
        }
        return claims;
    }

    /** The caller a verified token names. */
    public static Caller callerOf(JsonObject claims) {
        JsonArray groups = claims.getJsonArray("groups");
        if (groups == null || groups.isEmpty()) {
            throw invalid(new Words("令牌未注明角色，请重新登录。", "The token names no role."));
        }
        try {
            return new Caller(Long.parseLong(claims.getString("sub")), claims.getString("upn"),
                    Role.valueOf(((JsonString) groups.get(0)).getString()), claims.getInt("tv", 0));
        } catch (RuntimeException e) {
            throw invalid(new Words("令牌内容不完整，请重新登录。", "The token's claims are incomplete."));
        }
    }

    private static JsonObject parse(String part) {
        try (JsonReader r = Jsonp.reader(new String(B64D.decode(part), StandardCharsets.UTF_8))) {
            return r.readObject();
        } catch (RuntimeException e) {
            throw invalid(new Words("令牌格式无效，请重新登录。", "The token is not a JWT."));
        }
    }

    private static PlatformException invalid(Words detail) {
        return new PlatformException(401, "invalid-token", "Invalid token", detail);
    }
}
