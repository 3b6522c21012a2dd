package cn.imtp.ops.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The launcher's client of the platform's public API, for the demo content it makes as a user would: JSON calls with a
 * bearer token, and a file uploaded as the pages upload it (start, every part straight to storage by its presigned URL,
 * complete) then followed until media-service has it ready.
 */
final class PlatformClient {

    /** Reads {@code length} bytes of the file being uploaded from {@code offset}. */
    interface Part {
        byte[] read(long offset, int length) throws IOException;
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    PlatformClient(int port) {
        this.port = port;
    }

    /** The platform answered with a status the call did not expect. */
    static final class Answered extends IOException {
        private final int status;

        Answered(int status, String message) {
            super(message);
            this.status = status;
        }

        /** Whether trying again later may succeed: the server's trouble (5xx) or too many requests (429). */
        boolean passing() {
            return status >= 500 || status == 429;
        }
    }

    /** The demo class the launcher fills: its id and name, and the id and name of its plan's first unit. */
    record DemoClass(long id, String name, long unitId, String unitName) {}

    /** Signs {@code username} in; the bearer token. */
    String signIn(String username, String password) throws IOException, InterruptedException {
        return json(call(
                        null,
                        "POST",
                        "/api/auth/login",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("password", password)
                                .build()
                                .toString(),
                        200))
                .getString("token");
    }

    /**
     * The demo class among the active classes the signed-in teacher teaches, by the name the demo data gives it (beside
     * it the demo data makes a class with face checks, and the teacher may have taken on others since); failing that,
     * the first active class made when {@code orFirstActive}, else an IllegalStateException.
     */
    DemoClass demoClass(String token, String teacher, boolean orFirstActive) throws IOException, InterruptedException {
        List<JsonObject> active =
                json(call(token, "GET", "/api/classes?size=200", null, 200)).getJsonArray("items").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(c -> "ACTIVE".equals(c.getString("status")))
                        .toList();
        JsonObject klass = active.stream()
                .filter(c -> DemoLessonVideo.DEMO_CLASS.equals(c.getString("name")))
                .findFirst()
                .or(() -> orFirstActive
                        ? active.stream()
                                .min(java.util.Comparator.comparingLong(
                                        c -> c.getJsonNumber("id").longValue()))
                        : java.util.Optional.empty())
                .orElseThrow(() -> new IllegalStateException(teacher + " teaches no active class"
                        + (orFirstActive ? "" : " named " + DemoLessonVideo.DEMO_CLASS)));
        long id = klass.getJsonNumber("id").longValue();
        long planId = json(call(token, "GET", "/api/classes/" + id, null, 200))
                .getJsonNumber("planId")
                .longValue();
        JsonObject unit = json(call(token, "GET", "/api/plans/" + planId, null, 200))
                .getJsonArray("units")
                .getJsonObject(0);
        return new DemoClass(
                id, klass.getString("name"), unit.getJsonNumber("id").longValue(), unit.getString("name"));
    }

    /** A JSON call on the platform's own address (or an absolute URL); its body, when it answers {@code expected}. */
    String call(String token, String method, String path, String json, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build(), Set.of(expected));
    }

    /**
     * Uploads {@code size} bytes as {@code fileName} with the upload ticket of a resource version ({@code uploadUrl},
     * {@code statusUrl}), then waits until media-service has it READY (polling every {@code poll}, at most {@code
     * timeout}); an IOException saying why otherwise.
     */
    void upload(
            JsonObject ticket,
            String fileName,
            String contentType,
            long size,
            Part part,
            Duration poll,
            Duration timeout)
            throws IOException, InterruptedException {
        String[] url = ticket.getString("uploadUrl").split("\\?", 2);
        JsonObject started = json(send(
                post(
                        ticket.getString("uploadUrl"),
                        Json.createObjectBuilder()
                                .add("fileName", fileName)
                                .add("size", size)
                                .add("contentType", contentType)
                                .build()
                                .toString()),
                Set.of(200)));
        long partSize = started.getJsonNumber("partSize").longValue();
        List<Integer> numbers =
                IntStream.rangeClosed(1, started.getInt("partCount")).boxed().toList();
        JsonObject parts = json(send(
                post(
                        url[0] + "/parts?" + url[1],
                        Json.createObjectBuilder()
                                .add("numbers", Json.createArrayBuilder(numbers))
                                .build()
                                .toString()),
                Set.of(200)));
        for (JsonValue v : parts.getJsonArray("parts")) {
            JsonObject p = v.asJsonObject();
            long offset = (p.getInt("number") - 1) * partSize;
            byte[] chunk = part.read(offset, (int) Math.min(partSize, size - offset));
            send(
                    HttpRequest.newBuilder(URI.create(p.getString("url")))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/octet-stream")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk))
                            .build(),
                    Set.of(200));
        }
        send(post(url[0] + "/complete?" + url[1], null), Set.of(200, 202));
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonObject s = json(send(
                    HttpRequest.newBuilder(uri(ticket.getString("statusUrl")))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    Set.of(200)));
            switch (s.getString("state")) {
                case "READY" -> {
                    return;
                }
                case "FAILED", "REJECTED" ->
                    throw new IOException(fileName + " was refused: " + s.getString("reason", "?"));
                default -> Thread.sleep(poll.toMillis());
            }
        }
        throw new IOException(fileName + " was not ready within " + timeout);
    }

    /** Whether a resource has a published version: the API leaves the field out, rather than null, until then. */
    static boolean published(JsonObject resource) {
        return resource.get("publishedVersion") instanceof jakarta.json.JsonNumber;
    }

    static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(uri(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private String send(HttpRequest request, Set<Integer> expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (!expected.contains(r.statusCode())) {
            throw new Answered(
                    r.statusCode(),
                    request.method() + " " + request.uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** An absolute URL as given, or a path on the platform's own address. */
    private URI uri(String urlOrPath) {
        return URI.create(urlOrPath.startsWith("http") ? urlOrPath : "http://127.0.0.1:" + port + urlOrPath);
    }
}
