package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A live lesson in two real browsers: the learner finds it on the home page and is counted; the teacher
 * puts a lesson video on the stage and plays and pauses it, and the learner's video follows; a question
 * asked by the learner appears on the teacher's page with the learner present in the live roster; a
 * meeting link replaces the video; the learner's page fits a phone.
 */
@ExtendWith(RunningPlatform.class)
class LiveLessonPagesIT {

    static final String LEARNER = "learner29";

    static double learnerPosition(Browser b) {
        return ((Number) b.js("const v = document.getElementById('live-video'); return v ? v.currentTime : -1;"))
                .doubleValue();
    }

    static boolean learnerPaused(Browser b) {
        return (Boolean) b.js("const v = document.getElementById('live-video'); return !v || v.paused;");
    }

    @Test
    void theClassFollowsTheTeachersVideoAndQuestionsReachTheTeacher() throws Exception {
        LiveLessonIT.demoClass();
        Media.Uploaded up = Media.published(
                LiveLessonIT.teacher,
                LiveLessonIT.unitId,
                "VIDEO",
                MediaFixtures.video("live-640x360-30s.mp4", 640, 360, 30, true));
        long lessonId = LiveLessonIT.schedule(5).getJsonNumber("id").longValue();

        try (Browser learner = new Browser();
                Browser teacher = new Browser()) {
            learner.signIn(LEARNER, RunningPlatform.DEMO_PASSWORD, "/learner/");
            // The home lists the next five lessons; others' lessons of the last 45 minutes may come first, so go
            // straight to it.
            learner.open("/learner/lesson?id=" + lessonId);
            learner.until(
                    d -> learner.waitFor(By.id("live-counted")).getText().contains("正在被计入"), Duration.ofSeconds(20));
            // Before the stage is set the learner is told what the lesson is, that the time counts, and where to ask.
            String waiting = learner.waitFor(By.id("live-waiting")).getText();
            assertTrue(waiting.contains("出勤已在计算") && waiting.contains("问答区") && waiting.contains("本次直播课"), waiting);

            teacher.signIn("teacher02", RunningPlatform.DEMO_PASSWORD, "/teacher/");
            teacher.open("/teacher/lesson?id=" + lessonId);
            // New material: the unit's page (another tab) takes the upload; back on the lesson, the list has the new
            // video.
            assertTrue(
                    teacher.waitFor(By.id("stage-upload"))
                            .getAttribute("href")
                            .contains("/teacher/unit?unit=" + LiveLessonIT.unitId),
                    teacher.driver.findElement(By.id("stage-upload")).getAttribute("href"));
            Media.Uploaded fresh = Media.published(
                    LiveLessonIT.teacher,
                    LiveLessonIT.unitId,
                    "VIDEO",
                    MediaFixtures.video("live-new-material-640x360-6s.mp4", 640, 360, 6, true));
            teacher.js("document.dispatchEvent(new Event('visibilitychange'));");
            teacher.until(
                    d -> !d.findElements(By.cssSelector("#stage-video option[value='" + fresh.resourceId() + "']"))
                            .isEmpty(),
                    Duration.ofSeconds(15));
            new Select(teacher.waitFor(By.id("stage-video"))).selectByValue(Long.toString(up.resourceId()));
            teacher.waitFor(By.id("stage-save")).click();
            teacher.waitFor(By.id("teacher-video"));
            teacher.until(
                    d -> (Boolean) teacher.js("return document.getElementById('teacher-video').readyState >= 2;"),
                    Duration.ofSeconds(30));
            teacher.js("document.getElementById('teacher-video').play();");

            // The learner's video plays along.
            learner.until(d -> learnerPosition(learner) > 1.5 && !learnerPaused(learner), Duration.ofSeconds(30));
            learner.screenshot("live-learner");
            Thread.sleep(2000);
            teacher.js("document.getElementById('teacher-video').pause();");
            double stoppedAt =
                    ((Number) teacher.js("return document.getElementById('teacher-video').currentTime;")).doubleValue();
            learner.until(
                    d -> learnerPaused(learner) && Math.abs(learnerPosition(learner) - stoppedAt) < 2.5,
                    Duration.ofSeconds(15));

            // A question reaches the teacher's page; the learner is present in the live roster.
            learner.waitFor(By.id("qa-text")).sendKeys("老师，卖点要讲几个？");
            learner.waitFor(By.id("qa-send")).click();
            teacher.until(
                    d -> teacher.js(
                                    "return [...document.querySelectorAll('#qa-list li')].some(li => li.textContent.includes('卖点要讲几个'));")
                            .equals(Boolean.TRUE),
                    Duration.ofSeconds(15));
            teacher.waitFor(
                    By.cssSelector("#live-roster tr[data-learner='" + LEARNER + "'][data-state='PRESENT']"),
                    Duration.ofSeconds(30));
            teacher.screenshot("live-teacher");

            // The learner is back at the page (the tests ask "还在吗？" after 20 s of quiet, and a page left unanswered
            // stops
            // beating: not present, so no check-in), and the roster shows them present.
            learner.js("document.dispatchEvent(new KeyboardEvent('keydown'));"
                    + "document.getElementById('live-back')?.click();");
            teacher.waitFor(
                    By.cssSelector("#live-roster tr[data-learner='" + LEARNER + "'][data-state='PRESENT']"),
                    Duration.ofSeconds(30));
            // A roll call (签到): the teacher opens one for a minute, the learner's page offers the button with the time
            // left,
            // the learner checks in, and the teacher's page counts it, in the panel and beside the learner's credit.
            new Select(teacher.waitFor(By.id("roll-call-minutes"))).selectByValue("1");
            teacher.waitFor(By.id("roll-call-open")).click();
            teacher.until(
                    d -> d.findElement(By.id("roll-call-status")).getText().contains("签到进行中"), Duration.ofSeconds(10));
            learner.until(d -> d.findElement(By.id("roll-call")).getText().contains("老师发起了签到"), Duration.ofSeconds(15));
            learner.waitFor(By.id("roll-call-check-in")).click();
            learner.until(d -> d.findElement(By.id("roll-call")).getText().startsWith("已签到"), Duration.ofSeconds(10));
            learner.screenshot("live-learner-roll-call");
            teacher.until(
                    d -> d.findElement(By.cssSelector(
                                            "#live-roster tr[data-learner='" + LEARNER + "'] .roll-call-count"))
                                    .getText()
                                    .equals("1 / 1")
                            && d.findElement(By.id("roll-call-status"))
                                    .getText()
                                    .contains("已签到 1 / 30 人"),
                    Duration.ofSeconds(15));
            teacher.waitFor(By.id("roll-call-close")).click();
            teacher.until(
                    d -> d.findElement(By.id("roll-call-status")).getText().matches("最近一次签到.*已签到 1 / 30 人"),
                    Duration.ofSeconds(10));
            teacher.screenshot("live-teacher-roll-call");

            // A meeting link replaces the video.
            new Select(teacher.waitFor(By.id("stage-video"))).selectByValue("");
            teacher.waitFor(By.id("stage-meeting")).sendKeys("https://meeting.example.org/pages");
            teacher.waitFor(By.id("stage-save")).click();
            assertEquals(
                    "https://meeting.example.org/pages",
                    learner.waitFor(By.id("live-meeting")).getAttribute("href"));

            // The learner's time inside the window is credited while they keep interacting (the presence question
            // after 20 s of quiet would otherwise take it back, as it should).
            long until = System.currentTimeMillis() + 45_000;
            int credited = 0;
            while (credited == 0 && System.currentTimeMillis() < until) {
                learner.js("document.dispatchEvent(new KeyboardEvent('keydown'));");
                JsonObject roster = RunningPlatform.json(RunningPlatform.call(
                        LiveLessonIT.teacher, "GET", "/api/live/lessons/" + lessonId + "/roster", null));
                credited = roster.getJsonArray("learners").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(l -> l.getString("username").equals(LEARNER))
                        .findFirst()
                        .orElseThrow()
                        .getInt("creditedSeconds");
                Thread.sleep(2000);
            }
            assertTrue(credited > 0, "the learner was credited for the time inside the window");
            learner.until(
                    d -> learner.waitFor(By.id("live-counted")).getText().matches(".*本节已计 [0-9.]+ 分钟.*")
                            && !learner.waitFor(By.id("live-counted")).getText().contains("本节已计 0 分钟"),
                    Duration.ofSeconds(20));
        }
        try (Browser phone = new Browser(390, 844)) {
            phone.signIn("learner30", RunningPlatform.DEMO_PASSWORD, "/learner/");
            phone.open("/learner/lesson?id=" + lessonId);
            phone.waitFor(By.id("live-meeting"));
            phone.waitFor(By.id("qa-form"));
            assertFalse(phone.overflowsHorizontally(), "the live lesson fits a phone's width");
            phone.screenshot("live-learner-phone");
        }
    }
}
