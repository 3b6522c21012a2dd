package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A learner in a real browser: signs in, finds the unit in the class's plan, plays its lesson video
 * through hls.js with the attendance module, is refused a forward seek on the first viewing, plays to
 * the end and sees the credited minutes rise; the pages fit a phone's width.
 */
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearnerPagesIT {

    static final String LEARNER = "learner05";
    static long resourceId;

    @BeforeAll
    static void publishedLesson() throws Exception {
        MediaPipelineIT.setUp();
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        Path video = MediaFixtures.video("pages-640x360-14s.mp4", 640, 360, 14, true);
        Media.Uploaded up = Media.published(teacher, MediaPipelineIT.studiedUnit, "VIDEO", video);
        resourceId = up.resourceId();
    }

    static double creditedMinutes(Browser b) {
        b.waitFor(By.id("credited-minutes"));
        // Read in the page: the element is replaced whenever the ledger is fetched again.
        return ((Number) b.js("return Number(document.getElementById('credited-minutes').dataset.minutes);"))
                .doubleValue();
    }

    static double position(Browser b) {
        return ((Number) b.js("return document.querySelector('video').currentTime;")).doubleValue();
    }

    static void openUnit(Browser b) {
        // The class's units are folded under their summary (a plan has many): unfold the list that holds the unit.
        b.waitFor(By.xpath("//details[.//li[@data-unit='" + MediaPipelineIT.studiedUnit + "']]/summary"));
        b.js(
                "arguments[0].open || arguments[0].querySelector('summary').click();",
                b.driver.findElement(By.xpath("//details[.//li[@data-unit='" + MediaPipelineIT.studiedUnit + "']]")));
        b.waitFor(By.cssSelector("[data-unit='" + MediaPipelineIT.studiedUnit + "'] a"))
                .click();
        b.waitFor(By.id("unit-name"));
        b.waitFor(By.id("credited-minutes"));
    }

    @Test
    @Order(1)
    void aForwardSeekOnTheFirstViewingIsRefused() throws Exception {
        try (Browser b = new Browser()) {
            b.signIn(LEARNER, RunningPlatform.DEMO_PASSWORD, "/learner/");
            b.screenshot("learner-home");
            openUnit(b);
            b.waitFor(By.id("play-" + resourceId)).click();
            b.waitFor(By.cssSelector("video"));
            // One tap plays: nothing else is pressed and the video runs.
            b.until(
                    d -> (Boolean)
                            b.js(
                                    "const v = document.querySelector('video'); return v.readyState >= 2 && !v.paused && v.currentTime > 0.2;"),
                    Duration.ofSeconds(30));
            // Past 3 s, so that the player has surely sampled 2 whole seconds before the seek: credit counts whole
            // seconds, and a first viewing credited 1 s resumes at 0 (a second before its frontier), as it should.
            b.until(d -> position(b) > 3.0, Duration.ofSeconds(30));
            b.js("document.querySelector('video').currentTime = 11;");
            String notice = b.waitFor(By.id("notice")).getText();
            assertTrue(notice.contains("首次观看不能快进"), notice);
            double at = position(b);
            assertTrue(at < 6, "the player went back to the frontier, not to 11 s: " + at);
            b.screenshot("learner-seek-refused");
            // The server agrees: nothing past the frontier was credited.
            b.js("document.querySelector('video').pause();");
            Thread.sleep(1500);
            JsonObject unit = unitLedger();
            assertTrue(unit.getInt("selfPacedSeconds") < 7, unit.toString());
        }
    }

    @Test
    @Order(2)
    void playingTheLessonToTheEndRaisesTheCreditedMinutes() throws Exception {
        try (Browser b = new Browser()) {
            b.signIn(LEARNER, RunningPlatform.DEMO_PASSWORD, "/learner/");
            openUnit(b);
            double before = creditedMinutes(b);
            b.waitFor(By.id("play-" + resourceId)).click();
            try {
                // The player is ready at the resume point; a video that did not resume stays at 0 (nothing plays it).
                b.until(
                        d -> (Boolean)
                                b.js(
                                        "const v = document.querySelector('video'); return v.readyState >= 2 && v.currentTime > 0.5;"),
                        Duration.ofSeconds(30));
            } catch (AssertionError e) {
                throw new AssertionError(
                        "resumes (a second before) where the first viewing stopped, yet stands at " + position(b)
                                + " s; the ledger says " + unitLedger(),
                        e);
            }
            b.js("document.querySelector('video').play();");
            b.until(d -> (Boolean) b.js("return document.querySelector('video').ended;"), Duration.ofSeconds(40));
            try {
                b.until(d -> creditedMinutes(b) > before, Duration.ofSeconds(15));
            } catch (RuntimeException e) {
                b.screenshot("learner-unit-after-lesson-failed");
                throw new AssertionError(
                        "credited minutes stayed " + before + "; page says: "
                                + b.js(
                                        "return ['player-status','notice','problem','unit-credit'].map(i => i + '=' + document.getElementById(i)?.textContent).join(' | ')"),
                        e);
            }
            b.screenshot("learner-unit-after-lesson");
            JsonObject unit = unitLedger();
            assertTrue(
                    unit.getInt("selfPacedSeconds") >= 12,
                    "the whole 14 s lesson, give or take a second at each end: " + unit);
            assertTrue(unit.getInt("selfPacedSeconds") <= 14, unit.toString());
        }
    }

    @Test
    @Order(3)
    void thePagesFitAPhone() throws Exception {
        try (Browser b = new Browser(390, 844)) {
            b.signIn(LEARNER, RunningPlatform.DEMO_PASSWORD, "/learner/");
            // What comes next is on top: the next unit to finish, then the exams; the long list of units is folded
            // below.
            b.waitFor(By.cssSelector("details.unit-list > summary"));
            assertTrue(
                    (Boolean) b.js("return [...document.querySelectorAll('details.unit-list')].every(d => d.open"
                            + " === (d.querySelectorAll('[data-unit]').length <= 8));"),
                    "a list of more than 8 units is folded");
            assertTrue(
                    b.driver.findElement(By.cssSelector(".next-unit a")).isDisplayed(),
                    "the next unit to study is one tap away");
            String total =
                    b.driver.findElement(By.cssSelector("[id$='-total']")).getText();
            assertTrue(
                    total.matches("(?s).*要求 [0-9.]+ 学时（[0-9]+ 小时.*）.*"),
                    "the requirement in the package's word, 学时: " + total);
            // The completion ring: the share of the classroom hours, drawn by its custom property (the CSP allows no
            // style markup).
            assertTrue(
                    (Boolean)
                            b.js(
                                    "const r = document.querySelector('section[data-class] .ring');"
                                            + "return !!r && r.textContent === r.getAttribute('aria-valuenow') + '%'"
                                            + " && getComputedStyle(r).getPropertyValue('--p').trim() === r.getAttribute('aria-valuenow');"),
                    "the completion ring");
            assertTrue(
                    (Boolean) b.js("const exams = document.querySelector('section[data-class] ul.exams');"
                            + "return !exams || !!(exams.compareDocumentPosition(document.querySelector('section[data-class] details.unit-list'))"
                            + " & Node.DOCUMENT_POSITION_FOLLOWING);"),
                    "the exams come before the units");
            // 继续学习 on top: the video last watched (test 2 played it to its end, so it may be over) or else the
            // next unit to finish, one tap away either way.
            assertTrue(
                    (Boolean) b.js("const r = document.getElementById('resume');"
                            + " return !!r && !!r.querySelector('#resume-play, #resume-unit')"
                            + " && !!(r.compareDocumentPosition(document.querySelector('section[data-class]'))"
                            + " & Node.DOCUMENT_POSITION_FOLLOWING);"),
                    "继续学习 comes first");
            assertFalse(b.overflowsHorizontally(), "the home page scrolls sideways on a phone");
            b.screenshot("learner-home-phone");
            openUnit(b);
            assertFalse(
                    b.driver
                            .findElement(By.tagName("body"))
                            .getAttribute("textContent")
                            .contains("原文行"),
                    "where the package's text was read is the administrators' concern, not the learners'");
            b.waitFor(By.id("play-" + resourceId)).click();
            b.until(
                    d -> (Boolean) b.js("return document.querySelector('video').readyState >= 1;"),
                    Duration.ofSeconds(30));
            assertFalse(b.overflowsHorizontally(), "the unit page scrolls sideways on a phone");
            // Minutes are rounded once: 3599.6 minutes are 60 hours, never "59 小时 60 分".
            assertEquals(
                    java.util.List.of("60 小时", "1 小时", "59.9 分钟"),
                    ((org.openqa.selenium.JavascriptExecutor) b.driver)
                            .executeAsyncScript(
                                    "const done = arguments[arguments.length - 1];"
                                            + " import('/app/shared/i18n.js').then((m) => done([m.minutes(3599.6), m.minutes(59.97), m.minutes(59.94)]));"));
            // A score reads on the pass mark's 100-point scale, whatever the paper's points.
            assertEquals(
                    java.util.List.of("60 / 100（6 / 10 分）", "83.3 / 100（5 / 6 分）", "72 / 100"),
                    ((org.openqa.selenium.JavascriptExecutor) b.driver)
                            .executeAsyncScript(
                                    "const done = arguments[arguments.length - 1];"
                                            + " import('/app/shared/i18n.js').then((m) => done([m.score(6, 10), m.score(5, 6), m.score(72, 100)]));"));
            b.screenshot("learner-unit-phone");
            b.driver.findElement(By.id("language")).click();
            b.until(d -> d.findElement(By.id("unit-credit")).getText().contains("Credited"), Duration.ofSeconds(5));
            b.screenshot("learner-unit-phone-en");
        }
    }

    /** The demo documents {@code ./ops/run} adds to the demo class (the launcher's DemoResourcePacks), by pack. */
    static final java.util.Map<String, String> DEMO_DOCUMENTS = java.util.Map.of(
            "TEACHING", "教案：直播销售入门（演示）",
            "LEARNING", "学习指南：直播前的准备（演示）",
            "ASSESSMENT", "评分细则：直播脚本练习（演示）",
            "INFORMATION", "行业资讯：直播营销的合规要点（演示）");

    static final String DEMO_SAMPLE_PAPER = "样卷：直播销售基础（演示）";

    /**
     * The demo class's four resource packs, as the package names them, on a phone: after start-up each pack holds its
     * demo document for the teachers; the learner, from the class on the home page, sees the four headings, the study guide, the rubric
     * a teacher showed and the industry note, and under 教学资源 only that it is the teachers' (the sample paper with its
     * answers stays hidden).
     */
    @Test
    @Order(6)
    void theFourResourcePacksOfTheClassReadOnAPhone() throws Exception {
        long classId = Media.demoClassId();
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        // The launcher adds them in the background once the platform is up: a few seconds, or a few minutes when it
        // must
        // try again (a test may have stopped object storage at that moment).
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String taught = "";
        while (System.nanoTime() < deadline) {
            // Every item of every pack (other tests add learning videos to the demo class before this one runs).
            HttpResponse<String> all =
                    RunningPlatform.call(teacher, "GET", "/api/resources/packs?classId=" + classId + "&size=200", null);
            assertEquals(200, all.statusCode(), all.body());
            taught = all.body();
            if (DEMO_DOCUMENTS.values().stream().allMatch(taught::contains) && taught.contains(DEMO_SAMPLE_PAPER)) {
                break;
            }
            Thread.sleep(1000);
        }
        String seeder = RunningPlatform.launcherLines("demo resource packs", "demo document");
        for (var demo : DEMO_DOCUMENTS.entrySet()) {
            assertTrue(
                    taught.contains(demo.getValue()),
                    "the demo " + demo.getKey() + " document; the launcher said: " + seeder + "; the packs: " + taught);
        }
        try (Browser b = new Browser(390, 844)) {
            b.signIn(LEARNER, RunningPlatform.DEMO_PASSWORD, "/learner/");
            b.waitFor(By.id("class-" + classId + "-packs")).click();
            b.waitFor(By.cssSelector("section[data-pack='INFORMATION'] li[data-resource]"));
            assertEquals(
                    java.util.List.of("教学资源", "学习资源", "考核资源", "信息资源"),
                    b.js("return [...document.querySelectorAll('section[data-pack] > h2')]"
                            + ".map(h => h.firstChild.textContent.trim());"));
            assertEquals(
                    0L,
                    b.js(
                            "return document.querySelectorAll(\"section[data-pack='TEACHING'] li, li[data-category='TEACHING']\").length;"));
            String text = b.driver.findElement(By.id("content")).getText();
            assertTrue(text.contains("不向学员开放"), "the teaching pack says whom it is for: " + text);
            // (The learning pack's first page holds the newest items: by now other tests' videos.)
            for (String pack : java.util.List.of("ASSESSMENT", "INFORMATION")) {
                assertTrue(
                        b.driver
                                .findElement(By.cssSelector("section[data-pack='" + pack + "']"))
                                .getText()
                                .contains(DEMO_DOCUMENTS.get(pack)),
                        pack + ": " + text);
            }
            assertFalse(text.contains(DEMO_DOCUMENTS.get("TEACHING")) || text.contains(DEMO_SAMPLE_PAPER), text);
            assertFalse(b.overflowsHorizontally(), "the packs scroll sideways on a phone");
            b.screenshot("learner-packs-phone");
        }
    }

    /**
     * Nobody touches the page while the lesson plays: after 20 s (the test platform's idle time) the page
     * asks "还在吗？", nobody answers within 5 s, the video pauses and the credit since the last
     * interaction (the click on "play") is taken back.
     */
    @Test
    @Order(4)
    void anUnansweredPresenceQuestionPausesAndTakesBackTheIdleCredit() throws Exception {
        Media.Uploaded up = publishedLesson("pages-640x360-45s.mp4", 45);
        String learner = "learner07";
        try (Browser b = new Browser()) {
            b.signIn(learner, RunningPlatform.DEMO_PASSWORD, "/learner/");
            openUnit(b);
            b.waitFor(By.id("play-" + up.resourceId())).click();
            b.until(
                    d -> (Boolean) b.js("return document.querySelector('video').readyState >= 2;"),
                    Duration.ofSeconds(30));
            b.js("document.querySelector('video').play();");
            b.waitFor(By.id("presence-yes"), Duration.ofSeconds(40));
            assertTrue(
                    b.driver.findElement(By.cssSelector(".presence")).getText().contains("还在吗"));
            b.screenshot("learner-presence-question");
            b.until(d -> (Boolean) b.js("return document.querySelector('video').paused;"), Duration.ofSeconds(10));
            String notice = b.waitFor(By.id("notice")).getText();
            assertTrue(notice.contains("不计学时"), notice);
            b.until(
                    d -> b.driver.findElement(By.id("player-status")).getText().contains("0 秒"),
                    Duration.ofSeconds(10));
            b.screenshot("learner-presence-absent");
        }
        assertEquals(
                0,
                unitLedger(learner).getInt("selfPacedSeconds"),
                "every second since the click on play was taken back");
    }

    /**
     * The page is hidden for 20 s in the middle of a first viewing: the player pauses, and resumes from the same
     * point when the page is shown again, so no gap arises and every second watched is credited. A beat the
     * server refuses (the test makes the page send an impossible one) is dropped, and the beats after it are
     * credited as before.
     */
    @Test
    @Order(5)
    void aHiddenPagePausesAndAStrayRefusedBeatStopsNoCredit() throws Exception {
        Media.Uploaded up = publishedLesson("pages-640x360-40s.mp4", 40);
        String learner = "learner08";
        try (Browser b = new Browser()) {
            b.signIn(learner, RunningPlatform.DEMO_PASSWORD, "/learner/");
            openUnit(b);
            // The first beat without playback (the one the pause sends) is made impossible on its way: 60 s claimed.
            b.js(
                    "const send = window.fetch; window.tampered = 0;"
                            + "window.fetch = (url, init) => { if (String(url).includes('/beats') && init && typeof init.body === 'string') {"
                            + "  const beat = JSON.parse(init.body);"
                            + "  if (beat.played.length === 0 && !window.tampered) { window.tampered = beat.seq; beat.played = [{ fromMs: 0, toMs: 60000 }];"
                            + "    init = { ...init, body: JSON.stringify(beat) }; } }"
                            + "  return send(url, init); };"
                            + "window.visibility = 'visible';"
                            + "Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => window.visibility });"
                            + "Object.defineProperty(document, 'hidden', { configurable: true, get: () => window.visibility === 'hidden' });");
            b.waitFor(By.id("play-" + up.resourceId())).click();
            b.until(
                    d -> (Boolean) b.js("return document.querySelector('video').readyState >= 2;"),
                    Duration.ofSeconds(30));
            b.js("document.querySelector('video').play();");
            b.until(d -> position(b) > 6.0, Duration.ofSeconds(30));
            b.js("window.visibility = 'hidden'; document.dispatchEvent(new Event('visibilitychange'));");
            assertTrue(
                    (Boolean) b.js("return document.querySelector('video').paused;"),
                    "the player pauses when the page is hidden");
            double hiddenAt = position(b);
            Thread.sleep(20_000);
            double after = position(b);
            assertTrue(Math.abs(after - hiddenAt) < 0.5, "nothing played while hidden: " + hiddenAt + " → " + after);
            b.js("window.visibility = 'visible'; document.dispatchEvent(new Event('visibilitychange'));");
            b.until(d -> !(Boolean) b.js("return document.querySelector('video').paused;"), Duration.ofSeconds(10));
            // The learner is there: a key now and then, so that the presence question does not come.
            b.until(
                    d -> {
                        b.js("document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift' }));");
                        return (Boolean) b.js("return document.querySelector('video').ended;");
                    },
                    Duration.ofSeconds(60));
            assertTrue(((Number) b.js("return window.tampered;")).longValue() > 0, "the page sent the impossible beat");
            b.until(
                    d -> b.driver.findElement(By.id("player-status")).getText().matches(".*(39|40) 秒.*"),
                    Duration.ofSeconds(20));
            b.screenshot("learner-hidden-then-shown");
        }
        int credited = unitLedger(learner).getInt("selfPacedSeconds");
        assertTrue(credited >= 39 && credited <= 40, "every second of the 40 s lesson watched visibly: " + credited);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms");
                var r = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM refused_beat b JOIN account a ON a.id = b.learner_id"
                                + " WHERE a.username = '" + learner + "'")) {
            assertTrue(r.next());
            assertEquals(1, r.getInt(1), "the impossible beat was refused, and only it");
        }
    }

    /**
     * 继续学习: the learner watches part of a new lesson video, goes home, and the card on top names that video with
     * where they stopped of its playing time and its poster (loaded); one tap opens the unit's player there and plays;
     * the card reads in English on the switch. Nobody else reaches that point or that poster: another learner of the
     * class, a learner of another class on the same plan, a teacher, a caller without the learner's grant of that video.
     */
    @Test
    @Order(7)
    void theHomeOpensOnWhereTheLearnerStopped() throws Exception {
        Media.Uploaded up = publishedLesson("pages-640x360-20s.mp4", 20);
        long id = up.resourceId();
        long classId = Media.demoClassId();
        long startsAt;
        try (Browser b = new Browser(390, 844)) {
            b.signIn(LEARNER, RunningPlatform.DEMO_PASSWORD, "/learner/");
            openUnit(b);
            b.waitFor(By.id("play-" + id)).click();
            b.until(
                    d -> (Boolean)
                            b.js("const v = document.querySelector('video'); return v.readyState >= 2 && !v.paused;"),
                    Duration.ofSeconds(30));
            b.until(d -> position(b) > 7.0, Duration.ofSeconds(30));
            b.js("document.querySelector('video').pause();");
            // The unit's list: the video's poster, playing time and how much was watched, once the pause's beat is in.
            b.until(
                    d -> b.driver
                            .findElement(By.cssSelector("[data-watched='" + id + "']"))
                            .getText()
                            .matches("时长 0:(19|20) · 已看 [1-9][0-9]?%"),
                    Duration.ofSeconds(10));
            b.open("/learner/");
            WebElement card = b.waitFor(By.cssSelector("#resume[data-resource='" + id + "']"), Duration.ofSeconds(20));
            startsAt = Long.parseLong(card.getAttribute("data-position-ms"));
            // Stopped past 7 s with 7 whole seconds credited: a first viewing goes on a second before its frontier.
            assertTrue(startsAt >= 5_000 && startsAt <= 8_000, "starts at " + startsAt);
            String at = b.driver.findElement(By.id("resume-at")).getText();
            assertTrue(at.matches("上次学到 0:0" + startsAt / 1000 + " / 0:(19|20)"), at);
            assertTrue(
                    b.driver.findElement(By.id("resume-watched")).getText().matches("已观看 [1-9][0-9]%"),
                    b.driver.findElement(By.id("resume-watched")).getText());
            b.until(
                    d -> (Boolean) b.js("const i = document.getElementById('resume-poster');"
                            + " return !!i && i.complete && i.naturalWidth > 0;"),
                    Duration.ofSeconds(10));
            assertEquals(
                    320L, b.js("return document.getElementById('resume-poster').naturalWidth;"), "the 320 px poster");
            assertTrue(
                    (Boolean) b.js("return !!(document.getElementById('resume').compareDocumentPosition("
                            + "document.querySelector('section[data-class]')) & Node.DOCUMENT_POSITION_FOLLOWING);"),
                    "继续学习 comes first");
            assertFalse(b.overflowsHorizontally(), "the home page scrolls sideways on a phone");
            b.screenshot("learner-resume-phone");
            b.driver.findElement(By.id("language")).click();
            b.until(
                    d -> d.findElement(By.id("resume")).getText().contains("Continue learning"),
                    Duration.ofSeconds(10));
            String inEnglish = b.driver.findElement(By.id("resume-at")).getText();
            assertTrue(inEnglish.matches("Stopped at 0:0" + startsAt / 1000 + " of 0:(19|20)"), inEnglish);
            b.screenshot("learner-resume-phone-en");
            // One tap: the unit's player opens where the learner stopped and plays.
            b.waitFor(By.id("resume-play")).click();
            b.until(
                    d -> (Boolean) b.js("const v = document.querySelector('video');"
                            + " return !!v && v.readyState >= 2 && !v.paused && v.currentTime > 0.2;"),
                    Duration.ofSeconds(30));
            double playing = position(b);
            assertTrue(
                    playing >= startsAt / 1000.0 - 0.5 && playing < startsAt / 1000.0 + 4,
                    "plays from " + startsAt + " ms: at " + playing + " s");
            // The unit's list says where the learner stopped (the page is in English now).
            String listed = b.driver
                    .findElement(By.cssSelector("[data-watched='" + id + "']"))
                    .getText();
            assertTrue(
                    listed.matches("0:(19|20) long · [1-9][0-9]% watched · stopped at 0:0" + startsAt / 1000), listed);
            // (Loaded lazily, as the list scrolls into view.)
            b.js("document.querySelector(\"[data-lesson='" + id + "']\").scrollIntoView();");
            b.until(
                    d -> (Boolean) b.js("const i = document.querySelector(\"[data-lesson='" + id + "'] img\");"
                            + " return !!i && i.complete && i.naturalWidth > 0;"),
                    Duration.ofSeconds(10));
            assertFalse(b.overflowsHorizontally(), "the unit page scrolls sideways on a phone");
            b.screenshot("learner-resume-playing");
        }

        // Nobody else reaches that point or that poster.
        JsonObject mine = RunningPlatform.json(RunningPlatform.call(
                RunningPlatform.token(LEARNER, RunningPlatform.DEMO_PASSWORD), "GET", "/api/attendance/resume", null));
        assertEquals(
                id,
                mine.getJsonObject("point")
                        .getJsonObject("video")
                        .getJsonNumber("resourceId")
                        .longValue(),
                mine.toString());
        String poster = mine.getJsonObject("point").getJsonObject("video").getString("posterUrl");
        String classmate = RunningPlatform.token("learner06", RunningPlatform.DEMO_PASSWORD);
        String otherClass = RunningPlatform.token("learner31", RunningPlatform.DEMO_PASSWORD);
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        for (String other : java.util.List.of(classmate, otherClass)) {
            HttpResponse<String> theirs = RunningPlatform.call(other, "GET", "/api/attendance/resume", null);
            assertEquals(200, theirs.statusCode(), theirs.body());
            JsonValue given = RunningPlatform.json(theirs).get("point");
            JsonObject point =
                    given == null || given.getValueType() == JsonValue.ValueType.NULL ? null : given.asJsonObject();
            assertTrue(
                    point == null
                            || point.getJsonObject("video")
                                            .getJsonNumber("resourceId")
                                            .longValue()
                                    != id,
                    "their own point, never learner05's: " + theirs.body());
        }
        String videos = "/api/attendance/classes/" + classId + "/units/" + MediaPipelineIT.studiedUnit + "/videos";
        JsonObject classmates = RunningPlatform.json(RunningPlatform.call(classmate, "GET", videos, null));
        for (JsonValue v : classmates.getJsonArray("items")) {
            if (v.asJsonObject().getJsonNumber("resourceId").longValue() == id) {
                assertEquals(0, v.asJsonObject().getInt("watchedSeconds"), "the classmate's own progress: " + v);
            }
        }
        assertEquals(404, RunningPlatform.call(otherClass, "GET", videos, null).statusCode(), "another class's unit");
        assertEquals(
                404,
                RunningPlatform.call(otherClass, "GET", "/api/resources/" + id + "/access", null)
                        .statusCode());
        assertEquals(
                403,
                RunningPlatform.call(teacher, "GET", "/api/attendance/resume", null)
                        .statusCode());
        assertEquals(403, RunningPlatform.call(teacher, "GET", videos, null).statusCode());
        // The poster: to the learner's grant, a 303 to the JPEG; without it, or with a sign-in token, 401; with the
        // learner's grant of another video, 403.
        HttpResponse<byte[]> own = Media.HTTP.send(
                java.net.http.HttpRequest.newBuilder(RunningPlatform.uri(poster))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(303, own.statusCode());
        String bare = poster.substring(0, poster.indexOf('?'));
        HttpResponse<byte[]> none = Media.HTTP.send(
                java.net.http.HttpRequest.newBuilder(RunningPlatform.uri(bare)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(401, none.statusCode());
        HttpResponse<byte[]> signedIn = Media.HTTP.send(
                java.net.http.HttpRequest.newBuilder(RunningPlatform.uri(bare))
                        .header("Authorization", "Bearer " + otherClass)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(401, signedIn.statusCode());
        String otherGrant = RunningPlatform.json(
                        Media.access(RunningPlatform.token(LEARNER, RunningPlatform.DEMO_PASSWORD), resourceId, null))
                .getString("posterUrl");
        HttpResponse<byte[]> wrongAsset = Media.HTTP.send(
                java.net.http.HttpRequest.newBuilder(
                                RunningPlatform.uri(bare + otherGrant.substring(otherGrant.indexOf('?'))))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(403, wrongAsset.statusCode());
    }

    /** A lesson video of its own, published on the studied unit. */
    static Media.Uploaded publishedLesson(String file, int seconds) throws Exception {
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        Media.Uploaded up = Media.published(
                teacher, MediaPipelineIT.studiedUnit, "VIDEO", MediaFixtures.video(file, 640, 360, seconds, true));
        return up;
    }

    static JsonObject unitLedger() throws Exception {
        return unitLedger(LEARNER);
    }

    /** The learner's line in the demo class's ledger for the unit, through the API. */
    static JsonObject unitLedger(String learner) throws Exception {
        String token = RunningPlatform.token(learner, RunningPlatform.DEMO_PASSWORD);
        long classId = RunningPlatform.json(RunningPlatform.call(token, "GET", "/api/classes", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        JsonObject me = RunningPlatform.json(
                        RunningPlatform.call(token, "GET", "/api/attendance/classes/" + classId + "/ledger", null))
                .getJsonArray("items")
                .getJsonObject(0);
        for (JsonValue u : me.getJsonArray("units")) {
            if (u.asJsonObject().getJsonNumber("unitId").longValue() == MediaPipelineIT.studiedUnit) {
                return u.asJsonObject();
            }
        }
        throw new AssertionError("unit " + MediaPipelineIT.studiedUnit + " not in " + me);
    }
}
