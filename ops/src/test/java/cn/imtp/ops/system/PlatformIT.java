package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
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
        Map<String, String> checks = health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
        assertEquals(
                Map.of("database-lms", "UP", "database-media", "UP", "object-storage", "UP", "ffmpeg", "UP"), checks);
        // Anyone may ask; nobody learns a server, a version or an address from it.
        for (String path : List.of("/health", "/health/ready")) {
            String body = RunningPlatform.get(path).body();
            assertFalse(
                    body.contains("MariaDB")
                            || body.contains("ffmpeg version")
                            || body.contains("127.0.0.1")
                            || body.contains("http"),
                    body);
        }
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
        assertEquals(
                "application/problem+json",
                r.headers().firstValue("Content-Type").orElse(""));
        JsonObject p = RunningPlatform.json(r);
        assertEquals(404, p.getInt("status"));
        assertEquals("/api/no-such-thing", p.getString("instance"));
        assertFalse(p.getString("detail").isBlank());
    }

    /** Problems for people in the reader's language: Chinese unless Accept-Language prefers English, and one language at a time. */
    @Test
    void problemsAnswerInTheReadersLanguage() throws Exception {
        for (String path : List.of("/api/no-such-thing", "/nope")) {
            HttpResponse<String> zh = RunningPlatform.get(path);
            assertEquals("该地址不存在，请检查路径。", RunningPlatform.json(zh).getString("detail"), path);
            assertEquals("zh-CN", zh.headers().firstValue("Content-Language").orElse(""), path);
            HttpResponse<String> en = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(RunningPlatform.uri(path))
                                    .header("Accept-Language", "en-US,en;q=0.9,zh;q=0.5")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(
                    "There is nothing at this address; check the path.",
                    RunningPlatform.json(en).getString("detail"),
                    path);
            // A header nobody can read is answered like none at all, never with an error page of its own.
            for (String broken : List.of(";", ",;q=x;;", "x-klingon;q=nope, ;")) {
                HttpResponse<String> odd = java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(RunningPlatform.uri(path))
                                        .header("Accept-Language", broken)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertEquals(404, odd.statusCode(), path + " " + broken);
                assertEquals("该地址不存在，请检查路径。", RunningPlatform.json(odd).getString("detail"), path + " " + broken);
            }
        }
        // A wrong password, as the sign-in page shows it: Chinese only, no English sentence beside it.
        HttpResponse<String> wrong = RunningPlatform.login("nobody-reads-english", "not-the-password");
        assertEquals(401, wrong.statusCode());
        String detail = RunningPlatform.json(wrong).getString("detail");
        assertEquals("用户名或密码错误。", detail);
        HttpResponse<String> english =
                RunningPlatform.login("nobody-reads-english", "not-the-password", "Accept-Language", "en");
        assertEquals(
                "The username or password is wrong.",
                RunningPlatform.json(english).getString("detail"));
    }

    @Test
    void everyPageHasItsIcon() throws Exception {
        HttpResponse<byte[]> icon = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(RunningPlatform.uri("/favicon.ico"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, icon.statusCode());
        assertTrue(
                icon.body().length > 22
                        && icon.body()[0] == 0
                        && icon.body()[1] == 0
                        && icon.body()[2] == 1
                        && icon.body()[3] == 0,
                "an ICO file: " + icon.body().length + " bytes");
    }

    @Test
    void addressesOutsideTheApiAreProblemDocumentsToo() throws Exception {
        for (String path : List.of("/nope", "/media/nope", "/app/no-such-module.js", "/media/no/such/thing.m3u8")) {
            HttpResponse<String> r = RunningPlatform.get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
            JsonObject p = RunningPlatform.json(r);
            assertEquals(404, p.getInt("status"));
            assertEquals(path, p.getString("instance"));
            assertFalse(r.body().contains("Payara") || r.body().contains("<html"), r.body());
        }
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
    void everyAnswerForbidsSniffingFramingAndForeignScripts() throws Exception {
        HttpResponse<String> page = RunningPlatform.get("/");
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(
                policy.contains("script-src 'self'")
                        && policy.contains("frame-ancestors 'none'")
                        && policy.contains("object-src 'none'"),
                policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        for (String path :
                List.of("/", "/app/signin.js", "/api/platform", "/api/no-such-thing", "/media/api/no-such-thing")) {
            HttpResponse<String> r = RunningPlatform.get(path);
            assertEquals(
                    "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
            assertTrue(
                    r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
                    path);
        }
        assertTrue(RunningPlatform.get("/api/platform")
                .headers()
                .firstValue("Content-Security-Policy")
                .orElse("")
                .contains("default-src 'none'"));
        for (String path : List.of("/", "/api/platform", "/health/ready", "/media/api/no-such-thing")) {
            HttpResponse<String> r = RunningPlatform.get(path);
            assertTrue(
                    r.headers().firstValue("Server").isEmpty()
                            && r.headers().firstValue("X-Powered-By").isEmpty(),
                    path + " names its server: " + r.headers().map());
        }
        // Nothing personal is kept by a cache: the sign-in answer, and API answers unless they say otherwise.
        HttpResponse<String> signIn = RunningPlatform.login("learner06", RunningPlatform.DEMO_PASSWORD);
        assertEquals(200, signIn.statusCode());
        assertEquals("no-store", signIn.headers().firstValue("Cache-Control").orElse(""));
        String token = RunningPlatform.json(signIn).getString("token");
        assertEquals(
                "no-store",
                RunningPlatform.call(token, "GET", "/api/me", null)
                        .headers()
                        .firstValue("Cache-Control")
                        .orElse(""));
    }

    @Test
    void mediaServiceAnswersProblemsUnderItsOwnContextRoot() throws Exception {
        HttpResponse<String> r = RunningPlatform.get("/media/api/no-such-thing");
        assertEquals(404, r.statusCode());
        assertEquals("/media/api/no-such-thing", RunningPlatform.json(r).getString("instance"));
    }

    @Test
    void openApiDescribesBothApplicationsEachPathUnderItsOwnRoot() throws Exception {
        HttpResponse<String> api = RunningPlatform.call(null, "GET", "/openapi", null, "Accept", "application/json");
        assertEquals(200, api.statusCode());
        jakarta.json.JsonObject paths = RunningPlatform.json(api).getJsonObject("paths");
        assertEquals(
                "/",
                paths.getJsonObject("/api/auth/login")
                        .getJsonArray("servers")
                        .getJsonObject(0)
                        .getString("url"));
        assertEquals(
                "/media",
                paths.getJsonObject("/api/play/{assetId}/master.m3u8")
                        .getJsonArray("servers")
                        .getJsonObject(0)
                        .getString("url"));
        // Called as listed: the media path under its server answers media-service's own refusal, not a 404.
        HttpResponse<String> media =
                RunningPlatform.get("/media/api/play/00000000-0000-0000-0000-000000000000/master.m3u8");
        assertEquals(401, media.statusCode(), media.body());
    }

    @Test
    void metricsAreNotPublic() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        for (String token : java.util.Arrays.asList(null, admin)) {
            HttpResponse<String> metrics = RunningPlatform.call(token, "GET", "/metrics", null);
            assertEquals(403, metrics.statusCode(), "no metrics for anyone: " + metrics.body());
            assertFalse(metrics.body().contains("# TYPE"), metrics.body());
        }
    }
}
