package cn.imtp.ops.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform, started once per test run through the README's own {@code ./ops/run}, on
 * ports and a data folder of its own, and driven over HTTP by every system test.
 */
public final class RunningPlatform implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    /** {@code -Dlms.it.profile=bench}: the benchmarks' own platform, on other ports, with production limits. */
    static final boolean BENCH = "bench".equals(System.getProperty("lms.it.profile"));

    public static final int PORT = BENCH ? 28080 : 18080;
    public static final int DB_PORT = BENCH ? 23307 : 13307;
    public static final int S3_PORT = BENCH ? 29000 : 19000;
    public static final String S3_ACCESS_KEY = "it-access";
    public static final String S3_SECRET_KEY = "it-secret-key-0123456789";
    public static final String BUCKET = "lms-media";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "It-Admin-2026";
    public static final String DEMO_PASSWORD = "Demo@2026";
    public static final long MAX_UPLOAD_BYTES = 100_000_000L;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Process launcher;
    private static Duration lastStartUp;
    /** The application nodes of the current start ({@code LMS_NODES}): behind HAProxy on {@link #PORT} when more than one. */
    private static int nodes = 1;

    static Path home() {
        return Path.of(System.getProperty("lms.home", "..")).toAbsolutePath().normalize();
    }

    static Path varDir() {
        return home().resolve(BENCH ? "ops/target/bench-var" : "ops/target/it-var");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RunningPlatform.class) {
            if (launcher == null || !launcher.isAlive()) {
                deleteRecursively(varDir());
                start();
                context.getRoot()
                        .getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(RunningPlatform.class.getName(), this);
            }
        }
    }

    /** Starts ./ops/run and waits until the platform reports ready; keeps {@link #varDir()} as it is. */
    static synchronized Process start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /** The same with more settings ({@code LMS_*}) than the tests' own. */
    static synchronized Process start(Map<String, String> settings) throws IOException, InterruptedException {
        Files.createDirectories(varDir());
        ProcessBuilder pb = new ProcessBuilder(home().resolve("ops/run").toString())
                .directory(home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        varDir().resolve("launcher.out").toFile()));
        pb.environment()
                .putAll(Map.of(
                        "LMS_PORT",
                        Integer.toString(PORT),
                        "LMS_EMBEDDED_DB_PORT",
                        Integer.toString(DB_PORT),
                        "LMS_EMBEDDED_S3_PORT",
                        Integer.toString(S3_PORT),
                        "LMS_S3_ACCESS_KEY",
                        S3_ACCESS_KEY,
                        "LMS_S3_SECRET_KEY",
                        S3_SECRET_KEY,
                        "LMS_ADMIN_PASSWORD",
                        ADMIN_PASSWORD,
                        "LMS_VAR_DIR",
                        varDir().toString(),
                        "LMS_MEDIA_ASSET_SWEEP_SECONDS",
                        "2",
                        // The demo lesson video is made and transcoded in the background: only LauncherLifecycleIT asks
                        // for it.
                        "LMS_DEMO_VIDEO",
                        "false"));
        // Short limits so that the media fault tests run in seconds: see MediaFaultsIT.
        // The benchmarks run with production limits; the heartbeat benchmark's baseline endpoint is on.
        pb.environment()
                .putAll(
                        BENCH
                                ? Map.of("LMS_ATTENDANCE_BENCH_NOOP", "true")
                                : Map.of(
                                        "LMS_TRANSCODE_MAX_ATTEMPTS", "2",
                                        "LMS_TRANSCODE_WORKERS", "2",
                                        "LMS_UPLOAD_MAX_BYTES", Long.toString(MAX_UPLOAD_BYTES),
                                        "LMS_UPLOAD_ABANDON_AFTER_MINUTES", "1",
                                        "LMS_S3_TIMEOUT_SECONDS", "5",
                                        // The presence question after 20 s without interaction, answered within 5 s:
                                        // see LearnerPagesIT.
                                        "LMS_ATTENDANCE_IDLE_SECONDS", "20",
                                        "LMS_ATTENDANCE_PRESENCE_ANSWER_SECONDS", "5",
                                        "LMS_ASSESSMENT_SWEEP_SECONDS", "2",
                                        // The tests stand as the load balancer in front: their X-Forwarded-For plays
                                        // clients at many addresses
                                        // (no proxy is trusted by default).
                                        "LMS_AUTH_TRUSTED_PROXIES", "127.0.0.1",
                                        // The embedded store's janitor looks for multipart leftovers every 2 s: see
                                        // EmbeddedStorageIT.
                                        "LMS_EMBEDDED_S3_SWEEP_SECONDS", "2"));
        if (!BENCH) {
            // Sources up to 10 s take the short lane, so that the test sources of 20 s and more are long: see
            // MediaFaultsIT.
            pb.environment().put("LMS_TRANSCODE_SHORT_LANE_SECONDS", "10");
            // Presence checks every 10–30 s on a repeatable schedule, swept every 2 s: see PresenceIT.
            pb.environment().put("LMS_PRESENCE_INTERVAL_SECONDS", "20");
            pb.environment().put("LMS_PRESENCE_SCHEDULE_SEED", "29");
            pb.environment().put("LMS_PRESENCE_SWEEP_SECONDS", "2");
            // A job whose node died is taken over 15 s after its last renewal (every 0.5 s): see TwoNodesIT.
            pb.environment().put("LMS_TRANSCODE_LEASE_SECONDS", "15");
            // The launcher starts a stopped MariaDB again after 30 s: the database outage of TwoNodesIT.
            pb.environment().put("LMS_EMBEDDED_DB_RESTART_SECONDS", "30");
        }
        pb.environment().putAll(settings);
        nodes = Integer.parseInt(
                settings.getOrDefault("LMS_NODES", System.getenv().getOrDefault("LMS_NODES", "1")));
        long t0 = System.nanoTime();
        launcher = pb.start();
        Process started = launcher;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        try {
            awaitReady(launcher, Duration.ofMinutes(4));
        } catch (IOException | RuntimeException e) {
            // Never leave a half-started platform behind to block the ports of the next run.
            stop();
            throw e;
        }
        lastStartUp = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println("[system-test] platform ready in " + lastStartUp.toMillis() + " ms");
        return launcher;
    }

    static Process launcher() {
        return launcher;
    }

    /**
     * Makes sure the platform runs on {@code n} application nodes, restarting it (data kept) when it runs on another
     * number; the demo lesson video is made on such a start.
     */
    static synchronized void ensureNodes(int n) throws IOException, InterruptedException {
        if (launcher != null && launcher.isAlive() && nodes == n) {
            return;
        }
        stop();
        startOnNodes(n);
    }

    /**
     * Starts the stopped platform on {@code n} application nodes (data kept) with the settings TwoNodesIT relies on,
     * whoever starts it (LauncherLifecycleIT in the whole suite, {@link #ensureNodes} when TwoNodesIT runs alone).
     */
    static synchronized void startOnNodes(int n) throws IOException, InterruptedException {
        // A hung ffmpeg is killed after 30 s without progress: see TwoNodesIT. (On the one-node start the 120-s default
        // stands: MediaFaultsIT holds jobs with SIGSTOP for a while there and needs them held.)
        start(Map.of("LMS_NODES", Integer.toString(n), "LMS_DEMO_VIDEO", "true", "LMS_TRANSCODE_STALL_SECONDS", "30"));
    }

    static int nodes() {
        return nodes;
    }

    /** The port of application node {@code index} (1-based), which a test may call past the load balancer. */
    static int nodePort(int index) {
        return nodes > 1 ? PORT + index : PORT;
    }

    /** The lines of launcher.out holding any of {@code words}, joined (for a failing test's message). */
    static String launcherLines(String... words) throws IOException {
        Path out = varDir().resolve("launcher.out");
        if (!Files.exists(out)) {
            return "(no launcher.out)";
        }
        // Read leniently: the platform's log may hold bytes that are not UTF-8.
        return String.join(
                " | ",
                new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .filter(l -> Stream.of(words).anyMatch(l::contains))
                        .toList());
    }

    static Duration lastStartUp() {
        return lastStartUp;
    }

    private static void awaitReady(Process p, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException(
                        "./ops/run exited with " + p.exitValue() + "; see " + varDir().resolve("launcher.out"));
            }
            try {
                HttpResponse<String> r = get("/health/ready");
                last = r.body();
                if (r.statusCode() == 200
                        && Stream.of("database-lms", "database-media", "object-storage", "ffmpeg")
                                .allMatch(c -> r.body().contains("\"" + c + "\""))) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(1000);
        }
        throw new IOException("platform not ready within " + timeout + ": " + last);
    }

    public static URI uri(String path) {
        return uri(PORT, path);
    }

    public static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request as the holder of {@code token} (none when null), with extra header pairs (a Content-Type among them replaces JSON). */
    public static HttpResponse<String> call(
            String token, String method, String path, String jsonBody, String... headers)
            throws IOException, InterruptedException {
        return callAt(PORT, token, method, path, jsonBody, headers);
    }

    /** The same sent to {@code port}: the load balancer's or one node's ({@link #nodePort}). */
    public static HttpResponse<String> callAt(
            int port, String token, String method, String path, String jsonBody, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(port, path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A file's bytes PUT as the body, with the bearer token. */
    public static HttpResponse<String> putBytes(String token, String path, byte[] body, String contentType)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> login(String username, String password, String... headers)
            throws IOException, InterruptedException {
        return call(
                null,
                "POST",
                "/api/auth/login",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .build()
                        .toString(),
                headers);
    }

    /** The token of a successful sign-in; fails the test otherwise. */
    public static String token(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = login(username, password);
        if (r.statusCode() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + r.statusCode() + " " + r.body());
        }
        return json(r).getString("token");
    }

    public static JsonObject json(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    /** Stops ./ops/run with SIGTERM, as Ctrl-C or a service manager would, and returns what was running under it. */
    static List<ProcessHandle> stop() throws InterruptedException {
        if (launcher == null) {
            return List.of();
        }
        List<ProcessHandle> tree = launcher.descendants().toList();
        launcher.destroy();
        launcher.waitFor();
        return tree;
    }

    @Override
    public void close() throws Throwable {
        stop();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
