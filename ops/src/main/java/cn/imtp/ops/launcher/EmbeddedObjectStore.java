package cn.imtp.ops.launcher;

import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * S3Proxy, a real S3-compatible server, in its own JVM with its filesystem backend under
 * {@code var/s3}. The bucket is a directory of that backend, so it exists before the first request; it and
 * everything in it are readable by their owner only, which that backend takes for private.
 * CORS is open to the platform's own origin and exposes ETag, which multipart uploads from the
 * browser need. A janitor removes the parts no upload can use any more ({@link MultipartLeftovers}).
 */
final class EmbeddedObjectStore implements AutoCloseable {

    private final ChildProcess process;
    private final java.util.concurrent.ScheduledExecutorService janitor;

    private EmbeddedObjectStore(ChildProcess process, java.util.concurrent.ScheduledExecutorService janitor) {
        this.process = process;
        this.janitor = janitor;
    }

    static EmbeddedObjectStore start(LauncherSettings s) throws IOException, InterruptedException {
        Path data = s.varDir().resolve("s3");
        Files.createDirectories(data.resolve(s.s3Bucket()));
        ownerOnly(data);
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + s.embeddedS3Port());
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", s.s3AccessKey());
        p.setProperty("s3proxy.credential", s.s3SecretKey());
        p.setProperty("s3proxy.cors-allow-origins", regexOfOrigins(s.corsOrigins()));
        p.setProperty("s3proxy.cors-allow-methods", "GET HEAD PUT POST DELETE");
        p.setProperty(
                "s3proxy.cors-allow-headers",
                "Accept Authorization Content-Type Content-Length Content-MD5 Range X-Amz-Date X-Amz-Content-Sha256 X-Amz-User-Agent");
        p.setProperty("s3proxy.cors-exposed-headers", "ETag");
        p.setProperty("jclouds.provider", "filesystem");
        p.setProperty("jclouds.filesystem.basedir", data.toString());
        Path config = s.varDir().resolve("s3proxy.properties");
        try (Writer w = Files.newBufferedWriter(config)) {
            p.store(w, "Written by the launcher at every start; edit LMS_* variables instead.");
        }
        // S3Proxy's filesystem store takes a directory or file that others may read for public (anonymous listing and
        // reads without a signature): what it writes is its owner's only (umask 077; exec keeps the process id).
        ChildProcess child = ChildProcess.start(
                "s3proxy",
                List.of(
                        "/bin/sh",
                        "-c",
                        "umask 077 && exec \"$0\" \"$@\"",
                        ChildProcess.javaExecutable(),
                        "-Xmx256m",
                        "-Dlogback.configurationFile=logback.xml",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.gaul.s3proxy.Main",
                        "--properties",
                        config.toString()),
                Map.of(),
                s.varDir().resolve("logs"));
        java.util.concurrent.ScheduledExecutorService janitor =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "embedded-store-janitor");
                    t.setDaemon(true);
                    return t;
                });
        EmbeddedObjectStore store = new EmbeddedObjectStore(child, janitor);
        store.awaitPort(s.embeddedS3Port());
        Path bucket = data.resolve(s.s3Bucket());
        janitor.scheduleWithFixedDelay(
                () -> {
                    try {
                        int n = MultipartLeftovers.sweep(bucket, java.time.Instant.now(), s.multipartLeftoverAge());
                        if (n > 0) {
                            System.out.println("[launcher] removed " + n
                                    + " multipart upload leftover(s) from the embedded store");
                        }
                    } catch (IOException | RuntimeException e) {
                        System.out.println("[launcher] sweeping multipart leftovers failed (" + e
                                + "); the next sweep tries again");
                    }
                },
                s.embeddedS3SweepSeconds(),
                s.embeddedS3SweepSeconds(),
                java.util.concurrent.TimeUnit.SECONDS);
        return store;
    }

    /** Makes the store's directories and files readable by their owner only (data written by earlier versions included). */
    static void ownerOnly(Path data) throws IOException {
        try (var all = Files.walk(data)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(
                        p,
                        java.nio.file.attribute.PosixFilePermissions.fromString(
                                Files.isDirectory(p) ? "rwx------" : "rw-------"));
            }
        }
    }

    /** S3Proxy matches origins as regular expressions. */
    static String regexOfOrigins(String origins) {
        return String.join(
                " ",
                java.util.Arrays.stream(origins.split("\\s+"))
                        .distinct()
                        .map(o -> o.replace(".", "\\."))
                        .toList());
    }

    private void awaitPort(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy exited during start-up; see " + process.log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("S3Proxy did not open port " + port + " within 60 s; see " + process.log());
    }

    @Override
    public void close() {
        janitor.shutdownNow();
        process.close();
    }
}
