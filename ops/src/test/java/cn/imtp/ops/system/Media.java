package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** A client of the resource and media APIs, as the teacher's upload page and the player use them. */
final class Media {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Media() {}

    /** A resource on a unit (or, for information, on nothing), returning its id. */
    /** A resource of the demo class (whose plan has every unit the media tests use). */
    static long resource(String token, String category, String kind, Long unitId, String title) throws Exception {
        return resource(token, category, kind, unitId, title, demoClassId());
    }

    /** A resource of the class, or ({@code classId} null, an administrator's) of the institution's library. */
    static long resource(String token, String category, String kind, Long unitId, String title, Long classId)
            throws Exception {
        var b = Json.createObjectBuilder()
                .add("category", category)
                .add("kind", kind)
                .add("title", title);
        if (classId != null) {
            b.add("classId", classId);
        }
        if (unitId != null) {
            b.add("unitId", unitId);
        }
        HttpResponse<String> r =
                RunningPlatform.call(token, "POST", "/api/resources", b.build().toString());
        assertEquals(201, r.statusCode(), r.body());
        return RunningPlatform.json(r).getJsonNumber("id").longValue();
    }

    private static Long demoClassId;

    /** The demo class, found by its name (teacher01 teaches it and others; the other classes come and go with the tests). */
    static synchronized long demoClassId() throws Exception {
        if (demoClassId == null) {
            String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
            demoClassId =
                    RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes?size=200", null))
                            .getJsonArray("items")
                            .stream()
                            .map(jakarta.json.JsonValue::asJsonObject)
                            .filter(c -> c.getString("name").equals("直播销售员五级 线上演示班"))
                            .findFirst()
                            .orElseThrow()
                            .getJsonNumber("id")
                            .longValue();
        }
        return demoClassId;
    }

    /** A new version's upload ticket (asset id, grant, URLs). */
    static JsonObject newVersion(String token, long resourceId, String fileName, long size) throws Exception {
        HttpResponse<String> r = RunningPlatform.call(
                token,
                "POST",
                "/api/resources/" + resourceId + "/versions",
                Json.createObjectBuilder()
                        .add("fileName", fileName)
                        .add("size", size)
                        .build()
                        .toString());
        assertEquals(201, r.statusCode(), r.body());
        return RunningPlatform.json(r);
    }

