package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.platform.security.Jwt;
import cn.imtp.platform.security.KeyFiles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the OpenAPI document called as every kind of caller: no token, an expired token, a forged
 * one, the token of an account disabled after it signed in, a learner and a teacher of the demo class (A), a
 * learner and a teacher of another active class of the same plan (B), and an administrator. Path parameters name
 * class A's own class, resource, question, exam, live lesson and learner; bodies are empty JSON objects, so that
 * an allowed caller is told what is missing (422) and nothing changes. The expected statuses are written once per
 * operation in {@link #EXPECTED}; an operation of the document without a row, or a row of no operation, fails the
 * test. media-service's operations are called under {@code /media} with sign-in tokens (which it never takes for
 * files), and those that take a grant once more with each kind of grant ({@link #GRANT_EXPECTED}).
 */
@ExtendWith(RunningPlatform.class)
class RoleMatrixIT {

    /** The callers, in the order of the statuses of {@link #EXPECTED}. */
    static final List<String> CALLERS =
            List.of("none", "expired", "forged", "disabled", "learnerA", "learnerB", "teacherA", "teacherB", "admin");

    static final Map<String, String> TOKENS = new LinkedHashMap<>();
    static final Map<String, String> VALUES = new LinkedHashMap<>();
    static final Map<String, String[]> ACCOUNTS = new LinkedHashMap<>();
    static long disabledAccountId;

    /** operation → statuses for none, expired, forged, disabled, learnerA, learnerB, teacherA, teacherB, admin. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static void row(String operation, String statuses) {
        EXPECTED.put(operation, statuses);
    }

    static {
        // Reviewed call by call: 401 without a valid sign-in; 403 for a role the operation does not admit; 404 for what
        // another class holds (teacher B, learner B on class A's objects) or what does not exist; 422 for the empty
        // body.
        row("GET /api/accounts", "401 401 401 401 403 403 403 403 200");
        row("POST /api/accounts", "401 401 401 401 403 403 403 403 422");
        row("GET /api/accounts/export", "401 401 401 401 403 403 403 403 200");
        row("GET /api/accounts/{id}", "401 401 401 401 403 403 403 403 200");
        row("POST /api/accounts/{id}/disable", "401 401 401 401 403 403 403 403 200");
        row("POST /api/accounts/{id}/enable", "401 401 401 401 403 403 403 403 200");
        row("POST /api/accounts/{id}/id-number/reveal", "401 401 401 401 403 403 403 403 422");
        row("POST /api/accounts/{id}/password-reset", "401 401 401 401 403 403 403 403 200");
        row("GET /api/archive/classes/{classId}/export", "401 401 401 401 403 403 200 404 200");
        row("GET /api/archive/classes/{classId}/learners/{learnerId}", "401 401 401 401 200 404 200 404 200");
        row("GET /api/archive/classes/{classId}/learners/{learnerId}/pdf", "401 401 401 401 200 404 200 404 200");
        row("GET /api/assessment/attempts/{id}", "401 401 401 401 404 404 404 404 404");
        row("PUT /api/assessment/attempts/{id}/answers/{position}", "401 401 401 401 404 404 403 403 403");
        row("GET /api/assessment/attempts/{id}/materials", "401 401 401 401 404 404 403 403 403");
        row("GET /api/assessment/attempts/{id}/materials/{resourceId}", "401 401 401 401 404 404 403 403 403");
        row("POST /api/assessment/attempts/{id}/submit", "401 401 401 401 404 404 403 403 403");
        row("GET /api/assessment/classes/{classId}/exams", "401 401 401 401 200 404 200 404 200");
        row("POST /api/assessment/classes/{classId}/exams", "401 401 401 401 403 403 422 404 422");
        row("GET /api/assessment/coverage", "401 401 401 401 403 403 200 200 200");
        row("GET /api/assessment/exams/{id}", "401 401 401 401 200 404 200 404 200");
        row("POST /api/assessment/exams/{id}/attempts", "401 401 401 401 200 404 403 403 403");
        row("GET /api/assessment/exams/{id}/export", "401 401 401 401 403 403 200 404 200");
        row(
                "POST /api/assessment/exams/{id}/grants",
                "401 401 401 401 403 403 409 404 409"); // the matrix's exam is a quiz: unlimited attempts
        row("POST /api/assessment/exams/{id}/release-answers", "401 401 401 401 403 403 200 404 200");
        row("GET /api/assessment/exams/{id}/results", "401 401 401 401 403 403 200 404 200");
        row("GET /api/assessment/practicals", "401 401 401 401 404 404 404 404 404");
        row("POST /api/assessment/practicals", "401 401 401 401 403 403 404 404 404");
        row("GET /api/assessment/practicals/{id}", "401 401 401 401 404 404 404 404 404");
        row("GET /api/assessment/practicals/{id}/export", "401 401 401 401 403 403 404 404 404");
        row("GET /api/assessment/practicals/{id}/results", "401 401 401 401 403 403 404 404 404");
        row("PUT /api/assessment/practicals/{id}/tasks/{taskId}", "401 401 401 401 403 403 404 404 404");
        row("PUT /api/assessment/practicals/{id}/tasks/{taskId}/answer", "401 401 401 401 422 422 403 403 403");
        row("PUT /api/assessment/practicals/{id}/tasks/{taskId}/document", "401 401 401 401 404 404 403 403 403");
        row("POST /api/assessment/practicals/{id}/tasks/{taskId}/recording", "401 401 401 401 422 422 403 403 403");
        row(
                "POST /api/assessment/practicals/{id}/tasks/{taskId}/recording/upload-grant",
                "401 401 401 401 404 404 403 403 403");
        row(
                "GET /api/assessment/practicals/{id}/tasks/{taskId}/work/{learnerId}/document",
                "401 401 401 401 404 404 404 404 404");
        row(
                "PUT /api/assessment/practicals/{id}/tasks/{taskId}/work/{learnerId}/grade",
                "401 401 401 401 403 403 404 404 404");
        row(
                "GET /api/assessment/practicals/{id}/tasks/{taskId}/work/{learnerId}/recording",
                "401 401 401 401 404 404 404 404 404");
        row("GET /api/assessment/questions", "401 401 401 401 403 403 200 200 200");
        row("POST /api/assessment/questions", "401 401 401 401 403 403 422 422 422");
        row("GET /api/assessment/questions/export", "401 401 401 401 403 403 200 200 200");
        row("POST /api/assessment/questions/import", "415 401 401 415 415 415 415 415 415");
        row("GET /api/assessment/questions/template", "401 401 401 401 403 403 200 200 200");
        row("GET /api/assessment/questions/{id}", "401 401 401 401 403 403 200 200 200");
        row("PUT /api/assessment/questions/{id}", "401 401 401 401 403 403 422 403 422");
        row("POST /api/assessment/questions/{id}/retire", "401 401 401 401 403 403 200 403 200");
        row("GET /media/api/assets/{assetId}", "401 401 401 401 401 401 401 401 401");
        row("GET /media/api/assets/{assetId}/events", "401 401 401 401 401 401 401 401 401");
        row("GET /media/api/assets/{assetId}/measures", "401 401 401 401 401 401 401 401 401");
        row("POST /media/api/assets/{assetId}/retry", "401 401 401 401 401 401 401 401 401");
        row("GET /api/attendance/classes/{classId}/export", "401 401 401 401 403 403 200 404 200");
        row("GET /api/attendance/classes/{classId}/ledger", "401 401 401 401 200 404 200 404 200");
        row("GET /api/attendance/classes/{classId}/other-hours", "401 401 401 401 200 404 200 404 200");
        row("POST /api/attendance/classes/{classId}/other-hours", "401 401 401 401 403 403 422 404 422");
        row(
                "GET /api/attendance/classes/{classId}/other-hours/{entryId}/evidence",
                "401 401 401 401 404 404 404 404 404");
        row(
                "PUT /api/attendance/classes/{classId}/other-hours/{entryId}/evidence",
                "401 401 401 401 403 403 404 404 404");
        row(
                "POST /api/attendance/classes/{classId}/other-hours/{entryId}/withdraw",
                "401 401 401 401 403 403 422 404 422");
        row("GET /api/attendance/classes/{classId}/roster", "401 401 401 401 403 403 200 404 200");
        row("GET /api/attendance/classes/{classId}/roster/events", "401 401 401 401 403 403 200 404 200");
        row("GET /api/attendance/classes/{classId}/units/{unitId}/videos", "401 401 401 401 404 404 403 403 403");
        row("GET /api/attendance/classes/{classId}/verify", "401 401 401 401 403 403 200 404 200");
        row("GET /api/attendance/resume", "401 401 401 401 200 200 403 403 403");
        row("POST /api/attendance/sessions", "401 401 401 401 422 422 403 403 403");
        row("POST /api/attendance/sessions/{id}/beats", "401 401 401 401 422 422 403 403 403");
        row("POST /api/attendance/sessions/{id}/beats-noop", "401 401 401 401 404 404 403 403 403");
        row("GET /api/attendance/statement", "401 401 401 401 403 403 403 403 200");
        row("POST /api/attendance/statement/check", "401 401 401 401 403 403 403 403 422");
        row("GET /api/audit", "401 401 401 401 403 403 403 403 200");
        row("POST /api/auth/login", "422 401 401 401 422 422 422 422 422");
        row("POST /api/auth/logout", "401 401 401 401 204 204 204 204 204");
        row("GET /api/catalogue", "401 401 401 401 200 200 200 200 200");
        row("GET /api/certificates/classes/{classId}/learners/{learnerId}", "401 401 401 401 200 404 200 404 200");
        row(
                "POST /api/certificates/classes/{classId}/learners/{learnerId}",
                "401 401 401 401 409 404 409 404 409"); // nobody has completed
        row("GET /api/certificates/{id}/pdf", "401 401 401 401 404 404 404 404 404");
        row("POST /api/certificates/{id}/revoke", "401 401 401 401 403 403 403 403 422");
        row("GET /api/verify/{code}", "422 401 401 401 422 422 422 422 422"); // public; 999999 cannot be a code
        row("GET /api/catalogue/export", "401 401 401 401 200 200 200 200 200");
        row("GET /api/catalogue/integrity", "401 401 401 401 200 200 200 200 200");
        row("GET /api/catalogue/tables/basic", "401 401 401 401 200 200 200 200 200");
        row("GET /api/catalogue/tables/basic/blueprints", "401 401 401 401 200 200 200 200 200");
        row("GET /api/catalogue/tables/{level}/{jobType}", "401 401 401 401 200 200 200 200 200");
        row("GET /api/catalogue/tables/{level}/{jobType}/blueprints", "401 401 401 401 200 200 200 200 200");
        row("GET /api/catalogue/units/{id}", "401 401 401 401 404 404 404 404 404");
        row("GET /api/classes", "401 401 401 401 200 200 200 200 200");
        row("POST /api/classes", "401 401 401 401 403 403 403 403 422");
        row("GET /api/classes/{id}", "401 401 401 401 200 404 200 404 200");
        row("POST /api/classes/{id}/activate", "401 401 401 401 403 403 403 403 409");
        row("GET /api/classes/{id}/check", "401 401 401 401 403 403 200 404 200");
        row("POST /api/classes/{id}/learners", "401 401 401 401 403 403 403 403 409");
        row("POST /api/classes/{id}/lessons", "401 401 401 401 403 403 422 404 422");
        row("POST /api/classes/{id}/roster", "415 401 401 415 415 415 415 415 415");
        row("POST /api/classes/{id}/schedule", "401 401 401 401 403 403 403 403 409");
        row("POST /api/classes/{id}/teachers", "401 401 401 401 403 403 403 403 409");
        row("GET /api/learners/{accountId}/qualifications", "401 401 401 401 403 403 200 404 200");
        row("POST /api/learners/{accountId}/qualifications", "401 401 401 401 403 403 422 404 422");
        row("GET /api/live/classes/{classId}/lessons", "401 401 401 401 200 404 200 404 200");
        row("GET /api/notices", "401 401 401 401 200 200 200 200 200");
        row("POST /api/notices", "401 401 401 401 403 403 422 422 422");
        row(
                "POST /api/notices/reminders",
                "401 401 401 401 403 403 422 422 422"); // no class named: teacher B is told so before any class is
        // looked up
        row("GET /api/notices/unread", "401 401 401 401 200 200 200 200 200");
        row(
                "PUT /api/notices/{id}",
                "401 401 401 401 403 403 403 404 422"); // the administrator's; an edit needs a title and a text
        row("POST /api/notices/{id}/read", "401 401 401 401 204 404 204 404 204");
        row(
                "POST /api/notices/{id}/withdraw",
                "401 401 401 401 403 403 403 404 204"); // teacher A sees it, but it is the administrator's
        row("GET /api/live/lessons/{id}", "401 401 401 401 200 404 200 404 200");
        row("GET /api/live/lessons/{id}/events", "401 401 401 401 200 404 200 404 200");
        row("POST /api/live/lessons/{id}/join", "401 401 401 401 404 404 403 403 403");
        row("GET /api/live/lessons/{id}/messages", "401 401 401 401 200 404 200 404 200");
        row("POST /api/live/lessons/{id}/messages", "401 401 401 401 422 404 422 404 422");
        row("GET /api/live/lessons/{id}/roll-calls", "401 401 401 401 200 404 200 404 200");
        row("POST /api/live/lessons/{id}/roll-calls", "401 401 401 401 403 403 422 404 422");
        row("POST /api/live/lessons/{id}/roll-calls/{rollCallId}/check-in", "401 401 401 401 404 404 403 403 403");
        row("POST /api/live/lessons/{id}/roll-calls/{rollCallId}/close", "401 401 401 401 403 403 404 404 404");
        row("GET /api/live/lessons/{id}/roster", "401 401 401 401 403 403 200 404 200");
        row("PUT /api/live/lessons/{id}/stage", "401 401 401 401 403 403 404 404 404");
        row("POST /api/live/sessions/{id}/beats", "401 401 401 401 422 422 403 403 403");
        row("GET /api/me", "401 401 401 401 200 200 200 200 200");
        row("POST /api/me/password", "401 401 401 401 422 422 422 422 422");
        row("GET /api/plans", "401 401 401 401 403 403 200 200 200");
        row("POST /api/plans", "401 401 401 401 403 403 422 422 422");
        row("POST /api/plans/check", "401 401 401 401 403 403 422 422 422");
        row("GET /api/plans/{id}", "401 401 401 401 403 403 404 404 404");
        row("GET /api/platform", "200 401 401 401 200 200 200 200 200");
        row("PUT /media/api/play/{assetId}/captions/{language}", "415 401 401 415 415 415 415 415 415");
        row("GET /media/api/play/{assetId}/captions/{language}.m3u8", "401 401 401 401 401 401 401 401 401");
        row("DELETE /media/api/play/{assetId}/captions/{language}", "401 401 401 401 401 401 401 401 401");
        row("GET /media/api/play/{assetId}/file", "401 401 401 401 401 401 401 401 401");
        row("GET /media/api/play/{assetId}/master.m3u8", "401 401 401 401 401 401 401 401 401");
        row("GET /media/api/play/{assetId}/poster", "401 401 401 401 401 401 401 401 401");
        row(
                "GET /media/api/play/{assetId}/{rendition: [0-9a-z]+(-[0-9]+)?}.m3u8",
                "401 401 401 401 401 401 401 401 401");
        // Presence checks: a learner's own consent, photo and checks; reviews by the class's teachers and
        // administrators;
        // other verifications by administrators. The matrix's check and session do not exist (404 to those who may
        // ask).
        row("POST /api/presence/checks/{checkId}/answers", "401 401 401 401 404 404 403 403 403");
        row("GET /api/presence/checks/{checkId}/photos/reference", "401 401 401 401 403 403 404 404 404");
        row("GET /api/presence/checks/{checkId}/photos/{frame: [0-4]}", "401 401 401 401 403 403 404 404 404");
        row("POST /api/presence/checks/{checkId}/review", "401 401 401 401 403 403 404 404 404");
        row("GET /api/presence/classes/{classId}/checks", "401 401 401 401 403 403 200 404 200");
        row("PUT /api/presence/classes/{classId}/learners/{learnerId}/waiver", "401 401 401 401 403 403 403 403 422");
        row(
                "DELETE /api/presence/classes/{classId}/learners/{learnerId}/waiver",
                "401 401 401 401 403 403 403 403 404");
        row("GET /api/presence/consent-text", "401 401 401 401 200 200 200 200 200");
        row("PUT /api/presence/learners/{learnerId}/photo", "415 401 401 415 415 415 415 415 415");
        row("GET /api/presence/me", "401 401 401 401 200 200 403 403 403");
        row("POST /api/presence/photos", "415 401 401 415 415 415 415 415 415");
        row("POST /api/presence/me/consent", "401 401 401 401 422 422 403 403 403");
        row("DELETE /api/presence/me/consent", "401 401 401 401 409 409 403 403 403");
        row("PUT /api/presence/me/photo", "415 401 401 415 415 415 415 415 415");
        row("GET /api/presence/sessions/{sessionId}/check", "401 401 401 401 404 404 403 403 403");
        row("GET /api/resources", "401 401 401 401 200 200 200 200 200");
        // A class's packs: without ?classId= every signed-in caller is told to name one (OwnershipIT tries other
        // classes).
        row("GET /api/resources/packs", "401 401 401 401 422 422 422 422 422");
        row("POST /api/resources", "401 401 401 401 403 403 422 422 422");
        row("GET /api/resources/{id}", "401 401 401 401 200 404 200 404 200");
        row("GET /api/resources/{id}/access", "401 401 401 401 200 404 200 404 200");
        row("PUT /api/resources/{id}/sharing", "401 401 401 401 403 403 403 403 422");
        row("PUT /api/resources/{id}/learner-visibility", "401 401 401 401 403 403 422 404 422");
        row("POST /api/resources/{id}/versions", "401 401 401 401 403 403 422 404 422");
        row("POST /api/resources/{id}/versions/{number}/publish", "401 401 401 401 403 403 200 404 200");
        row("POST /api/resources/{id}/versions/{number}/upload-grant", "401 401 401 401 403 403 200 404 200");
        // Deletion is tried on resources of its own (the one whose published version may not be deleted alone).
        row("DELETE /api/resources/{id}", "401 401 401 401 403 403 204 404 404");
        row("DELETE /api/resources/{id}/versions/{number}", "401 401 401 401 403 403 409 404 409");
        // Face data: media-service takes only lms-web's face grant (a sign-in token is none); a photo's body is an
        // image.
        row("DELETE /media/api/faces/{subject}", "401 401 401 401 401 401 401 401 401");
        row("POST /media/api/faces/{subject}/checks/{check}", "401 401 401 401 401 401 401 401 401");
        row("DELETE /media/api/faces/{subject}/checks/{check}", "401 401 401 401 401 401 401 401 401");
        row("GET /media/api/faces/{subject}/checks/{check}/{frame: [0-9]}", "401 401 401 401 401 401 401 401 401");
        row("GET /media/api/faces/{subject}/reference", "401 401 401 401 401 401 401 401 401");
        row("PUT /media/api/faces/{subject}/reference", "415 401 401 415 415 415 415 415 415");
        row("GET /media/api/status", "401 401 401 403 403 403 403 403 200");
        row("GET /api/teachers/{accountId}/credentials", "401 401 401 401 403 403 403 403 200");
        row("POST /api/teachers/{accountId}/credentials", "401 401 401 401 403 403 403 403 422");
        row("GET /media/api/uploads/{assetId}", "401 401 401 401 401 401 401 401 401");
        row("POST /media/api/uploads/{assetId}", "401 401 401 401 401 401 401 401 401");
        row("POST /media/api/uploads/{assetId}/complete", "401 401 401 401 401 401 401 401 401");
        row("POST /media/api/uploads/{assetId}/parts", "401 401 401 401 401 401 401 401 401");
    }

    @BeforeAll
    static void callers() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        long classA = Media.demoClassId();
        long planId = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes/" + classA, null))
                .getJsonNumber("planId")
                .longValue();
        String teacherB = Accounts.uniqueName("teacher-b");
        String learnerB = Accounts.uniqueName("learner-b");
        long classB = activeClass(admin, planId, teacherB, learnerB);

        ACCOUNTS.put("learnerA", new String[] {"learner11", RunningPlatform.DEMO_PASSWORD});
        ACCOUNTS.put("learnerB", new String[] {learnerB, "Learn2026ok"});
        ACCOUNTS.put("teacherA", new String[] {"teacher01", RunningPlatform.DEMO_PASSWORD});
        ACCOUNTS.put("teacherB", new String[] {teacherB, "Teach2026ok"});
        ACCOUNTS.put("admin", new String[] {RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD});
        TOKENS.put("none", null);
        // An expired token, signed with the platform's real key: only its expiry is wrong.
        TOKENS.put(
                "expired",
                Jwt.sign(
                        Json.createObjectBuilder()
                                .add("iss", "imtp-lms")
                                .add("sub", "1")
                                .add("upn", "admin")
                                .add("groups", Json.createArrayBuilder().add("ADMINISTRATOR"))
                                .add("tv", 0)
                                .add("exp", Instant.now().minusSeconds(3600).getEpochSecond())
                                .build(),
                        KeyFiles.privateKey(RunningPlatform.varDir().resolve("keys/jwt-private.pem"))));
        String learnerToken = RunningPlatform.token("learner01", RunningPlatform.DEMO_PASSWORD);
        String[] parts = learnerToken.split("\\.");
        String promoted = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("LEARNER", "ADMINISTRATOR")
                        .getBytes());
        TOKENS.put("forged", parts[0] + "." + promoted + "." + parts[2]);
        String name = Accounts.uniqueName("soon-disabled");
        disabledAccountId = Accounts.createLearner(admin, name, "Learn2026ok")
                .getJsonNumber("id")
                .longValue();
        TOKENS.put("disabled", RunningPlatform.token(name, "Learn2026ok"));
        assertEquals(
                200,
                RunningPlatform.call(admin, "POST", "/api/accounts/" + disabledAccountId + "/disable", null)
                        .statusCode());
        signIn();

        // Class A's own objects, named in the paths.
        String teacherA = TOKENS.get("teacherA");
        long unit = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/plans/" + planId, null))
                .getJsonArray("units")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        long resource = Media.publishedDocument(
                teacherA,
                "LEARNING",
                unit,
                MediaFixtures.text("matrix.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"));
        HttpResponse<String> question = RunningPlatform.call(
                teacherA,
                "POST",
                "/api/assessment/questions",
                "{\"unitId\":" + unit
                        + ",\"type\":\"TRUE_FALSE\",\"difficulty\":1,\"stem\":\"矩阵测试题\",\"answer\":\"T\"}");
        assertEquals(201, question.statusCode(), question.body());
        // A formative quiz of the matrix's own on that question's unit (as many attempts as learners like), so that
        // starting one and releasing its answers change nobody else's exam.
        HttpResponse<String> quiz = RunningPlatform.call(
                teacherA,
                "POST",
                "/api/assessment/classes/" + classA + "/exams",
                Json.createObjectBuilder()
                        .add("title", "权限矩阵练习")
                        .add("blueprint", "UNIT")
                        .add("unitId", unit)
                        .add("questionCount", 1)
                        .add("opensAt", Instant.now().minusSeconds(60).toString())
                        .add("closesAt", Instant.now().plusSeconds(86400).toString())
                        .add("durationMinutes", 20)
                        .build()
                        .toString());
        assertEquals(201, quiz.statusCode(), quiz.body());
        String lessons = RunningPlatform.call(admin, "GET", "/api/live/classes/" + classA + "/lessons?size=1", null)
                .body();
        VALUES.put("class", Long.toString(classA));
        VALUES.put("resource", Long.toString(resource));
        for (String deleted : List.of("resourceToDelete", "resourceWithVersionToDelete")) {
            VALUES.put(
                    deleted,
                    Long.toString(Media.publishedDocument(
                            teacherA,
                            "LEARNING",
                            unit,
                            MediaFixtures.text(
                                    "matrix-" + deleted + ".pdf",
                                    "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"))));
        }
        VALUES.put(
                "question", RunningPlatform.json(question).getJsonNumber("id").toString());
        VALUES.put("exam", RunningPlatform.json(quiz).getJsonNumber("id").toString());
        VALUES.put(
                "lesson",
                firstId(Json.createReader(new java.io.StringReader(lessons))
                        .readObject()
                        .getJsonArray("items")));
        VALUES.put("learner", Long.toString(accountId(admin, "LEARNER", "learner11")));
        VALUES.put(
                "notice",
                ClassesIT.ok(RunningPlatform.call(
                                admin,
                                "POST",
                                "/api/notices",
                                "{\"classId\":" + classA + ",\"title\":\"矩阵测试通知\",\"body\":\"只发给 A 班。\"}"))
                        .getJsonNumber("id")
                        .toString());
        VALUES.put(
                "noticeToWithdraw",
                ClassesIT.ok(RunningPlatform.call(
                                admin,
                                "POST",
                                "/api/notices",
                                "{\"classId\":" + classA + ",\"title\":\"矩阵测试撤回\",\"body\":\"管理员会撤回它。\"}"))
                        .getJsonNumber("id")
                        .toString());
        VALUES.put("teacher", Long.toString(Accounts.teacherId(admin, "teacher01")));
        VALUES.put(
                "account",
                Long.toString(Accounts.createLearner(admin, Accounts.uniqueName("matrix"), "Learn2026ok")
                        .getJsonNumber("id")
                        .longValue()));
        VALUES.put("classB", Long.toString(classB));
    }

    private static String firstId(jakarta.json.JsonArray items) {
        return items.isEmpty()
                ? "999999"
                : items.getJsonObject(0).getJsonNumber("id").toString();
    }

    private static long accountId(String admin, String role, String username) throws Exception {
        return RunningPlatform.json(
                        RunningPlatform.call(admin, "GET", "/api/accounts?role=" + role + "&size=200", null))
                .getJsonArray("items")
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(a -> a.getString("username").equals(username))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    }

    /** Fresh sign-ins of the callers who have accounts (a sign-out revokes all of an account's sign-ins). */
    static void signIn() throws Exception {
        for (var e : ACCOUNTS.entrySet()) {
            TOKENS.put(e.getKey(), RunningPlatform.token(e.getValue()[0], e.getValue()[1]));
        }
    }

    /** An active class on the plan, taught by a new, qualified teacher (theory) and teacher02 (practice), with a new learner. */
    static long activeClass(String admin, long planId, String teacherName, String learnerName) throws Exception {
        return activeClass(admin, planId, teacherName, List.of(learnerName));
    }

    /** The same with several new learners. */
    static long activeClass(String admin, long planId, String teacherName, List<String> learnerNames) throws Exception {
        JsonObject teacher = Json.createObjectBuilder(
                        Accounts.learnerJson(teacherName, Accounts.validIdNumber(), "Teach2026ok"))
                .add("role", "TEACHER")
                .add("fullName", "乙班老师")
                .build();
        HttpResponse<String> made = RunningPlatform.call(admin, "POST", "/api/accounts", teacher.toString());
        assertEquals(201, made.statusCode(), made.body());
        long teacherId = RunningPlatform.json(made)
                .getJsonObject("account")
                .getJsonNumber("id")
                .longValue();
        ClassesIT.ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/teachers/" + teacherId + "/credentials",
                "{\"kind\":\"CERTIFICATE\",\"level\":\"L3\",\"issuedOn\":\"2020-05-01\",\"reference\":\"C-3\"}"));
        ClassesIT.ok(
                RunningPlatform.call(
                        admin,
                        "POST",
                        "/api/teachers/" + teacherId + "/credentials",
                        "{\"kind\":\"TITLE\",\"titleGrade\":\"INTERMEDIATE\",\"issuedOn\":\"2020-01-01\",\"reference\":\"T-1\"}"));
        List<Long> learnerIds = new ArrayList<>();
        for (String learnerName : learnerNames) {
            learnerIds.add(Accounts.createLearner(admin, learnerName, "Learn2026ok")
                    .getJsonNumber("id")
                    .longValue());
        }
        return ClassesIT.activeClass(admin, planId, learnerIds, teacherId, null);
    }

    /**
     * The operations of the OpenAPI document, as "METHOD /path" called as listed: each path under the server its path
     * item names (media-service's under /media), which every path must name.
     */
    static List<String> operations() throws Exception {
        HttpResponse<String> doc = RunningPlatform.call(null, "GET", "/openapi", null, "Accept", "application/json");
        assertEquals(200, doc.statusCode());
        List<String> ops = new ArrayList<>();
        JsonObject paths = RunningPlatform.json(doc).getJsonObject("paths");
        for (String path : new TreeSet<>(paths.keySet())) {
            JsonObject item = paths.getJsonObject(path);
            String server = server(path, item);
            for (String method : List.of("get", "post", "put", "delete", "patch")) {
                if (item.containsKey(method)) {
                    ops.add(method.toUpperCase() + " " + server + path);
                }
            }
        }
        return ops;
    }

    /** The root a path is called under: the one server its path item names ("" for lms-web's "/"). */
    static String server(String path, JsonObject item) {
        assertTrue(
                item.containsKey("servers") && item.getJsonArray("servers").size() == 1,
                "the path names its server: " + path + " " + item);
        return item.getJsonArray("servers").getJsonObject(0).getString("url").replaceAll("/$", "");
    }

    static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)(:[^}]*)?}");

    /**
     * The path with class A's objects for its parameters. A live lesson is read as class A's next one, but joined and
     * staged as one that does not exist: whether a real one may be joined depends on the time of day.
     */
    static String concrete(String path) {
        boolean changesLesson =
                path.startsWith("/api/live/lessons/{id}/") && (path.endsWith("/join") || path.endsWith("/stage"));
        Matcher m = PARAM.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String before = path.substring(0, m.start());
            String value = switch (m.group(1)) {
                case "classId" -> VALUES.get("class");
                case "learnerId" -> VALUES.get("learner");
                case "accountId" -> before.startsWith("/api/teachers") ? VALUES.get("teacher") : VALUES.get("learner");
                case "resourceId" -> VALUES.get("resource");
                case "assetId", "subject", "check", "checkId", "sessionId" -> "00000000-0000-0000-0000-000000000000";
                case "frame" -> "0";
                case "level" -> "L5";
                case "jobType" -> "LIVE_SELLER";
                case "language" -> "en";
                case "rendition" -> "720p";
                case "number", "position" -> "1";
                case "rollCallId" -> "999999";
                case "id" ->
                    before.startsWith("/api/classes")
                            ? VALUES.get("class")
                            : before.startsWith("/api/accounts")
                                    ? VALUES.get("account")
                                    : before.startsWith("/api/resources")
                                            ? VALUES.get("resource")
                                            : before.startsWith("/api/assessment/questions")
                                                    ? VALUES.get("question")
                                                    : before.startsWith("/api/assessment/exams")
                                                            ? VALUES.get("exam")
                                                            : before.startsWith("/api/live/lessons")
                                                                    ? (changesLesson ? "999999" : VALUES.get("lesson"))
                                                                    : before.startsWith("/api/notices")
                                                                            ? VALUES.get(
                                                                                    path.endsWith("/withdraw")
                                                                                            ? "noticeToWithdraw"
                                                                                            : "notice")
                                                                            : before.startsWith(
                                                                                                    "/api/attendance/sessions")
                                                                                            || before.startsWith(
                                                                                                    "/api/live/sessions")
                                                                                    ? "00000000-0000-0000-0000-000000000000"
                                                                                    : "999999";
                default -> "999999";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The grants media-service's operations are tried with, in the order of the statuses of {@link #GRANT_EXPECTED}. */
    static final List<String> GRANTS = List.of("none", "view", "upload", "otherAsset");

    /**
     * media-service operation (those taking {@code ?grant=}) → statuses for no grant, a view grant of the lesson video,
     * an upload grant of the same video (its version is complete), and a view grant of another file. Reviewed call by
     * call: 401 without a grant; 403 for a grant of another file, or of the wrong use (a view grant never uploads, retries
     * or downloads a video's source; an upload grant, held by the file's owner, also previews it); 404 for captions not
     * written; 303 to storage for a poster or a source; 409 for parts of an upload already complete, whose completion
     * answers again 200; 415 for a caption that is not WebVTT (the empty JSON body).
     */
    static final Map<String, String> GRANT_EXPECTED = new LinkedHashMap<>();

    static {
        GRANT_EXPECTED.put("GET /media/api/assets/{assetId}", "401 200 200 403");
        GRANT_EXPECTED.put("GET /media/api/assets/{assetId}/events", "401 200 200 403");
        GRANT_EXPECTED.put("GET /media/api/assets/{assetId}/measures", "401 200 200 403");
        GRANT_EXPECTED.put("POST /media/api/assets/{assetId}/retry", "401 403 409 403");
        GRANT_EXPECTED.put("PUT /media/api/play/{assetId}/captions/{language}", "415 415 415 415");
        GRANT_EXPECTED.put("DELETE /media/api/play/{assetId}/captions/{language}", "401 403 404 403");
        GRANT_EXPECTED.put("GET /media/api/play/{assetId}/captions/{language}.m3u8", "401 404 404 403");
        GRANT_EXPECTED.put("GET /media/api/play/{assetId}/file", "401 403 303 403");
        GRANT_EXPECTED.put("GET /media/api/play/{assetId}/master.m3u8", "401 200 200 403");
        GRANT_EXPECTED.put("GET /media/api/play/{assetId}/poster", "401 303 303 403");
        GRANT_EXPECTED.put("GET /media/api/play/{assetId}/{rendition: [0-9a-z]+(-[0-9]+)?}.m3u8", "401 200 200 403");
        GRANT_EXPECTED.put("GET /media/api/uploads/{assetId}", "401 403 200 403");
        GRANT_EXPECTED.put("POST /media/api/uploads/{assetId}", "401 403 422 403");
        GRANT_EXPECTED.put("POST /media/api/uploads/{assetId}/complete", "401 403 200 403");
        GRANT_EXPECTED.put("POST /media/api/uploads/{assetId}/parts", "401 403 409 403");
    }

    @Test
    void everyMediaOperationTrustsOnlyAGrantForItsOwnFileAndUse() throws Exception {
        String teacherA = TOKENS.get("teacherA");
        long unit = RunningPlatform.json(
                        RunningPlatform.call(teacherA, "GET", "/api/resources/" + VALUES.get("resource"), null))
                .getJsonNumber("unitId")
                .longValue();
        Media.Uploaded video =
                Media.published(teacherA, unit, "VIDEO", MediaFixtures.video("matrix-grants.mp4", 320, 180, 2, true));
        String resource = "/api/resources/" + video.resourceId();
        JsonObject view = RunningPlatform.json(Media.access(teacherA, video.resourceId(), null));
        String assetId = view.getString("assetId");
        String master = Media.get(view.getString("playlistUrl")).body();
        String rendition = Media.uris(master).get(0).replaceAll("^(?:.*/)?([0-9a-z]+)\\.m3u8.*$", "$1");
        Map<String, String> grants = new LinkedHashMap<>();
        grants.put("none", null);
        grants.put("view", view.getString("grant"));
        grants.put(
                "upload",
                RunningPlatform.json(
                                RunningPlatform.call(teacherA, "POST", resource + "/versions/1/upload-grant", null))
                        .getString("grant"));
        grants.put(
                "otherAsset",
                RunningPlatform.json(Media.access(teacherA, Long.parseLong(VALUES.get("resource")), null))
                        .getString("grant"));

        List<String> operations = operations().stream()
                .filter(o -> o.contains(" /media/") && o.contains("{assetId}"))
                .toList();
        List<String> wrong = new ArrayList<>();
        StringBuilder problems = new StringBuilder();
        StringBuilder observed = new StringBuilder();
        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation
                    .substring(operation.indexOf(' ') + 1)
                    .replace("{assetId}", assetId)
                    .replace("{language}", "en")
                    .replaceAll("\\{rendition[^}]*}", rendition);
            List<String> got = new ArrayList<>();
            for (String grant : GRANTS) {
                String g = grants.get(grant);
                got.add(Integer.toString(status(
                        null,
                        method,
                        g == null ? path : path + "?grant=" + g,
                        problems,
                        grant.equals("view") ? "en" : "zh")));
            }
            String statuses = String.join(" ", got);
            observed.append("        GRANT_EXPECTED.put(\"")
                    .append(operation)
                    .append("\", \"")
                    .append(statuses)
                    .append("\");\n");
            String expected = GRANT_EXPECTED.get(operation);
            if (expected == null) {
                wrong.add(operation + " has no row in the grant matrix; it answered " + statuses);
            } else if (!expected.equals(statuses)) {
                wrong.add(operation + ": expected " + expected + ", got " + statuses);
            }
        }
        for (String declared : GRANT_EXPECTED.keySet()) {
            if (!operations.contains(declared)) {
                wrong.add(declared + " is in the grant matrix but not in the OpenAPI document");
            }
        }
        if (Boolean.getBoolean("rolematrix.print")) {
            System.out.println(observed);
        }
        assertTrue(
                wrong.isEmpty(),
                wrong.size() + " of " + operations.size() + " media operations differ (grants " + GRANTS + "):\n"
                        + String.join("\n", wrong));
        assertTrue(problems.isEmpty(), problems.toString());
    }

    /**
     * The status of one call; an event stream is closed once its head has come. A refusal must be a problem document that
     * leaks nothing and reads in the language asked for ({@code zh} or {@code en}): its title, detail and every field's
     * message ({@link ReadersText}).
     */
    static int status(String token, String method, String path, StringBuilder problems, String language)
            throws Exception {
        boolean body = method.equals("POST") || method.equals("PUT");
        HttpRequest.Builder b = HttpRequest.newBuilder(RunningPlatform.uri(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .header("Accept-Language", language.equals("en") ? "en-GB,en;q=0.9" : "zh-CN,zh;q=0.9");
        if (body) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> r = Media.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() >= 400) {
                String text = new String(in.readNBytes(65536), StandardCharsets.UTF_8);
                String call = method + ' ' + path + " (" + language + ", " + r.statusCode() + ")";
                if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    problems.append(call).append(": not a problem document\n");
                } else {
                    readsIn(
                            language,
                            Json.createReader(new java.io.StringReader(text)).readObject(),
                            call,
                            problems);
                }
                if (text.contains("cn.imtp") || text.contains("Exception") || text.contains("SELECT ")) {
                    problems.append(call).append(" leaks: ").append(text).append('\n');
                }
            }
        }
        return r.statusCode();
    }

    /** Appends to {@code problems} every text of the problem that is not in the reader's language. */
    static void readsIn(String language, JsonObject problem, String call, StringBuilder problems) {
        List<String> texts = new ArrayList<>(List.of(problem.getString("title", ""), problem.getString("detail", "")));
        problem.getJsonArray("errors").forEach(e -> texts.add(e.asJsonObject().getString("message", "")));
        for (String t : texts) {
            if (language.equals("zh") ? !ReadersText.latinIn(t).isEmpty() : ReadersText.chineseSentenceIn(t)) {
                problems.append(call)
                        .append(" is not in ")
                        .append(language)
                        .append(": ")
                        .append(t)
                        .append(language.equals("zh") ? " " + ReadersText.latinIn(t) : "")
                        .append('\n');
            }
        }
    }

    @Test
    void everyOperationAnswersEveryCallerExactlyAsDeclared() throws Exception {
        List<String> operations = operations();
        List<String> wrong = new ArrayList<>();
        StringBuilder problems = new StringBuilder();
        StringBuilder observed = new StringBuilder();
        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = concrete(operation.substring(operation.indexOf(' ') + 1));
            if (method.equals("DELETE") && path.startsWith("/api/resources/")) {
                path = path.replace(
                        "/api/resources/" + VALUES.get("resource"),
                        "/api/resources/"
                                + VALUES.get(
                                        path.contains("/versions/")
                                                ? "resourceWithVersionToDelete"
                                                : "resourceToDelete"));
            }
            if (operation.equals("POST /api/auth/logout")) {
                signIn(); // sign-out ends the account's sign-ins: fresh ones before and after
            }
            List<String> got = new ArrayList<>();
            for (String caller : CALLERS) {
                got.add(Integer.toString(
                        status(TOKENS.get(caller), method, path, problems, caller.endsWith("B") ? "en" : "zh")));
            }
            if (operation.equals("POST /api/auth/logout")) {
                signIn();
            }
            String statuses = String.join(" ", got);
            observed.append("        row(\"")
                    .append(operation)
                    .append("\", \"")
                    .append(statuses)
                    .append("\");\n");
            String expected = EXPECTED.get(operation);
            if (expected == null) {
                wrong.add(operation + " has no row in the matrix; it answered " + statuses);
            } else if (!expected.equals(statuses)) {
                wrong.add(operation + " (" + path + "): expected " + expected + ", got " + statuses);
            }
        }
        for (String declared : EXPECTED.keySet()) {
            if (!operations.contains(declared)) {
                wrong.add(declared + " is in the matrix but not in the OpenAPI document");
            }
        }
        if (Boolean.getBoolean("rolematrix.print")) {
            System.out.println(observed);
        }
        assertTrue(
                wrong.isEmpty(),
                wrong.size() + " of " + operations.size() + " operations differ (callers " + CALLERS + "):\n"
                        + String.join("\n", wrong));
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void administrativeActionsAreAdministratorsOnly() throws Exception {
        for (String caller : List.of("teacherA", "learnerA")) {
            assertEquals(
                    403,
                    RunningPlatform.call(
                                    TOKENS.get(caller), "POST", "/api/accounts/" + disabledAccountId + "/enable", null)
                            .statusCode());
            assertEquals(
                    403,
                    RunningPlatform.call(
                                    TOKENS.get(caller),
                                    "POST",
                                    "/api/accounts",
                                    Accounts.learnerJson(Accounts.uniqueName("x"), Accounts.validIdNumber(), null)
                                            .toString())
                            .statusCode());
        }
        assertEquals(
                401,
                RunningPlatform.call(null, "POST", "/api/accounts/" + disabledAccountId + "/password-reset", null)
                        .statusCode());
    }

    @Test
    void theExpiredTokenSaysSo() throws Exception {
        HttpResponse<String> r = RunningPlatform.call(TOKENS.get("expired"), "GET", "/api/me", null);
        assertEquals("登录已过期，请重新登录。", RunningPlatform.json(r).getString("detail"));
        HttpResponse<String> english =
                RunningPlatform.call(TOKENS.get("expired"), "GET", "/api/me", null, "Accept-Language", "en");
        assertEquals(
                "The token has expired; sign in again.",
                RunningPlatform.json(english).getString("detail"));
    }
}
