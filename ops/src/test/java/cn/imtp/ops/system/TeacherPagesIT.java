package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A teacher in a real browser: from my classes to a unit of the plan, uploads a lesson video in several
 * parts straight to storage with a progress bar that moves, follows the transcoding live until the
 * video is ready, previews it playing, and publishes it.
 */
@ExtendWith(RunningPlatform.class)
class TeacherPagesIT {

    @BeforeAll
    static void demoClass() throws Exception {
        MediaPipelineIT.setUp();
    }

    static final String TITLE = "直播间话术示范（浏览器上传）";

    static final String RECORD_PROGRESS = "window.progressSeen = []; new MutationObserver(ms => ms.forEach(m => {"
            + " if (m.target.tagName === 'PROGRESS') window.progressSeen.push(Number(m.target.value)); })).observe(document.body,"
            + " { subtree: true, attributes: true, attributeFilter: ['value'] });";

    @Test
    void aTeacherUploadsAVideoWatchesItsProgressAndPublishesItOnceItPlays() throws Exception {
        Path video = MediaFixtures.video("pages-upload-720p-20s.mp4", 1280, 720, 20, true);
        assertTrue(Files.size(video) > 8L * 1024 * 1024, "the fixture must need several 8 MiB parts");
        try (Browser b = new Browser()) {
            b.signIn("teacher01", RunningPlatform.DEMO_PASSWORD, "/teacher/");
            // The plan's units are folded by course under their summary: unfold the class's list and open the unit.
            b.waitFor(By.xpath("(//details[.//a[@data-unit='" + MediaPipelineIT.studiedUnit + "']])[1]/summary"))
                    .click();
            b.waitFor(By.cssSelector("a[data-unit='" + MediaPipelineIT.studiedUnit + "']"));
            b.screenshot("teacher-classes");
            b.driver
                    .findElement(By.cssSelector("a[data-unit='" + MediaPipelineIT.studiedUnit + "']"))
                    .click();
            b.waitFor(By.id("new-resource"));
            // Every value the upload's progress bar takes, recorded in the page as it changes.
            b.js(RECORD_PROGRESS);
            b.driver.findElement(By.id("new-title")).sendKeys(TITLE);
            b.driver.findElement(By.id("new-file")).sendKeys(video.toString());
            b.driver.findElement(By.id("new-submit")).click();

            // The page re-renders as the upload goes on: ask it, never hold on to its elements.
            String resource = b.until(
                    d -> (String) b.js(
                            "const h = [...document.querySelectorAll('[data-resource] h2')]"
                                    + ".find(e => e.textContent.includes(arguments[0])); return h ? h.closest('[data-resource]').dataset.resource : null;",
                            TITLE),
                    Duration.ofSeconds(30));
            String stateId = "state-" + resource + "-1";
            b.until(
                    d -> {
                        Object st =
                                b.js("return document.getElementById(arguments[0])?.dataset.state || null;", stateId);
                        return st != null && !"UPLOADING".equals(st);
                    },
                    Duration.ofSeconds(60));
            if (!"READY".equals(b.js("return document.getElementById(arguments[0]).dataset.state;", stateId))) {
                assertFalse(
                        b.driver
                                .findElement(By.id("publish-" + resource + "-1"))
                                .isEnabled(),
                        "publishing waits for a READY file");
            }
            @SuppressWarnings("unchecked")
            List<Number> seen = (List<Number>) b.js("return window.progressSeen;");
            long size = Files.size(video);
            assertTrue(
                    seen.stream().anyMatch(v -> v.longValue() > 0 && v.longValue() < size),
                    "the progress bar showed no intermediate value: " + seen);
            assertEquals(size, seen.get(seen.size() - 1).longValue(), "the progress bar ends full: " + seen);
            b.screenshot("teacher-uploaded");

            b.until(
                    d -> "READY".equals(b.js("return document.getElementById(arguments[0])?.dataset.state;", stateId)),
                    Duration.ofMinutes(3));
            b.screenshot("teacher-transcoded");
            b.driver.findElement(By.id("preview-" + resource + "-1")).click();
            b.waitFor(By.id("preview-video"));
            // Play until it plays: a play() made before hls.js has attached the stream is undone by the attaching
            // (CI once saw the preview sit at 0:00), so it is asked again while the video is paused.
            b.until(
                    d -> ((Number) b.js("const v = document.getElementById('preview-video');"
                                            + " if (v.paused) v.play().catch(() => {}); return v.currentTime;"))
                                    .doubleValue()
                            > 1,
                    Duration.ofSeconds(30));
            b.driver.findElement(By.id("publish-" + resource + "-1")).click();
            String notice = b.waitFor(By.id("notice")).getText();
            assertTrue(notice.contains("已发布"), notice);
            b.screenshot("teacher-published");
            // A published version offers no publish button.
            b.until(d -> d.findElements(By.id("publish-" + resource + "-1")).isEmpty(), Duration.ofSeconds(10));
        }
    }

