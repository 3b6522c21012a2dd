package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
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
            String demo = RunningPlatform.json(RunningPlatform.call(
                            RunningPlatform.token("learner02", RunningPlatform.DEMO_PASSWORD),
                            "GET",
                            "/api/classes",
                            null))
                    .getJsonArray("items")
                    .getJsonObject(0)
                    .getJsonNumber("id")
                    .toString();
            b.open("/admin/class?id=" + demo);
            b.waitFor(By.id("compliance"));
            int learners = b.driver.findElements(By.cssSelector("#chart .row")).size();
            assertEquals(30, learners, "one bar per learner of the demo class");
            assertTrue(
                    b.driver.findElement(By.id("compliance")).getText().contains("30 名学员"),
                    b.driver.findElement(By.id("compliance")).getText());
            // The target's line crosses every bar where the target stands on the chart's scale, and the legend names
            // it.
            assertTrue(
                    b.driver.findElement(By.id("chart-target")).getText().startsWith("竖线为课堂学时目标："),
                    b.driver.findElement(By.id("chart-target")).getText());
            String line = (String)
                    b.js(
                            "const bar = document.querySelector('#chart .row .progress');"
                                    + "return getComputedStyle(bar, '::after').width + ' ' + (parseFloat(getComputedStyle(bar, '::after').left) + 1) / bar.getBoundingClientRect().width;");
            double at = Double.parseDouble(line.split(" ")[1]) * 100;
            double expected = Double.parseDouble(
                    ((String) b.js("return document.getElementById('chart').style.getPropertyValue('--target');"))
                            .replace("%", ""));
            assertEquals("2px", line.split(" ")[0], "a line, drawn: " + line);
            assertEquals(expected, at, 1.0, "the line stands at the target: " + line);
            // Every bar is as long as its value says (a style refused by the pages' CSP once left them all empty and
            // grey).
            String wrong =
                    (String) b.js("return [...document.querySelectorAll('#chart .progress')].filter(p => Math.abs("
                            + "p.querySelector('.bar').getBoundingClientRect().width / p.getBoundingClientRect().width * 100 - Number(p.getAttribute('aria-valuenow'))) > 2)"
                            + ".map(p => p.getAttribute('aria-label')).join(', ');");
            assertEquals("", wrong, "bars whose length is not their value");
            b.screenshot("admin-class-ledger");

            // Other hours for one learner, through the form.
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("other-learner")))
                    .selectByVisibleText("周佳琪（learner10）");
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("other-kind")))
                    .selectByValue("SITE_VISIT");
            b.driver.findElement(By.id("other-minutes")).sendKeys("90");
            b.driver.findElement(By.id("other-note")).sendKeys("参观电商产业园直播基地");
            Path sheet = Files.createTempFile("sign-in-sheet", ".pdf");
            Files.writeString(sheet, "%PDF-1.4\n% 签到表\n%%EOF\n");
            b.driver.findElement(By.id("other-evidence")).sendKeys(sheet.toString());
            b.driver.findElement(By.id("other-submit")).click();
            b.until(d -> d.findElement(By.id("notice")).getText().contains("已登记"), Duration.ofSeconds(10));
            b.until(d -> d.findElement(By.id("other-list")).getText().contains("参观电商产业园直播基地"), Duration.ofSeconds(10));
            // The evidence went with the entry and downloads as it was.
            b.waitFor(By.cssSelector("#other-list [data-evidence]")).click();
            Path back = b.downloads.resolve(sheet.getFileName().toString());
            b.until(d -> Files.exists(back), Duration.ofSeconds(15));
            assertEquals(Files.readString(sheet), Files.readString(back));
            b.screenshot("admin-other-hours");

            b.driver.findElement(By.id("verify")).click();
            b.until(d -> d.findElement(By.id("notice")).getText().contains("记录链完整"), Duration.ofSeconds(15));

            b.driver.findElement(By.id("export")).click();
            Path csv = b.downloads.resolve("attendance-class-" + demo + ".csv");
            b.until(d -> Files.exists(csv), Duration.ofSeconds(20));
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            // In the page's language (the page sends it): Chinese headings, 时:分:秒 beside exact seconds.
            assertTrue(lines.get(0).endsWith("学员账号,姓名,证件号码,学习单元,学习方式,开始时间,结束时间,计入时长（时:分:秒）,计入秒数"), lines.get(0));
            assertEquals(
                    30,
                    lines.stream()
                            .dropWhile(l -> !l.startsWith("学员账号,姓名,在线学习（时:分:秒）,在线学习秒数"))
                            .skip(1)
                            .count(),
                    "the summary lists every learner");
            assertTrue(b.driver.findElement(By.id("notice")).getText().contains("审计日志"));
            b.screenshot("admin-exported");
            b.driver.findElement(By.id("export-xlsx")).click();
            Path xlsx = b.downloads.resolve("attendance-class-" + demo + ".xlsx");
            b.until(d -> Files.exists(xlsx), Duration.ofSeconds(20));
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(xlsx.toFile())) {
                assertTrue(
                        z.getEntry("xl/worksheets/sheet2.xml") != null,
                        "a sheet for the sessions and one for the totals");
                String strings = new String(
                        z.getInputStream(z.getEntry("xl/sharedStrings.xml")).readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(strings.contains("learner30"), "every learner of the class is in the workbook");
            }
            try (Stream<Path> files = Files.list(b.downloads)) {
                assertEquals(3, files.count(), "the evidence, the CSV and the XLSX, nothing else");
            }
        }
    }

    @Test
    void anAdministratorBrowsesTheTrainingPackageItsIntegrityReportAndTheTeachersCertificates() throws Exception {
        String report = RunningPlatform.call(
                        RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD),
                        "GET",
                        "/api/catalogue/integrity",
                        null)
                .body();
        int discrepancies = jakarta.json.Json.createReader(new java.io.StringReader(report))
                .readArray()
                .size();
        try (Browser b = new Browser()) {
            b.signIn(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD, "/admin/");
            b.open("/admin/catalogue");
            b.waitFor(By.cssSelector("#allocation tbody tr"));
            assertEquals(
                    5,
                    b.driver
                            .findElements(By.cssSelector("#allocation tbody tr"))
                            .size(),
                    "one row per level");
            b.waitFor(By.cssSelector("#table [data-unit]"));
            String integrity = b.driver.findElement(By.id("integrity")).getText();
            assertTrue(
                    integrity.contains("完整性报告（" + discrepancies + " 处）")
                            && integrity.contains("课堂学时之和为 48")
                            && !integrity.contains("add up to"),
                    "the report in the reader's language: " + integrity);
            assertEquals(
                    "课堂学时合计不符",
                    b.driver
                            .findElement(By.cssSelector("#integrity td[data-kind='TABLE_TOTAL']"))
                            .getText(),
                    "the kind in words, its code only as data");
            b.screenshot("admin-catalogue");
            assertTrue(
                    b.waitFor(By.id("theory-blueprint")).getText().contains("职业认知"),
                    "the basic course's theory blueprint");
            b.js(
                    "[...document.querySelectorAll('#tables button')].find(x => x.textContent.includes('直播销售员') && x.textContent.includes('五级')).click();");
            b.until(
                    d -> !d.findElements(By.cssSelector("#practical-blueprint tr[data-content='2-1']"))
                            .isEmpty(),
                    Duration.ofSeconds(10));
            String practical =
                    b.driver.findElement(By.id("practical-blueprint")).getText();
            assertTrue(
                    practical.contains("直播预演") && practical.contains("共 90 分钟") && practical.contains("实操"), practical);
            b.js("document.getElementById('practical-blueprint').scrollIntoView();");
            b.screenshot("admin-catalogue-blueprints");
            b.js(
                    "[...document.querySelectorAll('#table [data-unit] button')].find(x => x.textContent.includes('撰写单品直播脚本')).click();");
            String spec = b.until(
                            d -> d.findElement(By.id("unit-detail")).isDisplayed()
                                    && d.findElement(By.id("unit-detail"))
                                            .getText()
                                            .contains("课程内容"),
                            Duration.ofSeconds(10))
                    ? b.driver.findElement(By.id("unit-spec")).getText()
                    : "";
            assertTrue(spec.contains("课程规范（2.2.2）") && spec.contains("培训方法") && spec.contains("重点"), spec);
            String requirements =
                    b.driver.findElement(By.id("unit-requirements")).getText();
            assertTrue(requirements.contains("2-1-1 能撰写单品直播脚本") && requirements.contains("撰写单品直播脚本文案"), requirements);
            b.screenshot("admin-catalogue-unit-specification");

            b.open("/admin/users");
            new org.openqa.selenium.support.ui.Select(b.waitFor(By.id("role"))).selectByValue("TEACHER");
            b.until(
                    d -> !d.findElements(By.cssSelector("[data-account='teacher01']"))
                                    .isEmpty()
                            && d.findElements(By.cssSelector("[data-account^='learner']"))
                                    .isEmpty(),
                    Duration.ofSeconds(10));
            b.driver
                    .findElement(By.cssSelector("button[data-show-credentials='teacher01']"))
                    .click();
            b.until(
                    d -> d.findElement(By.cssSelector("[data-account='teacher01']"))
                            .getText()
                            .contains("DEMO-CERT-L3-0001"),
                    Duration.ofSeconds(10));
            assertTrue(
                    b.driver
                            .findElement(By.cssSelector("[data-account='teacher01']"))
                            .getText()
                            .contains("*"),
                    "ID numbers are masked");
            b.screenshot("admin-users");
        }
    }

    /** A learner starts a lesson while the administrator's class page is open: the live roster shows it within a poll. */
    @Test
    void theLiveRosterShowsWhoIsStudyingNow() throws Exception {
        MediaPipelineIT.setUp();
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        Media.Uploaded up = Media.published(
                teacher,
                MediaPipelineIT.studiedUnit,
                "VIDEO",
                MediaFixtures.video("pages-640x360-14s.mp4", 640, 360, 14, true));
        String learner = RunningPlatform.token("learner08", RunningPlatform.DEMO_PASSWORD);
        String demo = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/classes", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .toString();
        assertEquals(
                403,
                RunningPlatform.call(learner, "GET", "/api/attendance/classes/" + demo + "/roster", null)
                        .statusCode());
        try (Browser b = new Browser()) {
            b.signIn(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD, "/admin/");
            b.open("/admin/class?id=" + demo);
            b.waitFor(By.id("roster-count"));
            HttpResponse<String> opened = RunningPlatform.call(
                    learner,
                    "POST",
                    "/api/attendance/sessions",
                    jakarta.json.Json.createObjectBuilder()
                            .add("resourceId", up.resourceId())
                            .build()
                            .toString());
            assertEquals(201, opened.statusCode(), opened.body());
            // Within a poll the roster shows learner08 on this lesson (a session opened by another test earlier is
            // superseded).
            b.until(
                    d -> (Boolean)
                            b.js(
                                    "const row = document.querySelector(\"#roster [data-learner='learner08']\");"
                                            + " return !!row && row.dataset.state === 'STUDYING' && row.textContent.includes('pages-640x360-14s.mp4');"),
                    Duration.ofSeconds(15));
            b.screenshot("admin-live-roster");
        }
    }

    @Test
    void anAdministratorComposesANewEntrantPlanInTheCourseSupermarket() throws Exception {
        String name = "视频创推员五级新入职计划 " + System.nanoTime();
        try (Browser b = new Browser()) {
            b.signIn(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD, "/admin/");
            b.open("/admin/plans");
            b.waitFor(By.cssSelector("section[data-table='basic']"));
            b.driver.findElement(By.id("plan-name")).sendKeys(name);
            b.waitFor(By.cssSelector("section[data-table='L5/LIVE_SELLER']"));
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("plan-jobType")))
                    .selectByValue("VIDEO_PROMOTER");
            b.until(
                    d -> !d.findElements(By.cssSelector("section[data-table='L5/VIDEO_PROMOTER']"))
                            .isEmpty(),
                    Duration.ofSeconds(30));
            b.driver.findElement(By.cssSelector("input[data-whole='basic']")).click();
            b.until(
                    d -> !d.findElements(By.cssSelector("li[data-rule='NEW_ENTRANT_WHOLE_TABLE']"))
                            .isEmpty(),
                    Duration.ofSeconds(10));
            assertTrue(
                    b.driver
                            .findElements(By.cssSelector("li[data-rule='BASIC_COURSE_MANDATORY']"))
                            .isEmpty(),
                    "the basic course is in");
            b.driver
                    .findElement(By.cssSelector("input[data-whole='L5/VIDEO_PROMOTER']"))
                    .click();
            b.until(
                    d -> d.findElements(By.cssSelector("li[data-rule='NEW_ENTRANT_WHOLE_TABLE']"))
                            .isEmpty(),
                    Duration.ofSeconds(10));

            // One unit less: the table's box shows a partial pick and the new-entrant rule names the gap.
            b.js("document.querySelector(\"section[data-table='L5/VIDEO_PROMOTER'] input[data-unit]\").click();");
            b.until(
                    d -> !d.findElements(By.cssSelector("li[data-rule='NEW_ENTRANT_WHOLE_TABLE']"))
                            .isEmpty(),
                    Duration.ofSeconds(10));
            assertEquals(
                    Boolean.TRUE,
                    b.js("return document.querySelector(\"input[data-whole='L5/VIDEO_PROMOTER']\").indeterminate;"));
            b.screenshot("admin-supermarket-shortfall");
            b.js("document.querySelector(\"section[data-table='L5/VIDEO_PROMOTER'] input[data-unit]\").click();");
            b.until(
                    d -> d.findElements(By.cssSelector("li[data-rule='NEW_ENTRANT_WHOLE_TABLE']"))
                            .isEmpty(),
                    Duration.ofSeconds(10));
            String hours = b.driver.findElement(By.id("plan-hours")).getText();

            b.driver.findElement(By.id("plan-save")).click();
            b.until(d -> d.findElement(By.id("notice")).getText().contains("已保存"), Duration.ofSeconds(10));
            b.until(d -> d.findElement(By.id("plans")).getText().contains(name), Duration.ofSeconds(10));
            b.screenshot("admin-supermarket-saved");

            String token = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
            jakarta.json.JsonObject saved = jakarta.json.Json.createReader(
                            new java.io.StringReader(RunningPlatform.call(token, "GET", "/api/plans?size=200", null)
                                    .body()))
                    .readObject()
                    .getJsonArray("items")
                    .stream()
                    .map(v -> v.asJsonObject())
                    .filter(p -> p.getString("name").equals(name))
                    .findFirst()
                    .orElseThrow();
            assertEquals("NEW_ENTRANT", saved.getString("kind"));
            assertTrue(hours.contains("= 课堂 " + saved.getInt("classroomHours") + " 学时"), hours + " vs " + saved);
        }
    }

    @Test
    void anAdministratorOpensAClassTeachersRosterScheduleAndActivation() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        long demoPlan = RunningPlatform.json(RunningPlatform.call(
                        admin,
                        "GET",
                        "/api/classes/"
                                + RunningPlatform.json(RunningPlatform.call(
                                                RunningPlatform.token("learner02", RunningPlatform.DEMO_PASSWORD),
                                                "GET",
                                                "/api/classes",
                                                null))
                                        .getJsonArray("items")
                                        .getJsonObject(0)
                                        .getJsonNumber("id"),
                        null))
                .getJsonNumber("planId")
                .longValue();
        String first = Accounts.uniqueName("setup");
        String second = Accounts.uniqueName("setup");
        // The Chinese header and a type by its name; first a file with a bad line, which imports nothing.
        Path roster = Files.createTempFile("roster", ".csv");
        Path broken = Files.createTempFile("roster", ".csv");
        String header = "用户名,姓名,证件类型,证件号码,手机号码\n";
        Files.writeString(
                roster,
                header + first + ",林晓雨,居民身份证," + Accounts.validIdNumber() + ",13800138001\n" + second + ",陈思远,,"
                        + Accounts.validIdNumber() + ",13800138002\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                broken,
                header + first + ",林晓雨,," + Accounts.validIdNumber() + ",13800138001\n" + second + ",陈思远,签证,"
                        + Accounts.validIdNumber() + ",13800138002\n",
                StandardCharsets.UTF_8);
        String name = "直播销售员五级 周末班 " + System.nanoTime() % 100000;
        try (Browser b = new Browser()) {
            b.signIn(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD, "/admin/");
            b.waitFor(By.id("new-class")).click();
            b.waitFor(By.name("name")).sendKeys(name);
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.name("planId")))
                    .selectByValue(Long.toString(demoPlan));
            b.js(
                    "document.querySelector('input[name=endsOn]').value = arguments[0];",
                    java.time.LocalDate.now().plusDays(60).toString());
            b.driver
                    .findElement(By.cssSelector("#new-class button[type=submit]"))
                    .click();
            b.until(d -> d.getCurrentUrl().contains("/admin/setup?id="), Duration.ofSeconds(10));
            long classId = Long.parseLong(b.driver.getCurrentUrl().replaceAll(".*id=", ""));

            for (String[] seat : new String[][] {{"teacher01", "THEORY"}, {"teacher02", "PRACTICAL"}}) {
                org.openqa.selenium.WebElement form = b.waitFor(By.id("add-teacher"));
                new org.openqa.selenium.support.ui.Select(form.findElement(By.name("accountId")))
                        .getOptions().stream()
                                .filter(o -> o.getText().contains(seat[0]))
                                .findFirst()
                                .orElseThrow()
                                .click();
                new org.openqa.selenium.support.ui.Select(form.findElement(By.name("duty"))).selectByValue(seat[1]);
                form.findElement(By.cssSelector("button[type=submit]")).click();
                b.until(
                        d -> !d.findElements(By.cssSelector("li[data-teacher='" + seat[0] + "']"))
                                .isEmpty(),
                        Duration.ofSeconds(10));
            }
            b.waitFor(By.id("roster-file")).sendKeys(broken.toString());
            b.driver.findElement(By.id("roster-import")).click();
            b.until(d -> d.findElement(By.id("problem")).isDisplayed(), Duration.ofSeconds(15));
            String problem = b.driver.findElement(By.id("problem")).getText();
            assertTrue(
                    problem.contains("第 3 行：") && problem.contains("证件类型“签证”") && problem.contains("护照"),
                    "the bad line by its number, in words: " + problem);
            assertFalse(
                    problem.matches("(?s).*(line|PASSPORT|idType|fullName).*"),
                    "no English names in the Chinese problem: " + problem);
            b.screenshot("admin-setup-roster-refused");
            b.driver.findElement(By.id("roster-file")).clear();
            b.driver.findElement(By.id("roster-file")).sendKeys(roster.toString());
            b.driver.findElement(By.id("roster-import")).click();
            b.until(d -> d.findElement(By.id("roster-result")).getText().contains("已导入 2 名学员"), Duration.ofSeconds(15));
            String password = b.driver
                    .findElements(By.cssSelector("#roster-result td.secret"))
                    .get(0)
                    .getText();
            assertEquals(
                    200,
                    RunningPlatform.login(first, password).statusCode(),
                    "the temporary password shown works once");
            b.screenshot("admin-setup-roster");

            b.waitFor(By.id("auto-schedule")).click();
            b.until(d -> d.findElement(By.id("units-left")).getText().contains("均已排足"), Duration.ofSeconds(15));
            b.waitFor(By.id("ready"));
            b.screenshot("admin-setup-ready");
            b.driver.findElement(By.id("activate")).click();
            b.until(d -> d.getCurrentUrl().contains("/admin/class?id=" + classId), Duration.ofSeconds(15));

            jakarta.json.JsonObject c =
                    RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes/" + classId, null));
            assertEquals("ACTIVE", c.getString("status"));
            assertEquals(2, c.getJsonArray("learners").size());
            int planned = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/plans/" + demoPlan, null))
                    .getJsonArray("units")
                    .stream()
                    .mapToInt(u -> u.asJsonObject().getInt("hours"))
                    .sum();
            assertEquals(
                    planned,
                    c.getJsonArray("lessons").stream()
                            .mapToInt(l -> l.asJsonObject().getInt("classHours"))
                            .sum(),
                    "every unit's class hours are on the timetable");
        }
    }

    @Test
    void anAdministratorCreatesATeacherAccountAndRecordsItsCertificate() throws Exception {
        String username = Accounts.uniqueName("teacher");
        try (Browser b = new Browser()) {
            b.signIn(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD, "/admin/");
            b.open("/admin/users");
            b.waitFor(By.id("new-account-toggle")).click();
            new org.openqa.selenium.support.ui.Select(
                            b.driver.findElement(By.cssSelector("#new-account select[name=role]")))
                    .selectByValue("TEACHER");
            b.driver
                    .findElement(By.cssSelector("#new-account input[name=username]"))
                    .sendKeys(username);
            b.driver
                    .findElement(By.cssSelector("#new-account input[name=fullName]"))
                    .sendKeys("王立新");
            b.driver
                    .findElement(By.cssSelector("#new-account input[name=idNumber]"))
                    .sendKeys(Accounts.validIdNumber());
            b.driver
                    .findElement(By.cssSelector("#new-account input[name=phone]"))
                    .sendKeys("13900002222");
            b.driver
                    .findElement(By.cssSelector("#new-account button[type=submit]"))
                    .click();
            String notice = b.until(
                    d -> {
                        String text = d.findElement(By.id("notice")).getText();
                        return text.contains(username) ? text : null;
                    },
                    Duration.ofSeconds(10));
            String password = notice.replaceAll(".*临时密码：(\\S+?)（.*", "$1");
            assertEquals(
                    200,
                    RunningPlatform.login(username, password).statusCode(),
                    "the temporary password shown works: " + notice);

            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("role"))).selectByValue("TEACHER");
            b.until(
                    d -> !d.findElements(By.cssSelector("tr[data-account='" + username + "']"))
                            .isEmpty(),
                    Duration.ofSeconds(10));
            b.driver
                    .findElement(By.cssSelector("button[data-show-credentials='" + username + "']"))
                    .click();
            b.waitFor(By.cssSelector("tr[data-account='" + username + "'] details summary"))
                    .click();
            org.openqa.selenium.WebElement form =
                    b.waitFor(By.cssSelector("form[data-credential-form='" + username + "']"));
            new org.openqa.selenium.support.ui.Select(form.findElement(By.name("level"))).selectByValue("L3");
            b.js("arguments[0].value = '2020-06-30';", form.findElement(By.name("issuedOn")));
            form.findElement(By.name("reference")).sendKeys("S000031000000123");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            b.until(
                    d -> d.findElement(By.cssSelector("tr[data-account='" + username + "']"))
                            .getText()
                            .contains("S000031000000123"),
                    Duration.ofSeconds(10));
            b.screenshot("admin-users-teacher-certificate");

            // An administrator is offered 停用 on others' accounts, never on their own.
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("role")))
                    .selectByValue("ADMINISTRATOR");
            org.openqa.selenium.WebElement own =
                    b.waitFor(By.cssSelector("tr[data-account='" + RunningPlatform.ADMIN + "']"));
            assertTrue(own.findElements(By.cssSelector("button[data-toggle]")).isEmpty(), own.getText());
            assertTrue(
                    own.findElements(By.cssSelector("button[data-reset]")).size() == 1,
                    "a password reset stays offered");

            // The search box: by name (the new teacher's 王立新) or user name, across pages; % and _ are taken literally.
            new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("role"))).selectByValue("");
            b.driver.findElement(By.id("account-search")).sendKeys("王立新");
            b.until(
                    d -> d.findElements(By.cssSelector("tr[data-account]")).stream()
                                    .allMatch(r -> r.getText().contains("王立新"))
                            && !d.findElements(By.cssSelector("tr[data-account='" + username + "']"))
                                    .isEmpty(),
                    Duration.ofSeconds(10));
            b.driver.findElement(By.id("account-search")).clear();
            b.driver.findElement(By.id("account-search")).sendKeys("%_", org.openqa.selenium.Keys.ENTER);
            b.waitFor(By.id("no-accounts"));
            b.screenshot("admin-users-search");
            b.open("/admin/");
            b.waitFor(By.cssSelector("#classes tbody tr"));
            String firstClass =
                    b.driver.findElement(By.cssSelector("#classes tbody tr a")).getText();
            b.driver
                    .findElement(By.id("class-search"))
                    .sendKeys(firstClass.substring(0, Math.min(4, firstClass.length())));
            b.until(
                    d -> d.findElements(By.cssSelector("#classes tbody tr a")).stream()
                            .allMatch(a ->
                                    a.getText().contains(firstClass.substring(0, Math.min(4, firstClass.length())))),
                    Duration.ofSeconds(10));
            b.driver.findElement(By.id("class-search")).sendKeys("没有这样的班级");
            b.waitFor(By.id("no-classes"));
        }
        // The same search through the API: still scoped to who asks, and a search too long is refused with a reason.
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        jakarta.json.JsonObject learners = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/accounts?role=LEARNER&q=LEARNER1&size=200", null));
        assertTrue(
                learners.getJsonArray("items").size() >= 10
                        && learners.getJsonArray("items").stream()
                                .allMatch(
                                        a -> a.asJsonObject().getString("role").equals("LEARNER")
                                                && (a.asJsonObject()
                                                                .getString("username")
                                                                .toLowerCase(java.util.Locale.ROOT)
                                                                .contains("learner1")
                                                        || a.asJsonObject()
                                                                .getString("fullName")
                                                                .toLowerCase(java.util.Locale.ROOT)
                                                                .contains("learner1")))
                        && learners.getJsonArray("items").stream()
                                        .filter(a -> a.asJsonObject()
                                                .getString("username")
                                                .startsWith("learner1"))
                                        .count()
                                >= 10,
                "case-insensitive, in user name or full name, of the role only (other tests add accounts like grant-learner1…): "
                        + learners);
        assertEquals(learners.getJsonArray("items").size(), learners.getInt("total"));
        String learner = RunningPlatform.token("learner02", RunningPlatform.DEMO_PASSWORD);
        jakarta.json.JsonObject mine = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/classes", null));
        jakarta.json.JsonObject searched =
                RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/classes?q=%25", null));
        assertEquals(0, searched.getInt("total"), "a literal % matches no class name");
        jakarta.json.JsonObject all =
                RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes?size=200", null));
        String someoneElses = all.getJsonArray("items").stream()
                .map(c -> c.asJsonObject().getString("name"))
                .filter(n -> mine.getJsonArray("items").stream()
                        .noneMatch(m -> m.asJsonObject().getString("name").equals(n)))
                .findFirst()
                .orElse(null);
        // The demo data has a second class (with face checks) that learner02 is not in: searching its exact name finds
        // nothing.
        org.junit.jupiter.api.Assertions.assertNotNull(someoneElses, "a class learner02 is not in: " + all);
        jakarta.json.JsonObject found = RunningPlatform.json(RunningPlatform.call(
                learner,
                "GET",
                "/api/classes?q=" + java.net.URLEncoder.encode(someoneElses, StandardCharsets.UTF_8),
                null));
        assertTrue(
                found.getJsonArray("items").stream()
                        .noneMatch(c -> c.asJsonObject().getString("name").equals(someoneElses)),
                "a learner finds only their own classes: " + found);
        assertEquals(0, found.getInt("total"), found.toString());
        HttpResponse<String> tooLong = RunningPlatform.call(admin, "GET", "/api/accounts?q=" + "x".repeat(101), null);
        assertEquals(422, tooLong.statusCode(), tooLong.body());
        assertTrue(RunningPlatform.json(tooLong).getString("detail").contains("最多 100 个字符"), tooLong.body());
    }
}
