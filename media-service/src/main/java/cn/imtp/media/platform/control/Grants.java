package cn.imtp.media.platform.control;

import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.MediaGrant;
import cn.imtp.platform.security.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
     * The grant, if it is valid, for this asset and use, and issued after its holder's sign-ins were last revoked
     * (lms-web records that in {@code media_grant_revocation} when an account signs out, is disabled or reset).
     */
    public MediaGrant require(String token, UUID asset, MediaGrant.Scope scope) {
        MediaGrant grant = MediaGrant.verify(token, tokens.publicKey(), tokens.issuer(), Instant.now());
        grant.require(asset, scope);
        Instant revoked = db.run(c -> {
            try (java.sql.PreparedStatement s = c.prepareStatement("SELECT revoked_at FROM media_grant_revocation WHERE account_id = ?")) {
                s.setLong(1, grant.accountId());
                try (java.sql.ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getTimestamp("revoked_at").toInstant() : null;
                }
            }
        });
        if (revoked != null && !grant.issuedAt().isAfter(revoked.minusMillis(revoked.toEpochMilli() % 1000))) {
            throw new PlatformException(401, "revoked-grant", "Revoked grant",
                    "This grant ended when its holder signed out or the account was disabled; sign in and open the file again."
                            + " 授权已随登录失效，请重新登录后再打开。");
        }
        return grant;
    }
}
