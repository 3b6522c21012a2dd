package cn.imtp.media.platform.control;

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

    public MediaGrant require(String token, UUID asset, MediaGrant.Scope scope) {
        MediaGrant grant = MediaGrant.verify(token, tokens.publicKey(), tokens.issuer(), Instant.now());
        grant.require(asset, scope);
        return grant;
    }
}
