package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Face checks in a real browser whose camera is a video of a fixture person: a learner on a phone reads and accepts the
 * consent text, enrols a photo with the camera, and must pass a check before the lesson counts; the class's teacher
 * sees the review section on the class page; a live lesson of the class asks for the check on joining.
 */
@ExtendWith(RunningPlatform.class)
class PresencePagesIT {

    @Test
    void aLearnerOnAPhoneConsentsEnrolsWithTheCameraAndPassesTheCheckBeforeTheLessonCounts() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        MediaPipelineIT.setUp();
        long planId = RunningPlatform.json(
                        RunningPlatform.call(teacher, "GET", "/api/classes/" + Media.demoClassId(), null))
                .getJsonNumber("planId")
                .longValue();
        String name = Accounts.uniqueName("face-page");
        long learnerId = Accounts.createLearner(admin, name, "Face2026ok")
                .getJsonNumber("id")
                .longValue();
        long classId = ClassesIT.activeClass(
                admin,
                planId,
                List.of(learnerId),
                Accounts.teacherId(admin, "teacher01"),
                Json.createObjectBuilder()
                        .add("perClassHour", 2)
                        .add("answerSeconds", 120)
                        .build());
        long unitId = MediaPipelineIT.studiedUnit;
        Media.Uploaded up = Media.published(
                teacher,
                unitId,
                "VIDEO",
                // 45 s, not 20: with the tests' checks every 10-30 s, a beat sent while a check is due earns nothing,
                // and a check falling due after the video's end is never asked (session 29's note); a longer video
                // gives the honest learner beats outside the checks' windows on a slow machine too.
                MediaFixtures.video("face-page-320x180-45s.mp4", 320, 180, 45, true),
                classId);

        try (Browser phone = new Browser(390, 844, MediaFixtures.camera("person07.jpg"))) {
            phone.signIn(name, "Face2026ok", "/learner/");
            phone.waitFor(By.cssSelector("#face-home a")).click();
            phone.waitFor(By.id("face-consent-text"));
            assertTrue(phone.driver
                    .findElement(By.id("face-consent-text"))
                    .getText()
                    .contains("撤回"));
            phone.waitFor(By.id("face-agree")).click();
            phone.waitFor(By.id("face-consented"));
            phone.waitFor(By.id("face-camera")).click();
            phone.waitFor(By.id("face-take"));
            phone.until(
                    d -> (Boolean) phone.js("return document.getElementById('face-preview').videoWidth > 0;"),
                    Duration.ofSeconds(10));
            phone.driver.findElement(By.id("face-take")).click();
            phone.waitFor(By.id("face-enrolled"), Duration.ofSeconds(20));
            assertFalse(phone.overflowsHorizontally(), "the consent page fits a phone");

            phone.open("/learner/unit?unit=" + unitId + "&class=" + classId);
            phone.waitFor(By.id("play-" + up.resourceId())).click();
            // The check comes first: the video stays paused until it passes.
            phone.until(
                    d -> !d.findElements(By.id("face-start")).isEmpty()
                            && d.findElement(By.id("face-start")).isDisplayed(),
                    Duration.ofSeconds(20));
            phone.until(
                    d -> (Boolean) phone.js("return document.getElementById('face-preview').videoWidth > 0;"),
                    Duration.ofSeconds(10));
            assertTrue(
                    (Boolean) phone.js("return document.querySelector('video:not(#face-preview)').paused;"),
                    "nothing plays before the check");
            phone.driver.findElement(By.id("face-start")).click();
            phone.until(
                    d -> (Boolean) phone.js("return document.querySelector('.presence').hidden;"),
                    Duration.ofSeconds(30));
            // The lesson counts once the check passed; the tests' checks come every 10–30 s, so the next one may come
            // before the first heartbeat is counted: the learner answers it too, as often as it comes.
            phone.until(
                    d -> {
                        if (!d.findElements(By.id("face-start")).isEmpty()
                                && d.findElement(By.id("face-start")).isDisplayed()
                                && d.findElement(By.id("face-start")).isEnabled()) {
                            d.findElement(By.id("face-start")).click();
                        }
                        return d.findElement(By.id("player-status")).getText().matches(".*[1-9][0-9]* 秒.*");
                    },
                    Duration.ofSeconds(120));
        }

        try (Browser desktop = new Browser()) {
            desktop.signIn("teacher01", RunningPlatform.DEMO_PASSWORD, "/teacher/");
            desktop.open("/teacher/class?id=" + classId);
            desktop.waitFor(By.id("face-reviews-none"));
            assertTrue(
                    desktop.driver.findElements(By.id("waiver-form")).isEmpty(),
                    "only administrators record other verifications");
        }
        // A live lesson of the class asks the same: the check covers the lesson page on joining.
        long lessonId = LiveLessonIT.schedule(teacher, classId, unitId, 2)
                .getJsonNumber("id")
                .longValue();
        try (Browser phone = new Browser(390, 844, MediaFixtures.camera("person07.jpg", 3))) {
            phone.signIn(name, "Face2026ok", "/learner/");
            phone.open("/learner/lesson?id=" + lessonId);
            phone.until(
                    d -> !d.findElements(By.id("face-start")).isEmpty()
                            && d.findElement(By.id("face-start")).isDisplayed(),
                    Duration.ofSeconds(20));
            phone.until(
                    d -> (Boolean) phone.js("return document.getElementById('face-preview').videoWidth > 0;"),
                    Duration.ofSeconds(10));
            phone.driver.findElement(By.id("face-start")).click();
            phone.until(
                    d -> (Boolean) phone.js("return document.querySelector('.presence').hidden;"),
                    Duration.ofSeconds(30));
            try (java.sql.Connection c = PresenceIT.db()) {
                assertEquals(
                        "PASSED",
                        PresenceIT.text(
                                c,
                                "SELECT state FROM presence_check WHERE lesson_id = ? AND kind = 'LIVE' ORDER BY due_at LIMIT 1",
                                lessonId));
            }
        }
        try (Browser desktop = new Browser()) {
            desktop.signIn(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD, "/admin/");
            desktop.open("/admin/class?id=" + classId);
            desktop.waitFor(By.id("waiver-method")).sendKeys("12 月 6 日现场查验身份证原件");
            desktop.driver
                    .findElement(By.cssSelector("#waiver-form button[type=submit]"))
                    .click();
            desktop.until(d -> d.findElement(By.id("notice")).getText().contains("已登记"), Duration.ofSeconds(10));
        }
        String learner = RunningPlatform.token(name, "Face2026ok");
        assertTrue(
                RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/presence/me", null))
                        .getJsonArray("classes")
                        .getJsonObject(0)
                        .getBoolean("waived"),
                "the administrator's verification is recorded");
    }
}
