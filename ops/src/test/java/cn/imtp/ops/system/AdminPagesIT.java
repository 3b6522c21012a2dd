package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An administrator in a real browser: the classes with their compliance, a class's hours ledger with
 * the chart per learner and the short list, the record chain's check, and the audit export downloaded.
 */
@ExtendWith(RunningPlatform.class)
class AdminPagesIT {

    @Test
    void anAdministratorSeesTheClassLedgerChecksTheChainAndDownloadsTheExport() throws Exception {
        try (Browser b = new Browser()) {
            b.signIn(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD, "/admin/");
            b.waitFor(By.cssSelector("#classes tbody tr"));
            b.screenshot("admin-classes");
            String demo = RunningPlatform.json(RunningPlatform.call(RunningPlatform.token("learner02", RunningPlatform.DEMO_PASSWORD),
                    "GET", "/api/classes", null)).getJsonArray("items").getJsonObject(0).getJsonNumber("id").toString();
            b.open("/admin/class?id=" + demo);
            b.waitFor(By.id("compliance"));
            int learners = b.driver.findElements(By.cssSelector("#chart .row")).size();
            assertEquals(30, learners, "one bar per learner of the demo class");
            assertTrue(b.driver.findElement(By.id("compliance")).getText().contains("30 名学员"), b.driver.findElement(By.id("compliance")).getText());
            b.screenshot("admin-class-ledger");

            b.driver.findElement(By.id("verify")).click();
            b.until(d -> d.findElement(By.id("notice")).getText().contains("记录链完整"), Duration.ofSeconds(15));

            b.driver.findElement(By.id("export")).click();
            Path csv = b.downloads.resolve("attendance-class-" + demo + ".csv");
            b.until(d -> Files.exists(csv), Duration.ofSeconds(20));
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertTrue(lines.get(0).endsWith("learner,fullName,idNumber,unit,sessionStart,sessionEnd,creditedMinutes"), lines.get(0));
            assertEquals(30, lines.stream().dropWhile(l -> !l.startsWith("learner,fullName,classroomMinutes")).skip(1).count(),
                    "the summary lists every learner");
            assertTrue(b.driver.findElement(By.id("notice")).getText().contains("审计日志"));
            b.screenshot("admin-exported");
            try (Stream<Path> files = Files.list(b.downloads)) {
                assertEquals(1, files.count());
            }
        }
    }
}
