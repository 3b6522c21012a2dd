package cn.imtp.ops.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's settings, read from environment variables. The settings that the WARs read too
 * (LMS_DB_*, LMS_S3_*, LMS_FFMPEG, LMS_FFPROBE) are passed on to Payara Micro as environment
 * variables, so each WAR's MicroProfile Config sees exactly what the launcher started.
 */
public record LauncherSettings(
        Path home,
        Path varDir,
        int port,
        Optional<String> externalDbUrl,
        int embeddedDbPort,
        String embeddedDbBufferPool,
        int embeddedDbRestartSeconds,
        String dbUser,
        String dbPassword,
        Optional<String> externalS3Endpoint,
        int embeddedS3Port,
        int embeddedS3SweepSeconds,
        java.time.Duration multipartLeftoverAge,
        Optional<String> s3PublicEndpoint,
        String s3AccessKey,
        String s3SecretKey,
        String s3Bucket,
        Optional<String> ffmpeg,
        Optional<String> ffprobe,
        String publicUrl,
        String payaraJavaOptions,
        boolean cluster,
        int readyTimeoutSeconds,
        Optional<String> jwtPrivateKey,
        Optional<String> jwtPublicKey,
        Optional<String> chainKey,
        Optional<String> faceKey,
        String adminUser,
        Optional<String> adminPassword,
        boolean demoData,
        boolean demoVideo,
        int nodes,
        Optional<String> haproxy,
        Optional<String> trustedProxies) {

    /** The most application nodes one launcher starts on one machine. */
    public static final int MAX_NODES = 8;
    /**
     * The address the load balancer connects to the nodes from: a loopback address of its own, so that the nodes trust
     * X-Forwarded-For from it and from nothing else on this machine.
     */
    public static final String LOAD_BALANCER_SOURCE = "127.0.0.2";

    public static LauncherSettings from(Map<String, String> env, Path home) {
        int port = intOf(env, "LMS_PORT", 8080);
        Path varDir = Optional.ofNullable(blankToNull(env.get("LMS_VAR_DIR")))
                .map(Path::of)
                .orElse(home.resolve("var"))
                .toAbsolutePath();
        return new LauncherSettings(
                home,
                varDir,
                port,
                optional(env, "LMS_DB_URL"),
                intOf(env, "LMS_EMBEDDED_DB_PORT", 3307),
                env.getOrDefault("LMS_EMBEDDED_DB_BUFFER_POOL", "512M"),
                intOf(env, "LMS_EMBEDDED_DB_RESTART_SECONDS", 5),
                env.getOrDefault("LMS_DB_USER", "lms"),
                env.getOrDefault("LMS_DB_PASSWORD", "lms"),
                optional(env, "LMS_S3_ENDPOINT"),
                intOf(env, "LMS_EMBEDDED_S3_PORT", 9000),
                intOf(env, "LMS_EMBEDDED_S3_SWEEP_SECONDS", 600),
                java.time.Duration.ofMinutes((long) intOf(env, "LMS_UPLOAD_ABANDON_AFTER_MINUTES", 1440)
                        + intOf(env, "LMS_UPLOAD_PART_URL_MINUTES", 60)),
                optional(env, "LMS_S3_PUBLIC_ENDPOINT"),
                env.getOrDefault("LMS_S3_ACCESS_KEY", "lms-access"),
                env.getOrDefault("LMS_S3_SECRET_KEY", "lms-secret-key-change-me"),
                env.getOrDefault("LMS_S3_BUCKET", "lms-media"),
                optional(env, "LMS_FFMPEG"),
                optional(env, "LMS_FFPROBE"),
                optional(env, "LMS_PUBLIC_URL").orElse("http://localhost:" + port),
                env.getOrDefault("LMS_PAYARA_JAVA_OPTS", "-Xms256m -Xmx1g"),
                Boolean.parseBoolean(env.getOrDefault("LMS_CLUSTER", "false")),
                intOf(env, "LMS_READY_TIMEOUT_SECONDS", 300),
                optional(env, "LMS_JWT_PRIVATE_KEY"),
                optional(env, "LMS_JWT_PUBLIC_KEY"),
                optional(env, "LMS_ATTENDANCE_CHAIN_KEY"),
                optional(env, "LMS_FACES_KEY_FILE"),
                env.getOrDefault("LMS_ADMIN_USER", "admin"),
                optional(env, "LMS_ADMIN_PASSWORD"),
                Boolean.parseBoolean(env.getOrDefault("LMS_DEMO_DATA", "true")),
                Boolean.parseBoolean(env.getOrDefault("LMS_DEMO_VIDEO", "true")),
                nodesOf(env),
                optional(env, "LMS_HAPROXY"),
                optional(env, "LMS_AUTH_TRUSTED_PROXIES"));
    }

    /** Several nodes: a load balancer on {@link #port()} and the nodes on the ports after it. */
    public boolean loadBalanced() {
        return nodes > 1;
    }

    /** The HTTP port of application node {@code index} (1-based): the platform's port itself when there is one node. */
    public int nodePort(int index) {
        return loadBalanced() ? port + index : port;
    }

    /**
     * The proxies whose X-Forwarded-For the nodes believe: with several nodes the load balancer first, then any named
     * in {@code LMS_AUTH_TRUSTED_PROXIES}; with one node only those.
     */
    public Optional<String> nodesTrustedProxies() {
        if (!loadBalanced()) {
            return trustedProxies;
        }
        return Optional.of(
                LOAD_BALANCER_SOURCE + trustedProxies.map(p -> "," + p).orElse(""));
    }

    private static int nodesOf(Map<String, String> env) {
        int n = intOf(env, "LMS_NODES", 1);
        if (n < 1 || n > MAX_NODES) {
            throw new IllegalArgumentException("LMS_NODES must be between 1 and " + MAX_NODES + ", but is " + n + ".");
        }
        return n;
    }

    /** The database URL the WARs use: the external one, or the embedded server's. */
    public String dbUrl() {
        return externalDbUrl.orElse("jdbc:mariadb://127.0.0.1:" + embeddedDbPort + "/lms");
    }

    /** The S3 endpoint the servers use: the external one, or the embedded store's. */
    public String s3Endpoint() {
        return externalS3Endpoint.orElse("http://127.0.0.1:" + embeddedS3Port);
    }

    /** Origins a browser may upload from straight to the store: the public URL and its loopback twins. */
    public String corsOrigins() {
        return publicUrl + " http://localhost:" + port + " http://127.0.0.1:" + port;
    }

    private static Optional<String> optional(Map<String, String> env, String key) {
        return Optional.ofNullable(blankToNull(env.get(key)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int intOf(Map<String, String> env, String key, int fallback) {
        String v = blankToNull(env.get(key));
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, but is '" + v + "'.", e);
        }
    }
}
