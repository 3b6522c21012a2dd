package cn.imtp.ops.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/** {@code ./ops/run}: starts the whole platform on embedded defaults and supervises it until stopped. */
public final class Launcher {

    private final Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
    private final List<PayaraServer> nodes = new ArrayList<>();
    private volatile boolean stopping;

    public static void main(String[] args) throws Exception {
        Path home =
                Path.of(System.getProperty("lms.home", ".")).toAbsolutePath().normalize();
        LauncherSettings settings = LauncherSettings.from(System.getenv(), home);
        new Launcher().run(settings);
    }

    void run(LauncherSettings s) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "launcher-shutdown"));
        long started = System.nanoTime();
        Files.createDirectories(s.varDir());
        try {
            Map<String, String> appEnv = new HashMap<>();
            if (s.externalDbUrl().isEmpty()) {
                log("starting embedded MariaDB on port " + s.embeddedDbPort() + " (data in "
                        + s.varDir().resolve("mariadb") + ")");
                running.push(EmbeddedDatabase.start(s));
            } else {
                log("using external database " + s.dbUrl());
            }
            if (s.externalS3Endpoint().isEmpty()) {
                log("starting S3Proxy on port " + s.embeddedS3Port() + " (data in "
                        + s.varDir().resolve("s3") + ")");
                running.push(EmbeddedObjectStore.start(s));
            } else {
                log("using external object storage " + s.s3Endpoint());
            }
            FfmpegBinaries ffmpeg = FfmpegBinaries.resolve(s);
            log("ffmpeg: " + ffmpeg.ffmpeg());
            LocalSecrets secrets = LocalSecrets.ensure(s);
            appEnv.put("LMS_JWT_PRIVATE_KEY", secrets.privateKey().toString());
            appEnv.put("LMS_JWT_PUBLIC_KEY", secrets.publicKey().toString());
            appEnv.put("LMS_ATTENDANCE_CHAIN_KEY", secrets.chainKey().toString());
            appEnv.put("LMS_FACES_KEY_FILE", secrets.faceKey().toString());
            appEnv.put("LMS_ADMIN_USER", s.adminUser());
            appEnv.put("LMS_ADMIN_PASSWORD", secrets.adminPassword());
            appEnv.put("LMS_DEMO_DATA", Boolean.toString(s.demoData()));
            appEnv.put(
                    "LMS_PUBLIC_URL",
                    s.publicUrl()); // printed on certificates for their verification, never taken from a request's Host
            appEnv.put("LMS_DB_URL", s.dbUrl());
            appEnv.put("LMS_DB_USER", s.dbUser());
            appEnv.put("LMS_DB_PASSWORD", s.dbPassword());
            appEnv.put("LMS_S3_ENDPOINT", s.s3Endpoint());
            appEnv.put("LMS_S3_PUBLIC_ENDPOINT", s.s3PublicEndpoint().orElse(s.s3Endpoint()));
            appEnv.put("LMS_S3_ACCESS_KEY", s.s3AccessKey());
            appEnv.put("LMS_S3_SECRET_KEY", s.s3SecretKey());
            appEnv.put("LMS_S3_BUCKET", s.s3Bucket());
            appEnv.put("LMS_FFMPEG", ffmpeg.ffmpeg());
            appEnv.put("LMS_FFPROBE", ffmpeg.ffprobe());
            s.nodesTrustedProxies().ifPresent(p -> appEnv.put("LMS_AUTH_TRUSTED_PROXIES", p));
            if (!ffmpeg.libraryPath().isEmpty()) {
                String inherited = System.getenv().getOrDefault("LD_LIBRARY_PATH", "");
                appEnv.put(
                        "LD_LIBRARY_PATH",
                        inherited.isEmpty() ? ffmpeg.libraryPath() : ffmpeg.libraryPath() + ":" + inherited);
            }
            for (int i = 1; i <= s.nodes(); i++) {
                nodes.add(startNode(s, i, appEnv));
            }
            if (s.loadBalanced()) {
                log("starting HAProxy on port " + s.port() + " in front of " + s.nodes() + " nodes (log in "
                        + s.varDir().resolve("logs/haproxy.log") + ")");
                LoadBalancer balancer = LoadBalancer.start(s);
                running.push(balancer);
                balancer.awaitReady(Duration.ofSeconds(30));
            }
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            System.out.println();
            System.out.println("READY in " + seconds + " s: " + s.publicUrl() + "/");
            System.out.println("  health:  " + s.publicUrl() + "/health/ready");
            System.out.println("  API:     " + s.publicUrl() + "/api/platform  and  " + s.publicUrl() + "/media/api");
            System.out.println("  OpenAPI: " + s.publicUrl() + "/openapi");
            if (s.loadBalanced()) {
                System.out.println("  nodes:   "
                        + nodes.stream()
                                .map(n -> "http://127.0.0.1:" + n.port())
                                .collect(java.util.stream.Collectors.joining("  "))
                        + "  (behind HAProxy, round robin)");
            }
            System.out.println("Logins:");
            System.out.println("  administrator: " + s.adminUser() + " / " + secrets.adminPassword()
                    + (secrets.adminPasswordGenerated()
                            ? "  (generated; kept in " + s.varDir().resolve("keys/admin-password") + ")"
                            : ""));
            if (s.demoData()) {
                System.out.println("  demo teachers: teacher01, teacher02        password Demo@2026");
                System.out.println("  demo learners: learner01 ... learner30     password Demo@2026");
                System.out.println("  with face checks: learner31 ... learner36  password Demo@2026");
            }
            System.out.println("Press Ctrl-C to stop; data stays in " + s.varDir());
            System.out.flush();
            if (s.demoData()) {
                Thread packs = new Thread(new DemoResourcePacks(s), "demo-resource-packs");
                packs.setDaemon(true);
                packs.start();
            }
            if (s.demoData() && s.demoVideo()) {
                Thread seeder = new Thread(new DemoLessonVideo(s, ffmpeg), "demo-lesson-video");
                seeder.setDaemon(true);
                seeder.start();
            }
            supervise(s, appEnv);
        } catch (Exception | LinkageError e) {
            System.err.println("[launcher] start-up failed: " + e);
            System.exit(1);
        }
    }

    /**
     * Starts application node {@code index} and waits until it is ready. Each node reaches media-service on itself and
     * transcodes in a work folder of its own.
     */
    private PayaraServer startNode(LauncherSettings s, int index, Map<String, String> appEnv) throws Exception {
        Map<String, String> env = new HashMap<>(appEnv);
        env.put("LMS_MEDIA_INTERNAL_URL", "http://127.0.0.1:" + s.nodePort(index) + "/media");
        if (System.getenv("LMS_TRANSCODE_WORK_DIR") == null) {
            env.put(
                    "LMS_TRANSCODE_WORK_DIR",
                    s.varDir()
                            .resolve("transcode")
                            .resolve(s.loadBalanced() ? "node-" + index : "")
                            .toString());
        }
        String name = PayaraServer.name(s, index);
        log("starting Payara Micro" + (s.loadBalanced() ? " node " + index : "") + " on port " + s.nodePort(index)
                + " (log in " + s.varDir().resolve("logs/" + name + ".log") + ")");
        PayaraServer node;
        synchronized (running) {
            if (stopping) {
                throw new InterruptedException("stopping");
            }
            node = PayaraServer.start(s, index, env);
            running.push(node);
        }
        node.awaitReady(Duration.ofSeconds(s.readyTimeoutSeconds()));
        return node;
    }

    /**
     * Waits while the platform runs. One node: its unexpected exit ends the launcher with an error, for the service
     * manager to see. Several: the load balancer keeps serving from the others while a node that died is started again.
     */
    private void supervise(LauncherSettings s, Map<String, String> appEnv) throws Exception {
        if (!s.loadBalanced()) {
            int exit = nodes.get(0).process().process().waitFor();
            if (!stopping) {
                log("Payara Micro exited unexpectedly with code " + exit + "; see "
                        + nodes.get(0).process().log());
                System.exit(1);
            }
            return;
        }
        while (!stopping) {
            for (int i = 0; i < nodes.size() && !stopping; i++) {
                PayaraServer node = nodes.get(i);
                if (!node.process().isAlive()) {
                    log("node " + node.index() + " exited unexpectedly with code "
                            + node.process().process().exitValue()
                            + "; the other nodes serve meanwhile; starting it again (see "
                            + node.process().log() + ")");
                    running.remove(node);
                    try {
                        // Not before the load balancer has taken it out: see LoadBalancer.TAKES_A_DEAD_NODE_OUT.
                        Thread.sleep(LoadBalancer.TAKES_A_DEAD_NODE_OUT.toMillis());
                        nodes.set(i, startNode(s, node.index(), appEnv));
                        log("node " + node.index() + " is ready again");
                    } catch (InterruptedException whileStopping) {
                        return;
                    } catch (Exception e) {
                        log("node " + node.index() + " did not start again: " + e.getMessage() + "; trying again");
                    }
                }
            }
            Thread.sleep(1000);
        }
    }

    /** Stops in reverse order of start: the application before the storage and the database it writes to. */
    private void stopAll() {
        synchronized (running) {
            stopping = true;
        }
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("[launcher] while stopping: " + e);
            }
        }
        log("stopped");
    }

    private static void log(String message) {
        System.out.println("[launcher] " + message);
        System.out.flush();
    }
}
