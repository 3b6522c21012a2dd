package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.platform.security.Jwt;
import cn.imtp.platform.security.KeyFiles;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every kind of endpoint called as every kind of caller: the three roles, no token, an expired
 * token, a forged one, and the token of an account disabled after it signed in. media-service has no
 * access to lms-web's account table, so a disabled account's token is refused there only by role
 * (the disabled caller here is a learner) or at expiry; its playback grants are short-lived.
 */
@ExtendWith(RunningPlatform.class)
class RoleMatrixIT {

    static final Map<String, String> TOKENS = new LinkedHashMap<>();
    static long disabledAccountId;

    @BeforeAll
    static void callers() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        TOKENS.put("administrator", admin);
        TOKENS.put("teacher", RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD));
        TOKENS.put("learner", RunningPlatform.token("learner01", RunningPlatform.DEMO_PASSWORD));
        TOKENS.put("none", null);
        // An expired token, signed with the platform's real key: only its expiry is wrong.
        TOKENS.put("expired", Jwt.sign(Json.createObjectBuilder().add("iss", "imtp-lms").add("sub", "1").add("upn", "admin")
                .add("groups", Json.createArrayBuilder().add("ADMINISTRATOR")).add("tv", 0)
                .add("exp", Instant.now().minusSeconds(3600).getEpochSecond()).build(),
                KeyFiles.privateKey(RunningPlatform.varDir().resolve("keys/jwt-private.pem"))));
        String learnerToken = RunningPlatform.token("learner01", RunningPlatform.DEMO_PASSWORD);
        String[] parts = learnerToken.split("\\.");
        String promoted = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("LEARNER", "ADMINISTRATOR").getBytes());
        TOKENS.put("forged", parts[0] + "." + promoted + "." + parts[2]);
        String name = Accounts.uniqueName("soon-disabled");
        disabledAccountId = Accounts.createLearner(admin, name, "Learn2026ok").getJsonNumber("id").longValue();
        TOKENS.put("disabled", RunningPlatform.token(name, "Learn2026ok"));
        assertEquals(200, RunningPlatform.call(admin, "POST", "/api/accounts/" + disabledAccountId + "/disable", null).statusCode());
    }

    /** endpoint → expected status for administrator, teacher, learner, none, expired, forged, disabled. */
    static final Object[][] MATRIX = {
            {"GET /api/platform", 200, 200, 200, 200, 401, 401, 401},
            {"GET /api/me", 200, 200, 200, 401, 401, 401, 401},
            {"GET /api/catalogue", 200, 200, 200, 401, 401, 401, 401},
            {"GET /api/catalogue/integrity", 200, 200, 200, 401, 401, 401, 401},
            {"GET /api/accounts", 200, 403, 403, 401, 401, 401, 401},
            {"GET /api/accounts/1", 200, 403, 403, 401, 401, 401, 401},
            {"GET /api/audit", 200, 403, 403, 401, 401, 401, 401},
            {"GET /api/accounts/export", 200, 403, 403, 401, 401, 401, 401},
            {"GET /api/accounts/export?format=xlsx", 200, 403, 403, 401, 401, 401, 401},
            {"GET /api/resources", 200, 200, 200, 401, 401, 401, 401},
            // Learners never reach the question bank; they see questions only inside their own exam attempt.
            {"GET /api/assessment/questions", 200, 200, 403, 401, 401, 401, 401},
            {"GET /api/assessment/questions/export", 200, 200, 403, 401, 401, 401, 401},
            {"GET /api/assessment/questions/template", 200, 200, 403, 401, 401, 401, 401},
            {"GET /api/assessment/coverage", 200, 200, 403, 401, 401, 401, 401},
            // Live lessons: the demo class (id 1, made at the first start) is learner01's and teacher01's.
            {"GET /api/live/classes/1/lessons", 200, 200, 200, 401, 401, 401, 401},
            // Practical exams: learners see their class's, only the staff see everyone's results.
            {"GET /api/assessment/practicals?classId=1", 200, 200, 200, 401, 401, 401, 401},
            {"GET /api/assessment/practicals/999999/results", 404, 404, 403, 401, 401, 401, 401},
            {"GET /api/assessment/practicals/999999/export", 404, 404, 403, 401, 401, 401, 401},
            {"GET /api/live/lessons/999999/roster", 404, 404, 403, 401, 401, 401, 401},
            {"POST /api/live/lessons/999999/join", 403, 403, 404, 401, 401, 401, 401},
            // media-service verifies lms-web's tokens on its own, with the public key alone.
            {"GET /media/api/status", 200, 403, 403, 401, 401, 401, 403},
            // Files are reached with a per-file grant from lms-web; a sign-in token, whoever holds it, is not one.
            {"GET /media/api/play/00000000-0000-0000-0000-000000000000/master.m3u8", 401, 401, 401, 401, 401, 401, 401},
            {"GET /media/api/assets/00000000-0000-0000-0000-000000000000", 401, 401, 401, 401, 401, 401, 401},
    };

    @Test
    void everyCallerGetsExactlyTheDeclaredStatus() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<String> callers = new ArrayList<>(TOKENS.keySet());
        for (Object[] row : MATRIX) {
            String[] call = ((String) row[0]).split(" ");
            for (String caller : callers) {
                int expected = (int) row[1 + List.of("administrator", "teacher", "learner", "none", "expired", "forged", "disabled").indexOf(caller)];
                HttpResponse<String> r = RunningPlatform.call(TOKENS.get(caller), call[0], call[1], null);
                if (r.statusCode() != expected) {
                    wrong.add(row[0] + " as " + caller + ": expected " + expected + ", got " + r.statusCode() + " " + r.body());
                } else if (expected >= 400) {
                    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                            row[0] + " as " + caller + " answered " + r.headers().firstValue("Content-Type"));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void administrativeActionsAreAdministratorsOnly() throws Exception {
        for (String caller : List.of("teacher", "learner")) {
            assertEquals(403, RunningPlatform.call(TOKENS.get(caller), "POST", "/api/accounts/" + disabledAccountId + "/enable", null).statusCode());
            assertEquals(403, RunningPlatform.call(TOKENS.get(caller), "POST", "/api/accounts",
                    Accounts.learnerJson(Accounts.uniqueName("x"), Accounts.validIdNumber(), null).toString()).statusCode());
        }
        assertEquals(401, RunningPlatform.call(null, "POST", "/api/accounts/" + disabledAccountId + "/password-reset", null).statusCode());
    }

    @Test
    void theExpiredTokenSaysSo() throws Exception {
        HttpResponse<String> r = RunningPlatform.call(TOKENS.get("expired"), "GET", "/api/me", null);
        assertEquals("The token has expired; sign in again.", RunningPlatform.json(r).getString("detail"));
    }
}
