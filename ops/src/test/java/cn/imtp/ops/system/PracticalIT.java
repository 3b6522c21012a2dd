package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Practical exams (操作技能考核) against the real stack: tasks set from the demo class's level-5 live-seller
 * practical blueprint, rubrics, learners' text answers and documents (checked by their bytes, private to the
 * learner and the class's staff), rubric grading with the weighted score, the rubric fixed by the first grade,
 * graded work closed to change, the exam window, and the result in the learning archive and the export.
 */
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PracticalIT {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static String teacher;
    static String learner;
    static String other;
    static long classId;
    static long learnerId;
    static long examId;
    /** The blueprint's contents in order: code → [weight, form]. */
    static final Map<String, String[]> BLUEPRINT = new LinkedHashMap<>();

    static final List<JsonObject> TASKS = new ArrayList<>();

    @BeforeAll
    static void demoClass() throws Exception {
        teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        learner = RunningPlatform.token("learner21", RunningPlatform.DEMO_PASSWORD);
        other = RunningPlatform.token("learner22", RunningPlatform.DEMO_PASSWORD);
        classId = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/classes", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        learnerId = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/me", null))
                .getJsonNumber("id")
                .longValue();
        for (JsonValue b : RunningPlatform.json(RunningPlatform.call(teacher, "GET", "/api/catalogue/export", null))
                .getJsonArray("practicalAssessment")) {
            JsonObject bp = b.asJsonObject();
            if ("L5".equals(bp.getString("level")) && "LIVE_SELLER".equals(bp.getString("jobType"))) {
                for (JsonValue m : bp.getJsonArray("modules")) {
                    for (JsonValue c : m.asJsonObject().getJsonArray("contents")) {
                        JsonObject content = c.asJsonObject();
                        BLUEPRINT.put(
                                content.getString("code"),
                                new String[] {String.valueOf(content.getInt("weight")), content.getString("form")});
                    }
                }
            }
        }
        assertFalse(BLUEPRINT.isEmpty(), "the demo class's plan has a practical blueprint");
    }

    @Test
    @Order(1)
    void aPracticalExamTakesItsTasksFromTheClassPlansBlueprint() throws Exception {
        HttpResponse<String> bad = create(
                teacher,
                "{\"title\":\" \",\"opensAt\":\"" + Instant.now().plusSeconds(60) + "\",\"closesAt\":\"" + Instant.now()
                        + "\",\"passMark\":101}");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(
                bad.body().contains("\"title\"")
                        && bad.body().contains("\"closesAt\"")
                        && bad.body().contains("\"passMark\""),
                bad.body());
        assertEquals(403, create(learner, window(3600)).statusCode());
        HttpResponse<String> created = create(teacher, window(3600));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject exam = RunningPlatform.json(created);
        examId = exam.getJsonNumber("id").longValue();
        assertEquals("L5", exam.getString("level"));
        assertTrue(exam.getBoolean("open"));
        exam.getJsonArray("tasks").forEach(t -> TASKS.add(t.asJsonObject()));
        Map<String, String[]> tasks = new LinkedHashMap<>();
        for (JsonObject t : TASKS) {
            tasks.put(
                    t.getString("contentCode"), new String[] {String.valueOf(t.getInt("weight")), t.getString("form")});
            assertEquals(t.getInt("weight"), t.getInt("maxPoints"), "the first rubric: the content, worth its weight");
        }
        assertEquals(BLUEPRINT.keySet(), tasks.keySet());
        BLUEPRINT.forEach((code, w) -> assertEquals(List.of(w), List.of(tasks.get(code)), code));
        JsonArray listed =
                array(RunningPlatform.call(learner, "GET", "/api/assessment/practicals?classId=" + classId, null));
        assertTrue(listed.stream()
                .anyMatch(v -> v.asJsonObject().getJsonNumber("id").longValue() == examId));
    }

    @Test
    @Order(2)
    void aTeacherWritesTheRubricAndEveryWrongFieldIsNamed() throws Exception {
        JsonObject first = TASKS.get(0);
        HttpResponse<String> bad =
                editTask(first, "{\"instructions\":\"x\",\"rubric\":[{\"criterion\":\"\",\"points\":0}]}");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("rubric[0].criterion") && bad.body().contains("rubric[0].points"), bad.body());
        HttpResponse<String> ok = editTask(
                first,
                "{\"instructions\":\"为指定商品撰写直播脚本。\",\"rubric\":["
                        + "{\"criterion\":\"脚本结构完整\",\"points\":6,\"descriptor\":\"开场、卖点、促单、收尾齐全\"},"
                        + "{\"criterion\":\"表达准确\",\"points\":4,\"descriptor\":\"无夸大、无违规用语\"}]}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(10, RunningPlatform.json(ok).getInt("maxPoints"));
        TASKS.set(0, RunningPlatform.json(ok));
        assertEquals(
                403,
                RunningPlatform.call(
                                learner,
                                "PUT",
                                "/api/assessment/practicals/" + examId + "/tasks/" + first.getJsonNumber("id") + "",
                                "{\"rubric\":[]}")
                        .statusCode());
    }

    @Test
    @Order(3)
    void learnersHandInTextAndForHandsOnTasksADocumentCheckedByItsBytes() throws Exception {
        JsonObject written = task("WRITTEN");
        JsonObject handsOn = task("HANDS_ON");
        HttpResponse<String> empty = answer(learner, written, "  ");
        assertEquals(422, empty.statusCode(), empty.body());
        assertEquals(200, answer(learner, written, "先核对商品资质，再写卖点。").statusCode());
        HttpResponse<String> again = answer(learner, written, "先核对商品资质与价格，再写卖点。");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(2, RunningPlatform.json(again).getJsonObject("submission").getInt("revision"));
        HttpResponse<String> docOnWritten = document(learner, written, PDF);
        assertEquals(422, docOnWritten.statusCode(), docOnWritten.body());
        assertTrue(docOnWritten.body().contains("笔试"), docOnWritten.body());
        HttpResponse<String> notPdf =
                document(learner, handsOn, "<html>%PDF-1.4</html>".getBytes(StandardCharsets.US_ASCII));
        assertEquals(422, notPdf.statusCode(), notPdf.body());
        assertTrue(notPdf.body().contains("不是 PDF、JPEG 或 PNG 文件"), notPdf.body());
        HttpResponse<String> doc = document(learner, handsOn, PDF);
        assertEquals(200, doc.statusCode(), doc.body());
        assertEquals(
                PDF.length,
                RunningPlatform.json(doc)
                        .getJsonObject("submission")
                        .getJsonObject("document")
                        .getInt("sizeBytes"));
        String path =
                "/api/assessment/practicals/" + examId + "/tasks/" + id(handsOn) + "/work/" + learnerId + "/document";
        assertEquals(
                404, RunningPlatform.call(other, "GET", path, null).statusCode(), "another learner never reaches it");
        HttpResponse<String> mine = RunningPlatform.call(learner, "GET", path, null);
        assertEquals(200, mine.statusCode());
        HttpResponse<String> seen = RunningPlatform.call(teacher, "GET", path, null);
        assertEquals(200, seen.statusCode());
        assertEquals(new String(PDF, StandardCharsets.US_ASCII), seen.body());
        assertEquals(
                "application/pdf", seen.headers().firstValue("Content-Type").orElse(""));
        assertEquals(403, answer(teacher, written, "teachers do not hand in").statusCode());
    }

    @Test
    @Order(4)
    void aHandsOnTaskTakesARecordedVideoThroughTheMediaPipelineThatOnlyTheLearnerAndTheStaffWatch() throws Exception {
        JsonObject handsOn = task("HANDS_ON");
        String base = "/api/assessment/practicals/" + examId + "/tasks/";
        HttpResponse<String> onWritten = RunningPlatform.call(
                learner,
                "POST",
                base + id(task("WRITTEN")) + "/recording",
                "{\"fileName\":\"mock.mp4\",\"size\":1000}");
        assertEquals(422, onWritten.statusCode(), onWritten.body());
        // Storage is not the learner's to fill: a recording beyond the limit is refused before anything is stored, and
        // an upload grant allows the size announced, not more.
        HttpResponse<String> huge = RunningPlatform.call(
                learner, "POST", base + id(handsOn) + "/recording", "{\"fileName\":\"8g.mp4\",\"size\":8589934592}");
        assertEquals(413, huge.statusCode(), huge.body());
        JsonObject small = RunningPlatform.json(RunningPlatform.call(
                learner, "POST", base + id(handsOn) + "/recording", "{\"fileName\":\"small.mp4\",\"size\":1000}"));
        HttpResponse<String> bigger = Media.post(
                Media.uploadPath(small, ""),
                "{\"fileName\":\"small.mp4\",\"size\":50000000,\"contentType\":\"video/mp4\"}");
        assertEquals(413, bigger.statusCode(), bigger.body());
        java.nio.file.Path video = MediaFixtures.video("practical-mock-selling-320x240-6s.mp4", 320, 240, 6, true);
        HttpResponse<String> started = RunningPlatform.call(
                learner,
                "POST",
                base + id(handsOn) + "/recording",
                "{\"fileName\":\"模拟直播.mp4\",\"size\":" + java.nio.file.Files.size(video) + "}");
        assertEquals(201, started.statusCode(), started.body());
        String assetId = RunningPlatform.json(started).getString("assetId");
        // A cut-off upload resumes with a fresh grant for the same recording (the learner's own only).
        String grantPath = base + id(handsOn) + "/recording/upload-grant";
        assertEquals(
                404,
                RunningPlatform.call(other, "POST", grantPath, null).statusCode(),
                "the other learner started no recording");
        assertEquals(403, RunningPlatform.call(teacher, "POST", grantPath, null).statusCode());
        HttpResponse<String> renewed = RunningPlatform.call(learner, "POST", grantPath, null);
        assertEquals(200, renewed.statusCode(), renewed.body());
        JsonObject ticket = RunningPlatform.json(renewed);
        assertEquals(assetId, ticket.getString("assetId"));
        HttpResponse<String> done = Media.upload(ticket, video);
        assertEquals(202, done.statusCode(), done.body());
        assertEquals(
                "READY",
                Media.await(ticket, java.time.Duration.ofMinutes(3), "READY", "FAILED")
                        .getString("state"));
        String path = base + id(handsOn) + "/work/" + learnerId + "/recording";
        assertEquals(
                404, RunningPlatform.call(other, "GET", path, null).statusCode(), "another learner never reaches it");
        HttpResponse<String> watched = RunningPlatform.call(teacher, "GET", path, null);
        assertEquals(200, watched.statusCode(), watched.body());
        String master = Media.get(RunningPlatform.json(watched).getString("playlistUrl"))
                .body();
        assertTrue(master.contains("#EXT-X-STREAM-INF"), master);
        JsonObject mine = RunningPlatform.json(
                RunningPlatform.call(learner, "GET", "/api/assessment/practicals/" + examId, null));
        JsonObject submission = mine.getJsonArray("tasks").stream()
                .map(JsonValue::asJsonObject)
                .filter(t -> id(t) == id(handsOn))
                .findFirst()
                .orElseThrow()
                .getJsonObject("mine")
                .getJsonObject("submission");
        assertEquals("模拟直播.mp4", submission.getJsonObject("recording").getString("fileName"));
        assertEquals(
                PDF.length,
                submission.getJsonObject("document").getInt("sizeBytes"),
                "the document stays beside the recording");

        // A learner who records again does not fill storage: the replaced recording's grants are refused at once and
        // its
        // files are removed from storage (the asset sweep runs every 2 s here).
        java.nio.file.Path take = MediaFixtures.video("practical-take-160x120-2s.mp4", 160, 120, 2, true);
        JsonObject first = RunningPlatform.json(RunningPlatform.call(
                other,
                "POST",
                base + id(handsOn) + "/recording",
                "{\"fileName\":\"第一遍.mp4\",\"size\":" + java.nio.file.Files.size(take) + "}"));
        assertEquals(202, Media.upload(first, take).statusCode());
        assertEquals(
                "READY",
                Media.await(first, java.time.Duration.ofMinutes(3), "READY", "FAILED")
                        .getString("state"));
        java.nio.file.Path stored =
                RunningPlatform.varDir().resolve("s3/lms-media/assets/" + first.getString("assetId"));
        assertTrue(java.nio.file.Files.isDirectory(stored.resolve("hls")), "the first take is stored and transcoded");
        JsonObject second = RunningPlatform.json(RunningPlatform.call(
                other,
                "POST",
                base + id(handsOn) + "/recording",
                "{\"fileName\":\"第二遍.mp4\",\"size\":" + java.nio.file.Files.size(take) + "}"));
        assertTrue(!second.getString("assetId").equals(first.getString("assetId")));
        HttpResponse<String> gone = Media.get(first.getString("statusUrl"));
        assertEquals(410, gone.statusCode(), gone.body());
        assertEquals(
                410,
                Media.post(
                                Media.uploadPath(first, ""),
                                "{\"fileName\":\"x.mp4\",\"size\":1000,\"contentType\":\"video/mp4\"}")
                        .statusCode(),
                "a released recording's grant starts no upload");
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (java.nio.file.Files.exists(stored.resolve("source")) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        try (var left = java.nio.file.Files.walk(stored)) {
            assertEquals(
                    List.of(),
                    left.filter(java.nio.file.Files::isRegularFile)
                            .map(Object::toString)
                            .toList(),
                    "the replaced take's files");
        } catch (java.nio.file.NoSuchFileException removed) {
            // S3Proxy removed the emptied folder too.
        }
    }

    @Test
    @Order(5)
    void teachersGradeByTheRubricAndTheScoreFollowsTheBlueprintsWeights() throws Exception {
        JsonObject first = TASKS.get(0);
        HttpResponse<String> count = grade(first, "[6]", null);
        assertEquals(422, count.statusCode(), count.body());
        HttpResponse<String> range = grade(first, "[7,4]", null);
        assertEquals(422, range.statusCode(), range.body());
        assertTrue(range.body().contains("points[0]") && range.body().contains("脚本结构完整"), range.body());
        assertEquals(
                403,
                RunningPlatform.call(learner, "PUT", gradePath(first), "{\"points\":[6,4]}")
                        .statusCode());
        // First task 5/10, every other task full marks but the second, which earns nothing.
        double expected = 0;
        int weights = 0;
        for (int i = 0; i < TASKS.size(); i++) {
            JsonObject t = TASKS.get(i);
            int max = t.getInt("maxPoints");
            String points = i == 0 ? "[2,3]" : "[" + (i == 1 ? 0 : max) + "]";
            HttpResponse<String> r = grade(t, points, i == 0 ? "结构缺少促单环节" : null);
            assertEquals(200, r.statusCode(), r.body());
            int awarded = i == 0 ? 5 : i == 1 ? 0 : max;
            assertEquals(awarded, RunningPlatform.json(r).getJsonObject("grade").getInt("awarded"));
            expected += (double) t.getInt("weight") * awarded / max;
            weights += t.getInt("weight");
        }
        double score = Math.round(expected * 100.0 / weights * 10) / 10.0;
        JsonObject row = rowOf(learnerId);
        assertEquals(score, row.getJsonObject("total").getJsonNumber("score").doubleValue(), 0.001, row.toString());
        assertEquals(score >= 60, row.getJsonObject("total").getBoolean("passed"));
        JsonObject mine = RunningPlatform.json(
                RunningPlatform.call(learner, "GET", "/api/assessment/practicals/" + examId, null));
        assertEquals(score, mine.getJsonObject("myTotal").getJsonNumber("score").doubleValue(), 0.001);
        assertEquals(
                "结构缺少促单环节",
                mine.getJsonArray("tasks")
                        .getJsonObject(0)
                        .getJsonObject("mine")
                        .getJsonObject("grade")
                        .getString("comment"));
        JsonObject otherRow = rowOf(RunningPlatform.json(RunningPlatform.call(other, "GET", "/api/me", null))
                .getJsonNumber("id")
                .longValue());
        assertTrue(otherRow.getJsonObject("total").isNull("score"), "no score before every task is graded");
        // A regrade replaces the grade.
        HttpResponse<String> regrade = grade(first, "[6,4]", "补充后满分");
        assertEquals(200, regrade.statusCode(), regrade.body());
        assertEquals(10, RunningPlatform.json(regrade).getJsonObject("grade").getInt("awarded"));
    }

    @Test
    @Order(6)
    void theRubricIsFixedByTheFirstGradeAndGradedWorkCanNoLongerChange() throws Exception {
        HttpResponse<String> edit = editTask(TASKS.get(0), "{\"rubric\":[{\"criterion\":\"新标准\",\"points\":10}]}");
        assertEquals(409, edit.statusCode(), edit.body());
        HttpResponse<String> change = answer(learner, task("WRITTEN"), "改答案");
        assertEquals(409, change.statusCode(), change.body());
        assertTrue(change.body().contains("已评分"), change.body());
    }

    @Test
    @Order(7)
    void theResultReachesTheLearningArchiveAndTheExport() throws Exception {
        JsonObject archive = RunningPlatform.json(RunningPlatform.call(
                learner, "GET", "/api/archive/classes/" + classId + "/learners/" + learnerId, null));
        JsonArray practicals = archive.getJsonArray("practicals");
        assertTrue(
                practicals.stream()
                        .anyMatch(p -> p.asJsonObject().getJsonNumber("examId").longValue() == examId),
                archive.toString());
        JsonObject check = archive.getJsonObject("outcome").getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("requirement").equals("PRACTICAL"))
                .findFirst()
                .orElse(null);
        assertNotNull(check, archive.toString());
        assertTrue(List.of("MET", "NOT_MET", "NOT_TAKEN").contains(check.getString("state")), check.toString());
        HttpResponse<String> csv =
                RunningPlatform.call(teacher, "GET", "/api/assessment/practicals/" + examId + "/export", null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().contains("learner21") && csv.body().contains("得分（百分制）,是否及格"), csv.body());
        HttpResponse<String> xlsx = RunningPlatform.call(
                teacher, "GET", "/api/assessment/practicals/" + examId + "/export?format=xlsx", null);
        assertEquals(200, xlsx.statusCode());
    }

    @Test
    @Order(8)
    void workIsHandedInOnlyWhileTheExamIsOpen() throws Exception {
        HttpResponse<String> created = create(teacher, window(3));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject exam = RunningPlatform.json(created);
        Thread.sleep(4000);
        JsonObject t = exam.getJsonArray("tasks").getJsonObject(0);
        HttpResponse<String> late = RunningPlatform.call(
                learner,
                "PUT",
                "/api/assessment/practicals/" + exam.getJsonNumber("id") + "/tasks/" + id(t) + "/answer",
                "{\"text\":\"迟到的答案\"}");
        assertEquals(409, late.statusCode(), late.body());
        assertTrue(late.body().contains("考核开放期间"), late.body());
        assertTrue(late.body().contains("（北京时间）"), "times in China time, said so: " + late.body());
        assertFalse(
                late.body().matches("(?s).*\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z.*"), "no UTC instant: " + late.body());
    }

    private static JsonArray array(HttpResponse<String> r) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(r.body()))) {
            return reader.readArray();
        }
    }

    private static HttpResponse<String> create(String token, String body) throws Exception {
        return RunningPlatform.call(token, "POST", "/api/assessment/practicals?classId=" + classId, body);
    }

    private static String window(int seconds) {
        return "{\"title\":\"操作技能考核\",\"opensAt\":\"" + Instant.now().minusSeconds(60) + "\",\"closesAt\":\""
                + Instant.now().plusSeconds(seconds) + "\"}";
    }

    private static long id(JsonObject task) {
        return task.getJsonNumber("id").longValue();
    }

    private static JsonObject task(String form) {
        return TASKS.stream()
                .filter(t -> t.getString("form").equals(form))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + form + " task"));
    }

    private static HttpResponse<String> editTask(JsonObject task, String body) throws Exception {
        return RunningPlatform.call(
                teacher, "PUT", "/api/assessment/practicals/" + examId + "/tasks/" + id(task), body);
    }

    private static HttpResponse<String> answer(String token, JsonObject task, String text) throws Exception {
        return RunningPlatform.call(
                token,
                "PUT",
                "/api/assessment/practicals/" + examId + "/tasks/" + id(task) + "/answer",
                "{\"text\":\"" + text + "\"}");
    }

    private static HttpResponse<String> document(String token, JsonObject task, byte[] content) throws Exception {
        return RunningPlatform.putBytes(
                token,
                "/api/assessment/practicals/" + examId + "/tasks/" + id(task) + "/document?name=%E8%84%9A%E6%9C%AC.pdf",
                content,
                "application/pdf");
    }

    private static String gradePath(JsonObject task) {
        return "/api/assessment/practicals/" + examId + "/tasks/" + id(task) + "/work/" + learnerId + "/grade";
    }

    private static HttpResponse<String> grade(JsonObject task, String points, String comment) throws Exception {
        return RunningPlatform.call(
                teacher,
                "PUT",
                gradePath(task),
                "{\"points\":" + points + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}");
    }

    private static JsonObject rowOf(long learner) throws Exception {
        HttpResponse<String> r =
                RunningPlatform.call(teacher, "GET", "/api/assessment/practicals/" + examId + "/results", null);
        assertEquals(200, r.statusCode(), r.body());
        return array(r).stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> o.getJsonNumber("learnerId").longValue() == learner)
                .findFirst()
                .orElseThrow();
    }
}
