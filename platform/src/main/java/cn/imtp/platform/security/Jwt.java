package cn.imtp.platform.security;

import cn.imtp.platform.json.Jsonp;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compact RS256 JSON Web Tokens, pure and container-free: the JWS itself (encoding, RS256 signature, parsing) is
 * Nimbus JOSE + JWT's; this class adds what the platform asks of a token — the issuer, the expiry with a leeway,
 * refusals as problem documents in the reader's language, and a per-node memory of tokens already verified.
 */
public final class Jwt {

    private static final JWSHeader HEADER =
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build();
    /** Tolerated clock difference between the signing and the verifying node. */
    private static final long LEEWAY_SECONDS = 30;

    private Jwt() {}

    public static String sign(JsonObject claims, PrivateKey key) {
        JWSObject jws = new JWSObject(HEADER, new Payload(claims.toString()));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException | RuntimeException e) {
            throw new IllegalStateException("cannot sign a token with the configured key", e);
        }
        return jws.serialize();
    }

    /** Tokens whose signature and issuer were checked, so that a token sent again costs no RSA operation. */
    private record Verified(PublicKey key, String issuer, JsonObject claims) {}

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
        JsonObject claims =
                known != null && known.key().equals(key) && known.issuer().equals(issuer) ? known.claims() : null;
        if (claims == null) {
            claims = verifySignature(token, key, issuer);
            if (VERIFIED.size() >= VERIFIED_CAPACITY) {
                VERIFIED.clear();
            }
            VERIFIED.put(token, new Verified(key, issuer, claims));
        }
        if (!claims.containsKey("exp")
                || claims.getJsonNumber("exp").longValue() + LEEWAY_SECONDS < now.getEpochSecond()) {
            throw invalid(new Words("登录已过期，请重新登录。", "The token has expired; sign in again."));
        }
        return claims;
    }

    private static JsonObject verifySignature(String token, PublicKey key, String issuer) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw invalid(new Words("令牌格式无效，请重新登录。", "The token is not a JWT."));
        }
        if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm())) {
            throw invalid(new Words("令牌签名方式无效，请重新登录。", "The token is not signed with RS256."));
        }
        boolean valid;
        try {
            valid = key instanceof RSAPublicKey rsa && jws.verify(new RSASSAVerifier(rsa));
        } catch (JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw invalid(new Words("令牌签名无效，请重新登录。", "The token's signature is not valid."));
        }
        JsonObject claims = parse(jws.getPayload().toString());
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
            return new Caller(
                    Long.parseLong(claims.getString("sub")),
                    claims.getString("upn"),
                    Role.valueOf(((JsonString) groups.get(0)).getString()),
                    claims.getInt("tv", 0));
        } catch (RuntimeException e) {
            throw invalid(new Words("令牌内容不完整，请重新登录。", "The token's claims are incomplete."));
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader r = Jsonp.reader(json)) {
            return r.readObject();
        } catch (RuntimeException e) {
            throw invalid(new Words("令牌格式无效，请重新登录。", "The token is not a JWT."));
        }
    }

    private static PlatformException invalid(Words detail) {
        return new PlatformException(401, "invalid-token", "Invalid token", detail);
    }
}