    /**
     * What a reload in the middle of an upload leaves behind: storage holds the first part, the page's
     * localStorage the ticket. The page offers to resume; the same file chosen again sends only the rest.
     */
    @Test
    void anUploadInterruptedByAReloadResumesWithTheSameFile() throws Exception {
        Path video = MediaFixtures.video("pages-upload-720p-20s.mp4", 1280, 720, 20, true);
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        long resourceId = Media.resource(teacher, "LEARNING", "VIDEO", MediaPipelineIT.studiedUnit, "断点续传示范");
        JsonObject ticket =
                Media.newVersion(teacher, resourceId, video.getFileName().toString(), Files.size(video));
        JsonObject started = RunningPlatform.json(Media.start(ticket, video));
        long partSize = started.getJsonNumber("partSize").longValue();
        assertTrue(started.getInt("partCount") >= 2, started.toString());
        Media.sendParts(ticket, video, partSize, List.of(1));
        try (Browser b = new Browser()) {
            b.signIn("teacher01", RunningPlatform.DEMO_PASSWORD, "/teacher/");
            b.js(
                    "localStorage.setItem('imtp.upload.' + arguments[0], arguments[1]);",
                    resourceId,
                    Json.createObjectBuilder()
                            .add("ticket", ticket)
                            .add("name", video.getFileName().toString())
                            .add("size", Files.size(video))
                            .add("lastModified", 0)
                            .build()
                            .toString());
            b.open("/teacher/unit?unit=" + MediaPipelineIT.studiedUnit);
            WebElement row = b.waitFor(By.cssSelector("[data-resource='" + resourceId + "']"));
            assertTrue(row.getText().contains("上传尚未完成"), row.getText());
            b.screenshot("teacher-upload-resume-offered");
            b.js(RECORD_PROGRESS);
            b.driver.findElement(By.id("file-" + resourceId)).sendKeys(video.toString());
            b.driver.findElement(By.id("send-" + resourceId)).click();
            String stateId = "state-" + resourceId + "-1";
            b.until(
                    d -> "READY".equals(b.js("return document.getElementById(arguments[0])?.dataset.state;", stateId)),
                    Duration.ofMinutes(3));
            @SuppressWarnings("unchecked")
            List<Number> seen = (List<Number>) b.js("return window.progressSeen;");
            assertTrue(
                    !seen.isEmpty() && seen.get(0).longValue() >= partSize,
                    "the resumed upload starts after the stored part: " + seen);
            assertEquals(Files.size(video), seen.get(seen.size() - 1).longValue(), seen.toString());
            assertEquals(
                    null,
                    b.js("return localStorage.getItem('imtp.upload.' + arguments[0]);", resourceId),
                    "the ticket is forgotten once done");
            b.screenshot("teacher-upload-resumed");

            // Publishing is offered once the file is READY; a version no longer wanted is deleted after a confirmation.
            assertTrue(
                    b.driver.findElement(By.id("publish-" + resourceId + "-1")).isEnabled());
            WebElement delete = b.driver.findElement(By.id("delete-" + resourceId + "-1"));
            assertEquals("删除此版本", delete.getText());
            delete.click();
            assertTrue(b.driver.switchTo().alert().getText().contains("已获得的学时保留"));
            b.driver.switchTo().alert().accept();
            String notice = b.waitFor(By.id("notice")).getText();
            assertTrue(notice.contains("已删除") && notice.contains("第 1 版"), notice);
            b.until(d -> d.findElements(By.id("state-" + resourceId + "-1")).isEmpty(), Duration.ofSeconds(10));
            b.screenshot("teacher-version-deleted");
        }
    }

