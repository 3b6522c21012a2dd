package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Notices (通知公告): who may publish to whom, who reads what, the unread count, and a learner reading one in the browser.
 * A fresh learner of a class of their own and a teacher of another class try what they must not.
 */
@ExtendWith(RunningPlatform.class)
class NoticesIT {

    @Test
    void aNoticeReachesItsClassAndNobodyElseAndIsReadByOpeningIt() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        long demo = Media.demoClassId();
        // A learner of the demo class, and one outside it (a fresh account in no class).
        String learner = RunningPlatform.token("learner27", RunningPlatform.DEMO_PASSWORD);
        String outsiderName = Accounts.uniqueName("notice");
        Accounts.createLearner(admin, outsiderName, "Learn2026ok");
        String outsider = RunningPlatform.token(outsiderName, "Learn2026ok");
        long before = unread(learner);
        long outsiderBefore = unread(outsider);
        // A new account starts with nothing unread (the demo data's notice to everyone came before it), though it sees
        // them.
        assertEquals(0, outsiderBefore, "earlier notices are not news to a new account");
        assertTrue(
                RunningPlatform.json(RunningPlatform.call(outsider, "GET", "/api/notices?size=100", null))
                        .getJsonArray("items")
                        .stream()
                        .allMatch(n -> n.asJsonObject().getBoolean("read")),
                "and they are listed as read");
        assertTrue(
                before > 0
                        || RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/notices?size=100", null))
                                .getJsonArray("items")
                                .stream()
                                .anyMatch(n -> n.asJsonObject().getBoolean("read")),
                "the demo learner has the demo notices, read or not");

