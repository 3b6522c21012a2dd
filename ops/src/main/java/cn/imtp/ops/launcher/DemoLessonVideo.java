package cn.imtp.ops.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The demo class's first unit gets a published lesson video, so that a learner of {@code ./ops/run} can
 * watch a lesson and see the hours rise at once. Done as a teacher would, through the public API: the video
 * (a test pattern with a tone, made by the platform's own ffmpeg) is uploaded straight to object storage in
 * parts, transcoded by media-service into the HLS ladder, then published beside whatever else the unit has.
 * Runs in the background after start-up, once: nothing is done when the demo video is published already.
 */
final class DemoLessonVideo implements Runnable {

    static final String TITLE = "演示课程视频（测试图样）";
    static final String TEACHER = "teacher01";
    /** The name lms-web's demo data gives the demo class of the 30 demo learners ({@code DemoClassBootstrap.DEMO_CLASS}). */
    static final String DEMO_CLASS = "直播销售员五级 线上演示班";

    static final String PASSWORD = "Demo@2026";
    static final int SECONDS = 90;

    private final LauncherSettings settings;
    private final FfmpegBinaries ffmpeg;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoLessonVideo(LauncherSettings settings, FfmpegBinaries ffmpeg) {
        this.settings = settings;
        this.ffmpeg = ffmpeg;
    }

    @Override
    public void run() {
        try {
            String outcome = seed();
            log(outcome);
        } catch (Exception e) {
            log("no demo lesson video: " + e.getMessage());
        }
    }

    private String seed() throws Exception {
        String token = json(call(
                        null,
                        "POST",
                        "/api/auth/login",
                        Json.createObjectBuilder()
                                .add("username", TEACHER)
                                .add("password", PASSWORD)
                                .build()
                                .toString(),
                        200))
                .getString("token");
        // The demo class, by the name the demo data gives it (beside it the demo data makes a class with face checks,
        // and the
        // teacher may have taken on others since); failing that, the first active class made.
        List<JsonObject> active =
                json(call(token, "GET", "/api/classes?size=200", null, 200)).getJsonArray("items").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(c -> "ACTIVE".equals(c.getString("status")))
                        .toList();
        JsonObject klass = active.stream()
                .filter(c -> DEMO_CLASS.equals(c.getString("name")))
                .findFirst()
                .or(() -> active.stream()
                        .min(java.util.Comparator.comparingLong(
                                c -> c.getJsonNumber("id").longValue())))
                .orElseThrow(() -> new IllegalStateException(TEACHER + " teaches no active class"));
        long planId = json(call(token, "GET", "/api/classes/" + klass.getJsonNumber("id"), null, 200))
                .getJsonNumber("planId")
                .longValue();
        JsonObject unit = json(call(token, "GET", "/api/plans/" + planId, null, 200))
                .getJsonArray("units")
                .getJsonObject(0);
        long unitId = unit.getJsonNumber("id").longValue();
        JsonObject existing = json(call(
                        token, "GET", "/api/resources?unitId=" + unitId + "&category=LEARNING&size=200", null, 200))
                .getJsonArray("items")
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(r -> TITLE.equals(r.getString("title")))
                .findFirst()
                .orElse(null);
        if (existing != null && !existing.isNull("publishedVersion")) {
            return "the demo unit '" + unit.getString("name") + "' has its demo lesson video";
        }
        Path file = settings.varDir().resolve("tmp/demo-lesson.mp4");
        make(file);
        // An earlier start that stopped half-way left the resource unpublished: it gets a new version.
        long resourceId = existing != null
                ? existing.getJsonNumber("id").longValue()
                : json(call(
                                token,
                                "POST",
                                "/api/resources",
                                Json.createObjectBuilder()
                                        .add("category", "LEARNING")
                                        .add("kind", "VIDEO")
                                        .add("unitId", unitId)
                                        .add(
                                                "classId",
                                                klass.getJsonNumber("id").longValue())
                                        .add("title", TITLE)
                                        .add("description", "由 ./ops/run 生成的演示视频：彩色测试图样与 440 Hz 提示音，" + SECONDS + " 秒。")
                                        .build()
                                        .toString(),
                                201))
                        .getJsonNumber("id")
                        .longValue();
        JsonObject ticket = json(call(
                token,
                "POST",
                "/api/resources/" + resourceId + "/versions",
                Json.createObjectBuilder()
                        .add("fileName", file.getFileName().toString())
                        .add("size", Files.size(file))
                        .build()
                        .toString(),
                201));
        upload(ticket, file);
        awaitReady(ticket, Duration.ofMinutes(10));
        call(
                token,
                "POST",
                "/api/resources/" + resourceId + "/versions/" + ticket.getInt("version") + "/publish",
                null,
                200);
        Files.deleteIfExists(file);
        return "published the demo lesson video '" + TITLE + "' on unit '" + unit.getString("name") + "' of class '"
                + klass.getString("name") + "'";
    }

    /** A test pattern with a running clock and a tone, 720p, made by the platform's ffmpeg. */
    private void make(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        ProcessBuilder pb = new ProcessBuilder(
                        ffmpeg.ffmpeg(),
                        "-y",
                        "-loglevel",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=1280x720:rate=25:duration=" + SECONDS,
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:sample_rate=48000:duration=" + SECONDS,
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-shortest",
                        file.toString())
                .redirectErrorStream(true);
        if (!ffmpeg.libraryPath().isEmpty()) {
            pb.environment().put("LD_LIBRARY_PATH", ffmpeg.libraryPath());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg could not make the demo video: " + out.strip());
        }
    }

    /** Start, every part straight to storage by its presigned URL, complete. */
    private void upload(JsonObject ticket, Path file) throws Exception {
        String[] url = ticket.getString("uploadUrl").split("\\?", 2);
        JsonObject started = json(send(
                post(
                        ticket.getString("uploadUrl"),
                        Json.createObjectBuilder()
                                .add("fileName", file.getFileName().toString())
                                .add("size", Files.size(file))
                                .add("contentType", "video/mp4")
                                .build()
                                .toString()),
                200));
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
                200));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            for (JsonValue v : parts.getJsonArray("parts")) {
                JsonObject part = v.asJsonObject();
                long offset = (part.getInt("number") - 1) * partSize;
                byte[] chunk = new byte[(int) Math.min(partSize, raf.length() - offset)];
                raf.seek(offset);
                raf.readFully(chunk);
                send(
                        HttpRequest.newBuilder(URI.create(part.getString("url")))
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/octet-stream")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk))
                                .build(),
                        200);
            }
        }
        send(post(url[0] + "/complete?" + url[1], null), 202);
    }

    private void awaitReady(JsonObject ticket, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonObject s = json(send(
                    HttpRequest.newBuilder(uri(ticket.getString("statusUrl")))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    200));
            switch (s.getString("state")) {
                case "READY" -> {
                    return;
                }
                case "FAILED" -> throw new IOException("transcoding failed: " + s.getString("reason", "?"));
                default -> Thread.sleep(1000);
            }
        }
        throw new IOException("not transcoded within " + timeout);
    }

    private String call(String token, String method, String path, String json, int expected)
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
        return send(b.build(), expected);
    }

    private HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(uri(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private String send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IOException(
                    request.method() + " " + request.uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** An absolute URL as given, or a path on the platform's own address. */
    private URI uri(String urlOrPath) {
        return URI.create(urlOrPath.startsWith("http") ? urlOrPath : "http://127.0.0.1:" + settings.port() + urlOrPath);
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static void log(String message) {
        System.out.println("[launcher] " + message);
    }
}