    /** The subtitles kept from a file are captions the teacher deletes or replaces on the unit's page. */
    @Test
    void aTeacherDeletesAndReplacesTheCaptionsKeptFromAFile() throws Exception {
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        Media.Uploaded up = Media.ready(
                teacher, MediaPipelineIT.studiedUnit, "VIDEO", MediaFixtures.multiTrack("pages-bilingual-6s.mkv", 6));
        Path vtt =
                MediaFixtures.text("pages-replacement-en.vtt", "WEBVTT\n\n00:00.500 --> 00:02.500\nWelcome, again\n");
        String key = up.resourceId() + "-1";
        try (Browser b = new Browser()) {
            b.signIn("teacher01", RunningPlatform.DEMO_PASSWORD, "/teacher/");
            b.open("/teacher/unit?unit=" + MediaPipelineIT.studiedUnit);
            b.waitFor(By.cssSelector("#captions-" + key + " [data-caption='en']"));
            assertTrue(b.driver.findElement(By.id("captions-" + key)).getText().contains("中文（zh）"));
            b.screenshot("teacher-captions-kept");
            b.driver.findElement(By.id("caption-delete-" + key + "-en")).click();
            b.driver.switchTo().alert().accept();
            assertTrue(b.waitFor(By.id("notice")).getText().contains("en 字幕已删除"));
            b.until(
                    d -> !d.findElements(By.cssSelector("#captions-" + key + " [data-caption='zh']"))
                                    .isEmpty()
                            && d.findElements(By.cssSelector("#captions-" + key + " [data-caption='en']"))
                                    .isEmpty(),
                    Duration.ofSeconds(20));

            // The page re-renders its lists as the deletion settles: add the replacement on a fresh page.
            b.open("/teacher/unit?unit=" + MediaPipelineIT.studiedUnit);
            b.waitFor(By.cssSelector("#captions-" + key + " [data-caption='zh']"));
            b.waitFor(By.id("caption-language-" + key)).sendKeys("en");
            b.waitFor(By.id("caption-file-" + key)).sendKeys(vtt.toString());
            b.waitFor(By.id("caption-put-" + key)).click();
            assertTrue(b.waitFor(By.id("notice")).getText().contains("en 字幕已保存"));
            b.waitFor(By.cssSelector("#captions-" + key + " [data-caption='en']"));
            b.screenshot("teacher-captions-replaced");
        }
    }

    @Test
    void aTeacherWritesEditsAndRetiresAQuestionOnAUnit() throws Exception {
        String stem = "直播间里说明商品“七天无理由退货”的作用有（ ）。 " + System.nanoTime();
        try (Browser b = new Browser()) {
            b.signIn("teacher01", RunningPlatform.DEMO_PASSWORD, "/teacher/");
            b.open("/teacher/unit?unit=" + MediaPipelineIT.studiedUnit);
            b.waitFor(By.id("question-new")).click();
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("question-type")))
                    .selectByValue("MULTIPLE_CHOICE");
            b.driver.findElement(By.id("question-stem")).sendKeys(stem);
            String[] options = {"降低用户的决策顾虑", "保障消费者的合法权益", "可以拒绝所有退货", "提升下单转化"};
            for (int i = 0; i < options.length; i++) {
                b.driver
                        .findElement(By.id("question-option-" + (char) ('A' + i)))
                        .sendKeys(options[i]);
            }
            b.driver.findElement(By.id("question-answer")).sendKeys("A");
            b.driver.findElement(By.id("question-save")).click();
            b.until(d -> d.findElement(By.id("problem")).getText().contains("多选题至少有两个正确选项"), Duration.ofSeconds(10));
            b.driver.findElement(By.id("question-answer")).clear();
            b.driver.findElement(By.id("question-answer")).sendKeys("ABD");
            b.driver.findElement(By.id("question-save")).click();
            b.until(d -> d.findElement(By.id("question-list")).getText().contains(stem), Duration.ofSeconds(10));
            assertTrue(!b.driver.findElement(By.id("question-cancel")).isDisplayed(), "nothing is being edited");
            b.js("document.getElementById('question-list').scrollIntoView();");
            b.screenshot("teacher-question-written");

