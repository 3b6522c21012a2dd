package cn.imtp.lms.resourcepack.control;

import cn.imtp.lms.identity.control.TokenIssuer;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.MediaGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The grants and addresses that let one user reach one media asset on media-service, which checks the grant
 * alone: to upload its file (and follow its processing), or to play, show or download it. Every file of the
 * platform goes through here: resource versions and learners' recorded practical work.
 */
@ApplicationScoped
public class MediaTickets {

    /** What a client needs to upload an asset's file straight to storage through media-service. */
    public record Upload(String assetId, String grant, Instant expiresAt, String uploadUrl, String statusUrl, String eventsUrl) {
    }

    /** What a client needs to play (video, audio), show (poster) or download (other kinds) an asset. */
    public record View(String assetId, String kind, String grant, Instant expiresAt, String playlistUrl, String posterUrl, String fileUrl,
                       String statusUrl, String eventsUrl) {
    }

    @Inject
    TokenIssuer tokens;

    @Inject
    @ConfigProperty(name = "lms.media.public-url")
    String mediaUrl;

    @Inject
    @ConfigProperty(name = "lms.media.view-grant-minutes")
    int viewGrantMinutes;

    @Inject
    @ConfigProperty(name = "lms.media.upload-grant-minutes")
    int uploadGrantMinutes;

    /** {@code kind}: what the file must be (VIDEO, AUDIO, DOCUMENT, IMAGE); media-service checks the content against it. */
    public Upload upload(UUID asset, String kind, Caller caller) {
        Instant expires = Instant.now().plus(Duration.ofMinutes(uploadGrantMinutes));
        String grant = tokens.sign(new MediaGrant(caller.accountId(), asset, MediaGrant.Scope.UPLOAD, kind, expires), Instant.now());
        String q = query(grant);
        String base = mediaUrl + "/api";
        return new Upload(asset.toString(), grant, expires, base + "/uploads/" + asset + q, base + "/assets/" + asset + q,
                base + "/assets/" + asset + "/events" + q);
    }

    public View view(UUID asset, String kind, Caller caller) {
        Instant expires = Instant.now().plus(Duration.ofMinutes(viewGrantMinutes));
        String grant = tokens.sign(new MediaGrant(caller.accountId(), asset, MediaGrant.Scope.VIEW, kind, expires), Instant.now());
        String q = query(grant);
        String base = mediaUrl + "/api";
        boolean streamed = "VIDEO".equals(kind) || "AUDIO".equals(kind);
        return new View(asset.toString(), kind, grant, expires,
                streamed ? base + "/play/" + asset + "/master.m3u8" + q : null,
                "VIDEO".equals(kind) ? base + "/play/" + asset + "/poster" + q : null,
                streamed ? null : base + "/play/" + asset + "/file" + q,
                base + "/assets/" + asset + q, base + "/assets/" + asset + "/events" + q);
    }

    private static String query(String grant) {
        return "?grant=" + URLEncoder.encode(grant, StandardCharsets.UTF_8);
    }
}
