package cn.imtp.ops.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
    private final PlatformClient api;

    DemoLessonVideo(LauncherSettings settings, FfmpegBinaries ffmpeg) {
        this.settings = settings;
        this.api = new PlatformClient(settings.port());
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
        String token = api.signIn(TEACHER, PASSWORD);
        PlatformClient.DemoClass klass = api.demoClass(token, TEACHER, true);
        long unitId = klass.unitId();
        JsonObject existing = PlatformClient.json(api.call(
                        token, "GET", "/api/resources?unitId=" + unitId + "&category=LEARNING&size=200", null, 200))
                .getJsonArray("items")
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(r -> TITLE.equals(r.getString("title")))
                .findFirst()
                .orElse(null);
        if (existing != null && PlatformClient.published(existing)) {
            return "the demo unit '" + klass.unitName() + "' has its demo lesson video";
        }
        Path file = settings.varDir().resolve("tmp/demo-lesson.mp4");
        make(file);
        // An earlier start that stopped half-way left the resource unpublished: it gets a new version.
        long resourceId = existing != null
                ? existing.getJsonNumber("id").longValue()
                : PlatformClient.json(api.call(
                                token,
                                "POST",
                                "/api/resources",
                                Json.createObjectBuilder()
                                        .add("category", "LEARNING")
                                        .add("kind", "VIDEO")
                                        .add("unitId", unitId)
                                        .add("classId", klass.id())
                                        .add("title", TITLE)
                                        .add("description", "由 ./ops/run 生成的演示视频：彩色测试图样与 440 Hz 提示音，" + SECONDS + " 秒。")
                                        .build()
                                        .toString(),
                                201))
                        .getJsonNumber("id")
                        .longValue();
        JsonObject ticket = PlatformClient.json(api.call(
                token,
                "POST",
                "/api/resources/" + resourceId + "/versions",
                Json.createObjectBuilder()
                        .add("fileName", file.getFileName().toString())
                        .add("size", Files.size(file))
                        .build()
                        .toString(),
                201));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            api.upload(
                    ticket,
                    file.getFileName().toString(),
                    "video/mp4",
                    raf.length(),
                    (offset, length) -> {
                        byte[] chunk = new byte[length];
                        raf.seek(offset);
                        raf.readFully(chunk);
                        return chunk;
                    },
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(10));
        }
        api.call(
                token,
                "POST",
                "/api/resources/" + resourceId + "/versions/" + ticket.getInt("version") + "/publish",
                null,
                200);
        Files.deleteIfExists(file);
        return "published the demo lesson video '" + TITLE + "' on unit '" + klass.unitName() + "' of class '"
                + klass.name() + "'";
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

    private static void log(String message) {
        System.out.println("[launcher] " + message);
    }
}
