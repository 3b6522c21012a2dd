package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Theory exams against the real stack: a bank imported as CSV for the demo class's level-5 live-seller
 * blueprint, papers that meet every course's weight exactly, the shortfall error, answers saved on the
 * server and resumed, automatic grading per module, one attempt unless granted, answers shown only once
 * released, and the server's clock ending attempts (by the next request and by the sweep).
 */
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssessmentIT {

    static String teacher;
    static String admin;
    static String learner;
    static long classId;
    static long examId;
    static long attemptId;
    static long materialId;
    static final Map<String, Integer> WEIGHTS = new HashMap<>();

    @BeforeAll
    static void demoClass() throws Exception {
        teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        learner = RunningPlatform.token("learner15", RunningPlatform.DEMO_PASSWORD);
        classId = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/classes", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        for (JsonValue b : RunningPlatform.json(RunningPlatform.call(teacher, "GET", "/api/catalogue/export", null))
                .getJsonArray("assessment")) {
            if ("L5".equals(string(b.asJsonObject(), "level"))
                    && "LIVE_SELLER".equals(string(b.asJsonObject(), "jobType"))) {
                for (JsonValue m : b.asJsonObject().getJsonArray("modules")) {
                    for (JsonValue c : m.asJsonObject().getJsonArray("courses")) {
                        WEIGHTS.put(
                                c.asJsonObject().getString("code"),
                                c.asJsonObject().getInt("weight"));
                    }
                }
            }
        }
        assertEquals(100, WEIGHTS.values().stream().mapToInt(Integer::intValue).sum(), WEIGHTS.toString());
    }

    @Test
    @Order(1)
    void anExamCannotBeSetWhileTheBankCannotFillItsBlueprintAndTheErrorNamesTheUnits() throws Exception {
        HttpResponse<String> r = RunningPlatform.call(
                teacher,
                "POST",
                "/api/assessment/classes/" + classId + "/exams",
                exam("结业理论考试", Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), 60)
                        .toString());
        assertEquals(422, r.statusCode(), r.body());
        JsonArray errors = RunningPlatform.json(r).getJsonArray("errors");
        assertTrue(errors.size() >= 16, "one per unit of the blueprint: " + r.body());
        assertTrue(r.body().contains("撰写单品直播脚本") && r.body().contains("道单选题"), r.body());
        JsonObject coverage = RunningPlatform.json(
                RunningPlatform.call(teacher, "GET", "/api/assessment/coverage?level=L5&jobType=LIVE_SELLER", null));
        assertEquals(100, coverage.getInt("paperPoints"));
        assertEquals(errors.size(), coverage.getJsonArray("lacks").size());
    }

    @Test
    @Order(2)
    void aFileWithOneBadLineImportsNothingAndSaysWhichLine() throws Exception {
        long before = total();
        String csv = bank(2) + ",,1-2,职业道德与职业守则,SINGLE_CHOICE,2,没有答案的题,甲,乙,,,,,,\r\n"
                + "L5,LIVE_SELLER,2-1,不存在的单元,TRUE_FALSE,1,题,,,,,,,T,\r\n";
        HttpResponse<String> r = importCsv(csv);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(
                r.body().contains("answer")
                        && r.body().contains("不存在的单元")
                        && r.body().contains("撰写单品直播脚本"),
                r.body());
        assertEquals(before, total(), "nothing was imported");
        HttpResponse<String> asLearner = RunningPlatform.call(
                learner, "POST", "/api/assessment/questions/import", bank(1), "Content-Type", "text/csv");
        assertEquals(403, asLearner.statusCode());
    }

    @Test
    @Order(3)
    void aSufficientBankImportsAndCoversTheBlueprint() throws Exception {
        HttpResponse<String> r = importCsv(bank(6));
        assertEquals(201, r.statusCode(), r.body());
        int imported = RunningPlatform.json(r).getInt("imported");
        assertTrue(imported >= 16 * 18, "18 questions on each of the 16 units: " + imported);
        HttpResponse<String> again = importCsv(bank(6));
        assertEquals(422, again.statusCode(), "the same questions twice are refused");
        assertTrue(again.body().contains("题库中已有此题"), again.body());
        JsonObject coverage = RunningPlatform.json(
                RunningPlatform.call(teacher, "GET", "/api/assessment/coverage?level=L5&jobType=LIVE_SELLER", null));
        assertEquals(0, coverage.getJsonArray("lacks").size(), coverage.toString());
        HttpResponse<String> export = RunningPlatform.call(
                teacher, "GET", "/api/assessment/questions/export?level=L5&jobType=LIVE_SELLER", null);
        assertEquals(200, export.statusCode());
        assertTrue(
                export.body().startsWith("\uFEFF等级,职业方向,课程编号,学习单元,题型"),
                export.body().substring(0, 80));
        assertTrue(export.body().contains("L5,LIVE_SELLER,2-1,撰写单品直播脚本,MULTIPLE_CHOICE"));
    }

    @Test
    @Order(4)
    void eachLearnersPaperMeetsEveryCoursesWeightExactlyAndHidesTheAnswers() throws Exception {
        HttpResponse<String> created = RunningPlatform.call(
                teacher,
                "POST",
                "/api/assessment/classes/" + classId + "/exams",
                exam("结业理论考试", Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), 60)
                        .toString());
        assertEquals(201, created.statusCode(), created.body());
        examId = RunningPlatform.json(created).getJsonNumber("id").longValue();
        JsonObject attempt = start(learner);
        attemptId = attempt.getJsonNumber("id").longValue();
        JsonArray items = attempt.getJsonArray("items");
        Map<String, Integer> byCourse = new HashMap<>();
        for (JsonValue v : items) {
            JsonObject i = v.asJsonObject();
            byCourse.merge(i.getString("courseCode"), i.getInt("points"), Integer::sum);
            assertTrue(i.isNull("correctAnswer") && i.isNull("explanation"), "no answers inside an open attempt: " + i);
        }
        assertEquals(WEIGHTS, byCourse);
        long remaining = attempt.getJsonNumber("remainingSeconds").longValue();
        assertTrue(remaining > 59 * 60 && remaining <= 60 * 60, "the server's clock: " + remaining);
        JsonObject other = start(RunningPlatform.token("learner16", RunningPlatform.DEMO_PASSWORD));
        assertNotEquals(stems(attempt), stems(other), "each learner draws their own paper");
    }

    @Test
    @Order(5)
    void answersAreSavedOneByOneAndALearnerWhoComesBackResumesTheSamePaper() throws Exception {
        HttpResponse<String> bad = answer(1, "Z");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("answer"), bad.body());
        assertEquals(200, answer(1, "A").statusCode());
        JsonObject resumed = start(learner);
        assertEquals(attemptId, resumed.getJsonNumber("id").longValue(), "the open attempt, not a new one");
        assertEquals("A", resumed.getJsonArray("items").getJsonObject(0).getString("answer"));

        // Assessment material of a unit on the paper reaches the learner inside the open attempt, and only there.
        long unitId = RunningPlatform.json(RunningPlatform.call(
                        teacher, "GET", "/api/assessment/questions?level=L5&jobType=LIVE_SELLER&size=1", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("unitId")
                .longValue();
        long material = Media.publishedDocument(
                teacher,
                "ASSESSMENT",
                unitId,
                MediaFixtures.text("case-material.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"));
        assertEquals(
                404,
                RunningPlatform.call(learner, "GET", "/api/resources/" + material + "/access", null)
                        .statusCode(),
                "never outside an exam");
        String materials = "/api/assessment/attempts/" + attemptId + "/materials";
        HttpResponse<String> listed = RunningPlatform.call(learner, "GET", materials, null);
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(
                Json.createReader(new java.io.StringReader(listed.body())).readArray().stream()
                        .anyMatch(m -> m.asJsonObject().getJsonNumber("id").longValue() == material),
                listed.body());
        HttpResponse<String> opened = RunningPlatform.call(learner, "GET", materials + "/" + material, null);
        assertEquals(200, opened.statusCode(), opened.body());
        HttpResponse<String> file = Media.get(RunningPlatform.json(opened).getString("fileUrl"));
        assertEquals(303, file.statusCode(), file.body());
        assertTrue(Media.get(file.headers().firstValue("Location").orElseThrow())
                .body()
                .startsWith("%PDF-1.4"));
        String other = RunningPlatform.token("learner16", RunningPlatform.DEMO_PASSWORD);
        assertEquals(
                404, RunningPlatform.call(other, "GET", materials, null).statusCode(), "another learner's attempt");
        assertEquals(
                404,
                RunningPlatform.call(learner, "GET", materials + "/" + (material + 100000), null)
                        .statusCode());
        materialId = material;
    }

    @Test
    @Order(6)
    void gradingIsAutomaticWithTheScorePerModule() throws Exception {
        JsonArray key = RunningPlatform.json(
                        RunningPlatform.call(teacher, "GET", "/api/assessment/attempts/" + attemptId, null))
                .getJsonArray("items");
        Map<String, int[]> expected = new HashMap<>();
        int score = 0;
        for (int n = 0; n < key.size(); n++) {
            JsonObject i = key.getJsonObject(n);
            boolean right = n % 3 != 0;
            String correct = i.getString("correctAnswer");
            String given = right ? correct : wrong(i.getString("type"), correct);
            assertEquals(200, answer(i.getInt("position"), given).statusCode());
            int points = i.getInt("points");
            int[] m = expected.computeIfAbsent(i.getString("moduleCode"), k -> new int[2]);
            m[0] += right ? points : 0;
            m[1] += points;
            score += right ? points : 0;
        }
        JsonObject submitted = RunningPlatform.json(
                RunningPlatform.call(learner, "POST", "/api/assessment/attempts/" + attemptId + "/submit", null));
        JsonObject result = submitted.getJsonObject("result");
        assertEquals("LEARNER", submitted.getString("submittedBy"));
        assertEquals(score, result.getInt("score"));
        assertEquals(100, result.getInt("maxScore"));
        assertEquals(score >= 60, result.getBoolean("passed"));
        for (JsonValue v : result.getJsonArray("modules")) {
            JsonObject m = v.asJsonObject();
            assertEquals(expected.get(m.getString("code"))[0], m.getInt("awarded"), "module " + m.getString("code"));
            assertEquals(expected.get(m.getString("code"))[1], m.getInt("points"), "module " + m.getString("code"));
        }
        assertEquals(expected.size(), result.getJsonArray("modules").size());
        assertTrue(submitted.getJsonArray("items").getJsonObject(0).isNull("correctAnswer"), "not released yet");
        assertEquals(409, answer(2, "A").statusCode(), "a submitted attempt takes no answer");
    }

    @Test
    @Order(7)
    void oneAttemptUnlessATeacherGrantsAnotherAndAnswersOnlyOnceReleased() throws Exception {
        // The attempt is over (submitted in order 6): its materials are out of reach again.
        HttpResponse<String> closed = RunningPlatform.call(
                learner, "GET", "/api/assessment/attempts/" + attemptId + "/materials/" + materialId, null);
        assertEquals(409, closed.statusCode(), closed.body());
        HttpResponse<String> second =
                RunningPlatform.call(learner, "POST", "/api/assessment/exams/" + examId + "/attempts", null);
        assertEquals(409, second.statusCode(), second.body());
        long learnerId = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/me", null))
                .getJsonNumber("id")
                .longValue();
        assertEquals(
                422,
                RunningPlatform.call(
                                teacher,
                                "POST",
                                "/api/assessment/exams/" + examId + "/grants",
                                Json.createObjectBuilder()
                                        .add("learnerId", learnerId)
                                        .build()
                                        .toString())
                        .statusCode(),
                "a grant needs a reason");
        assertEquals(
                200,
                RunningPlatform.call(
                                teacher,
                                "POST",
                                "/api/assessment/exams/" + examId + "/grants",
                                Json.createObjectBuilder()
                                        .add("learnerId", learnerId)
                                        .add("reason", "考试中断网，补考一次")
                                        .build()
                                        .toString())
                        .statusCode());
        JsonObject retake = start(learner);
        assertEquals(2, retake.getInt("number"));
        assertNotEquals(attemptId, retake.getJsonNumber("id").longValue());
        assertEquals(
                200,
                RunningPlatform.call(teacher, "POST", "/api/assessment/exams/" + examId + "/release-answers", null)
                        .statusCode());
        JsonObject first = RunningPlatform.json(
                RunningPlatform.call(learner, "GET", "/api/assessment/attempts/" + attemptId, null));
        assertFalse(first.getJsonArray("items").getJsonObject(0).isNull("correctAnswer"), "released");
        JsonObject open = RunningPlatform.json(
                RunningPlatform.call(learner, "GET", "/api/assessment/attempts/" + retake.getJsonNumber("id"), null));
        assertTrue(open.getJsonArray("items").getJsonObject(0).isNull("correctAnswer"), "never inside an open attempt");
        String other = RunningPlatform.token("learner17", RunningPlatform.DEMO_PASSWORD);
        assertEquals(
                404,
                RunningPlatform.call(other, "GET", "/api/assessment/attempts/" + attemptId, null)
                        .statusCode(),
                "another learner's attempt does not exist for them");
        HttpResponse<String> export =
                RunningPlatform.call(teacher, "GET", "/api/assessment/exams/" + examId + "/export", null);
        assertEquals(200, export.statusCode());
        assertTrue(export.body().contains("learner15") && export.body().contains("模块 2 直播营销"), export.body());
    }

    @Test
    @Order(8)
    void theServersClockEndsAttemptsEvenWhenNobodyComesBack() throws Exception {
        Instant closes = Instant.now().plusSeconds(12);
        HttpResponse<String> created = RunningPlatform.call(
                teacher,
                "POST",
                "/api/assessment/classes/" + classId + "/exams",
                exam("限时测验", Instant.now().minusSeconds(600), closes, 5).toString());
        assertEquals(201, created.statusCode(), created.body());
        long shortExam = RunningPlatform.json(created).getJsonNumber("id").longValue();
        String stays = RunningPlatform.token("learner16", RunningPlatform.DEMO_PASSWORD);
        String leaves = RunningPlatform.token("learner17", RunningPlatform.DEMO_PASSWORD);
        JsonObject a =
                json(RunningPlatform.call(stays, "POST", "/api/assessment/exams/" + shortExam + "/attempts", null));
        JsonObject b =
                json(RunningPlatform.call(leaves, "POST", "/api/assessment/exams/" + shortExam + "/attempts", null));
        assertTrue(a.getJsonNumber("remainingSeconds").longValue() <= 12, "the deadline never passes the window");
        assertEquals(
                200,
                RunningPlatform.call(
                                stays,
                                "PUT",
                                "/api/assessment/attempts/" + a.getJsonNumber("id") + "/answers/1",
                                Json.createObjectBuilder()
                                        .add(
                                                "answer",
                                                a.getJsonArray("items")
                                                                .getJsonObject(0)
                                                                .getString("type")
                                                                .equals("TRUE_FALSE")
                                                        ? "T"
                                                        : "A")
                                        .build()
                                        .toString())
                        .statusCode());
        Thread.sleep(java.time.Duration.between(Instant.now(), closes).toMillis() + 4_000);
        HttpResponse<String> late = RunningPlatform.call(
                stays,
                "PUT",
                "/api/assessment/attempts/" + a.getJsonNumber("id") + "/answers/2",
                Json.createObjectBuilder().add("answer", "A").build().toString());
        assertEquals(409, late.statusCode(), late.body());
        JsonObject ended =
                json(RunningPlatform.call(stays, "GET", "/api/assessment/attempts/" + a.getJsonNumber("id"), null));
        assertEquals("TIME_UP", ended.getString("submittedBy"));
        String first = ended.getJsonArray("items").getJsonObject(0).getString("answer");
        assertTrue(first.equals("A") || first.equals("T"), "the answer saved in time counts: " + first);
        assertTrue(ended.getJsonArray("items").getJsonObject(1).isNull("answer"), "the late one does not");
        long deadline = System.nanoTime() + 20_000_000_000L;
        String by = null;
        while (System.nanoTime() < deadline) {
            JsonArray rows = Json.createReader(new StringReader(RunningPlatform.call(
                                    teacher, "GET", "/api/assessment/exams/" + shortExam + "/results", null)
                            .body()))
                    .readArray();
            JsonObject row = rows.stream()
                    .map(JsonValue::asJsonObject)
                    .filter(o -> o.getString("username").equals("learner17"))
                    .findFirst()
                    .orElseThrow();
            if (!row.isNull("counted")) {
                by = row.getJsonObject("counted").getString("submittedBy");
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(
                "TIME_UP", by, "the sweep submitted the attempt of the learner who left, " + b.getJsonNumber("id"));
    }

    @Test
    @Order(9)
    void aFormativeQuizOnOneUnitShowsTheAnswersAtOnceAndCanBeTakenAgain() throws Exception {
        JsonObject unit = planUnit("撰写单品直播脚本");
        HttpResponse<String> tooMany = RunningPlatform.call(
                teacher,
                "POST",
                "/api/assessment/classes/" + classId + "/exams",
                quiz(unit.getJsonNumber("id").longValue(), 30).toString());
        assertEquals(422, tooMany.statusCode(), tooMany.body());
        assertTrue(tooMany.body().contains("出 30 题的练习还差 12 道题"), tooMany.body());
        HttpResponse<String> created = RunningPlatform.call(
                teacher,
                "POST",
                "/api/assessment/classes/" + classId + "/exams",
                quiz(unit.getJsonNumber("id").longValue(), 5).toString());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject quiz = RunningPlatform.json(created);
        assertTrue(quiz.isNull("attemptsAllowed"), "as many attempts as the learner likes");
        String token = RunningPlatform.token("learner17", RunningPlatform.DEMO_PASSWORD);
        String start = "/api/assessment/exams/" + quiz.getJsonNumber("id") + "/attempts";
        JsonObject first = json(RunningPlatform.call(token, "POST", start, null));
        assertEquals(5, first.getJsonArray("items").size());
        assertTrue(first.getJsonArray("items").stream()
                .allMatch(i -> i.asJsonObject().getString("stem").startsWith("撰写单品直播脚本")));
        JsonObject submitted = json(RunningPlatform.call(
                token, "POST", "/api/assessment/attempts/" + first.getJsonNumber("id") + "/submit", null));
        assertTrue(submitted.getBoolean("answersShown"));
        assertFalse(
                submitted.getJsonArray("items").getJsonObject(0).isNull("correctAnswer"),
                "a quiz teaches: the answers at once");
        assertEquals(0, submitted.getJsonObject("result").getInt("score"), "nothing answered");
        JsonObject again = json(RunningPlatform.call(token, "POST", start, null));
        assertEquals(2, again.getInt("number"));
        // Unlimited attempts: there is no further attempt to grant.
        long learnerId = json(RunningPlatform.call(token, "GET", "/api/me", null))
                .getJsonNumber("id")
                .longValue();
        HttpResponse<String> grant = RunningPlatform.call(
                teacher,
                "POST",
                "/api/assessment/exams/" + quiz.getJsonNumber("id") + "/grants",
                "{\"learnerId\":" + learnerId + ",\"reason\":\"病假\"}");
        assertEquals(409, grant.statusCode(), grant.body());
        assertTrue(RunningPlatform.json(grant).getString("detail").startsWith("练习测验不限作答次数"), grant.body());
    }

    @Test
    @Order(10)
    void theXlsxTemplateFilledInImportsAsAWorkbookAndItsRowsAreNamedInErrors() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<byte[]> template = bytes(http, "/api/assessment/questions/template?format=xlsx");
        assertEquals(200, template.statusCode());
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        long before = total();
        HttpResponse<String> posted = post(http, teacher, template.body(), xlsx);
        assertEquals(201, posted.statusCode(), posted.body());
        assertEquals(3, RunningPlatform.json(posted).getInt("imported"), "one question of each type");
        assertEquals(before + 3, total());
        HttpResponse<String> again = post(http, teacher, template.body(), xlsx);
        assertEquals(422, again.statusCode(), again.body());
        assertTrue(again.body().contains("line 2: stem") && again.body().contains("题库中已有此题"), again.body());
        // The template in English (headers of either language import): read as the same three questions, already in the
        // bank.
        HttpResponse<byte[]> english = bytes(http, "/api/assessment/questions/template?format=xlsx&lang=en");
        assertEquals(200, english.statusCode());
        HttpResponse<String> englishAgain = post(http, teacher, english.body(), xlsx);
        assertEquals(422, englishAgain.statusCode(), englishAgain.body());
        assertTrue(
                englishAgain.body().contains("line 2: stem")
                        && englishAgain.body().contains("题库中已有此题"),
                englishAgain.body());
        HttpResponse<String> notXlsx =
                post(http, teacher, "level,jobType\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), xlsx);
        assertEquals(422, notXlsx.statusCode(), notXlsx.body());
        assertTrue(notXlsx.body().contains("不是 Excel 工作簿"), notXlsx.body());
        assertEquals(403, post(http, learner, template.body(), xlsx).statusCode());
    }

    /** The bank leaves as a QTI 2.1 package and comes back from one; a package's errors name its item files. */
    @Test
    @Order(11)
    void theBankTravelsAsAQti21Package() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<byte[]> exported =
                bytes(http, "/api/assessment/questions/export?level=L5&jobType=LIVE_SELLER&format=qti");
        assertEquals(200, exported.statusCode());
        assertEquals(
                "application/zip", exported.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<byte[]> unknown =
                bytes(http, "/api/assessment/questions/export?level=L5&jobType=LIVE_SELLER&format=pdf");
        assertEquals(422, unknown.statusCode());
        assertTrue(new String(unknown.body(), java.nio.charset.StandardCharsets.UTF_8).contains("CSV、XLSX、QTI"));
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(exported.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertTrue(
                files.get("imsmanifest.xml").contains("imsqti_item_xmlv2p1"),
                files.keySet().toString());
        int items = files.size() - 1;
        assertTrue(items >= 3, "the table's questions: " + files.keySet());

        // As it is, every item is already in the bank: nothing is imported, and each item file is named.
        HttpResponse<String> again = post(http, teacher, exported.body(), "application/zip");
        assertEquals(422, again.statusCode(), again.body());
        assertTrue(
                again.body().contains("items/item-1.xml: stem") && again.body().contains("题库中已有此题"), again.body());

        // Edited elsewhere (every question reworded), the package imports as new questions under the same units.
        String table = "/api/assessment/questions?level=L5&jobType=LIVE_SELLER&size=1";
        long before = RunningPlatform.json(RunningPlatform.call(teacher, "GET", table, null))
                .getJsonNumber("total")
                .longValue();
        java.io.ByteArrayOutputStream edited = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(edited)) {
            for (var f : files.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(f.getKey()));
                zip.write(f.getValue()
                        .replace("</prompt>", "（QTI 改写）</prompt>")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        HttpResponse<String> imported = post(http, teacher, edited.toByteArray(), "application/zip");
        assertEquals(201, imported.statusCode(), imported.body());
        assertEquals(items, RunningPlatform.json(imported).getInt("imported"));
        assertEquals(
                before + items,
                RunningPlatform.json(RunningPlatform.call(teacher, "GET", table, null))
                        .getJsonNumber("total")
                        .longValue());
        HttpResponse<String> notZip = post(
                http, teacher, "level,jobType\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/zip");
        assertEquals(422, notZip.statusCode(), notZip.body());
        assertTrue(notZip.body().contains("QTI 内容包"), notZip.body());
        // (A small body: a server that refuses before reading a large one may close the connection under it.)
        assertEquals(
                403,
                post(http, learner, "PK".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/zip")
                        .statusCode());
    }

    @Test
    @Order(12)
    void anExamKeepsTheQuestionsItWasSetWithWhateverTheBankDoesLater() throws Exception {
        long unit = planUnit("撰写单品直播脚本").getJsonNumber("id").longValue();
        JsonObject live = json(
                RunningPlatform.call(teacher, "GET", "/api/assessment/questions?unit=" + unit + "&size=200", null));
        int n = live.getInt("total");
        assertTrue(n >= 2 && n <= 50, "the unit's bank: " + n);
        HttpResponse<String> set = RunningPlatform.call(
                teacher,
                "POST",
                "/api/assessment/classes/" + classId + "/exams",
                quiz(unit, n).toString());
        assertEquals(201, set.statusCode(), set.body());
        long quizId = RunningPlatform.json(set).getJsonNumber("id").longValue();

        // The bank changes under the quiz: one question retired, another edited (a new version of it).
        JsonObject retired = live.getJsonArray("items").getJsonObject(0);
        JsonObject edited = live.getJsonArray("items").getJsonObject(1);
        String q = "/api/assessment/questions/";
        assertEquals(
                200,
                RunningPlatform.call(teacher, "POST", q + retired.getJsonNumber("id") + "/retire", null)
                        .statusCode());
        String revision = Json.createObjectBuilder()
                .add("unitId", unit)
                .add("type", edited.getString("type"))
                .add("difficulty", edited.getInt("difficulty"))
                .add("stem", edited.getString("stem") + "（修订）")
                .add("options", edited.getJsonArray("options"))
                .add("answer", edited.getString("answer"))
                .build()
                .toString();
        JsonObject v2 = json(RunningPlatform.call(teacher, "PUT", q + edited.getJsonNumber("id"), revision));
        assertNotEquals(
                edited.getJsonNumber("id").longValue(),
                v2.getJsonNumber("id").longValue(),
                "an edit makes a new version");
        assertEquals(2, v2.getInt("version"));
        assertEquals(
                edited.getJsonNumber("id").longValue(),
                v2.getJsonNumber("lineageId").longValue());
        JsonObject v1 = json(RunningPlatform.call(teacher, "GET", q + edited.getJsonNumber("id"), null));
        assertEquals(edited.getString("stem"), v1.getString("stem"), "the edited version stays as it was");
        assertEquals(
                v2.getJsonNumber("id").longValue(),
                v1.getJsonNumber("replacedBy").longValue());
        assertEquals(
                409,
                RunningPlatform.call(teacher, "PUT", q + edited.getJsonNumber("id"), revision)
                        .statusCode(),
                "an old version is not edited again");
        assertEquals(
                409,
                RunningPlatform.call(teacher, "POST", q + edited.getJsonNumber("id") + "/retire", null)
                        .statusCode());
        assertEquals(
                n - 1,
                json(RunningPlatform.call(teacher, "GET", "/api/assessment/questions?unit=" + unit + "&size=1", null))
                        .getInt("total"));
        assertEquals(
                422,
                RunningPlatform.call(
                                teacher,
                                "POST",
                                "/api/assessment/classes/" + classId + "/exams",
                                quiz(unit, n).toString())
                        .statusCode(),
                "a new quiz is set from the bank as it is now");

        // The quiz already set is neither shortened nor altered.
        String token = RunningPlatform.token("learner18", RunningPlatform.DEMO_PASSWORD);
        JsonObject paper =
                json(RunningPlatform.call(token, "POST", "/api/assessment/exams/" + quizId + "/attempts", null));
        List<String> stems = stems(paper);
        assertEquals(n, stems.size());
        assertTrue(stems.contains(retired.getString("stem")), "the retired question stays in the quiz set with it");
        assertTrue(stems.contains(edited.getString("stem")), "the version the quiz was set with");
        assertFalse(stems.contains(v2.getString("stem")), "not the later version");
        // The current version is edited and retired as usual.
        assertEquals(
                200,
                RunningPlatform.call(teacher, "POST", q + v2.getJsonNumber("id") + "/retire", null)
                        .statusCode());
    }

    @Test
    @Order(13)
    void examTimesAreReadAsChinaTimeAndABadOneIsRefusedNamingItsField() throws Exception {
        String path = "/api/assessment/classes/" + classId + "/exams";
        int before = exams().size();
        String later = Instant.now().plusSeconds(7 * 86400).toString();
        // A time that is no time, a word, and a window that ends before it opens: 422 naming the field, in Chinese by
        // default and in English when asked, never a parser's words; nothing created.
        for (String[] bad : new String[][] {
            {"2026-13-40T25:00", later, "opensAt", "北京时间", "China time"},
            {"tomorrow", later, "opensAt", "北京时间", "China time"},
            {"2037-12-30T10:00", "2037-12-30T09:00", "closesAt", "须晚于开始时间", "must be after opensAt"},
            {"2026-12-10T08:00", "2040-01-01T08:00", "closesAt", "1970", "1970"}
        }) {
            String body = Json.createObjectBuilder()
                    .add("title", "时间有误的考试")
                    .add("blueprint", "SKILL")
                    .add("opensAt", bad[0])
                    .add("closesAt", bad[1])
                    .add("durationMinutes", 30)
                    .build()
                    .toString();
            HttpResponse<String> zh = RunningPlatform.call(teacher, "POST", path, body);
            HttpResponse<String> en = RunningPlatform.call(teacher, "POST", path, body, "Accept-Language", "en");
            for (HttpResponse<String> r : List.of(zh, en)) {
                assertEquals(422, r.statusCode(), bad[0] + " " + r.body());
                JsonArray errors = RunningPlatform.json(r).getJsonArray("errors");
                assertEquals(1, errors.size(), r.body());
                assertEquals(bad[2], errors.getJsonObject(0).getString("field"), r.body());
                assertFalse(
                        r.body()
                                .matches("(?s).*(java\\.|Exception|DateTime|Instant|could not be parsed|Text '|"
                                        + "Unexpected|malformed).*"),
                        r.body());
            }
            assertTrue(errors(zh).contains(bad[3]), zh.body());
            assertTrue(errors(en).contains(bad[4]), en.body());
            assertFalse(errors(en).matches("(?s).*\\p{IsHan}.*"), "English only: " + en.body());
        }
        // A blank or missing time is required, not a null somewhere.
        HttpResponse<String> blank = RunningPlatform.call(
                teacher,
                "POST",
                path,
                "{\"title\":\"无时间\",\"blueprint\":\"SKILL\",\"opensAt\":\" \",\"durationMinutes\":30}");
        assertEquals(422, blank.statusCode(), blank.body());
        assertTrue(blank.body().contains("\"opensAt\"") && blank.body().contains("\"closesAt\""), blank.body());
        // A number where a time belongs: the same kind of answer, not a generic 400.
        HttpResponse<String> number = RunningPlatform.call(
                teacher,
                "POST",
                path,
                "{\"title\":\"数字\",\"blueprint\":\"SKILL\",\"opensAt\":1700000000,\"closesAt\":\"" + later
                        + "\",\"durationMinutes\":30}");
        assertTrue(number.statusCode() == 400 || number.statusCode() == 422, number.body());
        assertFalse(number.body().contains("Exception") || number.body().contains("java."), number.body());
        assertEquals(before, exams().size(), "nothing was created");

        // A page's field, without an offset: China time, whatever the zone of whoever sent it.
        HttpResponse<String> created = RunningPlatform.call(
                teacher,
                "POST",
                path,
                Json.createObjectBuilder()
                        .add("title", "北京时间上午九点的考试")
                        .add("blueprint", "SKILL")
                        .add("opensAt", "2027-01-05T09:00")
                        .add("closesAt", "2027-01-05T11:00+08:00")
                        .add("durationMinutes", 60)
                        .build()
                        .toString());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject exam = RunningPlatform.json(created);
        assertEquals(Instant.parse("2027-01-05T01:00:00Z"), Instant.parse(exam.getString("opensAt")));
        assertEquals(Instant.parse("2027-01-05T03:00:00Z"), Instant.parse(exam.getString("closesAt")));
        assertEquals(before + 1, exams().size());
        // Not open yet: a learner cannot start it, and is told when it opens in China time.
        HttpResponse<String> early = RunningPlatform.call(
                learner, "POST", "/api/assessment/exams/" + exam.getJsonNumber("id") + "/attempts", null);
        assertEquals(409, early.statusCode(), early.body());
        assertTrue(early.body().contains("2027-01-05 09:00"), early.body());
    }

    private static JsonArray exams() throws Exception {
        HttpResponse<String> r =
                RunningPlatform.call(teacher, "GET", "/api/assessment/classes/" + classId + "/exams", null);
        assertEquals(200, r.statusCode(), r.body());
        return Json.createReader(new StringReader(r.body())).readArray();
    }

    /** The field errors' messages of a problem, one per line. */
    private static String errors(HttpResponse<String> r) {
        StringBuilder b = new StringBuilder();
        RunningPlatform.json(r)
                .getJsonArray("errors")
                .forEach(e -> b.append(e.asJsonObject().getString("message")).append('\n'));
        return b.toString();
    }

    /** The unit of the demo class's plan with this name. */
    private static JsonObject planUnit(String name) throws Exception {
        JsonObject plan = RunningPlatform.json(RunningPlatform.call(
                teacher,
                "GET",
                "/api/plans/"
                        + RunningPlatform.json(RunningPlatform.call(teacher, "GET", "/api/classes/" + classId, null))
                                .getJsonNumber("planId"),
                null));
        return plan.getJsonArray("units").stream()
                .map(JsonValue::asJsonObject)
                .filter(u -> u.getString("name").equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** A download as the teacher. */
    private static HttpResponse<byte[]> bytes(java.net.http.HttpClient http, String path) throws Exception {
        return http.send(
                java.net.http.HttpRequest.newBuilder(RunningPlatform.uri(path))
                        .header("Authorization", "Bearer " + teacher)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> post(java.net.http.HttpClient http, String token, byte[] body, String type)
            throws Exception {
        return http.send(
                java.net.http.HttpRequest.newBuilder(RunningPlatform.uri("/api/assessment/questions/import"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", type)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject quiz(long unitId, int questions) {
        return Json.createObjectBuilder()
                .add("title", "单元练习：撰写单品直播脚本")
                .add("blueprint", "UNIT")
                .add("unitId", unitId)
                .add("questionCount", questions)
                .add("opensAt", Instant.now().minusSeconds(60).toString())
                .add("closesAt", Instant.now().plusSeconds(86400).toString())
                .add("durationMinutes", 20)
                .build();
    }

    private static JsonObject exam(String title, Instant opens, Instant closes, int minutes) {
        return Json.createObjectBuilder()
                .add("title", title)
                .add("blueprint", "SKILL")
                .add("opensAt", opens.toString())
                .add("closesAt", closes.toString())
                .add("durationMinutes", minutes)
                .build();
    }

    private static String bank(int n) throws Exception {
        return QuestionBanks.csv(teacher, "L5", "LIVE_SELLER", n);
    }

    private static HttpResponse<String> importCsv(String csv) throws Exception {
        return RunningPlatform.call(
                teacher, "POST", "/api/assessment/questions/import", csv, "Content-Type", "text/csv; charset=UTF-8");
    }

    private static long total() throws Exception {
        return RunningPlatform.json(RunningPlatform.call(teacher, "GET", "/api/assessment/questions?size=1", null))
                .getJsonNumber("total")
                .longValue();
    }

    private static JsonObject start(String token) throws Exception {
        return json(RunningPlatform.call(token, "POST", "/api/assessment/exams/" + examId + "/attempts", null));
    }

    private static JsonObject json(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return RunningPlatform.json(r);
    }

    private static HttpResponse<String> answer(int position, String answer) throws Exception {
        return RunningPlatform.call(
                learner,
                "PUT",
                "/api/assessment/attempts/" + attemptId + "/answers/" + position,
                Json.createObjectBuilder().add("answer", answer).build().toString());
    }

    private static String wrong(String type, String correct) {
        return switch (type) {
            case "TRUE_FALSE" -> correct.equals("T") ? "F" : "T";
            case "MULTIPLE_CHOICE" -> correct.equals("AC") ? "AB" : "AC";
            default -> correct.equals("A") ? "B" : "A";
        };
    }

    private static List<String> stems(JsonObject attempt) {
        List<String> stems = new ArrayList<>();
        attempt.getJsonArray("items").forEach(v -> stems.add(v.asJsonObject().getString("stem")));
        return stems;
    }

    private static String string(JsonObject o, String key) {
        return o.isNull(key) ? null : o.getString(key);
    }
}