    static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(url.startsWith("http") ? URI.create(url) : RunningPlatform.uri(url))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(url.startsWith("http") ? URI.create(url) : RunningPlatform.uri(url))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code /media/api/uploads/{id}/sub?grant=…} from the ticket's upload URL. */
    static String uploadPath(JsonObject ticket, String sub) {
        String[] u = ticket.getString("uploadUrl").split("\\?", 2);
        return u[0] + sub + "?" + u[1];
    }

    static HttpResponse<String> start(JsonObject ticket, Path file) throws Exception {
        return post(
                ticket.getString("uploadUrl"),
                Json.createObjectBuilder()
                        .add("fileName", file.getFileName().toString())
                        .add("size", Files.size(file))
                        .add("contentType", "application/octet-stream")
                        .build()
                        .toString());
    }

    /** PUTs the given parts of the file to their presigned URLs, straight to storage. */
    static void sendParts(JsonObject ticket, Path file, long partSize, List<Integer> numbers) throws Exception {
        HttpResponse<String> r = post(
                uploadPath(ticket, "/parts"),
                Json.createObjectBuilder()
                        .add("numbers", Json.createArrayBuilder(numbers))
                        .build()
                        .toString());
        assertEquals(200, r.statusCode(), r.body());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            for (JsonValue v : RunningPlatform.json(r).getJsonArray("parts")) {
                JsonObject part = v.asJsonObject();
                long offset = (part.getInt("number") - 1) * partSize;
                byte[] chunk = new byte[(int) Math.min(partSize, raf.length() - offset)];
                raf.seek(offset);
                raf.readFully(chunk);
                HttpResponse<String> put = HTTP.send(
                        HttpRequest.newBuilder(URI.create(part.getString("url")))
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/octet-stream")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, put.statusCode(), put.body());
            }
        }
    }

    /** The whole upload: start, every part, complete; returns the completion's answer. */
    static HttpResponse<String> upload(JsonObject ticket, Path file) throws Exception {
        HttpResponse<String> started = start(ticket, file);
        assertEquals(200, started.statusCode(), started.body());
        JsonObject s = RunningPlatform.json(started);
        sendParts(
                ticket,
                file,
                s.getJsonNumber("partSize").longValue(),
                IntStream.rangeClosed(1, s.getInt("partCount")).boxed().toList());
        return post(uploadPath(ticket, "/complete"), null);
    }

    static JsonObject status(JsonObject ticket) throws Exception {
        HttpResponse<String> r = get(ticket.getString("statusUrl"));
        assertEquals(200, r.statusCode(), r.body());
        return RunningPlatform.json(r);
    }

    /** Polls the asset until it is in one of {@code states}; fails after {@code timeout}. */
    static JsonObject await(JsonObject ticket, Duration timeout, String... states) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        JsonObject s = status(ticket);
        while (!Set.of(states).contains(s.getString("state"))) {
            if (System.nanoTime() > end) {
                throw new AssertionError("asset still " + s + " after " + timeout);
            }
            Thread.sleep(500);
            s = status(ticket);
        }
        return s;
    }

    /** A document uploaded as a new resource of {@code category} on the unit (null: none) and published; its id. */
    static long publishedDocument(String token, String category, Long unitId, Path doc) throws Exception {
        return publishedDocument(token, category, unitId, doc, demoClassId());
    }

    /** The same in a class, or ({@code classId} null, an administrator's) in the institution's library. */
    static long publishedDocument(String token, String category, Long unitId, Path doc, Long classId) throws Exception {
        // Titles as a teacher writes them (Chinese): the pages are read for English leftovers, and test data must not
        // be one.
        String pack = switch (category) {
            case "TEACHING" -> "教学资源";
            case "ASSESSMENT" -> "考核资源";
            case "INFORMATION" -> "信息资源";
            default -> "学习资源";
        };
        long id = resource(token, category, "DOCUMENT", unitId, pack + "讲义", classId);
        JsonObject ticket = newVersion(token, id, doc.getFileName().toString(), Files.size(doc));
        HttpResponse<String> done = upload(ticket, doc);
        assertEquals(200, done.statusCode(), done.body());
        assertEquals("READY", RunningPlatform.json(done).getString("state"));
        assertEquals(
                200,
                RunningPlatform.call(token, "POST", "/api/resources/" + id + "/versions/1/publish", null)
                        .statusCode());
        return id;
    }

    /** Waits until the asset's transcoding job is as {@code job} wants it. */
    static JsonObject awaitJob(JsonObject ticket, java.util.function.Predicate<JsonObject> job) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            JsonObject s = status(ticket);
            if (s.containsKey("job") && !s.isNull("job") && job.test(s.getJsonObject("job"))) {
                return s;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the job never got there: " + status(ticket));
    }

    /** Uploads a file as a new resource of {@code kind} on the unit and waits until it is READY. */
    static Uploaded ready(String token, long unitId, String kind, Path file) throws Exception {
        return ready(token, unitId, kind, file, demoClassId());
    }

    /** The same for a resource of another class. */
    static Uploaded ready(String token, long unitId, String kind, Path file, long classId) throws Exception {
        long id = resource(token, "LEARNING", kind, unitId, file.getFileName().toString(), classId);
        JsonObject ticket = newVersion(token, id, file.getFileName().toString(), Files.size(file));
        HttpResponse<String> done = upload(ticket, file);
        assertEquals(kind.equals("VIDEO") || kind.equals("AUDIO") ? 202 : 200, done.statusCode(), done.body());
        return new Uploaded(id, ticket, await(ticket, Duration.ofMinutes(3), "READY", "FAILED"));
    }

    record Uploaded(long resourceId, JsonObject ticket, JsonObject asset) {}

    /** {@link #ready} for the demo class, then its version 1 published to learners. */
    static Uploaded published(String token, long unitId, String kind, Path file) throws Exception {
        return published(token, unitId, kind, file, demoClassId());
    }

    /** {@link #ready}, then its version 1 published to the class's learners. */
    static Uploaded published(String token, long unitId, String kind, Path file, long classId) throws Exception {
        Uploaded up = ready(token, unitId, kind, file, classId);
        assertEquals("READY", up.asset().getString("state"), up.asset().toString());
        HttpResponse<String> published =
                RunningPlatform.call(token, "POST", "/api/resources/" + up.resourceId() + "/versions/1/publish", null);
        assertEquals(200, published.statusCode(), published.body());
        return up;
    }

    /** The access ticket of a resource's published version (or a given version) for the holder of {@code token}. */
    static HttpResponse<String> access(String token, long resourceId, Integer version) throws Exception {
        return RunningPlatform.call(
                token,
                "GET",
                "/api/resources/" + resourceId + "/access" + (version == null ? "" : "?version=" + version),
                null);
    }

    static List<String> uris(String playlist) {
        return playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    /** A URL relative to a playlist's own URL. */
    static String resolve(String playlistUrl, String reference) {
        return reference.startsWith("http")
                ? reference
                : playlistUrl.substring(0, playlistUrl.split("\\?")[0].lastIndexOf('/') + 1) + reference;
    }
}