        JsonObject toClass = ClassesIT.ok(RunningPlatform.call(
                teacher,
                "POST",
                "/api/notices",
                "{\"classId\":" + demo + ",\"title\":\"明天的直播课改到下午\",\"body\":\"原定上午的直播课改为下午 2 点。\\n请提前进入。\"}"));
        assertEquals(demo, toClass.getJsonNumber("classId").longValue());
        JsonObject toAll = ClassesIT.ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/notices",
                "{\"classId\":null,\"title\":\"平台维护通知\",\"body\":\"周日 22:00 至 23:00 维护。\"}"));
        assertEquals(before + 2, unread(learner), "the class's notice and the one to everyone");
        assertEquals(outsiderBefore + 1, unread(outsider), "only the one to everyone");
        String outsidersList = RunningPlatform.call(outsider, "GET", "/api/notices?size=100", null)
                .body();
        assertFalse(outsidersList.contains("明天的直播课改到下午"), outsidersList);
        assertEquals(
                404,
                RunningPlatform.call(outsider, "POST", "/api/notices/" + toClass.getJsonNumber("id") + "/read", null)
                        .statusCode(),
                "a notice to a class one is not in does not exist for them");

        // Who may not publish: a learner (403); a teacher to everyone, or to a class they do not teach (404 as for any
        // class).
        assertEquals(
                403,
                RunningPlatform.call(
                                learner,
                                "POST",
                                "/api/notices",
                                "{\"classId\":" + demo + ",\"title\":\"t\",\"body\":\"b\"}")
                        .statusCode());
        HttpResponse<String> toEveryone =
                RunningPlatform.call(teacher, "POST", "/api/notices", "{\"title\":\"t\",\"body\":\"b\"}");
        assertEquals(422, toEveryone.statusCode(), toEveryone.body());
        assertTrue(RunningPlatform.json(toEveryone).getString("detail").contains("任教的班级"), toEveryone.body());
        long otherClass = 999999L;
        for (var c : RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes?size=200", null))
                .getJsonArray("items")) {
            long id = c.asJsonObject().getJsonNumber("id").longValue();
            if (RunningPlatform.call(teacher, "GET", "/api/classes/" + id, null).statusCode() == 404) {
                otherClass = id;
                break;
            }
        }
        assertEquals(
                404,
                RunningPlatform.call(
                                teacher,
                                "POST",
                                "/api/notices",
                                "{\"classId\":" + otherClass + ",\"title\":\"t\",\"body\":\"b\"}")
                        .statusCode());
        HttpResponse<String> blank = RunningPlatform.call(
                admin,
                "POST",
                "/api/notices",
                "{\"classId\":null,\"title\":\"  \",\"body\":\"" + "长".repeat(5001) + "\"}");
        assertEquals(422, blank.statusCode(), blank.body());
        assertEquals(
                2,
                RunningPlatform.json(blank).getJsonArray("errors").size(),
                "both the title and the text: " + blank.body());

        // Read by opening it in the page: the header's count goes down, the notice stays listed as read.
        try (Browser b = new Browser(390, 844)) {
            b.signIn("learner27", RunningPlatform.DEMO_PASSWORD, "/learner/");
            b.until(
                    d -> d.findElement(By.id("unread-notices")).getText().equals(Long.toString(before + 2)),
                    Duration.ofSeconds(10));
            assertTrue(
                    ((Number) b.js("return document.querySelector('header.topbar').getBoundingClientRect().height;"))
                                    .doubleValue()
                            < 64,
                    "the count keeps the phone's header on one line");
            b.driver.findElement(By.id("nav-feed")).click();
            String id = toClass.getJsonNumber("id").toString();
            b.waitFor(By.cssSelector("details[data-notice='" + id + "'].unread > summary"))
                    .click();
            b.until(
                    d -> d.findElement(By.cssSelector("details[data-notice='" + id + "'] .notice-body"))
                            .getText()
                            .contains("下午 2 点"),
                    Duration.ofSeconds(10));
            b.until(
                    d -> !d.findElement(By.cssSelector("details[data-notice='" + id + "']"))
                            .getAttribute("class")
                            .contains("unread"),
                    Duration.ofSeconds(10));
            b.until(
                    d -> d.findElements(By.id("unread-notices")).stream()
                            .allMatch(e -> e.getText().equals(Long.toString(before + 1))),
                    Duration.ofSeconds(10));
            b.screenshot("learner-notices-phone");
        }
        assertEquals(before + 1, unread(learner));
        assertEquals(
                204,
                RunningPlatform.call(learner, "POST", "/api/notices/" + toClass.getJsonNumber("id") + "/read", null)
                        .statusCode(),
                "reading again changes nothing");
        assertEquals(before + 1, unread(learner));
        JsonObject first = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/notices?size=1", null))
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals(
                toAll.getJsonNumber("id").longValue(), first.getJsonNumber("id").longValue(), "newest first");
        assertEquals("系统管理员", first.getString("author"));

        // An administrator publishes to everyone from the page (the form's first choice).
        try (Browser b = new Browser()) {
            b.signIn(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD, "/admin/");
            b.driver.findElement(By.id("nav-feed")).click();
            b.waitFor(By.id("notice-new")).click();
            b.waitFor(By.id("notice-title")).sendKeys("考试安排已发布");
            b.driver.findElement(By.id("notice-body")).sendKeys("请到“考试”查看各班的考试时间。");
            b.driver.findElement(By.id("notice-publish")).click();
            b.until(d -> d.findElement(By.id("notice")).getText().contains("通知已发布"), Duration.ofSeconds(10));
            b.until(d -> d.findElement(By.id("notices")).getText().contains("考试安排已发布"), Duration.ofSeconds(10));
        }
        assertEquals(outsiderBefore + 2, unread(outsider), "the administrator's notice reached everyone");
        assertEquals(
                0,
                RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/notices?size=100", null))
                        .getJsonArray("items")
                        .stream()
                        .filter(n -> n.asJsonObject().getString("title").equals("考试安排已发布")
                                && !n.asJsonObject().getBoolean("read"))
                        .count(),
                "its author has read it");
    }

    @Test
    void aNoticeWithdrawnByItsAuthorLeavesEveryFeed() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        String colleague = RunningPlatform.token("teacher02", RunningPlatform.DEMO_PASSWORD);
        String learner = RunningPlatform.token("learner26", RunningPlatform.DEMO_PASSWORD);
        long demo = Media.demoClassId();
        long before = unread(learner);
        JsonObject sent = ClassesIT.ok(RunningPlatform.call(
                teacher, "POST", "/api/notices", "{\"classId\":" + demo + ",\"title\":\"发错班级的通知\",\"body\":\"请忽略。\"}"));
        long id = sent.getJsonNumber("id").longValue();
        assertTrue(sent.getBoolean("mayWithdraw"));
        assertEquals(before + 1, unread(learner));
        // Who may not: a learner (403), a colleague who sees it but did not write it (403).
        assertEquals(
                403,
                RunningPlatform.call(learner, "POST", "/api/notices/" + id + "/withdraw", null)
                        .statusCode());
        HttpResponse<String> notTheirs =
                RunningPlatform.call(colleague, "POST", "/api/notices/" + id + "/withdraw", null);
        assertEquals(403, notTheirs.statusCode(), notTheirs.body());
        assertTrue(RunningPlatform.json(notTheirs).getString("detail").contains("发布者本人或管理员"), notTheirs.body());
        assertFalse(
                RunningPlatform.json(RunningPlatform.call(colleague, "GET", "/api/notices?size=100", null))
                        .getJsonArray("items")
                        .stream()
                        .filter(n -> n.asJsonObject().getJsonNumber("id").longValue() == id)
                        .findFirst()
                        .orElseThrow()
                        .asJsonObject()
                        .getBoolean("mayWithdraw"));
        assertEquals(
                204,
                RunningPlatform.call(teacher, "POST", "/api/notices/" + id + "/withdraw", null)
                        .statusCode());
        assertEquals(before, unread(learner), "no longer counted");
        assertFalse(RunningPlatform.call(learner, "GET", "/api/notices?size=100", null)
                .body()
                .contains("发错班级的通知"));
        assertFalse(RunningPlatform.call(admin, "GET", "/api/notices?size=100", null)
                .body()
                .contains("发错班级的通知"));
        assertEquals(
                404,
                RunningPlatform.call(learner, "POST", "/api/notices/" + id + "/read", null)
                        .statusCode());
        assertEquals(
                404,
                RunningPlatform.call(teacher, "POST", "/api/notices/" + id + "/withdraw", null)
                        .statusCode(),
                "withdrawn once");
    }

    @Test
    void aNoticeEditedByItsAuthorIsNewsAgainAndKeepsItsAudience() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        String colleague = RunningPlatform.token("teacher02", RunningPlatform.DEMO_PASSWORD);
        String learner = RunningPlatform.token("learner25", RunningPlatform.DEMO_PASSWORD);
        long demo = Media.demoClassId();
        JsonObject sent = ClassesIT.ok(RunningPlatform.call(
                teacher,
                "POST",
                "/api/notices",
                "{\"classId\":" + demo + ",\"title\":\"实训安排（初稿）\",\"body\":\"周三上午实训。\"}"));
        long id = sent.getJsonNumber("id").longValue();
        assertTrue(sent.isNull("editedAt"), sent.toString());
        assertEquals(
                204,
                RunningPlatform.call(learner, "POST", "/api/notices/" + id + "/read", null)
                        .statusCode());
        long readAll = unread(learner);
        String path = "/api/notices/" + id;
        String edit = "{\"title\":\"实训安排（更正）\",\"body\":\"周三下午实训，地点不变。\"}";
        // Who may not: a learner (403), a colleague who sees it (403), a teacher of a class it is not addressed to
        // (404).
        assertEquals(403, RunningPlatform.call(learner, "PUT", path, edit).statusCode());
        HttpResponse<String> notTheirs = RunningPlatform.call(colleague, "PUT", path, edit);
        assertEquals(403, notTheirs.statusCode(), notTheirs.body());
        assertTrue(RunningPlatform.json(notTheirs).getString("detail").contains("发布者本人或管理员"), notTheirs.body());
        String outsiderName = Accounts.uniqueName("noticeedit");
        Accounts.createTeacher(admin, outsiderName, "Teach2026ok");
        String outsider = RunningPlatform.token(outsiderName, "Teach2026ok");
        assertEquals(404, RunningPlatform.call(outsider, "PUT", path, edit).statusCode());
        // Bad edits change nothing: an empty title, a text too long, another audience.
        HttpResponse<String> empty = RunningPlatform.call(teacher, "PUT", path, "{\"title\":\"  \",\"body\":\"x\"}");
        assertEquals(422, empty.statusCode(), empty.body());
        assertTrue(empty.body().contains("title"), empty.body());
        assertEquals(
                422,
                RunningPlatform.call(teacher, "PUT", path, "{\"title\":\"t\",\"body\":\"" + "长".repeat(5001) + "\"}")
                        .statusCode());
        HttpResponse<String> moved = RunningPlatform.call(
                teacher, "PUT", path, "{\"classId\":" + (demo + 100000) + ",\"title\":\"t\",\"body\":\"b\"}");
        assertEquals(422, moved.statusCode(), moved.body());
        assertTrue(moved.body().contains("撤回后重新发布"), moved.body());
        assertEquals(readAll, unread(learner), "nothing changed yet");
        assertTrue(RunningPlatform.call(learner, "GET", "/api/notices?size=100", null)
                .body()
                .contains("实训安排（初稿）"));

        // Its author edits it: the readers see the new text, marked as edited, and unread again; the author has read
        // it.
        JsonObject edited = ClassesIT.ok(RunningPlatform.call(teacher, "PUT", path, edit));
        assertEquals("实训安排（更正）", edited.getString("title"));
        assertFalse(edited.isNull("editedAt"));
        assertEquals(demo, edited.getJsonNumber("classId").longValue(), "the audience stays");
        assertEquals(readAll + 1, unread(learner), "a correction is news");
        JsonObject seen = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/notices?size=100", null))
                .getJsonArray("items")
                .stream()
                .map(n -> n.asJsonObject())
                .filter(n -> n.getJsonNumber("id").longValue() == id)
                .findFirst()
                .orElseThrow();
        assertEquals("周三下午实训，地点不变。", seen.getString("body"));
        assertFalse(seen.getBoolean("read"));
        assertFalse(seen.isNull("editedAt"));
        assertTrue(
                RunningPlatform.json(RunningPlatform.call(teacher, "GET", "/api/notices?size=100", null))
                        .getJsonArray("items")
                        .stream()
                        .map(n -> n.asJsonObject())
                        .filter(n -> n.getJsonNumber("id").longValue() == id)
                        .allMatch(n -> n.getBoolean("read")));
        // An administrator may edit it too; the audit log has both edits.
        ClassesIT.ok(
                RunningPlatform.call(admin, "PUT", path, "{\"title\":\"实训安排（更正）\",\"body\":\"周三下午 2 点实训，地点不变。\"}"));
        String audit =
                RunningPlatform.call(admin, "GET", "/api/audit?size=50", null).body();
        assertTrue(audit.contains("实训安排（初稿） → 实训安排（更正）"), audit);
        // Withdrawn, it can no longer be edited.
        assertEquals(
                204,
                RunningPlatform.call(teacher, "POST", "/api/notices/" + id + "/withdraw", null)
                        .statusCode());
        assertEquals(404, RunningPlatform.call(teacher, "PUT", path, edit).statusCode());
    }

    private static long unread(String token) throws Exception {
        return RunningPlatform.json(RunningPlatform.call(token, "GET", "/api/notices/unread", null))
                .getJsonNumber("unread")
                .longValue();
    }
}
