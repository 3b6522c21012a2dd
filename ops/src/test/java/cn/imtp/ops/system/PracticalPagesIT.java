package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A practical exam in a real browser: a teacher sets it up from the class's blueprint and writes a task's
 * rubric; a learner on a phone answers a written task and hands in a PDF and a recorded video for a hands-on
 * task; the teacher watches the recording, grades every task by its rubric and sees the weighted score; the learner reads the grades, the comment and
 * the score, and finds the practical exam in the learning archive.
 */
@ExtendWith(RunningPlatform.class)
class PracticalPagesIT {

    static final String TITLE = "直播销售员操作技能考核（页面）";

    @Test
    void aTeacherSetsAndGradesAPracticalExamThatALearnerTakesOnAPhone() throws Exception {
        String learner = RunningPlatform.token("learner23", RunningPlatform.DEMO_PASSWORD);
        long classId = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/classes", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        Path pdf = Files.createTempFile("live-script", ".pdf");
        Files.write(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        Path recording = MediaFixtures.video("practical-pages-320x240-6s.mp4", 320, 240, 6, true);
        String examPath;

        try (Browser b = new Browser()) {
            b.signIn("teacher01", RunningPlatform.DEMO_PASSWORD, "/teacher/");
            b.open("/teacher/exams?class=" + classId);
            WebElement title = b.waitFor(By.cssSelector("#create-practical [name=title]"));
            title.clear();
            title.sendKeys(TITLE);
            b.driver
                    .findElement(By.cssSelector("#create-practical button[type=submit]"))
                    .click();
            b.until(d -> d.getCurrentUrl().contains("/teacher/practical?exam="), Duration.ofSeconds(15));
            examPath =
                    b.driver.getCurrentUrl().substring(b.driver.getCurrentUrl().indexOf("/teacher/practical"));
            WebElement form = b.waitFor(By.cssSelector("form[data-task]"));
            form.findElement(By.name("instructions")).sendKeys("根据给定商品撰写直播脚本。");
            form.findElement(By.cssSelector("button.add-criterion")).click();
            List<WebElement> criteria = form.findElements(By.cssSelector(".criterion"));
            assertEquals(2, criteria.size(), "a criterion was added");
            criteria.get(1).findElement(By.name("criterion")).sendKeys("表达准确");
            WebElement points = criteria.get(1).findElement(By.name("points"));
            points.clear();
            points.sendKeys("4");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            b.until(d -> d.findElement(By.id("notice")).getText().contains("已保存"), Duration.ofSeconds(10));
            b.screenshot("teacher-practical-rubric");
        }
        long examId = Long.parseLong(examPath.replaceAll(".*exam=(\\d+).*", "$1"));

        try (Browser b = new Browser(390, 844)) {
            b.signIn("learner23", RunningPlatform.DEMO_PASSWORD, "/learner/");
            b.waitFor(By.cssSelector("li[data-practical='" + examId + "'] a")).click();
            WebElement written = b.waitFor(By.cssSelector("section.task[data-form='WRITTEN']"));
            written.findElement(By.tagName("textarea")).sendKeys("先核对商品资质与价格，再写卖点与促单话术。");
            written.findElement(By.cssSelector("button.primary")).click();
            b.until(d -> d.findElement(By.id("notice")).getText().contains("作答已保存"), Duration.ofSeconds(10));
            WebElement handsOn = b.driver.findElement(By.cssSelector("section.task[data-form='HANDS_ON']"));
            handsOn.findElement(By.cssSelector("input[type=file]")).sendKeys(pdf.toString());
            handsOn.findElement(By.cssSelector("button[id^=upload-]")).click();
            b.until(d -> d.findElement(By.id("notice")).getText().contains("已上传"), Duration.ofSeconds(10));
            b.waitFor(By.xpath("//button[contains(., '我的文件')]"));
            // A recorded mock session: uploaded in parts from the page, transcoded, then playable.
            handsOn = b.driver.findElement(By.cssSelector("section.task[data-form='HANDS_ON']"));
            handsOn.findElement(By.cssSelector("input[id^=recording-]")).sendKeys(recording.toString());
            handsOn.findElement(By.cssSelector("button[id^=record-]")).click();
            b.until(d -> d.findElement(By.id("notice")).getText().contains("已可播放"), Duration.ofSeconds(120));
            b.waitFor(By.xpath("//button[contains(., '观看录像')]")).click();
            b.until(
                    d -> (Boolean)
                            b.js(
                                    "const v = document.querySelector('video.recording-video'); return !!v && v.readyState > 0;"),
                    Duration.ofSeconds(30));
            assertFalse(b.overflowsHorizontally(), "the practical exam fits a phone's width");
            b.screenshot("learner-practical-phone");
        }

        try (Browser b = new Browser()) {
            b.signIn("teacher01", RunningPlatform.DEMO_PASSWORD, "/teacher/");
            b.open(examPath);
            b.waitFor(By.cssSelector("button[data-grade='learner23']")).click();
            int tasks = b.waitFor(By.id("grade-learner"))
                    .findElements(By.cssSelector("form.grade-task"))
                    .size();
            assertTrue(tasks > 3, "one grading form per task: " + tasks);
            for (int i = 0; i < tasks; i++) {
                WebElement form = b.waitFor(By.id("grade-learner"))
                        .findElements(By.cssSelector("form.grade-task"))
                        .get(i);
                if (i == 0) {
                    assertTrue(form.getText().contains("表达准确"), "the rubric written above: " + form.getText());
                }
                if (!form.findElements(By.cssSelector("button[data-recording]")).isEmpty()) {
                    form.findElement(By.cssSelector("button[data-recording]")).click();
                    b.until(
                            d -> (Boolean)
                                    b.js("const v = document.querySelector('#grade-learner video.recording-video');"
                                            + " return !!v && v.readyState > 0;"),
                            Duration.ofSeconds(30));
                    // The grader reads the recording's measures beside the rubric: a test pattern with a steady tone.
                    WebElement faces =
                            b.waitFor(By.cssSelector("#grade-learner [data-measure=faces]"), Duration.ofSeconds(60));
                    assertTrue(faces.getText().contains("抽样") && faces.getText().contains("无人脸"), faces.getText());
                    assertTrue(b.driver
                            .findElement(By.cssSelector("#grade-learner [data-measure=speech]"))
                            .getText()
                            .contains("100%"));
                    b.screenshot("teacher-practical-recording");
                    form = b.waitFor(By.id("grade-learner"))
                            .findElements(By.cssSelector("form.grade-task"))
                            .get(i);
                }
                // Full marks on every criterion but one point less on the first task's first criterion.
                List<WebElement> inputs = form.findElements(By.cssSelector(".criteria input"));
                for (int k = 0; k < inputs.size(); k++) {
                    int max = Integer.parseInt(inputs.get(k).getAttribute("max"));
                    inputs.get(k).sendKeys(String.valueOf(i == 0 && k == 0 ? max - 1 : max));
                }
                if (i == 0) {
                    form.findElement(By.name("comment")).sendKeys("开场略显仓促");
                }
                String task = form.getAttribute("data-task");
                form.findElement(By.cssSelector("button[type=submit]")).click();
                // Saved: the page shows the learner again, this task now to be regraded.
                By saved =
                        By.cssSelector("#grade-learner form.grade-task[data-task='" + task + "'] button[type=submit]");
                b.until(
                        d -> d.findElements(saved).stream()
                                .anyMatch(e -> e.getText().equals("修改评分")),
                        Duration.ofSeconds(15));
            }
            String row =
                    b.waitFor(By.cssSelector("tr[data-learner='learner23']")).getText();
            assertTrue(row.contains("操作技能成绩") && row.contains("及格"), row);
            b.screenshot("teacher-practical-grading");
        }
        double score = RunningPlatform.json(
                        RunningPlatform.call(learner, "GET", "/api/assessment/practicals/" + examId, null))
                .getJsonObject("myTotal")
                .getJsonNumber("score")
                .doubleValue();
        assertTrue(score > 90 && score < 100, "one point short on one task: " + score);

        try (Browser b = new Browser(390, 844)) {
            b.signIn("learner23", RunningPlatform.DEMO_PASSWORD, "/learner/");
            b.open("/learner/practical?exam=" + examId);
            String total = b.waitFor(By.id("practical-total")).getText();
            assertTrue(total.contains(String.valueOf(score)), total + " vs " + score);
            assertTrue(b.driver.findElement(By.cssSelector(".grade")).getText().contains("开场略显仓促"));
            b.screenshot("learner-practical-graded-phone");
            b.open("/learner/archive?class=" + classId);
            String archive = b.waitFor(By.cssSelector("#archive-practicals tr[data-practical='" + examId + "']"))
                    .getText();
            assertTrue(archive.contains(TITLE) && archive.contains(String.valueOf(score)), archive);
        }
    }
}
