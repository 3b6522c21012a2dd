package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Exams in a real browser: a teacher imports a question bank for the basic course from a CSV file,
 * sees it cover the blueprint and sets an exam; a learner on a phone starts it, answers, reloads the
 * page and resumes with the answers kept, submits and reads the score per module.
 */
@ExtendWith(RunningPlatform.class)
class ExamPagesIT {

    static final String TITLE = "职业基本素质结业考试";

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** As a {@code datetime-local} field holds a time. */
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    @Test
    void aTeacherSetsAnExamFromAnImportedBankAndALearnerSitsItOnAPhone() throws Exception {
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        String learner = RunningPlatform.token("learner18", RunningPlatform.DEMO_PASSWORD);
        long classId = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/classes", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        Path csv = Files.createTempFile("basic-course-bank", ".csv");
        Files.writeString(csv, QuestionBanks.csv(teacher, null, null, 4), StandardCharsets.UTF_8);

        ZonedDateTime typed;
        String listed;
        try (Browser b = new Browser()) {
            b.signIn("teacher01", RunningPlatform.DEMO_PASSWORD, "/teacher/");
            // A teacher whose computer keeps Los Angeles time: the form still means China time.
            b.timeZone("America/Los_Angeles");
            b.open("/teacher/exams?class=" + classId);
            b.waitFor(By.id("bank-file")).sendKeys(csv.toString());
            assertEquals(
                    480L,
                    ((Number) b.js("return new Date(2027, 0, 5).getTimezoneOffset();")).longValue(),
                    "the browser runs on Pacific time");
            b.driver.findElement(By.id("import-bank")).click();
            b.until(d -> d.findElement(By.id("notice")).getText().contains("已导入"), Duration.ofSeconds(20));
            b.driver.findElement(By.id("show-coverage-basic")).click();
            b.until(d -> d.findElement(By.id("coverage-verdict")).getText().contains("足以"), Duration.ofSeconds(10));
            b.screenshot("teacher-exams-bank");
            b.driver.findElement(By.cssSelector("#create-exam [name=title]")).sendKeys(TITLE);
            new Select(b.driver.findElement(By.name("blueprint"))).selectByValue("BASIC");
            WebElement opens = b.driver.findElement(By.cssSelector("#create-exam [name=opensAt]"));
            String filled = opens.getAttribute("value");
            ZonedDateTime chinaNow = ZonedDateTime.now(CHINA).truncatedTo(ChronoUnit.MINUTES);
            // Filled when the page was drawn, a little before now (the import waited between).
            long behind = Duration.between(java.time.LocalDateTime.parse(filled), chinaNow.toLocalDateTime())
                    .toMinutes();
            assertTrue(behind >= 0 && behind <= 5, "the form opens now, in China time: " + filled + " at " + chinaNow);
            assertTrue(
                    opens.findElement(By.xpath("..")).getText().contains("北京时间"),
                    "labelled China time: " + opens.findElement(By.xpath("..")).getText());
            // The time typed: ten minutes ago in China, as the field holds it.
            typed = chinaNow.minusMinutes(10);
            b.js("arguments[0].value = arguments[1];", opens, MINUTE.format(typed));
            b.driver
                    .findElement(By.cssSelector("#create-exam button[type=submit]"))
                    .click();
            b.until(d -> d.findElement(By.id("notice")).getText().contains("考试已创建"), Duration.ofSeconds(10));
            b.until(d -> d.findElement(By.cssSelector("ul.exams")).getText().contains(TITLE), Duration.ofSeconds(10));
            listed = b.driver.findElement(By.cssSelector("ul.exams")).findElements(By.tagName("li")).stream()
                    .map(WebElement::getText)
                    .filter(t -> t.contains(TITLE))
                    .findFirst()
                    .orElseThrow();
            b.screenshot("teacher-exams-created");
        }
        long examId = Json.createReader(new StringReader(
                        RunningPlatform.call(teacher, "GET", "/api/assessment/classes/" + classId + "/exams", null)
                                .body()))
                .readArray()
                .stream()
                .map(v -> v.asJsonObject())
                .filter(e -> e.getString("title").equals(TITLE))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        // What was typed is what the exam keeps, and what the list shows back: China time, not the browser's.
        assertEquals(
                typed.toInstant(),
                java.time.Instant.parse(RunningPlatform.json(
                                RunningPlatform.call(teacher, "GET", "/api/assessment/exams/" + examId, null))
                        .getString("opensAt")),
                "the exam opens at the China time typed");
        assertTrue(listed.contains(CLOCK.format(typed)), "the list shows it in China time: " + listed);
        assertFalse(
                listed.contains(CLOCK.format(typed.withZoneSameInstant(ZoneId.of("America/Los_Angeles")))),
                "not in the browser's: " + listed);

        // Case material for a unit on the paper: shown beside it while the attempt is open.
        long unitId = RunningPlatform.json(
                        RunningPlatform.call(teacher, "GET", "/api/assessment/questions?size=1", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("unitId")
                .longValue();
        long material = Media.publishedDocument(
                teacher,
                "ASSESSMENT",
                unitId,
                MediaFixtures.text("exam-case.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"));

        int scored;
        try (Browser b = new Browser(390, 844)) {
            b.signIn("learner18", RunningPlatform.DEMO_PASSWORD, "/learner/");
            b.waitFor(By.cssSelector("li[data-exam='" + examId + "'] a")).click();
            b.waitFor(By.id("start-exam")).click();
            b.waitFor(By.id("countdown"));
            assertTrue(b.waitFor(By.cssSelector("#materials li[data-material='" + material + "']"))
                    .getText()
                    .contains("考核资源讲义"));
            b.driver
                    .findElement(By.cssSelector("fieldset[data-position='1'] input"))
                    .click();
            b.until(
                    d -> d.findElement(By.cssSelector("fieldset[data-position='1'] .saved"))
                            .getText()
                            .equals("已保存"),
                    Duration.ofSeconds(10));

            b.driver.navigate().refresh();
            b.waitFor(By.id("start-exam")).click();
            b.waitFor(By.id("countdown"));
            assertEquals(
                    Boolean.TRUE,
                    b.js("return document.querySelector(\"fieldset[data-position='1'] input\").checked;"),
                    "the saved answer is back after the reload");
            assertFalse(b.overflowsHorizontally(), "the paper fits a phone's width");
            // Each question's text lies inside its card, below the card's top border (a plain legend straddles it).
            assertEquals(
                    Boolean.TRUE,
                    b.js(
                            "return [...document.querySelectorAll('fieldset.question')].every(f => {"
                                    + " const l = f.querySelector('legend').getBoundingClientRect(), r = f.getBoundingClientRect();"
                                    + " return l.top >= r.top + parseFloat(getComputedStyle(f).borderTopWidth) && l.left >= r.left && l.right <= r.right; });"),
                    "a question's text crosses its card's border");
            assertTrue(
                    ((Number) b.js("return document.querySelector('header.topbar').getBoundingClientRect().height;"))
                                    .doubleValue()
                            < 64,
                    "the phone's header is one line");
            b.screenshot("learner-exam-phone");

            b.js(
                    "document.querySelectorAll('fieldset.question').forEach(f => { const i = f.querySelector('input'); if (!i.checked) i.click(); });");
            b.until(
                    d -> (Boolean)
                            b.js(
                                    "return [...document.querySelectorAll('fieldset.question .saved')].every(s => s.textContent === '已保存');"),
                    Duration.ofSeconds(60));
            b.js("window.confirm = () => true;");
            b.driver.findElement(By.id("submit-exam")).click();
            String score = b.waitFor(By.id("score")).getText();
            b.screenshot("learner-exam-result");
            assertEquals(
                    409,
                    RunningPlatform.call(learner, "POST", "/api/assessment/exams/" + examId + "/attempts", null)
                            .statusCode(),
                    "one attempt");
            long attemptId = Json.createReader(new StringReader(
                            RunningPlatform.call(learner, "GET", "/api/assessment/exams/" + examId, null)
                                    .body()))
                    .readObject()
                    .getJsonArray("myAttempts")
                    .getJsonObject(0)
                    .getJsonNumber("id")
                    .longValue();
            JsonObject result = RunningPlatform.json(
                            RunningPlatform.call(learner, "GET", "/api/assessment/attempts/" + attemptId, null))
                    .getJsonObject("result");
            scored = result.getInt("score");
            assertTrue(score.contains("得分 " + scored + " / 100"), score);
            assertTrue(b.driver.findElement(By.id("result")).getText().contains("1 职业认知与职业道德"), "the score per module");

            // The learning archive shows the exam with the same score, the hours and the outcome requirement by
            // requirement.
            b.open("/learner/archive?class=" + classId);
            b.waitFor(By.id("outcome"));
            String exams = b.waitFor(By.id("archive-exams")).getText();
            assertTrue(exams.contains(TITLE) && exams.contains(result.getInt("score") + " / 100"), exams);
            String practical = b.driver
                    .findElement(By.cssSelector("#checks li[data-requirement='PRACTICAL']"))
                    .getAttribute("data-state");
            assertTrue(
                    List.of("NOT_AVAILABLE", "NOT_TAKEN").contains(practical),
                    "the demo class leads to a certificate: no practical result yet (none set, or set by PracticalIT and not graded): "
                            + practical);
            String checks = b.driver.findElement(By.id("checks")).getText();
            assertTrue(
                    checks.contains("课堂学时")
                            && !checks.matches("(?s).*(short by|minutes|not passed|passed:|exam yet).*"),
                    "each requirement's detail in Chinese: " + checks);
            assertFalse(b.overflowsHorizontally(), "the archive fits a phone's width");
            b.screenshot("learner-archive-phone");
        }
        long learnerId = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/me", null))
                .getJsonNumber("id")
                .longValue();
        String other = RunningPlatform.token("learner19", RunningPlatform.DEMO_PASSWORD);
        assertEquals(
                404,
                RunningPlatform.call(other, "GET", "/api/archive/classes/" + classId + "/learners/" + learnerId, null)
                        .statusCode(),
                "another learner's archive does not exist for them");
        JsonObject archive = RunningPlatform.json(RunningPlatform.call(
                teacher, "GET", "/api/archive/classes/" + classId + "/learners/" + learnerId, null));
        assertEquals("learner18", archive.getJsonObject("learner").getString("username"));
        // The same archive as the server's PDF: Chinese by default, for the learner and the class's teacher only.
        String pdfPath = "/api/archive/classes/" + classId + "/learners/" + learnerId + "/pdf";
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(RunningPlatform.uri(pdfPath))
                                .header("Authorization", "Bearer " + learner)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.headers()
                .firstValue("Content-Disposition")
                .orElse("")
                .contains("filename*=UTF-8''%E5%AD%A6%E4%B9%A0%E6%A1%A3%E6%A1%88-learner18"));
        // Its text is drawn two bytes a character (UCS-2, as STSong-Light's UniGB-UCS2-H encoding has it).
        PdfReader reader = new PdfReader(pdf.body());
        StringBuilder drawn = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            drawn.append(new String(reader.getPageContent(page), StandardCharsets.ISO_8859_1));
        }
        for (String expected : List.of("学习档案", "learner18", scored + " / 100")) {
            assertTrue(
                    drawn.indexOf(new String(expected.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1))
                            >= 0,
                    "the PDF draws '" + expected + "'");
        }
        assertEquals(
                404,
                RunningPlatform.call(other, "GET", pdfPath, null).statusCode(),
                "another learner's archive has no PDF for them");
        assertEquals(
                422,
                RunningPlatform.call(teacher, "GET", pdfPath + "?lang=fr", null).statusCode());
        // The class's archives: Chinese by default, English for a reader who asks for it.
        String archives = RunningPlatform.call(teacher, "GET", "/api/archive/classes/" + classId + "/export", null)
                .body();
        String line = scored + "/100";
        String mine = archives.lines()
                .filter(l -> l.startsWith("learner18,"))
                .findFirst()
                .orElse(archives);
        assertTrue(
                archives.startsWith("\uFEFF学员账号,姓名,证件号码,计入课堂学时（时:分:秒）,计入课堂秒数,"),
                archives.lines().findFirst().orElse(""));
        assertTrue(
                mine.contains(line)
                        && mine.contains("课堂学时")
                        && !mine.matches(".*(passed|short by|NOT_MET|HOURS|true|false).*"),
                "every learner's line carries the exam's result, in Chinese: " + mine);
        HttpResponse<String> english = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(RunningPlatform.uri("/api/archive/classes/" + classId + "/export"))
                                .header("Authorization", "Bearer " + teacher)
                                .header("Accept-Language", "en-GB,en;q=0.9")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertTrue(
                english.body()
                        .startsWith(
                                "\uFEFFusername,full name,ID number,classroom credited (h:mm:ss),classroom seconds,"),
                english.body());
        assertEquals("en", english.headers().firstValue("Content-Language").orElse(""));
        assertTrue(
                english.body()
                        .lines()
                        .anyMatch(l -> l.startsWith("learner18,") && l.contains(line) && l.contains("Classroom hours")),
                english.body());
    }
}
