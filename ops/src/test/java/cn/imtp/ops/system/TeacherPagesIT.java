package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    @Test
    void aTeacherUploadsAVideoWatchesItsProgressAndPublishesItOnceItPlays() throws Exception {
        Path video = MediaFixtures.video("pages-upload-720p-20s.mp4", 1280, 720, 20, true);
        assertTrue(Files.size(video) > 8L * 1024 * 1024, "the fixture must need several 8 MiB parts");
        try (Browser b = new Browser()) {
            b.signIn("teacher01", RunningPlatform.DEMO_PASSWORD, "/teacher/");
            b.waitFor(By.cssSelector("a[data-unit='" + MediaPipelineIT.studiedUnit + "']"));
            b.screenshot("teacher-classes");
            b.driver.findElement(By.cssSelector("a[data-unit='" + MediaPipelineIT.studiedUnit + "']")).click();
            b.waitFor(By.id("new-resource"));
            // Every value the upload's progress bar takes, recorded in the page as it changes.
            b.js("window.progressSeen = []; new MutationObserver(ms => ms.forEach(m => { if (m.target.tagName === 'PROGRESS')"
                    + " window.progressSeen.push(Number(m.target.value)); })).observe(document.body,"
                    + " { subtree: true, attributes: true, attributeFilter: ['value'] });");
            b.driver.findElement(By.id("new-title")).sendKeys("直播间话术示范（浏览器上传）");
            b.driver.findElement(By.id("new-file")).sendKeys(video.toString());
            b.driver.findElement(By.id("new-submit")).click();

            WebElement state = b.until(d -> d.findElements(By.cssSelector("td.state[data-state]")).stream()
                    .filter(e -> e.getAttribute("id").endsWith("-1") && !"UPLOADING".equals(e.getAttribute("data-state")))
                    .findFirst().orElse(null), Duration.ofSeconds(60));
            String stateId = state.getAttribute("id");
            @SuppressWarnings("unchecked")
            List<Number> seen = (List<Number>) b.js("return window.progressSeen;");
            long size = Files.size(video);
            assertTrue(seen.stream().anyMatch(v -> v.longValue() > 0 && v.longValue() < size),
                    "the progress bar showed no intermediate value: " + seen);
            assertEquals(size, seen.get(seen.size() - 1).longValue(), "the progress bar ends full: " + seen);
            b.screenshot("teacher-uploaded");

            b.until(d -> "READY".equals(d.findElement(By.id(stateId)).getAttribute("data-state")), Duration.ofMinutes(3));
            b.screenshot("teacher-transcoded");
            String resource = stateId.split("-")[1];
            b.driver.findElement(By.id("preview-" + resource + "-1")).click();
            b.waitFor(By.id("preview-video"));
            b.js("document.getElementById('preview-video').play();");
            b.until(d -> ((Number) b.js("return document.getElementById('preview-video').currentTime;")).doubleValue() > 1,
                    Duration.ofSeconds(30));
            b.driver.findElement(By.id("publish-" + resource + "-1")).click();
            String notice = b.waitFor(By.id("notice")).getText();
            assertTrue(notice.contains("已发布"), notice);
            b.screenshot("teacher-published");
            assertFalse(b.driver.findElements(By.id("publish-" + resource + "-1")).stream().anyMatch(WebElement::isDisplayed),
                    "a published version offers no publish button");
        }
    }
}
