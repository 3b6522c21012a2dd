package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
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
        assertTrue(!sent.containsKey("editedAt") || sent.isNull("editedAt"), "as published: " + sent);
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
        // The same text again changes nothing: the learner's read mark stays.
        String firstEdit = edited.getString("editedAt");
        assertEquals(
                204,
                RunningPlatform.call(learner, "POST", "/api/notices/" + id + "/read?editedAt=" + firstEdit, null)
                        .statusCode());
        long readAgain = unread(learner);
        ClassesIT.ok(RunningPlatform.call(teacher, "PUT", path, edit));
        assertEquals(readAgain, unread(learner), "an edit that changes nothing is no news");
        // An administrator edits it from the edit they saw; the teacher, still on the first edit, cannot overwrite
        // theirs (409), and a reader of the first edit cannot mark the second read.
        JsonObject byAdmin = ClassesIT.ok(RunningPlatform.call(
                admin,
                "PUT",
                path,
                "{\"title\":\"实训安排（更正）\",\"body\":\"周三下午 2 点实训，地点不变。\",\"editedAt\":\"" + firstEdit + "\"}"));
        String adminName = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/me", null))
                .getString("fullName");
        assertEquals(adminName, byAdmin.getString("editedBy"), byAdmin.toString());
        HttpResponse<String> stale = RunningPlatform.call(
                teacher, "PUT", path, "{\"title\":\"实训安排\",\"body\":\"旧稿上的修改\",\"editedAt\":\"" + firstEdit + "\"}");
        assertEquals(409, stale.statusCode(), stale.body());
        assertTrue(RunningPlatform.json(stale).getString("detail").contains("刷新"), stale.body());
        HttpResponse<String> staleRead =
                RunningPlatform.call(learner, "POST", "/api/notices/" + id + "/read?editedAt=" + firstEdit, null);
        assertEquals(409, staleRead.statusCode(), staleRead.body());
        assertEquals(readAgain + 1, unread(learner), "the second correction stays unread");
        assertEquals(
                422,
                RunningPlatform.call(learner, "POST", "/api/notices/" + id + "/read?editedAt=yesterday", null)
                        .statusCode());
        // An edit that says it saw a time that is no time: 422 naming the field, not a generic 400.
        HttpResponse<String> garbled = RunningPlatform.call(
                admin, "PUT", path, "{\"title\":\"实训安排\",\"body\":\"乱写的时间\",\"editedAt\":\"yesterday\"}");
        assertEquals(422, garbled.statusCode(), garbled.body());
        assertEquals(
                "editedAt",
                RunningPlatform.json(garbled)
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"),
                garbled.body());
        assertFalse(garbled.body().contains("Exception") || garbled.body().contains("java."), garbled.body());
        // The audit log has both edits, with the text before each.
        String audit =
                RunningPlatform.call(admin, "GET", "/api/audit?size=50", null).body();
        assertTrue(audit.contains("实训安排（初稿） → 实训安排（更正）"), audit);
        assertTrue(audit.contains("text before: 周三下午实训，地点不变。"), audit);
        // Withdrawn, it can no longer be edited.
        assertEquals(
                204,
                RunningPlatform.call(teacher, "POST", "/api/notices/" + id + "/withdraw", null)
                        .statusCode());
        assertEquals(404, RunningPlatform.call(teacher, "PUT", path, edit).statusCode());
    }

    /**
     * Study reminders: personal notices to learners of the demo class (learner21 and learner22; learner23 for the race),
     * each seen by its learner and its author only; sent once in 12 hours however often (or at once) it is asked; refused
     * whole when one id is not a learner of the class. TeacherPagesIT's reminder from the class page leaves these three
     * learners out, so that the order of the two classes does not matter.
     */
    @Test
    void aReminderReachesOnlyItsLearnerAndIsNotSentTwiceIn12Hours() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        String colleague = RunningPlatform.token("teacher02", RunningPlatform.DEMO_PASSWORD);
        String first = RunningPlatform.token("learner21", RunningPlatform.DEMO_PASSWORD);
        String second = RunningPlatform.token("learner22", RunningPlatform.DEMO_PASSWORD);
        String third = RunningPlatform.token("learner23", RunningPlatform.DEMO_PASSWORD);
        long demo = Media.demoClassId();
        JsonObject cls = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes/" + demo, null));
        long firstId = learnerId(cls, "learner21");
        long secondId = learnerId(cls, "learner22");
        long thirdId = learnerId(cls, "learner23");
        String outsiderName = Accounts.uniqueName("remind");
        long outsiderId = Accounts.createLearner(admin, outsiderName, "Learn2026ok")
                .getJsonNumber("id")
                .longValue();
        String outsider = RunningPlatform.token(outsiderName, "Learn2026ok");
        List<String> everyone = List.of(first, second, third, outsider, admin, colleague, teacher);
        List<Long> before = new ArrayList<>();
        for (String who : everyone) {
            before.add(unread(who));
        }

        // Refused whole: a learner (403); an id that is not a learner of the class (422 naming it, nothing sent);
        // no learner, more than 100, an empty or oversized text (422, fields named).
        String text = "你的学时还差一些，请本周内补上。";
        assertEquals(
                403,
                RunningPlatform.call(first, "POST", "/api/notices/reminders", reminder(demo, List.of(firstId), text))
                        .statusCode());
        HttpResponse<String> stranger = RunningPlatform.call(
                teacher, "POST", "/api/notices/reminders", reminder(demo, List.of(thirdId, outsiderId), text));
        assertEquals(422, stranger.statusCode(), stranger.body());
        JsonObject named = RunningPlatform.json(stranger).getJsonArray("errors").getJsonObject(0);
        assertEquals("learnerIds", named.getString("field"), stranger.body());
        assertEquals("不是本班的学员：" + outsiderId, named.getString("message"), "the stranger alone is named");
        HttpResponse<String> empty =
                RunningPlatform.call(teacher, "POST", "/api/notices/reminders", reminder(demo, List.of(), " "));
        assertEquals(422, empty.statusCode(), empty.body());
        assertEquals(
                List.of("body", "learnerIds"),
                RunningPlatform.json(empty).getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .sorted()
                        .toList(),
                empty.body());
        HttpResponse<String> tooMany = RunningPlatform.call(
                teacher,
                "POST",
                "/api/notices/reminders",
                reminder(
                        demo, LongStream.range(0, 101).map(i -> firstId).boxed().toList(), "长".repeat(1001)));
        assertEquals(422, tooMany.statusCode(), tooMany.body());
        assertEquals(2, RunningPlatform.json(tooMany).getJsonArray("errors").size(), tooMany.body());
        // A teacher of another class: the demo class does not exist for them (404); their own class has not these
        // learners (422).
        long planId = cls.getJsonNumber("planId").longValue();
        String otherTeacherName = Accounts.uniqueName("remind-t");
        long otherClass = RoleMatrixIT.activeClass(admin, planId, otherTeacherName, Accounts.uniqueName("remind-l"));
        String otherTeacher = RunningPlatform.token(otherTeacherName, "Teach2026ok");
        assertEquals(
                404,
                RunningPlatform.call(
                                otherTeacher, "POST", "/api/notices/reminders", reminder(demo, List.of(firstId), text))
                        .statusCode());
        assertEquals(
                422,
                RunningPlatform.call(
                                otherTeacher,
                                "POST",
                                "/api/notices/reminders",
                                reminder(otherClass, List.of(firstId), text))
                        .statusCode());
        // A class that is not active: nobody in it is behind yet (no ledger, no lessons); refused, said why, in the
        // reader's language.
        long draft = ClassesIT.draftClass(admin, planId, "未开班", null);
        long draftLearnerId = Accounts.createLearner(admin, Accounts.uniqueName("remind-d"), "Learn2026ok")
                .getJsonNumber("id")
                .longValue();
        ClassesIT.ok(RunningPlatform.call(
                admin, "POST", "/api/classes/" + draft + "/learners", "{\"accountIds\":[" + draftLearnerId + "]}"));
        HttpResponse<String> notActive = RunningPlatform.call(
                admin, "POST", "/api/notices/reminders", reminder(draft, List.of(draftLearnerId), text));
        assertEquals(422, notActive.statusCode(), notActive.body());
        assertTrue(RunningPlatform.json(notActive).getString("detail").contains("尚未开班"), notActive.body());
        assertEquals(
                "classId",
                RunningPlatform.json(notActive)
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"),
                notActive.body());
        HttpResponse<String> notActiveEn = RunningPlatform.call(
                admin,
                "POST",
                "/api/notices/reminders",
                reminder(draft, List.of(draftLearnerId), text),
                "Accept-Language",
                "en");
        assertEquals(422, notActiveEn.statusCode(), notActiveEn.body());
        assertTrue(RunningPlatform.json(notActiveEn).getString("detail").contains("is not active"), notActiveEn.body());
        for (int i = 0; i < everyone.size(); i++) {
            assertEquals(before.get(i), unread(everyone.get(i)), "nothing was sent to anyone (" + i + ")");
        }

        // Sent to two learners: each sees their own, unread, with the class's default title; the author sees both,
        // read.
        JsonObject sent = ClassesIT.ok(RunningPlatform.call(
                teacher, "POST", "/api/notices/reminders", reminder(demo, List.of(firstId, secondId), text)));
        assertEquals(List.of(firstId, secondId), ids(sent.getJsonArray("sent")), sent.toString());
        assertTrue(sent.getJsonArray("skipped").isEmpty(), sent.toString());
        assertEquals(before.get(0) + 1, unread(first));
        assertEquals(before.get(1) + 1, unread(second));
        for (int i = 2; i < everyone.size(); i++) {
            assertEquals(
                    before.get(i),
                    unread(everyone.get(i)),
                    "the third learner, an outsider, the administrator and the colleague have nothing new (" + i + ")");
        }
        JsonObject mine = personal(first).get(0);
        assertEquals(firstId, mine.getJsonNumber("recipientId").longValue());
        assertEquals("学习提醒：" + cls.getString("name"), mine.getString("title"));
        assertEquals(text, mine.getString("body"));
        assertFalse(mine.getBoolean("read"));
        assertFalse(mine.getBoolean("mayWithdraw"));
        assertTrue(personal(first).stream()
                .allMatch(n -> n.getJsonNumber("recipientId").longValue() == firstId));
        assertTrue(personal(second).stream()
                .allMatch(n -> n.getJsonNumber("recipientId").longValue() == secondId));
        assertEquals(1, personal(second).size());
        long mineId = mine.getJsonNumber("id").longValue();
        for (String other : List.of(third, outsider, second, otherTeacher)) {
            assertTrue(
                    personal(other).stream()
                            .noneMatch(n -> n.getJsonNumber("id").longValue() == mineId),
                    "not in another's feed");
            assertEquals(
                    404,
                    RunningPlatform.call(other, "POST", "/api/notices/" + mineId + "/read", null)
                            .statusCode(),
                    "another learner's reminder does not exist for them");
        }
        // Those who answer for the class see it, as read (not news to them): a colleague of the class, who may not
        // withdraw or edit it (403), and an administrator, who may; a teacher of another class cannot even find it.
        for (String supervisor : List.of(colleague, admin)) {
            JsonObject seen = personal(supervisor).stream()
                    .filter(n -> n.getJsonNumber("id").longValue() == mineId)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the class's reminder is in the supervisor's feed"));
            assertTrue(seen.getBoolean("read"), seen.toString());
            assertEquals(supervisor.equals(admin), seen.getBoolean("mayWithdraw"), seen.toString());
        }
        assertEquals(
                403,
                RunningPlatform.call(colleague, "POST", "/api/notices/" + mineId + "/withdraw", null)
                        .statusCode());
        assertEquals(
                403,
                RunningPlatform.call(colleague, "PUT", "/api/notices/" + mineId, "{\"title\":\"改\",\"body\":\"同事改的\"}")
                        .statusCode());
        for (String how : List.of("/withdraw", "")) {
            assertEquals(
                    404,
                    RunningPlatform.call(
                                    otherTeacher,
                                    how.isEmpty() ? "PUT" : "POST",
                                    "/api/notices/" + mineId + how,
                                    how.isEmpty() ? "{\"title\":\"改\",\"body\":\"别班老师改的\"}" : null)
                            .statusCode(),
                    "a teacher of another class: " + how);
        }
        List<JsonObject> authored = personal(teacher).stream()
                .filter(n -> n.getString("body").equals(text))
                .toList();
        assertEquals(
                List.of(firstId, secondId),
                authored.stream()
                        .map(n -> n.getJsonNumber("recipientId").longValue())
                        .sorted()
                        .toList());
        assertTrue(authored.stream().allMatch(n -> n.getBoolean("read") && n.getBoolean("mayWithdraw")));
        assertEquals(
                204,
                RunningPlatform.call(first, "POST", "/api/notices/" + mineId + "/read", null)
                        .statusCode());
        assertEquals(before.get(0), unread(first), "read by opening it");

        // Sent again (a double click): nothing new, both skipped with the reason in both languages.
        JsonObject again = ClassesIT.ok(RunningPlatform.call(
                teacher, "POST", "/api/notices/reminders", reminder(demo, List.of(secondId, firstId), "再提醒一次")));
        assertTrue(again.getJsonArray("sent").isEmpty(), again.toString());
        assertEquals(
                List.of(secondId, firstId),
                again.getJsonArray("skipped").stream()
                        .map(x -> x.asJsonObject().getJsonNumber("learnerId").longValue())
                        .toList());
        JsonObject reason = again.getJsonArray("skipped").getJsonObject(0).getJsonObject("reason");
        assertTrue(reason.getString("zh").contains("12 小时"), reason.toString());
        assertTrue(reason.getString("en").contains("12 hours"), reason.toString());
        assertEquals(before.get(0), unread(first));
        assertEquals(before.get(1) + 1, unread(second));
        assertEquals(1, personal(second).size(), "still one");

        // Eight identical requests at once for the third learner: one reminder.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> racing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racing.add(pool.submit(() -> {
                    go.await();
                    return RunningPlatform.call(
                            teacher, "POST", "/api/notices/reminders", reminder(demo, List.of(thirdId), text));
                }));
            }
            go.countDown();
            int reminded = 0;
            for (Future<HttpResponse<String>> f : racing) {
                JsonObject answer = ClassesIT.ok(f.get());
                reminded += answer.getJsonArray("sent").size();
                assertEquals(
                        1,
                        answer.getJsonArray("sent").size()
                                + answer.getJsonArray("skipped").size(),
                        answer.toString());
            }
            assertEquals(1, reminded, "sent once");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before.get(2) + 1, unread(third));
        assertEquals(1, personal(third).size());

        // Its author withdraws one: gone from the learner's feed; the audit log has the sendings.
        long thirdsId = personal(third).get(0).getJsonNumber("id").longValue();
        assertEquals(
                204,
                RunningPlatform.call(teacher, "POST", "/api/notices/" + thirdsId + "/withdraw", null)
                        .statusCode());
        assertEquals(before.get(2), unread(third));
        assertTrue(personal(third).isEmpty());
        // An administrator withdraws the first learner's (another author's): gone from the learner's and the author's
        // feeds, audited as the administrator's.
        assertEquals(
                204,
                RunningPlatform.call(admin, "POST", "/api/notices/" + mineId + "/withdraw", null)
                        .statusCode());
        assertTrue(personal(first).stream().noneMatch(n -> n.getJsonNumber("id").longValue() == mineId));
        assertTrue(
                personal(teacher).stream().noneMatch(n -> n.getJsonNumber("id").longValue() == mineId));
        String audit =
                RunningPlatform.call(admin, "GET", "/api/audit?size=50", null).body();
        assertTrue(
                RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/audit?size=50", null))
                        .getJsonArray("items")
                        .stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(e -> e.getString("action").equals("NOTICE_WITHDRAWN")
                                && e.getJsonNumber("subjectId").longValue() == mineId
                                && e.getString("actor").equals(RunningPlatform.ADMIN)),
                audit);
        assertTrue(audit.contains("REMINDERS_SENT"), audit);
        assertTrue(audit.contains("reminders sent: 2, skipped: 0"), audit);
        assertTrue(audit.contains("reminders sent: 1, skipped: 0"), audit);
    }

    /**
     * Two new classes' first reminders at the same instant, three requests each, each for a learner of its own: every one
     * answered and sent, none refused as busy (503). The gate locks a class's own row, never a gap; a locking read of
     * the reminders instead locked the gap after the newest learners, which both classes' reminders insert into.
     */
    @Test
    void twoClassesFirstRemindersAtOnceWaitForNeitherClass() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        long planId = RunningPlatform.json(
                        RunningPlatform.call(admin, "GET", "/api/classes/" + Media.demoClassId(), null))
                .getJsonNumber("planId")
                .longValue();
        List<Long> classIds = new ArrayList<>();
        List<List<Long>> learnerIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long c = RoleMatrixIT.activeClass(
                    admin,
                    planId,
                    Accounts.uniqueName("gate-t"),
                    List.of(
                            Accounts.uniqueName("gate-l"),
                            Accounts.uniqueName("gate-l"),
                            Accounts.uniqueName("gate-l")));
            classIds.add(c);
            learnerIds.add(
                    RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes/" + c, null))
                            .getJsonArray("learners")
                            .stream()
                            .map(l ->
                                    l.asJsonObject().getJsonNumber("accountId").longValue())
                            .toList());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> racing = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long classId = classIds.get(i % 2);
                long learner = learnerIds.get(i % 2).get(i / 2);
                racing.add(pool.submit(() -> {
                    go.await();
                    return RunningPlatform.call(
                            admin, "POST", "/api/notices/reminders", reminder(classId, List.of(learner), "本周学时还差一些。"));
                }));
            }
            go.countDown();
            for (int i = 0; i < racing.size(); i++) {
                HttpResponse<String> r = racing.get(i).get();
                assertEquals(
                        200, r.statusCode(), "request " + i + ": " + r.headers().map() + " " + r.body());
                assertEquals(
                        List.of(learnerIds.get(i % 2).get(i / 2)),
                        ids(RunningPlatform.json(r).getJsonArray("sent")),
                        r.body());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String reminder(long classId, List<Long> learnerIds, String body) {
        return Json.createObjectBuilder()
                .add("classId", classId)
                .add("learnerIds", Json.createArrayBuilder(learnerIds))
                .add("body", body)
                .build()
                .toString();
    }

    private static long learnerId(JsonObject cls, String username) {
        return cls.getJsonArray("learners").stream()
                .map(JsonValue::asJsonObject)
                .filter(l -> l.getString("username").equals(username))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("accountId")
                .longValue();
    }

    private static List<Long> ids(JsonArray a) {
        return a.stream().map(v -> ((jakarta.json.JsonNumber) v).longValue()).collect(Collectors.toList());
    }

    /** The personal notices (reminders) in the caller's feed, newest first. */
    private static List<JsonObject> personal(String token) throws Exception {
        return RunningPlatform.json(RunningPlatform.call(token, "GET", "/api/notices?size=100", null))
                .getJsonArray("items")
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(n -> n.containsKey("recipientId") && !n.isNull("recipientId"))
                .toList();
    }

    private static long unread(String token) throws Exception {
        return RunningPlatform.json(RunningPlatform.call(token, "GET", "/api/notices/unread", null))
                .getJsonNumber("unread")
                .longValue();
    }
}
