package cn.imtp.lms.presence.control;

import cn.imtp.lms.identity.control.TokenIssuer;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.MediaGrant;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * media-service's face API as lms-web calls it (the computer-vision library lives in media-service alone: one JNI
 * library per JVM): enrol, verify, read and forget a person's face photos. Each call carries a face grant lms-web signs
 * for the person's subject and the acting account, valid one minute; no browser ever holds one. A problem media-service
 * answers about the photo (no face, two faces…) is passed on as it is: it is written for people.
 */
@ApplicationScoped
public class FaceService {

    private static final Logger LOG = Logger.getLogger(FaceService.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** media-service's verdict on a check's frames; {@code outcome} is one of its codes (PASSED, NO_FACE, NOT_SAME_PERSON…). */
    public record Verdict(
            String outcome, boolean passed, Double distance, double threshold, Double motion, boolean kept) {}

    @Inject
    TokenIssuer tokens;

    @Inject
    @ConfigProperty(name = "lms.media.internal-url")
    String internalUrl;

    public void enrol(UUID subject, byte[] photo, String contentType, Caller actor) {
        send(
                HttpRequest.newBuilder(uri(subject, "/reference", actor))
                        .header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(photo)),
                "enrol a photo");
    }

    public Verdict verify(UUID subject, String check, List<String> frames, Caller actor) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        frames.forEach(f -> list.add(f == null ? "" : f));
        String body = Json.createObjectBuilder()
                .add("frames", list)
                .add("keepFailed", true)
                .build()
                .toString();
        JsonObject v = Json.createReader(new StringReader(new String(
                        send(
                                HttpRequest.newBuilder(uri(subject, "/checks/" + check, actor))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                                "verify a check"),
                        StandardCharsets.UTF_8)))
                .readObject();
        return new Verdict(
                v.getString("outcome"),
                v.getBoolean("passed"),
                number(v, "distance"),
                v.getJsonNumber("threshold").doubleValue(),
                number(v, "motion"),
                v.getBoolean("kept"));
    }

    /** The enrolled photo ({@code check} null) or a kept frame of a check. */
    public byte[] photo(UUID subject, String check, int frame, Caller actor) {
        return send(
                HttpRequest.newBuilder(
                                uri(subject, check == null ? "/reference" : "/checks/" + check + "/" + frame, actor))
                        .GET(),
                "read a photo");
    }

    public void forget(UUID subject, Caller actor) {
        send(HttpRequest.newBuilder(uri(subject, "", actor)).DELETE(), "delete photos");
    }

    public void forgetCheck(UUID subject, String check, Caller actor) {
        send(HttpRequest.newBuilder(uri(subject, "/checks/" + check, actor)).DELETE(), "delete a check's frames");
    }

    private URI uri(UUID subject, String path, Caller actor) {
        Instant now = Instant.now();
        String grant = tokens.sign(
                new MediaGrant(
                        actor == null ? 0 : actor.accountId(),
                        subject,
                        MediaGrant.Scope.FACE,
                        "FACE",
                        now.plusSeconds(60)),
                now);
        return URI.create(internalUrl + "/api/faces/" + subject + path + "?grant="
                + URLEncoder.encode(grant, StandardCharsets.UTF_8));
    }

    private static byte[] send(HttpRequest.Builder request, String what) {
        HttpResponse<byte[]> r;
        try {
            r = HTTP.send(
                    request.copy()
                            .timeout(Duration.ofSeconds(20))
                            .setHeader("Accept-Language", "zh-CN")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "media-service could not " + what, e);
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        if (r.statusCode() / 100 == 2) {
            return r.body();
        }
        String body = new String(r.body(), StandardCharsets.UTF_8);
        if (r.statusCode() == 422 || r.statusCode() == 400 || r.statusCode() == 404) {
            try {
                JsonObject problem = Json.createReader(new StringReader(body)).readObject();
                // The refusal is the reader's to read, in their language: media-service is asked once more for its
                // English.
                JsonObject english = inEnglish(request, problem);
                String type = problem.getString("type", "about:blank");
                throw new PlatformException(
                        r.statusCode(),
                        type.substring(type.lastIndexOf('/') + 1),
                        english.getString("title", "Not usable"),
                        new Words(
                                problem.getString("detail", ""),
                                english.getString("detail", problem.getString("detail", ""))));
            } catch (JsonException | ClassCastException e) {
                LOG.warning(() -> "media-service answered " + r.statusCode() + " to " + what
                        + " without a problem document: " + body);
            }
        } else {
            LOG.warning(() -> "media-service answered " + r.statusCode() + " to " + what + ": " + body);
        }
        throw unavailable();
    }

    /** The same refusal in English (the Chinese one when media-service cannot be asked again). */
    private static JsonObject inEnglish(HttpRequest.Builder request, JsonObject chinese) {
        try {
            HttpResponse<String> r = HTTP.send(
                    request.copy()
                            .timeout(Duration.ofSeconds(20))
                            .setHeader("Accept-Language", "en")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.createReader(new StringReader(r.body())).readObject();
        } catch (IOException | RuntimeException e) {
            return chinese;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return chinese;
        }
    }

    private static PlatformException unavailable() {
        return PlatformException.unavailable(
                "Face checks",
                new Words(
                        "人脸核验服务暂时不可用，未做任何更改，请稍后重试。",
                        "The face-check service is unavailable for a moment; nothing was changed, try again shortly."));
    }

    private static Double number(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? o.getJsonNumber(name).doubleValue() : null;
    }
}
