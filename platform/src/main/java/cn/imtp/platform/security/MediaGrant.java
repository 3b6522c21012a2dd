package cn.imtp.platform.security;

import cn.imtp.platform.json.Jsonp;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.json.JsonObject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A short-lived permission for one user on one media asset, signed by lms-web (which decides who may
 * see or upload what) and verified by media-service alone, without a call back.
 *
 * <p>It is a JWT with audience {@value #AUDIENCE}; sign-in tokens have none and carry roles instead,
 * so neither can stand in for the other.
 *
 * @param accountId the user the grant was issued to
 * @param assetId   the media asset (one version of a resource)
 * @param scope     what the holder may do
 * @param kind      the kind of file the resource holds, e.g. VIDEO or DOCUMENT
 * @param expiresAt when the grant stops working
 * @param issuedAt  when it was signed, as a verified grant says (null for one about to be signed): a grant issued
 *                  before its holder's sign-ins were revoked (signed out, disabled) no longer works
 * @param maxBytes  for an upload, the largest file it allows (lms-web's limit for the kind of file and the holder's
 *                  quota), null for no limit of its own
 */
public record MediaGrant(
        long accountId, UUID assetId, Scope scope, String kind, Instant expiresAt, Instant issuedAt, Long maxBytes) {

    /** A grant to sign (its issue time is the signing time). */
    public MediaGrant(long accountId, UUID assetId, Scope scope, String kind, Instant expiresAt) {
        this(accountId, assetId, scope, kind, expiresAt, null, null);
    }

    /** An upload grant to sign for a file of at most {@code maxBytes}. */
    public static MediaGrant upload(long accountId, UUID assetId, String kind, Instant expiresAt, long maxBytes) {
        return new MediaGrant(accountId, assetId, Scope.UPLOAD, kind, expiresAt, null, maxBytes);
    }

    public static final String AUDIENCE = "media";

    public enum Scope {
        /** Upload the asset's file, follow its processing, retry a failed job. */
        UPLOAD,
        /** Play or download the asset and follow its processing. */
        VIEW,
        /**
         * Use one person's face data (the "asset" is the person's face subject): enrol a reference photo, verify a
         * presence check, read or delete the photos. Signed by lms-web for its own server-to-server calls only.
         */
        FACE
    }

    public String sign(PrivateKey key, String issuer, Instant now) {
        var claims = Jsonp.object();
        if (maxBytes != null) {
            claims.add("max", maxBytes);
        }
        return Jwt.sign(
                claims.add("iss", issuer)
                        .add("aud", AUDIENCE)
                        .add("sub", Long.toString(accountId))
                        .add("asset", assetId.toString())
                        .add("scope", scope.name().toLowerCase(Locale.ROOT))
                        .add("kind", kind)
                        .add("iat", now.getEpochSecond())
                        .add("exp", expiresAt.getEpochSecond())
                        .build(),
                key);
    }

    /** The grant a token carries; 401 when it is not a valid, unexpired media grant. */
    public static MediaGrant verify(String token, PublicKey key, String issuer, Instant now) {
        if (token == null || token.isBlank()) {
            throw new PlatformException(
                    401,
                    "missing-grant",
                    "Missing grant",
                    new Words(
                            "缺少该文件的访问授权，请重新打开页面后再试。",
                            "Add the grant lms-web issued for this file as the 'grant' query parameter."));
        }
        JsonObject claims = Jwt.verify(token, key, issuer, now);
        if (!AUDIENCE.equals(claims.getString("aud", ""))) {
            throw new PlatformException(
                    401,
                    "invalid-grant",
                    "Invalid grant",
                    new Words(
                            "该令牌不是媒体授权，请重新打开页面以获取该文件的授权。",
                            "This token is not a media grant; ask lms-web for a grant for this file."));
        }
        try {
            return new MediaGrant(
                    Long.parseLong(claims.getString("sub")),
                    UUID.fromString(claims.getString("asset")),
                    Scope.valueOf(claims.getString("scope").toUpperCase(Locale.ROOT)),
                    claims.getString("kind"),
                    Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue()),
                    Instant.ofEpochSecond(claims.getJsonNumber("iat").longValue()),
                    claims.containsKey("max") ? claims.getJsonNumber("max").longValue() : null);
        } catch (RuntimeException e) {
            throw new PlatformException(
                    401,
                    "invalid-grant",
                    "Invalid grant",
                    new Words("授权内容不完整，请重新打开页面。", "The grant's claims are incomplete."));
        }
    }

    /** 403 unless this grant is for {@code asset} and allows {@code needed} (an upload grant also allows viewing; a face grant only faces). */
    public void require(UUID asset, Scope needed) {
        if (!assetId.equals(asset)) {
            throw new PlatformException(
                    403, "forbidden", "Forbidden", new Words("该授权属于另一个文件。", "This grant is for another file."));
        }
        if ((needed == Scope.FACE) != (scope == Scope.FACE)) {
            throw new PlatformException(
                    403, "forbidden", "Forbidden", new Words("该授权不适用于此用途。", "This grant is not for this kind of use."));
        }
        if (needed == Scope.UPLOAD && scope != Scope.UPLOAD) {
            throw new PlatformException(
                    403,
                    "forbidden",
                    "Forbidden",
                    new Words("该授权只允许观看，不允许上传。", "This grant allows viewing only, not uploading."));
        }
    }
}
