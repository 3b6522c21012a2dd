package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every JSON body field and query parameter of the OpenAPI document, sent wrong: the wrong type, numbers too large
 * for any column or beyond a long, negative and fractional numbers, a string of 100,000 characters, control and
 * astral characters, null. Each answer must be an error the caller can act on: never a 5xx, always a problem
 * document, never a Java class, a stack trace or SQL, and a 400 or 422 names the fields it is about (the wrong one, or
 * those the body lacks when the wrong value could be read as a valid one). Each request
 * comes from an address of its own (the tests stand as the trusted proxy), so that the sign-in fuzz does not slow
 * the other tests' sign-ins down.
 */
@ExtendWith(RunningPlatform.class)
class FuzzIT {

    static final AtomicInteger ADDRESS = new AtomicInteger();

    /** Wrong values for a field of the given JSON schema type, as JSON text. */
    static List<String> wrong(String type) {
        List<String> values = new ArrayList<>(List.of(
                "null",
                "\"" + "长".repeat(100_000) + "\"",
                "\"\\u0000\\ud83d\\ude00\\u202e<script>\"",
                "99999999999999999999999",
                "1e300",
                "-1",
                "[]",
                "{}"));
        values.add(
                switch (type) {
                    case "string" -> "123";
                    case "integer", "number" -> "\"twelve\"";
                    case "boolean" -> "\"yes\"";
                    case "array" -> "\"x\"";
                    default -> "true";
                });
        values.add("2147483648");
        values.add("0.5");
        return values;
    }

    /** Wrong query values; the longest stays within the container's header limit (a longer URL is its 431, before the application). */
    static final List<String> WRONG_PARAMS = List.of(
            "abc", "-1", "99999999999999999999", "2147483648", "1e300", "长".repeat(500), "%00", "\u202e\ud83d\ude00");

    /** A client of its own, HTTP/1.1: one connection's trouble stays out of the other tests' shared clients. */
    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    record Case(String method, String path, String body, String field) {}

    @Test
    void noWrongFieldOrParameterGetsAServerErrorOrAnAnswerThatDoesNotNameIt() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("ADMINISTRATOR", RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD));
        tokens.put("TEACHER", RunningPlatform.token("teacher02", RunningPlatform.DEMO_PASSWORD));
        tokens.put("LEARNER", RunningPlatform.token("learner28", RunningPlatform.DEMO_PASSWORD));
        long classId = Media.demoClassId();
        JsonObject doc =
                RunningPlatform.json(RunningPlatform.call(null, "GET", "/openapi", null, "Accept", "application/json"));
        JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
        List<Case> cases = new ArrayList<>();
        JsonObject paths = doc.getJsonObject("paths");
        for (String template : paths.keySet()) {
            String path = RoleMatrixIT.server(template, paths.getJsonObject(template))
                    + template.replaceAll("\\{classId}", Long.toString(classId))
                            .replaceAll("\\{level}", "L5")
                            .replaceAll("\\{jobType}", "LIVE_SELLER")
                            .replaceAll("\\{assetId}", "00000000-0000-0000-0000-000000000000")
                            .replaceAll("\\{[a-zA-Z]+(:[^}]*)?}", "999999");
            if (path.endsWith("/logout") || path.endsWith("/events")) {
                continue; // a sign-out takes no input; event streams stay open
            }
            for (var entry : paths.getJsonObject(template).entrySet()) {
                if (!(entry.getValue() instanceof JsonObject op)
                        || !List.of("get", "post", "put").contains(entry.getKey())) {
                    continue;
                }
                String method = entry.getKey().toUpperCase();
                for (JsonValue p :
                        op.getJsonArray("parameters") == null ? List.<JsonValue>of() : op.getJsonArray("parameters")) {
                    JsonObject param = p.asJsonObject();
                    if ("query".equals(param.getString("in", ""))) {
                        for (String value : WRONG_PARAMS) {
                            cases.add(new Case(
                                    method,
                                    path + "?" + param.getString("name") + "="
                                            + URLEncoder.encode(value, StandardCharsets.UTF_8),
                                    method.equals("GET") ? null : "{}",
                                    param.getString("name")));
                        }
                    }
                }
                JsonObject body = op.getJsonObject("requestBody");
                JsonObject schema =
                        body == null || !body.getJsonObject("content").containsKey("application/json")
                                ? null
                                : body.getJsonObject("content")
                                        .getJsonObject("application/json")
                                        .getJsonObject("schema");
                if (schema != null && schema.containsKey("$ref")) {
                    schema =
                            schemas.getJsonObject(schema.getString("$ref").substring("#/components/schemas/".length()));
                }
                if (schema != null && schema.containsKey("properties")) {
                    for (var property : schema.getJsonObject("properties").entrySet()) {
                        String type = property.getValue().asJsonObject().getString("type", "object");
                        for (String value : wrong(type)) {
                            cases.add(new Case(
                                    method, path, "{\"" + property.getKey() + "\":" + value + "}", property.getKey()));
                        }
                    }
                }
            }
        }
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            for (String token : tokens.values()) {
                HttpRequest.Builder b = HttpRequest.newBuilder(RunningPlatform.uri(c.path()))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token)
                        .header(
                                "X-Forwarded-For",
                                "198.18." + (ADDRESS.get() / 250 % 250) + "." + (ADDRESS.incrementAndGet() % 250 + 1))
                        .method(
                                c.method(),
                                c.body() == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(c.body()));
                if (c.body() != null) {
                    b.header("Content-Type", "application/json");
                }
                String asked = c.method() + " "
                        + c.path().substring(0, Math.min(c.path().length(), 120)) + " "
                        + (c.body() == null
                                ? ""
                                : c.body().substring(0, Math.min(c.body().length(), 60)));
                HttpResponse<String> r;
                try {
                    r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.net.http.HttpTimeoutException slow) {
                    failures.add(asked + " got no answer within 10 s");
                    break;
                }
                String what = asked + " → " + r.statusCode();
                if (r.statusCode() >= 500) {
                    failures.add(what + ": "
                            + r.body().substring(0, Math.min(r.body().length(), 300)));
                } else if (r.statusCode() >= 400) {
                    if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                        failures.add(what + " is not a problem document");
                    } else if (r.body().contains("cn.imtp")
                            || r.body().contains("java.")
                            || r.body().contains("Exception")
                            || r.body().contains("SELECT ")) {
                        failures.add(what + " leaks: "
                                + r.body().substring(0, Math.min(r.body().length(), 300)));
                    } else if ((r.statusCode() == 400 || r.statusCode() == 422)
                            && !r.body().contains("\"" + c.field())
                            && RunningPlatform.json(r).getJsonArray("errors").isEmpty()) {
                        // A 422 may be about other fields the body lacks (the wrong one was read as something valid);
                        // it names them.
                        failures.add(what + " names no field: "
                                + r.body().substring(0, Math.min(r.body().length(), 300)));
                    }
                }
                if (r.statusCode() != 401 && r.statusCode() != 403) {
                    break; // one caller the operation admits is enough
                }
            }
        }
        assertTrue(cases.size() > 1000, cases.size() + " cases");
        assertEquals(200, RunningPlatform.get("/health/ready").statusCode(), "the platform answers as before");
        assertEquals(
                List.of(),
                failures.stream().limit(60).toList(),
                failures.size() + " of " + cases.size() + " wrong inputs were answered badly");
    }
}
