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
 * second start keeps the database and the stored objects. Runs last: it restarts the shared platform.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(RunningPlatform.class)
class LauncherLifecycleIT {

    @Test
    void sigtermLeavesNothingBehindAndARestartKeepsTheData() throws Exception {
        String installationId = RunningPlatform.json(RunningPlatform.get("/api/platform")).getString("installationId");
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String edition = RunningPlatform.call(admin, "GET", "/api/catalogue", null).body();
        byte[] content = "课程资源 kept across restarts".getBytes(StandardCharsets.UTF_8);
        EmbeddedStorageIT.client(RunningPlatform.S3_SECRET_KEY).putObject(PutObjectArgs.builder()
                .bucket(RunningPlatform.BUCKET).object("it/persistence.txt")
                .stream(new ByteArrayInputStream(content), (long) content.length, null).build());

        List<ProcessHandle> tree = RunningPlatform.stop();
        assertTrue(tree.size() >= 3, "expected MariaDB, S3Proxy and Payara under ./ops/run, got " + tree.size());
        Thread.sleep(500);
        for (ProcessHandle p : tree) {
            assertTrue(!p.isAlive(), "still running after SIGTERM: " + p.info().command().orElse("?"));
        }
        for (int port : new int[] {RunningPlatform.PORT, RunningPlatform.DB_PORT, RunningPlatform.S3_PORT}) {
            assertThrows(IOException.class, () -> connect(port), "port " + port + " is still open");
        }

        RunningPlatform.start();
        System.out.println("[system-test] warm restart took " + RunningPlatform.lastStartUp().toMillis() + " ms");
        assertEquals(installationId, RunningPlatform.json(RunningPlatform.get("/api/platform")).getString("installationId"));
        String adminAgain = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        assertEquals(edition, RunningPlatform.call(adminAgain, "GET", "/api/catalogue", null).body(),
                "a restart must not import the same edition again");
        try (var in = EmbeddedStorageIT.client(RunningPlatform.S3_SECRET_KEY).getObject(GetObjectArgs.builder()
                .bucket(RunningPlatform.BUCKET).object("it/persistence.txt").build())) {
            assertEquals(new String(content, StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        }
    }
}
