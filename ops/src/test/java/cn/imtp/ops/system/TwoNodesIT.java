package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform on two application nodes behind HAProxy ({@code LMS_NODES=2}, as the README's several-nodes section
 * runs it): requests of one person spread over both nodes hold as on one, and a node killed in the middle of a class
 * day loses nothing. Runs after {@link LauncherLifecycleIT}, which restarts the shared platform on two nodes.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    static String admin;
    static String teacher;
    static long classId;
    static long lessonId;

    @BeforeAll
    static void twoNodesAndALesson() throws Exception {
        RunningPlatform.ensureNodes(2);
        MediaPipelineIT.setUp();
        admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        classId = Media.demoClassId();
        Path video = MediaFixtures.video("two-nodes-640x360-40s.mp4", 640, 360, 40, true);
        Media.Uploaded up = Media.ready(teacher, MediaPipelineIT.studiedUnit, "VIDEO", video);
        assertEquals("READY", up.asset().getString("state"), up.asset().toString());
        lessonId = up.resourceId();
        assertEquals(200, RunningPlatform.call(teacher, "POST", "/api/resources/" + lessonId + "/versions/1/publish", null).statusCode());
    }

    static int node(int index) {
        return RunningPlatform.nodePort(index);
    }

    @Test
    @Order(1)
    void bothNodesAnswerAndTheLoadBalancerSpreadsRequestsOverThem() throws Exception {
        assertEquals(2, RunningPlatform.nodes());
        for (int i = 1; i <= 2; i++) {
            assertEquals(200, RunningPlatform.callAt(node(i), null, "GET", "/health/ready", null).statusCode(), "node " + i);
        }
        // Round robin without stickiness: one caller's requests through the load balancer reach both nodes.
        long[] before = servedPerNode();
        for (int i = 0; i < 10; i++) {
            assertEquals(200, RunningPlatform.login("learner20", RunningPlatform.DEMO_PASSWORD).statusCode());
        }
        long[] after = servedPerNode();
        for (int i = 0; i < 2; i++) {
            assertTrue(after[i] - before[i] >= 3, "node " + (i + 1) + " served " + (after[i] - before[i]) + " of 10 sign-ins");
        }
    }

    /** The 2xx answers each node has given, from HAProxy's statistics socket ({@code show stat}, column hrsp_2xx). */
    static long[] servedPerNode() throws Exception {
        Path socket = RunningPlatform.varDir().resolve("haproxy/admin.sock");
        try (var channel = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(socket))) {
            channel.write(java.nio.ByteBuffer.wrap("show stat\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            String[] lines = new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(),
                    java.nio.charset.StandardCharsets.US_ASCII).split("\n");
            List<String> columns = List.of(lines[0].replaceFirst("^# ", "").split(","));
            int ok = columns.indexOf("hrsp_2xx");
            int status = columns.indexOf("status");
            long[] served = new long[2];
            for (String line : lines) {
                String[] f = line.split(",");
                if (f.length > ok && f[0].equals("nodes") && f[1].matches("node[12]")) {
                    System.out.println("[two-nodes] HAProxy: " + f[1] + " " + f[status] + ", " + f[ok] + " answers 2xx");
                    served[Integer.parseInt(f[1].substring(4)) - 1] = Long.parseLong(f[ok]);
                }
            }
            return served;
        }
    }

    @Test
    @Order(2)
    void beatsAlternatingBetweenNodesAreCreditedExactlyAndTheOtherNodesRosterShowsThem() throws Exception {
        String learner = RunningPlatform.token("learner21", RunningPlatform.DEMO_PASSWORD);
        EventStream roster = EventStream.open(node(1), teacher, "/api/attendance/classes/" + classId + "/roster/events");
        roster.next("roster", r -> true);
        JsonObject session = open(node(2), learner);
        long t0 = System.nanoTime();
        int credited = 0;
        for (int k = 1; k <= 6; k++) {
            sleepUntil(t0, 2_000L * k + 150);
            int at = node(k % 2 == 1 ? 1 : 2);
            HttpResponse<String> r = beat(at, learner, session, k, 2_000L * k, 2_000L * (k - 1), 2_000L * k);
            assertEquals(200, r.statusCode(), "beat " + k + " on port " + at + ": " + r.body());
            credited = RunningPlatform.json(r).getInt("videoCreditedSeconds");
            // The same beat again, on the other node: a duplicate, credited once.
            HttpResponse<String> again = beat(node(k % 2 == 1 ? 2 : 1), learner, session, k, 2_000L * k, 2_000L * (k - 1), 2_000L * k);
            assertEquals("DUPLICATE", RunningPlatform.json(again).getString("verdict"), again.body());
        }
        assertEquals(12, credited, "12 s played in 12 s over two nodes");
        JsonObject studying = roster.next("roster", r -> r.getJsonArray("learners").stream().map(JsonValue::asJsonObject)
                .anyMatch(l -> l.getString("username").equals("learner21") && l.getString("state").equals("STUDYING")));
        assertTrue(studying.getInt("studying") >= 1, studying.toString());
        assertTrue(RunningPlatform.json(RunningPlatform.callAt(node(2), admin, "GET", "/api/attendance/classes/" + classId + "/verify", null))
                .getBoolean("intact"));
    }

    @Test
    @Order(3)
    void onePlaybackEarnsAtATimeAcrossNodes() throws Exception {
        String learner = RunningPlatform.token("learner22", RunningPlatform.DEMO_PASSWORD);
        JsonObject first = open(node(1), learner);
        long t0 = System.nanoTime();
        sleepUntil(t0, 2_150);
        assertEquals(200, beat(node(1), learner, first, 1, 2_000, 0, 2_000).statusCode());
        open(node(2), learner);
        // The first playback ended when the second opened, about 2 s in: its next beat is still taken (it may describe
        // playback from before the end) but credits nothing past the end; any later one is refused, whichever node takes it.
        sleepUntil(t0, 4_150);
        HttpResponse<String> last = beat(node(1), learner, first, 2, 4_000, 2_000, 4_000);
        assertEquals(200, last.statusCode(), last.body());
        assertTrue(RunningPlatform.json(last).getInt("sessionCreditedSeconds") <= 3, "nothing past the end: " + last.body());
        sleepUntil(t0, 6_150);
        HttpResponse<String> stale = beat(node(2), learner, first, 3, 6_000, 4_000, 6_000);
        assertEquals(410, stale.statusCode(), "the first playback was ended by the one opened on the other node: " + stale.body());
        assertEquals("urn:imtp:problem:session-ended", RunningPlatform.json(stale).getString("type"));
    }

    @Test
    @Order(4)
    void aSignOutOrADisabledAccountOnOneNodeIsRefusedOnTheOtherAtOnce() throws Exception {
        String name = Accounts.uniqueName("two-nodes");
        long id = Accounts.createLearner(admin, name, "Nodes2026ok").getJsonNumber("id").longValue();
        String signedIn = json(RunningPlatform.callAt(node(1), null, "POST", "/api/auth/login", credentials(name, "Nodes2026ok"))).getString("token");
        String other = json(RunningPlatform.callAt(node(2), null, "POST", "/api/auth/login", credentials(name, "Nodes2026ok"))).getString("token");
        assertEquals(200, RunningPlatform.callAt(node(2), signedIn, "GET", "/api/me", null).statusCode());
        assertEquals(204, RunningPlatform.callAt(node(1), signedIn, "POST", "/api/auth/logout", null).statusCode());
        assertEquals(401, RunningPlatform.callAt(node(2), signedIn, "GET", "/api/me", null).statusCode(), "signed out on node 1");
        assertEquals(401, RunningPlatform.callAt(node(2), other, "GET", "/api/me", null).statusCode(), "a sign-out ends every sign-in");

        String again = json(RunningPlatform.callAt(node(2), null, "POST", "/api/auth/login", credentials(name, "Nodes2026ok"))).getString("token");
        assertEquals(200, RunningPlatform.callAt(node(2), again, "GET", "/api/me", null).statusCode());
        assertEquals(200, RunningPlatform.callAt(node(1), admin, "POST", "/api/accounts/" + id + "/disable", null).statusCode());
        assertEquals(401, RunningPlatform.callAt(node(2), again, "GET", "/api/me", null).statusCode(), "disabled on node 1");
        HttpResponse<String> refused = RunningPlatform.callAt(node(2), null, "POST", "/api/auth/login", credentials(name, "Nodes2026ok"));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("urn:imtp:problem:account-disabled", RunningPlatform.json(refused).getString("type"));
    }

    @Test
    @Order(5)
    void signInFailuresAreCountedAcrossNodes() throws Exception {
        String name = Accounts.uniqueName("two-nodes-guessed");
        Accounts.createLearner(admin, name, "Right2026pw");
        String guesser = "198.51.100.171";
        for (int i = 0; i < 5; i++) {
            // Five wrong passwords, alternating nodes: each node alone saw fewer than the limit.
            assertEquals(401, RunningPlatform.callAt(node(1 + i % 2), null, "POST", "/api/auth/login", credentials(name, "wrong" + i + "pw"),
                    "X-Forwarded-For", guesser).statusCode());
        }
        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> blocked = RunningPlatform.callAt(node(i), null, "POST", "/api/auth/login", credentials(name, "Right2026pw"),
                    "X-Forwarded-For", guesser);
            assertEquals(429, blocked.statusCode(), "node " + i + ": " + blocked.body());
        }
    }

    @Test
    @Order(6)
    void transcodingJobsAreTakenByWorkersOfBothNodesEachExactlyOnce() throws Exception {
        List<JsonObject> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path clip = MediaFixtures.video("two-nodes-clip-" + i + ".mp4", 320, 240, 3, true);
            long id = Media.resource(teacher, "LEARNING", "VIDEO", MediaPipelineIT.studiedUnit, clip.getFileName().toString());
            // Each upload is completed on one node, in turn: that node queues the job and wakes its own workers.
            JsonObject ticket = onNode(Media.newVersion(teacher, id, clip.getFileName().toString(), Files.size(clip)), 1 + i % 2);
            HttpResponse<String> done = Media.upload(ticket, clip);
            assertEquals(202, done.statusCode(), done.body());
            tickets.add(ticket);
        }
        Set<String> processes = new HashSet<>();
        for (JsonObject ticket : tickets) {
            JsonObject asset = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
            assertEquals("READY", asset.getString("state"), asset.toString());
            List<String[]> jobs = jobsOf(asset.getString("id"));
            assertEquals(1, jobs.size(), "one job per asset: " + asset);
            assertEquals("SUCCEEDED", jobs.get(0)[0]);
            assertEquals("1", jobs.get(0)[1], "taken once: " + String.join(" ", jobs.get(0)));
            processes.add(jobs.get(0)[2].split("@")[0]);
        }
        System.out.println("[two-nodes] jobs run by node processes " + processes);
        assertEquals(2, processes.size(), "workers of both nodes took jobs: " + processes);
    }

    /**
     * SIGKILL to the node running a transcode while a learner plays through the load balancer: the player's beats go
     * to the other node (a beat that was in flight is sent again, as the player's queue does), every second played is
     * credited once, the job is taken over when its lease runs out and reaches READY, and the launcher starts the
     * killed node again.
     */
    @Test
    @Order(7)
    void aNodeKilledMidDayLosesNoBeatAndItsTranscodeIsTakenOver() throws Exception {
        String learner = RunningPlatform.token("learner23", RunningPlatform.DEMO_PASSWORD);
        JsonObject session = open(RunningPlatform.PORT, learner);
        Player player = new Player(learner, session, 20);
        Thread playing = new Thread(player, "player");
        playing.start();

        Path lecture = MediaFixtures.video("two-nodes-kill-960x540-60s.mp4", 960, 540, 60, true);
        long id = Media.resource(teacher, "LEARNING", "VIDEO", MediaPipelineIT.studiedUnit, lecture.getFileName().toString());
        JsonObject ticket = Media.newVersion(teacher, id, lecture.getFileName().toString(), Files.size(lecture));
        assertEquals(202, Media.upload(ticket, lecture).statusCode());
        String assetId = Media.awaitJob(ticket, j -> j.getString("state").equals("RUNNING")).getString("id");
        String worker = jobsOf(assetId).get(0)[2];
        long victimPid = Long.parseLong(worker.split("@")[0]);
        ProcessHandle victim = ProcessHandle.of(victimPid).orElseThrow();
        String command = victim.info().commandLine().orElse("");
        assertTrue(command.contains("payara-micro.jar"), "the job's worker runs in a Payara node of ours: " + command);
        int victimIndex = command.contains("tmp/payara-2") ? 2 : 1;
        victim.destroyForcibly();
        long killedAt = System.nanoTime();
        System.out.println("[two-nodes] killed node " + victimIndex + " (pid " + victimPid + ") while it transcoded and a learner played");

        long takenOver = 0;
        String[] job = jobsOf(assetId).get(0);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            job = jobsOf(assetId).get(0);
            if (!job[2].equals(worker)) {
                takenOver = System.nanoTime();
                break;
            }
            Thread.sleep(250);
        }
        assertNotEquals(0, takenOver, "the killed node's job was never taken over: " + String.join(" ", job));
        System.out.println("[two-nodes] transcode taken over by " + job[2] + " " + Duration.ofNanos(takenOver - killedAt).toMillis()
                + " ms after its node was killed");
        JsonObject ready = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
        assertEquals("READY", ready.getString("state"), ready.toString());

        playing.join(Duration.ofMinutes(2).toMillis());
        assertEquals(null, player.failure, player.failure);
        assertEquals(2 * player.beats, player.credited, "every second played while node " + victimIndex + " died is credited once; beats"
                + " sent again: " + player.resent);
        System.out.println("[two-nodes] " + player.resent + " beats sent again across the kill, " + player.credited + " s credited");

        // The launcher starts the killed node again; it rejoins the load balancer when ready.
        long back = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        int status = 0;
        while (System.nanoTime() < back && status != 200) {
            try {
                status = RunningPlatform.callAt(node(victimIndex), null, "GET", "/health/ready", null).statusCode();
            } catch (java.io.IOException notYet) {
                status = 0;
            }
            Thread.sleep(1000);
        }
        assertEquals(200, status, "node " + victimIndex + " was not started again");
        assertTrue(RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null))
                .getBoolean("intact"));
    }

    /**
     * Both nodes' transcoding work folders run out of space (a 512-KB tmpfs mounted over each; CI runs as root): the job
     * says why in its row, the attempt does not count, the asset is not failed, and once there is space again it is
     * tried again and reaches READY, every published segment whole (its stored size the one recorded).
     */
    @Test
    @Order(8)
    void aFullWorkFolderPostponesTheJobWithItsReasonAndNothingTruncatedIsPublished() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        List<Path> folders = List.of(RunningPlatform.varDir().resolve("transcode/node-1"), RunningPlatform.varDir().resolve("transcode/node-2"));
        for (Path folder : folders) {
            Files.createDirectories(folder);
            run("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", folder.toString());
        }
        JsonObject ticket;
        String assetId;
        try {
            Path video = MediaFixtures.video("two-nodes-full-640x360-20s.mp4", 640, 360, 20, true);
            long id = Media.resource(teacher, "LEARNING", "VIDEO", MediaPipelineIT.studiedUnit, video.getFileName().toString());
            ticket = Media.newVersion(teacher, id, video.getFileName().toString(), Files.size(video));
            assertEquals(202, Media.upload(ticket, video).statusCode());
            assetId = Media.status(ticket).getString("id");
            String error = "";
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!error.contains("work folder") && System.nanoTime() < deadline) {
                Thread.sleep(300);
                error = jobError(assetId);
            }
            System.out.println("[two-nodes] full work folder: " + error);
            assertTrue(error.contains("work folder of this server is full") && error.contains("tried again"), error);
            JsonObject meanwhile = Media.status(ticket);
            assertNotEquals("FAILED", meanwhile.getString("state"), meanwhile.toString());
            assertTrue(meanwhile.getJsonObject("job").getInt("attempts") <= 1, "a full folder is not the file's fault: " + meanwhile);
        } finally {
            for (Path folder : folders) {
                run("umount", "-l", folder.toString());
            }
        }
        JsonObject ready = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
        assertEquals("READY", ready.getString("state"), ready.toString());
        int checked = 0;
        var storage = EmbeddedStorageIT.client(RunningPlatform.S3_SECRET_KEY);
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms");
             PreparedStatement q = c.prepareStatement("SELECT rendition, seq, bytes FROM media_segment WHERE asset_id = ?")) {
            q.setString(1, assetId);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    String key = "assets/" + assetId + "/hls/" + r.getString(1) + "/" + r.getInt(2) + ".ts";
                    long size = storage.statObject(io.minio.StatObjectArgs.builder().bucket(RunningPlatform.BUCKET).object(key).build()).size();
                    assertEquals(r.getLong(3), size, key);
                    checked++;
                }
            }
        }
        assertTrue(checked > 3, "segments checked: " + checked);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    private static String jobError(String assetId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms");
             PreparedStatement q = c.prepareStatement("SELECT COALESCE(error, '') FROM transcode_job WHERE asset_id = ?")) {
            q.setString(1, assetId);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) : "";
            }
        }
    }

    /**
     * MariaDB stopped (SIGTERM, as an operator's stop) for the 30 s the launcher waits before starting it again
     * ({@code LMS_EMBEDDED_DB_RESTART_SECONDS}), in the middle of a learner's playback: every request meanwhile is a 503
     * problem document (never a 500), both nodes' readiness is DOWN, the player keeps its beats and delivers them after,
     * what was accepted before is all there, and no node process is restarted. Runs last.
     */
    @Test
    @Order(9)
    void aDatabaseOutageOf30SecondsIsRiddenOutWithNothingLost() throws Exception {
        String name = Accounts.uniqueName("before-outage");
        Accounts.createLearner(admin, name, "Outage2026ok");
        String learner = RunningPlatform.token("learner24", RunningPlatform.DEMO_PASSWORD);
        String watcher = RunningPlatform.token("learner25", RunningPlatform.DEMO_PASSWORD);
        Player player = new Player(learner, open(RunningPlatform.PORT, learner), 20);
        Thread playing = new Thread(player, "player");
        playing.start();
        List<ProcessHandle> nodesBefore = nodeProcesses();
        assertEquals(2, nodesBefore.size(), nodesBefore.toString());
        Thread.sleep(6_000);

        ProcessHandle mariadb = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd")).orElse(false))
                .filter(p -> p.info().commandLine().orElse("").contains(RunningPlatform.varDir().toString())).findFirst().orElseThrow();
        mariadb.destroy();
        long stoppedAt = System.nanoTime();
        mariadb.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);

        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> ready = awaitStatus(node(i), null, "/health/ready", 503);
            assertTrue(ready.body().contains("DOWN"), "node " + i + ": " + ready.body());
            HttpResponse<String> refused = awaitStatus(node(i), watcher, "/api/classes", 503);
            assertEquals("urn:imtp:problem:unavailable", RunningPlatform.json(refused).getString("type"), refused.body());
            assertForPeople(refused);
        }
        HttpResponse<String> throughBalancer = RunningPlatform.call(watcher, "GET", "/api/classes", null);
        assertEquals(503, throughBalancer.statusCode(), throughBalancer.body());
        assertForPeople(throughBalancer);
        assertTrue(throughBalancer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        HttpResponse<String> back = awaitStatus(RunningPlatform.PORT, watcher, "/api/classes", 200);
        long outageMs = Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
        System.out.println("[two-nodes] database stopped; requests answered again " + outageMs + " ms later: " + back.statusCode());
        assertTrue(outageMs >= 30_000, "the launcher waited " + outageMs + " ms before starting MariaDB again");

        playing.join(Duration.ofMinutes(3).toMillis());
        assertEquals(null, player.failure, player.failure);
        assertTrue(player.resent > 0, "the outage refused beats: the player kept them and sent them again");
        assertEquals(2 * player.beats, player.credited, "every second played across the outage is credited once");
        System.out.println("[two-nodes] " + player.resent + " beats sent again across the database outage, " + player.credited + " s credited");
        assertEquals(200, RunningPlatform.login(name, "Outage2026ok").statusCode(), "an account made before the outage is kept");
        assertTrue(RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null))
                .getBoolean("intact"));
        for (int i = 1; i <= 2; i++) {
            assertEquals(200, RunningPlatform.callAt(node(i), null, "GET", "/health/ready", null).statusCode(), "node " + i + " ready again");
        }
        assertEquals(nodesBefore, nodeProcesses(), "no node needed a restart");
    }

    /** The application nodes' processes, node 1 first. */
    private static List<ProcessHandle> nodeProcesses() {
        List<ProcessHandle> nodes = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String folder = RunningPlatform.varDir().resolve("tmp/payara-" + i).toString();
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("-Djava.io.tmpdir=" + folder + " "))
                    .findFirst().ifPresent(nodes::add);
        }
        return nodes;
    }

    /** Polls until the request answers {@code status}; fails after 2 minutes with the last answer. */
    private static HttpResponse<String> awaitStatus(int port, String token, String path, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        HttpResponse<String> r = null;
        while (System.nanoTime() < deadline) {
            try {
                r = RunningPlatform.callAt(port, token, "GET", path, null);
                if (r.statusCode() == status) {
                    return r;
                }
            } catch (java.io.IOException notYet) {
                r = null;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(path + " on port " + port + " never answered " + status + "; last: "
                + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
    }

    /** A problem document for people: no driver, SQL, address or Java words. */
    private static void assertForPeople(HttpResponse<String> r) {
        for (String leak : List.of("SQL", "jdbc", "Exception", "127.0.0.1", "13307", "mariadb", "java.")) {
            assertTrue(!r.body().contains(leak), "'" + leak + "' in " + r.body());
        }
    }

    /**
     * A learner's player through the load balancer: a beat every 2 s with the 2 s just played. A beat without an answer
     * (its node died under it) or answered 5xx is sent again as it was, as the player's queue does, until it is stored.
     */
    static final class Player implements Runnable {
        final String token;
        final JsonObject session;
        final int beats;
        volatile int credited;
        volatile int resent;
        volatile String failure;

        Player(String token, JsonObject session, int beats) {
            this.token = token;
            this.session = session;
            this.beats = beats;
        }

        @Override
        public void run() {
            try {
                long t0 = System.nanoTime();
                for (int k = 1; k <= beats; k++) {
                    sleepUntil(t0, 2_000L * k + 150);
                    HttpResponse<String> r = null;
                    long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                    while (System.nanoTime() < giveUp) {
                        try {
                            r = beat(RunningPlatform.PORT, token, session, k, 2_000L * k, 2_000L * (k - 1), 2_000L * k);
                            if (r.statusCode() < 500) {
                                break;
                            }
                        } catch (java.io.IOException cutOff) {
                            r = null;
                        }
                        resent++;
                        Thread.sleep(500);
                    }
                    // 200, or DUPLICATE when the beat was stored by the node that died before it could answer.
                    if (r == null || !(r.statusCode() == 200 || r.body().contains("\"DUPLICATE\""))) {
                        failure = "beat " + k + ": " + (r == null ? "no answer" : r.statusCode() + " " + r.body());
                        return;
                    }
                    credited = Math.max(credited, RunningPlatform.json(r).getInt("videoCreditedSeconds", credited));
                }
            } catch (Exception e) {
                failure = e.toString();
            }
        }
    }

    private static JsonObject open(int port, String token) throws Exception {
        HttpResponse<String> r = RunningPlatform.callAt(port, token, "POST", "/api/attendance/sessions",
                Json.createObjectBuilder().add("resourceId", lessonId).build().toString());
        assertEquals(201, r.statusCode(), r.body());
        return RunningPlatform.json(r);
    }

    private static HttpResponse<String> beat(int port, String token, JsonObject session, long seq, long elapsedMs, long fromMs, long toMs)
            throws Exception {
        JsonArrayBuilder played = Json.createArrayBuilder().add(Json.createObjectBuilder().add("fromMs", fromMs).add("toMs", toMs));
        return RunningPlatform.callAt(port, token, "POST", "/api/attendance/sessions/" + session.getString("sessionId") + "/beats",
                Json.createObjectBuilder().add("token", session.getString("token")).add("seq", seq).add("elapsedMs", elapsedMs)
                        .add("played", played).add("rate", 1.0).add("visible", true).add("positionMs", toMs).build().toString());
    }

    private static String credentials(String user, String password) {
        return Json.createObjectBuilder().add("username", user).add("password", password).build().toString();
    }

    private static JsonObject json(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return RunningPlatform.json(r);
    }

    /** The upload ticket with its URLs sent to one node, past the load balancer. */
    private static JsonObject onNode(JsonObject ticket, int index) {
        var b = Json.createObjectBuilder(ticket);
        for (String key : List.of("uploadUrl", "statusUrl")) {
            String url = ticket.getString(key);
            b.add(key, "http://127.0.0.1:" + node(index) + (url.startsWith("http") ? url.replaceFirst("^https?://[^/]+", "") : url));
        }
        return b.build();
    }

    /** The asset's transcoding jobs: state, attempts, worker. */
    private static List<String[]> jobsOf(String assetId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms");
             PreparedStatement q = c.prepareStatement("SELECT state, attempts, COALESCE(worker, '') FROM transcode_job WHERE asset_id = ?")) {
            q.setString(1, assetId);
            List<String[]> jobs = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    jobs.add(new String[] {r.getString(1), Integer.toString(r.getInt(2)), r.getString(3)});
                }
            }
            return jobs;
        }
    }

    private static void sleepUntil(long t0, long ms) throws InterruptedException {
        long wait = ms - (System.nanoTime() - t0) / 1_000_000;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
