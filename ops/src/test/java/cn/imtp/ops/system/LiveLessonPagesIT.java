package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
            uploadsOnTheLessonPageAndPutsItOnTheStage(teacher, learner, lessonId);
            // The uploaded clip is paused (the learner's follows), so that what follows is the other video's motion.
            teacher.js("document.getElementById('teacher-video').pause();");
            learner.until(d -> learnerPaused(learner), Duration.ofSeconds(15));
            new Select(teacher.waitFor(By.id("stage-video"))).selectByValue(Long.toString(up.resourceId()));
            teacher.waitFor(By.id("stage-save")).click();
            teacher.until(
                    d -> !UPLOADED_TITLE.equals(
                            teacher.js("return document.getElementById('teacher-video')?.getAttribute('aria-label');")),
                    Duration.ofSeconds(15));
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

    static final String UPLOADED_TITLE = "课上新录的讲解";

    /**
     * New material on the lesson's own page: a file that is not a video is refused in the reader's language (English
     * here, Chinese being the browser's own) and leaves no resource behind; a short video is uploaded, seen transcoding
     * with its progress, published, chosen in the stage's list without a reload, and one click puts it on the stage,
     * where the learner's page plays it. A teacher of another class may not do the same: LiveLessonIT.
     */
    static void uploadsOnTheLessonPageAndPutsItOnTheStage(Browser teacher, Browser learner, long lessonId)
            throws Exception {
        teacher.js("localStorage.setItem('imtp.lang', 'en');");
        teacher.open("/teacher/lesson?id=" + lessonId);
        Path notes = MediaFixtures.text("live-upload-notes.mp4", "这不是视频，是课堂笔记。".repeat(60));
        teacher.waitFor(By.id("stage-upload-send"));
        teacher.driver.findElement(By.id("stage-upload-file")).sendKeys(notes.toString());
        teacher.waitFor(By.id("stage-upload-send")).click();
        String refused = teacher.waitFor(By.id("stage-upload-problem"), Duration.ofSeconds(60))
                .getText();
        assertTrue(refused.contains("not a video or audio file") && !refused.contains("这不是"), refused);
        teacher.js("document.getElementById('stage-upload').scrollIntoView();");
        teacher.screenshot("live-teacher-upload-refused");
        assertTrue(
                RunningPlatform.json(RunningPlatform.call(
                                LiveLessonIT.teacher,
                                "GET",
                                "/api/resources?unitId=" + LiveLessonIT.unitId + "&classId=" + LiveLessonIT.classId
                                        + "&size=100",
                                null))
                        .getJsonArray("items")
                        .stream()
                        .noneMatch(r -> r.asJsonObject().getString("title").equals("live-upload-notes")),
                "the refused file left no resource behind");

        teacher.js("localStorage.setItem('imtp.lang', 'zh');");
        teacher.open("/teacher/lesson?id=" + lessonId);
        // 480x272, 6 s: no other test's bytes, so media-service transcodes it rather than recognising known content.
        Path clip = MediaFixtures.video("live-upload-480x272-6s.mp4", 480, 272, 6, true);
        teacher.waitFor(By.id("stage-upload-send"));
        teacher.driver.findElement(By.id("stage-upload-file")).sendKeys(clip.toString());
        WebElement title = teacher.waitFor(By.id("stage-upload-title"));
        assertEquals("live-upload-480x272-6s", title.getAttribute("value"), "the file's name is offered as the title");
        title.clear();
        title.sendKeys(UPLOADED_TITLE);
        // Every text the panel shows on the way, kept by the test (the steps may pass faster than a poll).
        // While it transcodes, leaving the page is asked about (a beforeunload the page cancels), once added it is not.
        teacher.js("window.seen = []; const panel = document.getElementById('stage-upload');"
                + "const leaving = () => { const e = new Event('beforeunload', { cancelable: true });"
                + " window.dispatchEvent(e); return e.defaultPrevented; };"
                + "window.leaving = leaving;"
                + "new MutationObserver(() => { const state = document.getElementById('stage-upload-status').dataset.state || '';"
                + " window.seen.push(state + ' ' + document.getElementById('stage-upload-status').innerText);"
                + " if (state === 'PROCESSING' && window.warned === undefined) window.warned = leaving(); })"
                + ".observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });");
        teacher.waitFor(By.id("stage-upload-send")).click();
        WebElement play = teacher.waitFor(By.id("stage-upload-play"), Duration.ofMinutes(3));
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) teacher.js("return window.seen;");
        assertTrue(seen.stream().anyMatch(x -> x.startsWith("UPLOADING") && x.contains("正在上传")), seen.toString());
        assertTrue(
                seen.stream().anyMatch(x -> x.startsWith("PROCESSING") && x.matches("(?s).*(转码中 \\d+%|排队中).*")),
                seen.toString());
        // Published only after the panel said so, its Cancel gone (a cancel now must not delete what is being
        // published).
        assertTrue(seen.stream().anyMatch(x -> x.startsWith("PUBLISHING") && x.contains("正在发布")), seen.toString());
        assertEquals(true, teacher.js("return window.warned;"), "leaving while transcoding is asked about");
        assertEquals(false, teacher.js("return window.leaving();"), "leaving once the video is added is not");
        assertTrue(teacher.driver
                .findElement(By.id("stage-upload-status"))
                .getText()
                .contains("已就绪并发布"));
        // The new video is in the stage's list, chosen, without a reload.
        Select videos = new Select(teacher.driver.findElement(By.id("stage-video")));
        assertEquals(UPLOADED_TITLE, videos.getFirstSelectedOption().getText());
        long uploaded = Long.parseLong(videos.getFirstSelectedOption().getAttribute("value"));
        // No English in what the panel said on the way, nor in what it shows now.
        String panel = seen + "\n"
                + teacher.js(
                        "const p = document.getElementById('stage-upload');"
                                + "return p.innerText + '\\n' + [...p.querySelectorAll('[placeholder],[aria-label]')]"
                                + ".map(e => (e.getAttribute('placeholder') || '') + ' ' + (e.getAttribute('aria-label') || '')).join('\\n');");
        assertEquals(List.of(), ReadersText.latinIn(panel.replace(UPLOADED_TITLE, "")), panel);
        teacher.js("document.getElementById('stage-upload').scrollIntoView();");
        teacher.screenshot("live-teacher-upload-ready");

        play.click();
        learner.until(
                d -> UPLOADED_TITLE.equals(
                                learner.js("return document.getElementById('live-video')?.getAttribute('aria-label');"))
                        && learnerPosition(learner) > 1.0
                        && !learnerPaused(learner),
                Duration.ofSeconds(30));
        JsonObject stage = RunningPlatform.json(
                        RunningPlatform.call(LiveLessonIT.teacher, "GET", "/api/live/lessons/" + lessonId, null))
                .getJsonObject("stage");
        assertEquals(uploaded, stage.getJsonNumber("resourceId").longValue(), stage.toString());
        assertTrue(stage.getBoolean("playing"), stage.toString());
        learner.screenshot("live-learner-uploaded-video");
        teacher.js("document.getElementById('live-preview').scrollIntoView();");
        teacher.screenshot("live-teacher-uploaded-on-stage");
    }
}
