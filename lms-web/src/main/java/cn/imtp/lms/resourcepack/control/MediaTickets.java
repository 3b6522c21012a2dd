package cn.imtp.lms.resourcepack.control;

import cn.imtp.lms.identity.control.SignInsRevoked;
import cn.imtp.lms.identity.control.TokenIssuer;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.MediaGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The grants and addresses that let one user reach one media asset on media-service, which checks the grant
 * alone: to upload its file (and follow its processing), or to play, show or download it. Every file of the
 * platform goes through here: resource versions and learners' recorded practical work.
 */
@ApplicationScoped
public class MediaTickets {

    /**
     * What a client needs to upload an asset's file straight to storage through media-service; {@code captionsUrl} puts
     * (PUT, a WebVTT file) or deletes a video's caption track once {@code {language}} in it is replaced by the language.
     */
    public record Upload(
            String assetId,
            String grant,
            Instant expiresAt,
            String uploadUrl,
            String statusUrl,
            String eventsUrl,
            String captionsUrl) {}

    /** What a client needs to play (video, audio), show (poster) or download (other kinds) an asset. */
    /** {@code measuresUrl}: a video's objective measures (practical recordings' graders read them beside the rubric). */
    public record View(
            String assetId,
            String kind,
            String grant,
            Instant expiresAt,
            String playlistUrl,
            String posterUrl,
            String fileUrl,
            String statusUrl,
            String eventsUrl,
            String measuresUrl) {}

    @Inject
    TokenIssuer tokens;

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lms.media.public-url")
    String mediaUrl;

    @Inject
    @ConfigProperty(name = "lms.media.view-grant-minutes")
    int viewGrantMinutes;

    @Inject
    @ConfigProperty(name = "lms.media.upload-grant-minutes")
    int uploadGrantMinutes;

    @Inject
    @ConfigProperty(name = "lms.media.document-max-bytes")
    long documentMaxBytes;

    @Inject
    @ConfigProperty(name = "lms.media.image-max-bytes")
    long imageMaxBytes;

    @Inject
    @ConfigProperty(name = "lms.media.video-max-bytes")
    long videoMaxBytes;

    /** The largest file of a resource of this kind (configurable per kind; media-service's own limit still holds). */
    public long maxBytes(String kind) {
        return switch (kind) {
            case "DOCUMENT" -> documentMaxBytes;
            case "IMAGE" -> imageMaxBytes;
            default -> videoMaxBytes;
        };
    }

    /**
     * {@code kind}: what the file must be (VIDEO, AUDIO, DOCUMENT, IMAGE); media-service checks the content against it
     * and refuses a file larger than {@code maxBytes} (413).
     */
    public Upload upload(UUID asset, String kind, Caller caller, long maxBytes) {
        Instant expires = Instant.now().plus(Duration.ofMinutes(uploadGrantMinutes));
        String grant =
                tokens.sign(MediaGrant.upload(caller.accountId(), asset, kind, expires, maxBytes), Instant.now());
        String q = query(grant);
        String base = mediaUrl + "/api";
        return new Upload(
                asset.toString(),
                grant,
                expires,
                base + "/uploads/" + asset + q,
                base + "/assets/" + asset + q,
                base + "/assets/" + asset + "/events" + q,
                base + "/play/" + asset + "/captions/{language}" + q);
    }

    public View view(UUID asset, String kind, Caller caller) {
        return view(asset, kind, caller, null);
    }

    /** The same, the grant ending at {@code notAfter} at the latest (null: the usual lifetime). */
    public View view(UUID asset, String kind, Caller caller, Instant notAfter) {
        Instant expires = Instant.now().plus(Duration.ofMinutes(viewGrantMinutes));
        if (notAfter != null && notAfter.isBefore(expires)) {
            expires = notAfter;
        }
        String grant = tokens.sign(
                new MediaGrant(caller.accountId(), asset, MediaGrant.Scope.VIEW, kind, expires), Instant.now());
        String q = query(grant);
        String base = mediaUrl + "/api";
        boolean streamed = "VIDEO".equals(kind) || "AUDIO".equals(kind);
        return new View(
                asset.toString(),
                kind,
                grant,
                expires,
                streamed ? base + "/play/" + asset + "/master.m3u8" + q : null,
                "VIDEO".equals(kind) ? base + "/play/" + asset + "/poster" + q : null,
                streamed ? null : base + "/play/" + asset + "/file" + q,
                base + "/assets/" + asset + q,
                base + "/assets/" + asset + "/events" + q,
                "VIDEO".equals(kind) ? base + "/assets/" + asset + "/measures" + q : null);
    }

    /**
     * The account's sign-ins were revoked (signed out, disabled, password reset): its media grants end with them,
     * in the revoking transaction. media-service refuses a grant issued before this moment (whole seconds: a grant
     * of the same second is refused too, and its holder asks for a new one).
     */
    void onRevoked(@Observes SignInsRevoked revoked) {
        em.createNativeQuery("INSERT INTO media_grant_revocation (account_id, revoked_at) VALUES (?, ?)"
                        + " ON DUPLICATE KEY UPDATE revoked_at = VALUES(revoked_at)")
                .setParameter(1, revoked.accountId())
                .setParameter(2, Timestamp.from(revoked.at()))
                .executeUpdate();
    }

    /**
     * lms-web no longer refers to these assets (a deleted version, a cancelled upload, a replaced recording): in the
     * caller's transaction, media-service is told to refuse their grants at once (410) and its sweep stops their
     * transcoding and removes their files.
     */
    public void release(Collection<UUID> assets) {
        Timestamp now = Timestamp.from(Instant.now());
        for (UUID asset : assets) {
            em.createNativeQuery("INSERT IGNORE INTO media_asset_release (asset_id, released_at) VALUES (?, ?)")
                    .setParameter(1, asset.toString())
                    .setParameter(2, now)
                    .executeUpdate();
        }
    }

    private static String query(String grant) {
        return "?grant=" + URLEncoder.encode(grant, StandardCharsets.UTF_8);
    }
}