            String id = (String) b.js(
                    "return [...document.querySelectorAll('[data-question]')].find(li => li.textContent.includes(arguments[0]))"
                            + ".dataset.question;",
                    stem);
            b.js("document.querySelector(`[data-question='${arguments[0]}'] button`).click();", id);
            b.until(d -> d.findElement(By.id("question-save")).getText().contains(id), Duration.ofSeconds(5));
            b.driver.findElement(By.id("question-answer")).clear();
            b.driver.findElement(By.id("question-answer")).sendKeys("ABCD");
            b.driver.findElement(By.id("question-save")).click();
            // An edit makes version 2 under a new number; the list shows the current version only.
            b.until(
                    d -> d.findElements(By.cssSelector("[data-question='" + id + "']"))
                            .isEmpty(),
                    Duration.ofSeconds(10));
            assertTrue(
                    b.driver.findElement(By.id("notice")).getText().contains("第 2 版"),
                    b.driver.findElement(By.id("notice")).getText());
            String v2 = (String) b.js(
                    "return [...document.querySelectorAll('[data-question]')].find(li => li.textContent.includes(arguments[0]))"
                            + ".dataset.question;",
                    stem);
            assertTrue(b.driver
                    .findElement(By.cssSelector("[data-question='" + v2 + "']"))
                    .getText()
                    .contains("答案：ABCD"));
            assertTrue(b.driver
                    .findElement(By.cssSelector("[data-question='" + v2 + "']"))
                    .getText()
                    .contains("第 2 版"));

