package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The foundation's conventions, checked on the running platform. */
@ExtendWith(RunningPlatform.class)
class PlatformIT {

    @Test
    void readinessCoversBothDatabasesStorageAndFfmpeg() throws Exception {
        HttpResponse<String> r = RunningPlatform.get("/health/ready");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject health = RunningPlatform.json(r);
        assertEquals("UP", health.getString("status"));
        Map<String, String> checks = health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        assertEquals(Map.of("database-lms", "UP", "database-media", "UP", "object-storage", "UP", "ffmpeg", "UP"), checks);
        assertEquals(200, RunningPlatform.get("/health/live").statusCode());
    }

    @Test
    void installationIsRecordedByTheFirstMigration() throws Exception {
        HttpResponse<String> r = RunningPlatform.get("/api/platform");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject info = RunningPlatform.json(r);
        assertEquals(36, info.getString("installationId").length());
        assertFalse(info.getString("schemaVersion").isBlank());
    }

    @Test
    void unknownAddressIsAProblemDocument() throws Exception {
        HttpResponse<String> r = RunningPlatform.get("/api/no-such-thing");
        assertEquals(404, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        JsonObject p = RunningPlatform.json(r);
        assertEquals(404, p.getInt("status"));
        assertEquals("/api/no-such-thing", p.getString("instance"));
        assertFalse(p.getString("detail").isBlank());
    }

    @Test
    void wrongMethodIsAProblemDocumentWithoutStackTrace() throws Exception {
        HttpResponse<String> r = RunningPlatform.send("DELETE", "/api/platform", null, null);
        assertEquals(405, r.statusCode());
        JsonObject p = RunningPlatform.json(r);
        assertEquals("urn:imtp:problem:method-not-allowed", p.getString("type"));
        assertFalse(r.body().contains("Exception"), r.body());
    }

    @Test
    void mediaServiceAnswersProblemsUnderItsOwnContextRoot() throws Exception {
        HttpResponse<String> r = RunningPlatform.get("/media/api/no-such-thing");
        assertEquals(404, r.statusCode());
        assertEquals("/media/api/no-such-thing", RunningPlatform.json(r).getString("instance"));
    }

    @Test
    void openApiDescribesBothApplicationsAndMetricsAreServed() throws Exception {
        HttpResponse<String> api = RunningPlatform.get("/openapi");
        assertEquals(200, api.statusCode());
        assertTrue(api.body().contains("/api/platform"), api.body());
        assertTrue(api.body().contains("/api/auth/login"), api.body());
        assertTrue(api.body().contains("/media"), api.body());
        HttpResponse<String> metrics = RunningPlatform.get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("# TYPE"), "Prometheus text expected");
    }
}
