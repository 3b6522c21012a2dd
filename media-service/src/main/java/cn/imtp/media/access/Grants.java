package cn.imtp.media.access;

import cn.imtp.media.sql.MediaDatabase;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.MediaGrant;
import cn.imtp.platform.security.TokenSettings;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Checks the grant lms-web issued for an asset. It travels as the {@code grant} query parameter because
 * the clients that fetch media (video elements, hls.js, EventSource, download links) cannot set headers.
 */
@ApplicationScoped
public class Grants {

    @Inject
    TokenSettings tokens;

    @Inject
    MediaDatabase db;

    /**
     * The grant, if it is valid, for this asset and use, issued after its holder's sign-ins were last revoked (lms-web
     * records that in {@code media_grant_revocation} when an account signs out, is disabled or reset), and for an asset
     * lms-web has not released ({@code media_asset_release}: a recording replaced by a newer one, 410). One query.
     */
    public MediaGrant require(String token, UUID asset, MediaGrant.Scope scope) {
        MediaGrant grant = MediaGrant.verify(token, tokens.publicKey(), tokens.issuer(), Instant.now());
        grant.require(asset, scope);
        Instant[] found = db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT (SELECT revoked_at FROM media_grant_revocation WHERE account_id = ?) AS revoked_at,"
                            + " (SELECT released_at FROM media_asset_release WHERE asset_id = ?) AS released_at")) {
                s.setLong(1, grant.accountId());
                s.setString(2, asset.toString());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    Instant revokedAt = instant(r.getTimestamp("revoked_at"));
                    return new Instant[] {revokedAt, instant(r.getTimestamp("released_at"))};
                }
            }
        });
        Instant revoked = found[0];
        if (revoked != null && !grant.issuedAt().isAfter(revoked.minusMillis(revoked.toEpochMilli() % 1000))) {
            throw new PlatformException(
                    401,
                    "revoked-grant",
                    "Revoked grant",
                    new Words(
                            "授权已随登录失效，请重新登录后再打开。",
                            "This grant ended when its holder signed out or the account was disabled; sign in and open the file again."));
        }
        if (found[1] != null) {
            throw new PlatformException(
                    410,
                    "released",
                    "Replaced",
                    new Words(
                            "该文件已被新文件替换并从存储中删除，请打开当前的文件。",
                            "This file was replaced by a newer one and is removed from storage; open the current one."));
        }
        return grant;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
