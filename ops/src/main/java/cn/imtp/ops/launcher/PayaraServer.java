package cn.imtp.ops.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One application node: Payara Micro in its own JVM with lms-web at {@code /} and media-service at {@code /media}.
 * With several nodes each has its own port, log ({@code var/logs/payara-N.log}) and runtime folder.
 */
final class PayaraServer implements AutoCloseable {

    /** The readiness checks that must all be present and UP before the platform counts as started. */
    static final List<String> REQUIRED_CHECKS = List.of("database-lms", "database-media", "object-storage", "ffmpeg");

    private final ChildProcess process;
    private final int index;
    private final int port;

    private PayaraServer(ChildProcess process, int index, int port) {
        this.process = process;
        this.index = index;
        this.port = port;
    }

    /** The name of node {@code index} (1-based) in logs and folders: {@code payara}, or {@code payara-N} among several. */
    static String name(LauncherSettings s, int index) {
        return s.loadBalanced() ? "payara-" + index : "payara";
    }

    static PayaraServer start(LauncherSettings s, int index, Map<String, String> appEnv) throws IOException {
        Path app = s.home().resolve("ops/target/app");
        for (String file : List.of("payara-micro.jar", "lms-web.war", "media-service.war")) {
            if (!Files.isRegularFile(app.resolve(file))) {
                throw new IOException(app.resolve(file) + " is missing: build with 'mvn -DskipTests package' first.");
            }
        }
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(Arrays.asList(s.payaraJavaOptions().trim().split("\\s+")));
        // Payara Micro unpacks its runtime (jars it keeps loading while it runs) into java.io.tmpdir and leaves part of
        // it behind on every stop. Under the var directory it is this instance's alone, and what a stop left is removed
        // at the next start instead of piling up in /tmp.
        Path runtime = runtimeDirectory(s.varDir().resolve("tmp").resolve(name(s, index)));
        command.add("-Djava.io.tmpdir=" + runtime);
        // media-service's OpenCV unpacks its native libraries once, here, instead of into ~/.javacpp/cache.
        command.add("-Dorg.bytedeco.javacpp.cachedir=" + s.varDir().resolve("javacpp"));
        command.addAll(List.of(
                "-jar",
                app.resolve("payara-micro.jar").toString(),
                "--port",
                Integer.toString(s.nodePort(index)),
                "--deploy",
                app.resolve("lms-web.war") + ":/",
                "--deploy",
                app.resolve("media-service.war") + ":/media"));
        if (!s.cluster()) {
            command.add("--nocluster");
        }
        command.addAll(List.of("--prebootcommandfile", prebootCommands(s).toString()));
        return new PayaraServer(
                ChildProcess.start(name(s, index), command, appEnv, s.varDir().resolve("logs")),
                index,
                s.nodePort(index));
    }

    /**
     * Commands Payara runs before it boots: its HTTP listener names no server product or version in its answers
     * (no {@code Server} or {@code X-Powered-By} header), and its own {@code /metrics} endpoint is secured. Payara gives
     * it the security of the application at the root context, lms-web, which admits bearer tokens only through its own
     * filter, so {@code /metrics} answers 403 to everyone: the platform's metrics are not public.
     */
    private static Path prebootCommands(LauncherSettings s) throws IOException {
        Path file = s.varDir().resolve("payara-preboot.asadmin");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false",
                        "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false",
                        "set configs.config.server-config.microprofile-metrics-configuration.security-enabled=true",
                        ""));
        return file;
    }

    /** {@code var/tmp/payara[-N]}, emptied first: what is in it was left by this node's previous instance. */
    private static Path runtimeDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> left = Files.walk(dir)) {
                for (Path p : left.sorted(Comparator.reverseOrder())
                        .filter(p -> !p.equals(dir))
                        .toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** Waits until /health/ready answers UP with every required check; fails early if Payara dies. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        process.awaitReady(
                port,
                body -> REQUIRED_CHECKS.stream().allMatch(c -> body.contains("\"" + c + "\"")),
                timeout,
                "Payara Micro");
    }

    ChildProcess process() {
        return process;
    }

    int index() {
        return index;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.close();
    }
}