            b.js(
                    "window.confirm = () => true; document.querySelectorAll(`[data-question='${arguments[0]}'] button`)[1].click();",
                    v2);
            b.until(
                    d -> d.findElements(By.cssSelector("[data-question='" + v2 + "']"))
                            .isEmpty(),
                    Duration.ofSeconds(10));
            String token = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
            jakarta.json.JsonObject q =
                    RunningPlatform.json(RunningPlatform.call(token, "GET", "/api/assessment/questions/" + v2, null));
            assertTrue(q.getBoolean("retired"), "retired, not deleted: " + q);
            assertEquals("ABCD", q.getString("answer"));
            jakarta.json.JsonObject v1 =
                    RunningPlatform.json(RunningPlatform.call(token, "GET", "/api/assessment/questions/" + id, null));
            assertEquals("ABD", v1.getString("answer"), "version 1 stays as it was");
        }
    }

    /**
     * On the class's packs page a teacher opens a new sample paper to learners until a time (China time),
     * sees it marked shown with its end, and a window that has already ended is refused on the page in Chinese.
     */
    @Test
    void aTeacherOpensASamplePaperToLearnersUntilAGivenTime() throws Exception {
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        long classId = Media.demoClassId();
        Path doc = MediaFixtures.text("window-page.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        long sample = Media.publishedDocument(teacher, "ASSESSMENT", MediaPipelineIT.studiedUnit, doc, classId);
        String item = "li[data-resource='" + sample + "']";
        try (Browser b = new Browser()) {
            b.signIn("teacher01", RunningPlatform.DEMO_PASSWORD, "/teacher/");
            b.open("/teacher/packs?class=" + classId);
            b.waitFor(By.cssSelector(item + " span[data-state='hidden']"));
            // Tomorrow at 18:00 China time, as the page's date-and-time fields hold it (whatever the browser's zone).
            java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
            java.time.LocalDateTime tomorrow =
                    java.time.LocalDate.now(china).plusDays(1).atTime(18, 0);
            String until = tomorrow.atZone(china).toInstant().toString();
            String field = "document.querySelector(arguments[0] + \" input[data-window='until']\")";
            b.js(field + ".value = arguments[1];", item, tomorrow.toString());
            b.driver.findElement(By.cssSelector(item + " button[data-toggle]")).click();
            b.waitFor(By.cssSelector(item + " span[data-state='shown']"));
            String text = b.driver.findElement(By.cssSelector(item)).getText();
            assertTrue(text.contains("学员可见") && text.contains("至 "), text);
            assertEquals(
                    tomorrow.toString(), b.js("return " + field + ".value;", item), "the saved end, in China time");
            JsonObject view =
                    RunningPlatform.json(RunningPlatform.call(teacher, "GET", "/api/resources/" + sample, null));
            assertEquals(Instant.parse(until), Instant.parse(view.getString("shownUntil")), view.toString());
            b.screenshot("teacher-packs-window");

            // A window that has already ended: refused, in words, and the paper stays as it was.
            b.js(field + ".value = arguments[1];", item, tomorrow.minusDays(2).toString());
            b.driver
                    .findElement(By.cssSelector(item + " button[data-save-window]"))
                    .click();
            b.until(d -> d.findElement(By.id("problem")).isDisplayed(), Duration.ofSeconds(15));
            String problem = b.driver.findElement(By.id("problem")).getText();
            assertTrue(problem.contains("结束时间已经过去"), problem);
            assertEquals(
                    Instant.parse(until),
                    Instant.parse(
                            RunningPlatform.json(RunningPlatform.call(teacher, "GET", "/api/resources/" + sample, null))
                                    .getString("shownUntil")));
        }
    }

    /**
     * A teacher reminds those short of hours from the class page: every learner short is ticked at first; the three
     * NoticesIT reminds over the API (learner21–23) are unticked here, so that the two classes may run in either order.
     * The reminders go out, the page says how many; a second click sends nothing again and says who was skipped.
     */
    @Test
    void aTeacherRemindsTheLearnersShortOfHoursFromTheClassPage() throws Exception {
        long demo = Media.demoClassId();
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        List<JsonObject> shortOfHours = RunningPlatform.json(
                        RunningPlatform.call(teacher, "GET", "/api/attendance/classes/" + demo + "/ledger", null))
                .getJsonArray("items")
                .stream()
                .map(v -> v.asJsonObject())
                .filter(l -> !l.getBoolean("meetsHours"))
                .toList();
        Set<String> reserved = Set.of("learner21", "learner22", "learner23");
        List<JsonObject> reminded = shortOfHours.stream()
                .filter(l -> !reserved.contains(l.getString("username")))
                .toList();
        assertTrue(reminded.size() >= 2, "the demo class has learners short of hours: " + shortOfHours.size());
        String someone = reminded.get(0).getString("username");
        String learner = RunningPlatform.token(someone, RunningPlatform.DEMO_PASSWORD);
        long before = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/notices/unread", null))
                .getJsonNumber("unread")
                .longValue();
        try (Browser b = new Browser()) {
            b.signIn("teacher01", RunningPlatform.DEMO_PASSWORD, "/teacher/");
            b.open("/teacher/class?id=" + demo);
            b.waitFor(By.id("remind-send"));
            @SuppressWarnings("unchecked")
            List<Number> ticked = (List<Number>)
                    b.js(
                            "return [...document.querySelectorAll('input[data-remind]')].filter(c => c.checked).map(c => Number(c.dataset.remind));");
            assertEquals(
                    shortOfHours.stream()
                            .map(l -> l.getJsonNumber("learnerId").longValue())
                            .sorted()
                            .toList(),
                    ticked.stream().map(Number::longValue).sorted().toList(),
                    "every learner short of hours is ticked at first");
            for (String name : reserved) {
                for (WebElement box :
                        b.driver.findElements(By.cssSelector("tr[data-learner='" + name + "'] input[data-remind]"))) {
                    box.click();
                }
            }
            assertEquals(
                    "已选 " + reminded.size() + " 人",
                    b.driver.findElement(By.id("remind-count")).getText());
            assertTrue(
                    b.driver
                            .findElement(By.id("remind-body"))
                            .getAttribute("value")
                            .contains("学时尚未达标"),
                    "a Chinese default text");
            b.js("document.getElementById('remind-form').scrollIntoView();");
            b.driver.findElement(By.id("remind-send")).click();
            b.until(
                    d -> d.findElement(By.id("remind-result"))
                            .getText()
                            .equals("已发送 " + reminded.size() + " 条学习提醒，跳过 0 人。"),
                    Duration.ofSeconds(15));
            b.screenshot("teacher-class-reminders");
            b.until(d -> d.findElement(By.id("remind-send")).isEnabled(), Duration.ofSeconds(10));
            b.driver.findElement(By.id("remind-send")).click();
            b.until(
                    d -> d.findElement(By.id("remind-result"))
                            .getText()
                            .equals("已发送 0 条学习提醒，跳过 " + reminded.size() + " 人。"),
                    Duration.ofSeconds(15));
            assertEquals(
                    reminded.size(),
                    b.driver.findElements(By.cssSelector("#remind-skipped li")).size());
            b.screenshot("teacher-class-reminders-skipped");
            assertTrue(
                    b.driver.findElement(By.id("remind-skipped")).getText().contains("12 小时内已收到过本班的学习提醒"),
                    b.driver.findElement(By.id("remind-skipped")).getText());
        }
        assertEquals(
                before + 1,
                RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/notices/unread", null))
                        .getJsonNumber("unread")
                        .longValue(),
                someone + " has one reminder unread");
        assertTrue(RunningPlatform.call(learner, "GET", "/api/notices?size=5", null)
                .body()
                .contains("学时尚未达标"));
    }
}
