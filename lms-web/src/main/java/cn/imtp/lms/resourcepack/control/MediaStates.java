package cn.imtp.lms.resourcepack.control;

import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What media-service says of an asset's file, asked over HTTP: lms-web's one call to media-service's API (it never
 * reads media-service's tables for this). The credential is what every client uses, a view grant lms-web signs for the
 * caller; the address is {@code lms.media.internal-url}, media-service as seen from this node.
 */
@ApplicationScoped
public class MediaStates {

    private static final Logger LOG = Logger.getLogger(MediaStates.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Inject
    MediaTickets tickets;

    @Inject
    @ConfigProperty(name = "lms.media.internal-url")
    String internalUrl;

    /**
     * What media-service says of an asset: its {@code state} (UPLOADING, PROCESSING, READY, REJECTED, FAILED, ABANDONED,
     * DELETED, or NOT_UPLOADED) and how long its file plays ({@code durationMs}, null when it did not say: not probed yet,
     * not a timed file, or no status at all).
     */
    public record Status(String state, Long durationMs) {}

    /** The asset's state (UPLOADING, PROCESSING, READY, REJECTED, FAILED, ABANDONED, DELETED); 503 when media-service cannot say. */
    public String state(UUID asset, String kind, Caller caller) {
        return status(asset, kind, caller).state();
    }

    /** The asset's state and playing time ({@link Status}); 503 when media-service cannot say. */
    public Status status(UUID asset, String kind, Caller caller) {
        String grant = tickets.view(asset, kind, caller).grant();
        HttpRequest request = HttpRequest.newBuilder(URI.create(internalUrl + "/api/assets/" + asset + "?grant="
                        + URLEncoder.encode(grant, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                JsonObject status =
                        Json.createReader(new StringReader(r.body())).readObject();
                // media-service leaves durationMs out (or null) until it has probed the file.
                Long durationMs = status.containsKey("durationMs") && !status.isNull("durationMs")
                        ? status.getJsonNumber("durationMs").longValue()
                        : null;
                return new Status(status.getString("state"), durationMs);
            }
            if (r.statusCode() == 404) {
                return new Status("NOT_UPLOADED", null); // no file sent yet
            }
            if (r.statusCode() == 410) {
                return new Status("DELETED", null); // replaced, its files removed
            }
            LOG.warning(() -> "media-service answered " + r.statusCode() + " about asset " + asset + ": " + r.body());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "media-service could not be asked about asset " + asset, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw PlatformException.unavailable(
                "The media service",
                new Words(
                        "媒体服务暂时无法确认文件状态，未做任何更改，请稍后重试。",
                        "The media service could not say whether the file is ready; nothing was changed, try again in a moment."));
    }
}
