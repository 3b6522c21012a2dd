package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        Media.Uploaded up = Media.published(teacher, MediaPipelineIT.studiedUnit, "VIDEO", video);
        lessonId = up.resourceId();
    }

    static int node(int index) {
        return RunningPlatform.nodePort(index);
    }

    @Test
    @Order(1)
    void bothNodesAnswerAndTheLoadBalancerSpreadsRequestsOverThem() throws Exception {
        assertEquals(2, RunningPlatform.nodes());
        for (int i = 1; i <= 2; i++) {
            assertEquals(
                    200,
                    RunningPlatform.callAt(node(i), null, "GET", "/health/ready", null)
                            .statusCode(),
                    "node " + i);
            assertEquals(
                    200,
                    RunningPlatform.callAt(node(i), null, "GET", "/api/node", null)
                            .statusCode(),
                    "node " + i);
            assertEquals(
                    200,
                    RunningPlatform.callAt(node(i), null, "GET", "/media/api/node", null)
                            .statusCode(),
                    "node " + i);
        }
        // The balancer's node checks are not for clients (each one takes a database connection).
        for (String check : List.of("/api/node", "/media/api/node")) {
            HttpResponse<String> refused = RunningPlatform.call(null, "GET", check, null);
            assertEquals(404, refused.statusCode(), check + ": " + refused.body());
        }
        // Round robin without stickiness: one caller's requests through the load balancer reach both nodes.
        long[] before = servedPerNode();
        for (int i = 0; i < 10; i++) {
            assertEquals(
                    200,
                    RunningPlatform.login("learner20", RunningPlatform.DEMO_PASSWORD)
                            .statusCode());
        }
        long[] after = servedPerNode();
        for (int i = 0; i < 2; i++) {
            assertTrue(
                    after[i] - before[i] >= 3,
                    "node " + (i + 1) + " served " + (after[i] - before[i]) + " of 10 sign-ins");
        }
    }

    /** The 2xx answers each node has given, from HAProxy's statistics socket ({@code show stat}, column hrsp_2xx). */
    static long[] servedPerNode() throws Exception {
        Path socket = RunningPlatform.varDir().resolve("haproxy/admin.sock");
        try (var channel = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(socket))) {
            channel.write(java.nio.ByteBuffer.wrap("show stat\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            String[] lines = new String(
                            java.nio.channels.Channels.newInputStream(channel).readAllBytes(),
                            java.nio.charset.StandardCharsets.US_ASCII)
                    .split("\n");
            List<String> columns = List.of(lines[0].replaceFirst("^# ", "").split(","));
            int ok = columns.indexOf("hrsp_2xx");
            int status = columns.indexOf("status");
            long[] served = new long[2];
            for (String line : lines) {
                String[] f = line.split(",");
                if (f.length > ok && f[0].equals("nodes") && f[1].matches("node[12]")) {
                    System.out.println(
                            "[two-nodes] HAProxy: " + f[1] + " " + f[status] + ", " + f[ok] + " answers 2xx");
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
        EventStream roster =
                EventStream.open(node(1), teacher, "/api/attendance/classes/" + classId + "/roster/events");
        roster.next("roster", r -> true);
        JsonObject session = AttendanceIT.openAt(node(2), learner, lessonId);
        long t0 = System.nanoTime();
        int credited = 0;
        for (int k = 1; k <= 6; k++) {
            AttendanceIT.sleepUntil(t0, 2_000L * k + 150);
            int at = node(k % 2 == 1 ? 1 : 2);
            HttpResponse<String> r =
                    ClassDayIT.beatAt(at, learner, session, k, 2_000L * k, true, 2_000L * (k - 1), 2_000L * k);
            assertEquals(200, r.statusCode(), "beat " + k + " on port " + at + ": " + r.body());
            credited = RunningPlatform.json(r).getInt("videoCreditedSeconds");
            // The same beat again, on the other node: a duplicate, credited once.
            HttpResponse<String> again = ClassDayIT.beatAt(
                    node(k % 2 == 1 ? 2 : 1), learner, session, k, 2_000L * k, true, 2_000L * (k - 1), 2_000L * k);
            assertEquals("DUPLICATE", RunningPlatform.json(again).getString("verdict"), again.body());
        }
        assertEquals(12, credited, "12 s played in 12 s over two nodes");
        JsonObject studying = roster.next(
                "roster",
                r -> r.getJsonArray("learners").stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(l -> l.getString("username").equals("learner21")
                                && l.getString("state").equals("STUDYING")));
        assertTrue(studying.getInt("studying") >= 1, studying.toString());
        assertTrue(RunningPlatform.json(RunningPlatform.callAt(
                        node(2), admin, "GET", "/api/attendance/classes/" + classId + "/verify", null))
                .getBoolean("intact"));
    }

    @Test
    @Order(3)
    void onePlaybackEarnsAtATimeAcrossNodes() throws Exception {
        String learner = RunningPlatform.token("learner22", RunningPlatform.DEMO_PASSWORD);
        JsonObject first = AttendanceIT.openAt(node(1), learner, lessonId);
        long t0 = System.nanoTime();
        AttendanceIT.sleepUntil(t0, 2_150);
        assertEquals(
                200,
                ClassDayIT.beatAt(node(1), learner, first, 1, 2_000, true, 0, 2_000)
                        .statusCode());
        AttendanceIT.openAt(node(2), learner, lessonId);
        // The first playback ended when the second opened, about 2 s in: its next beat is still taken (it may describe
        // playback from before the end) but credits nothing past the end; any later one is refused, whichever node
        // takes it.
        AttendanceIT.sleepUntil(t0, 4_150);
        HttpResponse<String> last = ClassDayIT.beatAt(node(1), learner, first, 2, 4_000, true, 2_000, 4_000);
        assertEquals(200, last.statusCode(), last.body());
        assertTrue(
                RunningPlatform.json(last).getInt("sessionCreditedSeconds") <= 3,
                "nothing past the end: " + last.body());
        AttendanceIT.sleepUntil(t0, 6_150);
        HttpResponse<String> stale = ClassDayIT.beatAt(node(2), learner, first, 3, 6_000, true, 4_000, 6_000);
        assertEquals(
                410,
                stale.statusCode(),
                "the first playback was ended by the one opened on the other node: " + stale.body());
        assertEquals(
                "urn:imtp:problem:session-ended", RunningPlatform.json(stale).getString("type"));
    }

    @Test
    @Order(4)
    void aSignOutOrADisabledAccountOnOneNodeIsRefusedOnTheOtherAtOnce() throws Exception {
        String name = Accounts.uniqueName("two-nodes");
        long id = Accounts.createLearner(admin, name, "Nodes2026ok")
                .getJsonNumber("id")
                .longValue();
        String signedIn = json(RunningPlatform.callAt(
                        node(1), null, "POST", "/api/auth/login", credentials(name, "Nodes2026ok")))
                .getString("token");
        String other = json(RunningPlatform.callAt(
                        node(2), null, "POST", "/api/auth/login", credentials(name, "Nodes2026ok")))
                .getString("token");
        assertEquals(
                200,
                RunningPlatform.callAt(node(2), signedIn, "GET", "/api/me", null)
                        .statusCode());
        assertEquals(
                204,
                RunningPlatform.callAt(node(1), signedIn, "POST", "/api/auth/logout", null)
                        .statusCode());
        assertEquals(
                401,
                RunningPlatform.callAt(node(2), signedIn, "GET", "/api/me", null)
                        .statusCode(),
                "signed out on node 1");
        assertEquals(
                401,
                RunningPlatform.callAt(node(2), other, "GET", "/api/me", null).statusCode(),
                "a sign-out ends every sign-in");

        String again = json(RunningPlatform.callAt(
                        node(2), null, "POST", "/api/auth/login", credentials(name, "Nodes2026ok")))
                .getString("token");
        assertEquals(
                200,
                RunningPlatform.callAt(node(2), again, "GET", "/api/me", null).statusCode());
        assertEquals(
                200,
                RunningPlatform.callAt(node(1), admin, "POST", "/api/accounts/" + id + "/disable", null)
                        .statusCode());
        assertEquals(
                401,
                RunningPlatform.callAt(node(2), again, "GET", "/api/me", null).statusCode(),
                "disabled on node 1");
        HttpResponse<String> refused =
                RunningPlatform.callAt(node(2), null, "POST", "/api/auth/login", credentials(name, "Nodes2026ok"));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(
                "urn:imtp:problem:account-disabled",
                RunningPlatform.json(refused).getString("type"));
    }

    @Test
    @Order(5)
    void signInFailuresAreCountedAcrossNodes() throws Exception {
        String name = Accounts.uniqueName("two-nodes-guessed");
        Accounts.createLearner(admin, name, "Right2026pw");
        String guesser = "198.51.100.171";
        for (int i = 0; i < 5; i++) {
            // Five wrong passwords, alternating nodes: each node alone saw fewer than the limit.
            assertEquals(
                    401,
                    RunningPlatform.callAt(
                                    node(1 + i % 2),
                                    null,
                                    "POST",
                                    "/api/auth/login",
                                    credentials(name, "wrong" + i + "pw"),
                                    "X-Forwarded-For",
                                    guesser)
                            .statusCode());
        }
        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> blocked = RunningPlatform.callAt(
                    node(i),
                    null,
                    "POST",
                    "/api/auth/login",
                    credentials(name, "Right2026pw"),
                    "X-Forwarded-For",
                    guesser);
            assertEquals(429, blocked.statusCode(), "node " + i + ": " + blocked.body());
        }
    }

    /**
     * Through HAProxy a client cannot choose its address: a guesser at 127.0.0.3 claims with X-Forwarded-For to be at the
     * owner's address, yet its failures count against 127.0.0.3 (HAProxy appends the real peer; the nodes believe only
     * HAProxy's hop), so the guesser is blocked and the owner, at the address they signed in from before, is not.
     */
    @Test
    @Order(6)
    void aForgedForwardedForThroughTheLoadBalancerDoesNotMoveTheGuessersFailures() throws Exception {
        String name = Accounts.uniqueName("two-nodes-spoofed");
        Accounts.createLearner(admin, name, "Owner2026pw");
        assertEquals(
                200,
                RunningPlatform.login(name, "Owner2026pw").statusCode(),
                "the owner signs in from 127.0.0.1 first");
        List<Integer> guesses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            guesses.add(loginFrom("127.0.0.3", "127.0.0.1", name, "guess" + i + "pw"));
        }
        assertEquals(
                List.of(401, 401, 401, 401, 401, 429),
                guesses,
                "five failures at the guesser's own address, then blocked");
        assertEquals(
                429,
                loginFrom("127.0.0.3", "127.0.0.1", name, "Owner2026pw"),
                "the right password from the guesser's address");
        assertEquals(
                200, RunningPlatform.login(name, "Owner2026pw").statusCode(), "the owner's address was never charged");
    }

    /** A sign-in sent through the load balancer from the local address {@code from}, claiming {@code forwardedFor}; its status. */
    private static int loginFrom(String from, String forwardedFor, String user, String password) throws Exception {
        Process curl = new ProcessBuilder(
                        "curl",
                        "-s",
                        "-o",
                        "/dev/null",
                        "-w",
                        "%{http_code}",
                        "--interface",
                        from,
                        "-H",
                        "Content-Type: application/json",
                        "-H",
                        "X-Forwarded-For: " + forwardedFor,
                        "--data-binary",
                        credentials(user, password),
                        "http://127.0.0.1:" + RunningPlatform.PORT + "/api/auth/login")
                .redirectErrorStream(true)
                .start();
        String status =
                new String(curl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
        assertEquals(0, curl.waitFor(), "curl: " + status);
        return Integer.parseInt(status);
    }

    /**
     * A live lesson with its teacher on node 1 and a learner on node 2: the stage the teacher sets and the learner's
     * question cross over (each node's reader looks at the shared database), and the learner's beats, spread over both
     * nodes by the load balancer, are credited as on one node; the teacher's roster on node 1 shows the learner present.
     */
    @Test
    @Order(7)
    void aLiveLessonWithItsTeacherOnOneNodeReachesALearnerOnTheOther() throws Exception {
        LiveLessonIT.demoClass();
        JsonObject lesson = LiveLessonIT.schedule(4);
        long lessonId = lesson.getJsonNumber("id").longValue();
        Instant start = Instant.parse(lesson.getString("startsAt"));
        String learner = RunningPlatform.token("learner29", RunningPlatform.DEMO_PASSWORD);
        String events = "/api/live/lessons/" + lessonId + "/events";
        EventStream teacherSees = EventStream.open(node(1), LiveLessonIT.teacher, events);
        EventStream learnerSees = EventStream.open(node(2), learner, events);
        learnerSees.next("hello", d -> true);
        teacherSees.next("hello", d -> true);

        String meeting = "https://meeting.example.org/two-nodes";
        HttpResponse<String> staged = RunningPlatform.callAt(
                node(1),
                LiveLessonIT.teacher,
                "PUT",
                "/api/live/lessons/" + lessonId + "/stage",
                Json.createObjectBuilder().add("meetingUrl", meeting).build().toString());
        assertEquals(200, staged.statusCode(), staged.body());
        learnerSees.next("stage", d -> meeting.equals(d.getString("meetingUrl", null)));
        HttpResponse<String> asked = RunningPlatform.callAt(
                node(2),
                learner,
                "POST",
                "/api/live/lessons/" + lessonId + "/messages",
                Json.createObjectBuilder()
                        .add("body", "另一个节点上的老师能看到这个问题吗？")
                        .build()
                        .toString());
        assertEquals(201, asked.statusCode(), asked.body());
        long question = RunningPlatform.json(asked).getJsonNumber("id").longValue();
        teacherSees.next("message", d -> d.getJsonNumber("id").longValue() == question);

        LiveLessonIT.Attendee attendee = LiveLessonIT.join("learner29", lessonId);
        while (Instant.now().isBefore(start.plusSeconds(10))) {
            Thread.sleep(2000);
            attendee.beat(true);
        }
        Instant from = attendee.openedAt.isAfter(start) ? attendee.openedAt : start;
        long present =
                Math.round(Duration.between(from, attendee.presentUntil()).toMillis() / 1000.0);
        assertTrue(
                Math.abs(attendee.credited - present) <= 1,
                "credited " + attendee.credited + " s, present " + present + " s");
        teacherSees.next(
                "roster",
                d -> d.getJsonArray("learners").stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(l -> l.getString("username").equals("learner29")
                                && l.getString("state").equals("PRESENT")));
    }

    /**
     * Six attempts of a short exam started on both nodes and left open: once the time is up both nodes' sweeps (every
     * 2 s) find them, and each attempt is submitted by exactly one node (the nodes' logs name every attempt they
     * submit), with the answer saved in time kept.
     */
    @Test
    @Order(8)
    void anExamAttemptWhoseTimeIsUpIsGradedOnceThoughBothNodesSweep() throws Exception {
        QuestionBanks.ensureImported(teacher, "L5", "LIVE_SELLER", 6);
        Instant closes = Instant.now().plusSeconds(15);
        HttpResponse<String> created = RunningPlatform.callAt(
                node(1),
                teacher,
                "POST",
                "/api/assessment/classes/" + classId + "/exams",
                Json.createObjectBuilder()
                        .add("title", "两个节点的限时测验")
                        .add("blueprint", "SKILL")
                        .add("opensAt", Instant.now().minusSeconds(600).toString())
                        .add("closesAt", closes.toString())
                        .add("durationMinutes", 5)
                        .build()
                        .toString());
        assertEquals(201, created.statusCode(), created.body());
        long examId = RunningPlatform.json(created).getJsonNumber("id").longValue();
        List<Path> logs = List.of(
                RunningPlatform.varDir().resolve("logs/payara-1.log"),
                RunningPlatform.varDir().resolve("logs/payara-2.log"));
        List<Long> logFrom = new ArrayList<>();
        for (Path log : logs) {
            logFrom.add(Files.size(log));
        }
        Map<Long, String> attempts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            String learner = RunningPlatform.token("learner" + (10 + i), RunningPlatform.DEMO_PASSWORD);
            HttpResponse<String> started = RunningPlatform.callAt(
                    node(1 + i % 2), learner, "POST", "/api/assessment/exams/" + examId + "/attempts", null);
            JsonObject attempt = json(started);
            long id = attempt.getJsonNumber("id").longValue();
            String answer = attempt.getJsonArray("items")
                            .getJsonObject(0)
                            .getString("type")
                            .equals("TRUE_FALSE")
                    ? "T"
                    : "A";
            HttpResponse<String> saved = RunningPlatform.callAt(
                    node(2 - i % 2),
                    learner,
                    "PUT",
                    "/api/assessment/attempts/" + id + "/answers/1",
                    Json.createObjectBuilder().add("answer", answer).build().toString());
            assertEquals(200, saved.statusCode(), saved.body());
            attempts.put(id, learner);
        }

        Map<Long, Integer> submissions = new java.util.HashMap<>();
        long deadline = System.nanoTime()
                + Duration.between(Instant.now(), closes).plusSeconds(60).toNanos();
        while (!submissions.keySet().containsAll(attempts.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            submissions = submittedBySweeps(logs, logFrom);
        }
        System.out.println("[two-nodes] attempts submitted by the sweeps of both nodes: " + submissions);
        for (Map.Entry<Long, String> a : attempts.entrySet()) {
            assertEquals(
                    1,
                    submissions.getOrDefault(a.getKey(), 0),
                    "attempt " + a.getKey() + " submitted once by one node: " + submissions);
            JsonObject ended = json(RunningPlatform.callAt(
                    node(1), a.getValue(), "GET", "/api/assessment/attempts/" + a.getKey(), null));
            assertEquals("TIME_UP", ended.getString("submittedBy"), ended.toString());
            assertTrue(
                    !ended.getJsonArray("items").getJsonObject(0).isNull("answer"),
                    "the answer saved in time counts: " + ended);
        }
    }

    private static final java.util.regex.Pattern SWEPT =
            java.util.regex.Pattern.compile("whose time was up: \\[([0-9, ]+)]");

    /** How many times the nodes' sweeps say they submitted each attempt, from the logs written since {@code from}. */
    private static Map<Long, Integer> submittedBySweeps(List<Path> logs, List<Long> from) throws Exception {
        Map<Long, Integer> times = new java.util.HashMap<>();
        for (int i = 0; i < logs.size(); i++) {
            byte[] all = Files.readAllBytes(logs.get(i));
            String written = new String(
                    all,
                    (int) Math.min(from.get(i), all.length),
                    (int) Math.max(0, all.length - from.get(i)),
                    java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m = SWEPT.matcher(written);
            while (m.find()) {
                for (String id : m.group(1).split(",\\s*")) {
                    times.merge(Long.parseLong(id.trim()), 1, Integer::sum);
                }
            }
        }
        return times;
    }

    @Test
    @Order(9)
    void transcodingJobsAreTakenByWorkersOfBothNodesEachExactlyOnce() throws Exception {
        List<JsonObject> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path clip = MediaFixtures.video("two-nodes-clip-" + i + ".mp4", 320, 240, 3, true);
            long id = Media.resource(
                    teacher,
                    "LEARNING",
                    "VIDEO",
                    MediaPipelineIT.studiedUnit,
                    clip.getFileName().toString());
            // Each upload is completed on one node, in turn: that node queues the job and wakes its own workers.
            JsonObject ticket =
                    onNode(Media.newVersion(teacher, id, clip.getFileName().toString(), Files.size(clip)), 1 + i % 2);
            HttpResponse<String> done = Media.upload(ticket, clip);
            assertEquals(202, done.statusCode(), done.body());
            tickets.add(ticket);
        }
        Set<String> processes = new HashSet<>();
        for (JsonObject ticket : tickets) {
            JsonObject asset = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
            assertEquals("READY", asset.getString("state"), asset.toString());
            List<Job> jobs = jobsOf(asset.getString("id"));
            assertEquals(1, jobs.size(), "one job per asset: " + asset);
            assertEquals("SUCCEEDED", jobs.get(0).state());
            assertEquals(1, jobs.get(0).attempts(), "taken once: " + jobs.get(0));
            processes.add(jobs.get(0).worker().split("@")[0]);
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
    @Order(10)
    void aNodeKilledMidDayLosesNoBeatAndItsTranscodeIsTakenOver() throws Exception {
        String learner = RunningPlatform.token("learner23", RunningPlatform.DEMO_PASSWORD);
        JsonObject session = AttendanceIT.openAt(RunningPlatform.PORT, learner, lessonId);
        Player player = new Player(learner, session, 20);
        Thread playing = new Thread(player, "player");
        playing.start();

        Path lecture = MediaFixtures.video("two-nodes-kill-960x540-60s.mp4", 960, 540, 60, true);
        long id = Media.resource(
                teacher,
                "LEARNING",
                "VIDEO",
                MediaPipelineIT.studiedUnit,
                lecture.getFileName().toString());
        JsonObject ticket = Media.newVersion(teacher, id, lecture.getFileName().toString(), Files.size(lecture));
        assertEquals(202, Media.upload(ticket, lecture).statusCode());
        String assetId = Media.awaitJob(ticket, j -> j.getString("state").equals("RUNNING"))
                .getString("id");
        String worker = jobsOf(assetId).get(0).worker();
        long victimPid = Long.parseLong(worker.split("@")[0]);
        ProcessHandle victim = ProcessHandle.of(victimPid).orElseThrow();
        String command = victim.info().commandLine().orElse("");
        assertTrue(command.contains("payara-micro.jar"), "the job's worker runs in a Payara node of ours: " + command);
        int victimIndex = command.contains("tmp/payara-2") ? 2 : 1;
        victim.destroyForcibly();
        long killedAt = System.nanoTime();
        System.out.println("[two-nodes] killed node " + victimIndex + " (pid " + victimPid
                + ") while it transcoded and a learner played");

        long takenOver = 0;
        Job job = jobsOf(assetId).get(0);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            job = jobsOf(assetId).get(0);
            if (!job.worker().equals(worker)) {
                takenOver = System.nanoTime();
                break;
            }
            Thread.sleep(250);
        }
        assertNotEquals(0, takenOver, "the killed node's job was never taken over: " + job);
        System.out.println("[two-nodes] transcode taken over by " + job.worker() + " "
                + Duration.ofNanos(takenOver - killedAt).toMillis() + " ms after its node was killed");
        JsonObject ready = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
        assertEquals("READY", ready.getString("state"), ready.toString());

        playing.join(Duration.ofMinutes(2).toMillis());
        assertEquals(null, player.failure, player.failure);
        assertEquals(
                2 * player.beats,
                player.credited,
                "every second played while node " + victimIndex + " died is credited once; beats" + " sent again: "
                        + player.resent);
        System.out.println("[two-nodes] " + player.resent + " beats sent again across the kill, " + player.credited
                + " s credited");

        // The launcher starts the killed node again; it rejoins the load balancer when ready.
        long back = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        int status = 0;
        while (System.nanoTime() < back && status != 200) {
            try {
                status = RunningPlatform.callAt(node(victimIndex), null, "GET", "/health/ready", null)
                        .statusCode();
            } catch (java.io.IOException notYet) {
                status = 0;
            }
            Thread.sleep(1000);
        }
        assertEquals(200, status, "node " + victimIndex + " was not started again");
        assertTrue(RunningPlatform.json(
                        RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null))
                .getBoolean("intact"));
    }

    /**
     * Both nodes' transcoding work folders run out of space (a 512-KB tmpfs mounted over each; CI runs as root): the job
     * says why in its row, the attempt does not count, the asset is not failed, and once there is space again it is
     * tried again and reaches READY, every published segment whole (its stored size the one recorded).
     */
    @Test
    @Order(11)
    void aFullWorkFolderPostponesTheJobWithItsReasonAndNothingTruncatedIsPublished() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        List<Path> folders = List.of(
                RunningPlatform.varDir().resolve("transcode/node-1"),
                RunningPlatform.varDir().resolve("transcode/node-2"));
        for (Path folder : folders) {
            Files.createDirectories(folder);
            run("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", folder.toString());
        }
        JsonObject ticket;
        String assetId;
        try {
            // A picture size no other test uses: a file whose bytes match one already stored is not transcoded again
            // (its renditions are reused), and this test needs a transcode (LearnerPagesIT has a 640x360 20-s one).
            Path video = MediaFixtures.video("two-nodes-full-640x352-20s.mp4", 640, 352, 20, true);
            long id = Media.resource(
                    teacher,
                    "LEARNING",
                    "VIDEO",
                    MediaPipelineIT.studiedUnit,
                    video.getFileName().toString());
            ticket = Media.newVersion(teacher, id, video.getFileName().toString(), Files.size(video));
            assertEquals(202, Media.upload(ticket, video).statusCode());
            assetId = Media.status(ticket).getString("id");
            String error = "";
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!error.contains("work folder") && System.nanoTime() < deadline) {
                Thread.sleep(300);
                error = jobsOf(assetId).get(0).error();
            }
            System.out.println("[two-nodes] full work folder: " + error);
            assertTrue(error.contains("work folder of this server is full") && error.contains("tried again"), error);
            JsonObject meanwhile = Media.status(ticket);
            assertNotEquals("FAILED", meanwhile.getString("state"), meanwhile.toString());
            assertTrue(
                    meanwhile.getJsonObject("job").getInt("attempts") <= 1,
                    "a full folder is not the file's fault: " + meanwhile);
        } finally {
            for (Path folder : folders) {
                run("umount", "-l", folder.toString());
            }
        }
        JsonObject ready = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
        assertEquals("READY", ready.getString("state"), ready.toString());
        int checked = 0;
        var storage = EmbeddedStorageIT.client(RunningPlatform.S3_SECRET_KEY);
        try (Connection c = DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms");
                PreparedStatement q =
                        c.prepareStatement("SELECT rendition, seq, bytes FROM media_segment WHERE asset_id = ?")) {
            q.setString(1, assetId);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    String key = "assets/" + assetId + "/hls/" + r.getString(1) + "/" + r.getInt(2) + ".ts";
                    long size = storage.statObject(io.minio.StatObjectArgs.builder()
                                    .bucket(RunningPlatform.BUCKET)
                                    .object(key)
                                    .build())
                            .size();
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

    /**
     * An ffmpeg that hangs (stopped with SIGSTOP: alive, encoding nothing, its worker still renewing the lease) is killed
     * by the watchdog once it has encoded nothing for {@code LMS_TRANSCODE_STALL_SECONDS} (30 s on this start); the
     * attempt fails with that reason and the job is tried again and reaches READY.
     */
    @Test
    @Order(12)
    void aHungFfmpegIsKilledByTheWatchdogAndTheJobIsTriedAgain() throws Exception {
        Path video = MediaFixtures.video("two-nodes-hung-640x368-20s.mp4", 640, 368, 20, true);
        long id = Media.resource(
                teacher,
                "LEARNING",
                "VIDEO",
                MediaPipelineIT.studiedUnit,
                video.getFileName().toString());
        JsonObject ticket = Media.newVersion(teacher, id, video.getFileName().toString(), Files.size(video));
        assertEquals(202, Media.upload(ticket, video).statusCode());
        String assetId = Media.status(ticket).getString("id");
        ProcessHandle ffmpeg = MediaFaultsIT.ffmpegOf(assetId);
        Thread.sleep(1_000);
        MediaFaultsIT.signal("STOP", ffmpeg);
        long stoppedAt = System.nanoTime();
        ffmpeg.onExit().get(3, java.util.concurrent.TimeUnit.MINUTES);
        long killedAfterMs = Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
        System.out.println(
                "[two-nodes] hung ffmpeg killed by the watchdog " + killedAfterMs + " ms after it stopped encoding");
        assertTrue(
                killedAfterMs >= 29_000,
                "not before 30 s without progress (less the second it ran): " + killedAfterMs + " ms");
        // The worker records the failed attempt right after the kill; it stays the job's error until the next attempt
        // ends.
        Job failed = jobsOf(assetId).get(0);
        for (int i = 0; i < 40 && !failed.error().contains("encoded nothing"); i++) {
            Thread.sleep(250);
            failed = jobsOf(assetId).get(0);
        }
        assertTrue(failed.error().contains("encoded nothing for 30 s"), failed.toString());

        JsonObject ready = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
        assertEquals("READY", ready.getString("state"), ready.toString());
        Job job = jobsOf(assetId).get(0);
        assertEquals("SUCCEEDED", job.state(), job.toString());
        assertEquals(2, job.attempts(), "the hung attempt counts, the second one finished: " + job);
    }

    /**
     * Object storage stops answering (S3Proxy stopped with SIGSTOP) for 15 s on the two-node platform: calls that need
     * it are 503 problem documents within seconds (never a hang or a 500) on either node; an upload with part 1 stored
     * before the outage resumes from its parts afterwards (only the rest is sent), a job queued before the outage is
     * postponed without losing an attempt and reaches READY, and the lesson a learner plays serves segments again.
     */
    @Test
    @Order(13)
    void anObjectStorageOutageIsRiddenOutWithUploadsResumedAndNoJobLost() throws Exception {
        String learner = RunningPlatform.token("learner26", RunningPlatform.DEMO_PASSWORD);
        Path large = MediaFixtures.video("two-nodes-s3-1280x712-20s.mp4", 1280, 712, 20, true);
        long largeId = Media.resource(
                teacher,
                "LEARNING",
                "VIDEO",
                MediaPipelineIT.studiedUnit,
                large.getFileName().toString());
        JsonObject resumable =
                onNode(Media.newVersion(teacher, largeId, large.getFileName().toString(), Files.size(large)), 1);
        JsonObject started = RunningPlatform.json(Media.start(resumable, large));
        int parts = started.getInt("partCount");
        long partSize = started.getJsonNumber("partSize").longValue();
        assertTrue(parts >= 2, "the fixture must need several parts: " + started);
        Media.sendParts(resumable, large, partSize, List.of(1));

        Path clip = MediaFixtures.video("two-nodes-s3-queued-480x272-8s.mp4", 480, 272, 8, true);
        long clipId = Media.resource(
                teacher,
                "LEARNING",
                "VIDEO",
                MediaPipelineIT.studiedUnit,
                clip.getFileName().toString());
        JsonObject queued = Media.newVersion(teacher, clipId, clip.getFileName().toString(), Files.size(clip));
        ProcessHandle s3proxy = MediaFaultsIT.s3proxy();
        MediaFaultsIT.signal("STOP", s3proxy);
        long stoppedAt = System.nanoTime();
        try {
            for (int i = 1; i <= 2; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> refused = Media.get(onNode(resumable, i).getString("uploadUrl"));
                assertEquals(503, refused.statusCode(), "node " + i + ": " + refused.body());
                assertEquals(
                        "urn:imtp:problem:unavailable",
                        RunningPlatform.json(refused).getString("type"),
                        refused.body());
                assertForPeople(refused);
                assertTrue(
                        Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 20,
                        "storage outage answered without hanging");
            }
            HttpResponse<String> notNow = Media.start(queued, clip);
            assertEquals(503, notNow.statusCode(), notNow.body());
            // What does not need storage goes on through the load balancer: both nodes stay in it.
            Thread.sleep(5_000);
            long[] before = servedPerNode();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> signIn = RunningPlatform.login("learner27", RunningPlatform.DEMO_PASSWORD);
                assertEquals(200, signIn.statusCode(), "sign-in during the storage outage: " + signIn.body());
            }
            long[] after = servedPerNode();
            for (int i = 0; i < 2; i++) {
                assertTrue(
                        after[i] > before[i],
                        "node " + (i + 1) + " stays in the load balancer during the storage outage");
            }
            Thread.sleep(Math.max(
                    0, 15_000 - Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis()));
        } finally {
            MediaFaultsIT.signal("CONT", s3proxy);
        }
        System.out.println("[two-nodes] object storage stopped for "
                + Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis() + " ms");

        // Resumed on the other node: storage still holds part 1; only the rest is sent.
        JsonObject resumed = RunningPlatform.json(Media.start(onNode(resumable, 2), large));
        assertEquals(
                List.of(1),
                resumed.getJsonArray("uploadedParts").stream()
                        .map(v -> v.asJsonObject().getInt("number"))
                        .toList(),
                resumed.toString());
        Media.sendParts(
                onNode(resumable, 2),
                large,
                partSize,
                java.util.stream.IntStream.rangeClosed(2, parts).boxed().toList());
        assertEquals(
                202,
                Media.post(Media.uploadPath(onNode(resumable, 2), "/complete"), null)
                        .statusCode());
        assertEquals(
                202, Media.upload(queued, clip).statusCode(), "the upload refused during the outage is sent again");
        for (JsonObject ticket : List.of(resumable, queued)) {
            JsonObject ready = Media.await(ticket, Duration.ofMinutes(3), "READY", "FAILED");
            assertEquals("READY", ready.getString("state"), ready.toString());
            assertEquals(1, ready.getJsonObject("job").getInt("attempts"), "no attempt lost to the outage: " + ready);
        }

        // The lesson plays again: its playlist and a segment from storage.
        HttpResponse<String> access = Media.access(learner, lessonId, null);
        assertEquals(200, access.statusCode(), access.body());
        String masterUrl = RunningPlatform.json(access).getString("playlistUrl");
        String master = Media.get(masterUrl).body();
        String variantUrl = Media.resolve(masterUrl, Media.uris(master).get(0));
        HttpResponse<String> variant = Media.get(variantUrl);
        assertEquals(200, variant.statusCode(), variant.body());
        String segment = Media.resolve(variantUrl, Media.uris(variant.body()).get(0));
        HttpResponse<String> bytes = Media.get(segment);
        assertEquals(200, bytes.statusCode(), "a segment from storage after the outage: " + segment);
    }

    /**
     * MariaDB stopped (SIGTERM, as an operator's stop) for the 30 s the launcher waits before starting it again
     * ({@code LMS_EMBEDDED_DB_RESTART_SECONDS}), in the middle of a learner's playback: every request meanwhile is a 503
     * problem document (never a 500), both nodes' readiness is DOWN, the player keeps its beats and delivers them after,
     * what was accepted before is all there, and no node process is restarted. Runs last.
     */
    @Test
    @Order(14)
    void aDatabaseOutageOf30SecondsIsRiddenOutWithNothingLost() throws Exception {
        String name = Accounts.uniqueName("before-outage");
        Accounts.createLearner(admin, name, "Outage2026ok");
        String learner = RunningPlatform.token("learner24", RunningPlatform.DEMO_PASSWORD);
        String watcher = RunningPlatform.token("learner25", RunningPlatform.DEMO_PASSWORD);
        Player player = new Player(learner, AttendanceIT.openAt(RunningPlatform.PORT, learner, lessonId), 20);
        Thread playing = new Thread(player, "player");
        playing.start();
        List<ProcessHandle> nodesBefore = nodeProcesses();
        assertEquals(2, nodesBefore.size(), nodesBefore.toString());
        Thread.sleep(6_000);

        ProcessHandle mariadb = ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().command().map(c -> c.endsWith("/mariadbd")).orElse(false))
                .filter(p -> p.info()
                        .commandLine()
                        .orElse("")
                        .contains(RunningPlatform.varDir().toString()))
                .findFirst()
                .orElseThrow();
        mariadb.destroy();
        long stoppedAt = System.nanoTime();
        mariadb.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);

        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> ready = awaitStatus(node(i), null, "/health/ready", 503);
            assertTrue(ready.body().contains("DOWN"), "node " + i + ": " + ready.body());
            HttpResponse<String> refused = awaitStatus(node(i), watcher, "/api/classes", 503);
            assertEquals(
                    "urn:imtp:problem:unavailable",
                    RunningPlatform.json(refused).getString("type"),
                    refused.body());
            assertForPeople(refused);
        }
        HttpResponse<String> throughBalancer = RunningPlatform.call(watcher, "GET", "/api/classes", null);
        assertEquals(503, throughBalancer.statusCode(), throughBalancer.body());
        assertForPeople(throughBalancer);
        assertTrue(
                throughBalancer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        HttpResponse<String> back = awaitStatus(RunningPlatform.PORT, watcher, "/api/classes", 200);
        long outageMs = Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
        System.out.println("[two-nodes] database stopped; requests answered again " + outageMs + " ms later: "
                + back.statusCode());
        assertTrue(outageMs >= 30_000, "the launcher waited " + outageMs + " ms before starting MariaDB again");

        playing.join(Duration.ofMinutes(3).toMillis());
        assertEquals(null, player.failure, player.failure);
        assertTrue(player.resent > 0, "the outage refused beats: the player kept them and sent them again");
        assertEquals(2 * player.beats, player.credited, "every second played across the outage is credited once");
        System.out.println("[two-nodes] " + player.resent + " beats sent again across the database outage, "
                + player.credited + " s credited");
        assertEquals(
                200,
                RunningPlatform.login(name, "Outage2026ok").statusCode(),
                "an account made before the outage is kept");
        assertTrue(RunningPlatform.json(
                        RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null))
                .getBoolean("intact"));
        for (int i = 1; i <= 2; i++) {
            assertEquals(
                    200,
                    RunningPlatform.callAt(node(i), null, "GET", "/health/ready", null)
                            .statusCode(),
                    "node " + i + " ready again");
        }
        assertEquals(nodesBefore, nodeProcesses(), "no node needed a restart");
    }

    /** The application nodes' processes, node 1 first. */
    private static List<ProcessHandle> nodeProcesses() {
        List<ProcessHandle> nodes = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String folder = RunningPlatform.varDir().resolve("tmp/payara-" + i).toString();
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains("-Djava.io.tmpdir=" + folder + " "))
                    .findFirst()
                    .ifPresent(nodes::add);
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
                    AttendanceIT.sleepUntil(t0, 2_000L * k + 150);
                    HttpResponse<String> r = null;
                    long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                    while (System.nanoTime() < giveUp) {
                        try {
                            r = ClassDayIT.beatAt(
                                    RunningPlatform.PORT,
                                    token,
                                    session,
                                    k,
                                    2_000L * k,
                                    true,
                                    2_000L * (k - 1),
                                    2_000L * k);
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

    private static String credentials(String user, String password) {
        return Json.createObjectBuilder()
                .add("username", user)
                .add("password", password)
                .build()
                .toString();
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
            b.add(
                    key,
                    "http://127.0.0.1:" + node(index)
                            + (url.startsWith("http") ? url.replaceFirst("^https?://[^/]+", "") : url));
        }
        return b.build();
    }

    /** A row of the transcoding queue: its state, the attempts made, the worker holding it and the last attempt's error. */
    record Job(String state, int attempts, String worker, String error) {}

    /** The asset's transcoding jobs, read from the queue's table. */
    static List<Job> jobsOf(String assetId) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms");
                PreparedStatement q = c.prepareStatement(
                        "SELECT state, attempts, COALESCE(worker, ''), COALESCE(error, '') FROM transcode_job WHERE asset_id = ?")) {
            q.setString(1, assetId);
            List<Job> jobs = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    jobs.add(new Job(r.getString(1), r.getInt(2), r.getString(3), r.getString(4)));
                }
            }
            return jobs;
        }
    }
}
