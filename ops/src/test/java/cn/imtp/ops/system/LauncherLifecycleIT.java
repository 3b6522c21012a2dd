package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.GetObjectArgs;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ./ops/run as a person uses it: SIGTERM stops every process it started and frees every port; a
 * second start keeps the database and the stored objects. Runs after every other class but {@link TwoNodesIT}: it
 * restarts the shared platform, on two nodes.
 */
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(RunningPlatform.class)
class LauncherLifecycleIT {

    @Test
    void sigtermLeavesNothingBehindAndARestartKeepsTheData() throws Exception {
        String installationId =
                RunningPlatform.json(RunningPlatform.get("/api/platform")).getString("installationId");
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String edition =
                RunningPlatform.call(admin, "GET", "/api/catalogue", null).body();
        byte[] content = "课程资源 kept across restarts".getBytes(StandardCharsets.UTF_8);
        EmbeddedStorageIT.client(RunningPlatform.S3_SECRET_KEY)
                .putObject(PutObjectArgs.builder().bucket(RunningPlatform.BUCKET).object("it/persistence.txt").stream(
                                new ByteArrayInputStream(content), (long) content.length, null)
                        .build());

        List<ProcessHandle> tree = RunningPlatform.stop();
        assertTrue(tree.size() >= 3, "expected MariaDB, S3Proxy and Payara under ./ops/run, got " + tree.size());
        Thread.sleep(500);
        for (ProcessHandle p : tree) {
            assertTrue(
                    !p.isAlive(),
                    "still running after SIGTERM: " + p.info().command().orElse("?"));
        }
        for (int port : new int[] {RunningPlatform.PORT, RunningPlatform.DB_PORT, RunningPlatform.S3_PORT}) {
            assertThrows(IOException.class, () -> connect(port), "port " + port + " is still open");
        }

        // The second start runs two application nodes behind HAProxy, on the same data: TwoNodesIT goes on with it.
        RunningPlatform.startOnNodes(2);
        System.out.println("[system-test] warm restart took "
                + RunningPlatform.lastStartUp().toMillis() + " ms");
        assertEquals(
                installationId,
                RunningPlatform.json(RunningPlatform.get("/api/platform")).getString("installationId"));
        String adminAgain = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        assertEquals(
                edition,
                RunningPlatform.call(adminAgain, "GET", "/api/catalogue", null).body(),
                "a restart must not import the same edition again");
        try (var in = EmbeddedStorageIT.client(RunningPlatform.S3_SECRET_KEY)
                .getObject(GetObjectArgs.builder()
                        .bucket(RunningPlatform.BUCKET)
                        .object("it/persistence.txt")
                        .build())) {
            assertEquals(
                    new String(content, StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        demoLessonVideoIsPublishedForTheDemoClassesFirstUnit();
    }

    /** ./ops/run (demo data on) makes, uploads, transcodes and publishes a lesson video on the demo class's first unit. */
    private static void demoLessonVideoIsPublishedForTheDemoClassesFirstUnit() throws Exception {
        String learner = RunningPlatform.token("learner01", RunningPlatform.DEMO_PASSWORD);
        long classId = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/classes", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        List<Long> units = RunningPlatform.json(
                        RunningPlatform.call(learner, "GET", "/api/attendance/classes/" + classId + "/ledger", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonArray("units")
                .stream()
                .map(u -> u.asJsonObject().getJsonNumber("unitId").longValue())
                .toList();
        // The demo video is a 90-s 720p source in the long lane, behind whatever the other tests left queued: up to 10
        // minutes.
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
        jakarta.json.JsonObject video = null;
        while (video == null && System.nanoTime() < deadline) {
            for (long unitId : units) {
                video = RunningPlatform.json(RunningPlatform.call(
                                learner, "GET", "/api/resources?unitId=" + unitId + "&category=LEARNING", null))
                        .getJsonArray("items")
                        .stream()
                        .map(jakarta.json.JsonValue::asJsonObject)
                        .filter(r -> r.getString("title").equals("演示课程视频（测试图样）")
                                && r.get("publishedVersion") instanceof jakarta.json.JsonNumber)
                        .findFirst()
                        .orElse(video);
            }
            if (video == null) {
                Thread.sleep(2000);
            }
        }
        assertTrue(
                video != null, "no published demo lesson video in the demo class after 10 minutes; see launcher.out");
        var access =
                RunningPlatform.call(learner, "GET", "/api/resources/" + video.getJsonNumber("id") + "/access", null);
        assertEquals(200, access.statusCode(), access.body());
        String playlist =
                Media.get(RunningPlatform.json(access).getString("playlistUrl")).body();
        assertTrue(playlist.contains("#EXT-X-STREAM-INF"), "an adaptive HLS master playlist: " + playlist);
    }

    private static void connect(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        }
    }
}
