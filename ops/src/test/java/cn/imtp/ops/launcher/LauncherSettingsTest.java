package cn.imtp.ops.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

    private final Path home = Path.of("/srv/lms");

    @Test
    void defaultsStartEverythingEmbeddedUnderVar() {
        LauncherSettings s = LauncherSettings.from(Map.of(), home);
        assertEquals(8080, s.port());
        assertEquals(Path.of("/srv/lms/var"), s.varDir());
        assertTrue(s.externalDbUrl().isEmpty());
        assertEquals("jdbc:mariadb://127.0.0.1:3307/lms", s.dbUrl());
        assertEquals("http://127.0.0.1:9000", s.s3Endpoint());
        assertEquals("http://localhost:8080", s.publicUrl());
    }

    @Test
    void externalPartsReplaceTheEmbeddedOnes() {
        LauncherSettings s = LauncherSettings.from(
                Map.of(
                        "LMS_DB_URL", "jdbc:mariadb://db1:3306/lms",
                        "LMS_S3_ENDPOINT", "https://minio.internal:9000",
                        "LMS_PORT", "9090"),
                home);
        assertEquals("jdbc:mariadb://db1:3306/lms", s.dbUrl());
        assertEquals("https://minio.internal:9000", s.s3Endpoint());
        assertEquals("http://localhost:9090", s.publicUrl());
    }

    @Test
    void aBadNumberNamesTheVariable() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> LauncherSettings.from(Map.of("LMS_PORT", "80a"), home));
        assertTrue(e.getMessage().contains("LMS_PORT"), e.getMessage());
    }

    @Test
    void corsOriginsAreEscapedRegularExpressions() {
        LauncherSettings s = LauncherSettings.from(Map.of("LMS_PUBLIC_URL", "https://lms.example.cn"), home);
        String regex = EmbeddedObjectStore.regexOfOrigins(s.corsOrigins());
        assertTrue(regex.contains("https://lms\\.example\\.cn"), regex);
        assertTrue(regex.contains("http://127\\.0\\.0\\.1:8080"), regex);
    }

    @Test
    void oneNodeByDefaultListensOnThePlatformsPortAndTrustsNoProxy() {
        LauncherSettings s = LauncherSettings.from(Map.of(), home);
        assertEquals(1, s.nodes());
        assertEquals(8080, s.nodePort(1));
        assertTrue(s.nodesTrustedProxies().isEmpty());
        assertEquals("payara", PayaraServer.name(s, 1));
    }

    @Test
    void severalNodesSitBehindTheLoadBalancerWhichIsTheOneTrustedProxy() {
        LauncherSettings s = LauncherSettings.from(Map.of("LMS_NODES", "3", "LMS_PORT", "9090"), home);
        assertEquals(9091, s.nodePort(1));
        assertEquals(9093, s.nodePort(3));
        assertEquals(
                LauncherSettings.LOAD_BALANCER_SOURCE, s.nodesTrustedProxies().orElseThrow());
        assertEquals("payara-2", PayaraServer.name(s, 2));
        String config = LoadBalancer.config(s, Path.of("/srv/lms/var/haproxy"));
        assertTrue(config.contains("bind :9090"), config);
        assertTrue(config.contains("server node3 127.0.0.1:9093 check"), config);
        assertTrue(
                config.contains("balance roundrobin") && !config.contains("cookie"), "no sticky sessions: " + config);
        // Each node's own readiness (both WARs, database), not /health/ready with the storage every node shares.
        assertTrue(
                config.contains("http-check send meth GET uri /api/node")
                        && config.contains("http-check send meth GET uri /media/api/node")
                        && !config.contains("/health/ready"),
                config);
        assertTrue(
                config.contains("if { path /api/node /media/api/node }"),
                "the node checks are not for clients: " + config);
        assertTrue(config.contains("source " + LauncherSettings.LOAD_BALANCER_SOURCE), config);
        LauncherSettings more =
                LauncherSettings.from(Map.of("LMS_NODES", "2", "LMS_AUTH_TRUSTED_PROXIES", "10.0.0.5"), home);
        assertEquals(
                LauncherSettings.LOAD_BALANCER_SOURCE + ",10.0.0.5",
                more.nodesTrustedProxies().orElseThrow());
    }

    @Test
    void aNodeCountOutOfRangeIsRefusedWithTheLimits() {
        for (String n : new String[] {"0", "9", "-1"}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> LauncherSettings.from(Map.of("LMS_NODES", n), home));
            assertTrue(e.getMessage().contains("LMS_NODES") && e.getMessage().contains("8"), e.getMessage());
        }
    }
}
