package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Live online lessons against the real stack, in real time: a lesson opens for joining before its start
 * and credits only the seconds inside its window; a learner who joins late and leaves early gets the
 * minutes present; forged, replayed, hidden and absent time earns nothing; a second tab ends the first;
 * the ledger, the roster, the audit export and the attendance chain agree. The stage and the Q&A reach
 * every viewer through Server-Sent Events.
 */
@ExtendWith(RunningPlatform.class)
class LiveLessonIT {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static String admin;
    static String teacher;
    static long classId;
    static long unitId;

    @BeforeAll
    static void demoClass() throws Exception {
        admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        teacher = RunningPlatform.token("teacher02", RunningPlatform.DEMO_PASSWORD);
        String learner = RunningPlatform.token("learner01", RunningPlatform.DEMO_PASSWORD);
        classId = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/classes", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        long planId = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/classes/" + classId, null))
                .getJsonNumber("planId")
                .longValue();
        // The plan's last unit: the other tests study its first units.
        List<JsonValue> units = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/plans/" + planId, null))
                .getJsonArray("units");
        unitId = units.get(units.size() - 1).asJsonObject().getJsonNumber("id").longValue();
    }

    /** Schedules a live lesson of one class hour in the demo class, starting in {@code seconds}; returns its id and start. */
    static JsonObject schedule(long seconds) throws Exception {
        return schedule(teacher, classId, unitId, seconds);
    }

    /** Schedules a live lesson of one class hour on {@code unitId} of the class, starting in {@code seconds}, taught by the token's teacher. */
    static JsonObject schedule(String teacher, long classId, long unitId, long seconds) throws Exception {
        ZonedDateTime start = ZonedDateTime.now(CHINA).plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
        long teacherId = RunningPlatform.json(RunningPlatform.call(teacher, "GET", "/api/me", null))
                .getJsonNumber("id")
                .longValue();
        HttpResponse<String> added = RunningPlatform.call(
                teacher,
                "POST",
                "/api/classes/" + classId + "/lessons",
                Json.createObjectBuilder()
                        .add("unitId", unitId)
                        .add("date", start.toLocalDate().toString())
                        .add("start", start.toLocalTime().toString())
                        .add("classHours", 1)
                        .add("teacherId", teacherId)
                        .add("mode", "LIVE")
                        .build()
                        .toString());
        assertEquals(200, added.statusCode(), added.body());
        Instant at = start.toInstant();
        for (int page = 0; ; page++) {
            JsonObject lessons = RunningPlatform.json(RunningPlatform.call(
                    teacher, "GET", "/api/live/classes/" + classId + "/lessons?size=100&page=" + page, null));
            for (JsonValue v : lessons.getJsonArray("items")) {
                JsonObject l = v.asJsonObject();
                if (l.getJsonNumber("unitId").longValue() == unitId
                        && Instant.parse(l.getString("startsAt")).equals(at)) {
                    return l;
                }
            }
            assertTrue(lessons.getJsonArray("items").size() == 100, "the new lesson is listed: " + lessons);
        }
    }

    /** A learner's page in a live lesson, beating with the session's clock (milliseconds since the join). */
    static final class Attendee {
        final String token;
        final String sessionId;
        final String playbackToken;
        final Instant openedAt;
        final long joinedNanos = System.nanoTime();
        long seq;
        long lastElapsed;
        int credited;

        Attendee(String token, JsonObject ticket) {
            this.token = token;
            this.sessionId = ticket.getString("sessionId");
            this.playbackToken = ticket.getString("token");
            this.openedAt = Instant.parse(ticket.getString("serverTime"));
        }

        long elapsed() {
            return (System.nanoTime() - joinedNanos) / 1_000_000;
        }

        HttpResponse<String> send(long seq, long elapsedMs, boolean visible, Long absentSinceMs) throws Exception {
            var beat = Json.createObjectBuilder()
                    .add("token", playbackToken)
                    .add("seq", seq)
                    .add("elapsedMs", elapsedMs)
                    .add("visible", visible);
            if (absentSinceMs != null) {
                beat.add("absentSinceMs", absentSinceMs);
            }
            return RunningPlatform.call(
                    token,
                    "POST",
                    "/api/live/sessions/" + sessionId + "/beats",
                    beat.build().toString());
        }

        JsonObject beat(boolean visible) throws Exception {
            long e = elapsed();
            HttpResponse<String> r = send(seq + 1, e, visible, null);
            assertEquals(200, r.statusCode(), r.body());
            seq++;
            lastElapsed = e;
            JsonObject ack = RunningPlatform.json(r);
            credited = ack.getInt("lessonCreditedSeconds");
            return ack;
        }

        /** Where the last beat put the learner in wall time, as the server counts it. */
        Instant presentUntil() {
            return openedAt.plusMillis(lastElapsed);
        }
    }

    static Attendee join(String username, long lessonId) throws Exception {
        String token = RunningPlatform.token(username, RunningPlatform.DEMO_PASSWORD);
        HttpResponse<String> r = RunningPlatform.call(token, "POST", "/api/live/lessons/" + lessonId + "/join", null);
        assertEquals(201, r.statusCode(), r.body());
        return new Attendee(token, RunningPlatform.json(r));
    }

    static void sleepUntil(Instant t) throws InterruptedException {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    @Test
    void presenceInsideTheWindowIsCreditedOnceAndNothingElseIs() throws Exception {
        JsonObject lesson = schedule(12);
        long lessonId = lesson.getJsonNumber("id").longValue();
        Instant start = Instant.parse(lesson.getString("startsAt"));
        assertEquals("OPEN", lesson.getString("state"), "learners may join before the start: " + lesson);
        // A lesson later today is not open yet.
        JsonObject later = schedule(40 * 60);
        String someone = RunningPlatform.token("learner27", RunningPlatform.DEMO_PASSWORD);
        HttpResponse<String> early =
                RunningPlatform.call(someone, "POST", "/api/live/lessons/" + later.getJsonNumber("id") + "/join", null);
        assertEquals(409, early.statusCode(), early.body());
        assertTrue(early.body().contains("开放进入"), early.body());
        assertTrue(early.body().contains("（北京时间）"), "times in China time, said so: " + early.body());
        assertFalse(
                early.body().matches("(?s).*\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z.*"), "no UTC instant: " + early.body());

        // The honest learner joins before the start and beats every two seconds.
        Attendee honest = join("learner25", lessonId);
        JsonObject before = honest.beat(true);
        assertEquals(0, before.getInt("lessonCreditedSeconds"), before.toString());
        assertEquals("the lesson has not begun", before.getJsonObject("reason").getString("en"), before.toString());
        Attendee late = null;
        Instant lateFrom = start.plusSeconds(4);
        Instant leftAt = start.plusSeconds(9);
        while (Instant.now().isBefore(start.plusSeconds(12))) {
            Thread.sleep(2000);
            honest.beat(true);
            if (late == null && !Instant.now().isBefore(lateFrom)) {
                late = join("learner26", lessonId); // joined late…
            } else if (late != null && Instant.now().isBefore(leftAt)) {
                late.beat(true); // …and left early
            }
        }
        assertTrue(late != null && late.seq >= 1, "the late learner beat at least once");
        long expectedHonest =
                Math.round(Duration.between(start, honest.presentUntil()).toMillis() / 1000.0);
        assertTrue(
                Math.abs(honest.credited - expectedHonest) <= 1,
                "honest: " + honest.credited + " s, present " + expectedHonest + " s");
        long expectedLate =
                Math.round(Duration.between(late.openedAt.isAfter(start) ? late.openedAt : start, late.presentUntil())
                                .toMillis()
                        / 1000.0);
        assertTrue(
                Math.abs(late.credited - expectedLate) <= 1,
                "late: " + late.credited + " s, present " + expectedLate + " s");
        assertTrue(late.credited < honest.credited - 5, "late " + late.credited + " vs honest " + honest.credited);

        // Replayed, forged: nothing changes; the forged beat uses its number up (sent again, it is a duplicate), and
        // a number too far ahead is refused without using any.
        int honestSoFar = honest.credited;
        HttpResponse<String> replay = honest.send(honest.seq, honest.lastElapsed, true, null);
        assertEquals(200, replay.statusCode());
        assertEquals("DUPLICATE", RunningPlatform.json(replay).getString("verdict"));
        HttpResponse<String> forged = honest.send(honest.seq + 1, honest.elapsed() + 3_600_000, true, null);
        assertEquals(422, forged.statusCode(), forged.body());
        assertEquals(
                "DUPLICATE",
                RunningPlatform.json(honest.send(honest.seq + 1, honest.elapsed(), true, null))
                        .getString("verdict"));
        honest.seq++;
        assertEquals(
                422,
                honest.send(honest.seq + 5_000, honest.elapsed(), true, null).statusCode());
        // A hidden page earns nothing.
        Thread.sleep(2000);
        assertEquals(honestSoFar, honest.beat(false).getInt("lessonCreditedSeconds"));
        long idleFrom = honest.lastElapsed;
        Thread.sleep(2000);
        int withIdle = honest.beat(true).getInt("lessonCreditedSeconds");
        assertTrue(withIdle > honestSoFar, "visible again: " + withIdle);
        // Nobody answered the presence question: what was credited since the last interaction goes back.
        HttpResponse<String> absent = honest.send(honest.seq + 1, honest.elapsed(), true, idleFrom);
        assertEquals(200, absent.statusCode(), absent.body());
        honest.seq++;
        assertEquals(honestSoFar, RunningPlatform.json(absent).getInt("lessonCreditedSeconds"), absent.body());

        // A second tab: the first stops counting. Its beat under way (begun before the switch) is taken, credited up
        // to the switch only; the next one hears 410; the seconds the new tab covers are not counted twice.
        Attendee tab2 = join("learner25", lessonId);
        Thread.sleep(2500);
        JsonObject underWay = honest.beat(true);
        assertTrue(underWay.getInt("lessonCreditedSeconds") - honestSoFar <= 3, "only up to the switch: " + underWay);
        assertEquals(
                410, honest.send(honest.seq + 1, honest.elapsed(), true, null).statusCode());
        int afterTab2 = tab2.beat(true).getInt("lessonCreditedSeconds");
        assertTrue(
                afterTab2 - honestSoFar <= 3,
                "the second tab adds only its own seconds: " + honestSoFar + " -> " + afterTab2);

        // The ledger, the roster, the export and the chain agree.
        JsonObject ledger = RunningPlatform.json(
                RunningPlatform.call(tab2.token, "GET", "/api/attendance/classes/" + classId + "/ledger", null));
        JsonObject unit = ledger.getJsonArray("items").getJsonObject(0).getJsonArray("units").stream()
                .map(JsonValue::asJsonObject)
                .filter(u -> u.getJsonNumber("unitId").longValue() == unitId)
                .findFirst()
                .orElseThrow();
        assertEquals(afterTab2, unit.getInt("liveSeconds"), unit.toString());
        JsonObject roster = RunningPlatform.json(
                RunningPlatform.call(teacher, "GET", "/api/live/lessons/" + lessonId + "/roster", null));
        JsonObject mine = roster.getJsonArray("learners").stream()
                .map(JsonValue::asJsonObject)
                .filter(l -> l.getString("username").equals("learner25"))
                .findFirst()
                .orElseThrow();
        assertEquals("PRESENT", mine.getString("state"), roster.toString());
        assertEquals(afterTab2, mine.getInt("creditedSeconds"));
        assertTrue(roster.getInt("absent") >= 20, roster.toString());
        assertEquals(
                403,
                RunningPlatform.call(tab2.token, "GET", "/api/live/lessons/" + lessonId + "/roster", null)
                        .statusCode());
        // The class's live roster shows the learner studying in the live lesson.
        JsonObject classRoster = RunningPlatform.json(
                RunningPlatform.call(teacher, "GET", "/api/attendance/classes/" + classId + "/roster", null));
        JsonObject inClass = classRoster.getJsonArray("learners").stream()
                .map(JsonValue::asJsonObject)
                .filter(l -> l.getString("username").equals("learner25"))
                .findFirst()
                .orElseThrow();
        assertEquals("STUDYING", inClass.getString("state"), inClass.toString());
        assertEquals(lessonId, inClass.getJsonNumber("liveLessonId").longValue(), inClass.toString());
        String csv = RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/export", null)
                .body();
        assertTrue(
                csv.lines().anyMatch(l -> l.startsWith("learner26,") && l.contains(",直播课,")),
                "the export lists the live sessions");
        JsonObject check = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null));
        assertTrue(check.getBoolean("intact"), check.toString());
    }

    static EventStream events(String token, long lessonId) {
        return EventStream.open(token, "/api/live/lessons/" + lessonId + "/events");
    }

    @Test
    void theStageAndTheQuestionsReachEveryViewerAtOnce() throws Exception {
        long lessonId = schedule(60).getJsonNumber("id").longValue();
        String learner = RunningPlatform.token("learner28", RunningPlatform.DEMO_PASSWORD);
        EventStream learnerSees = events(learner, lessonId);
        EventStream teacherSees = events(teacher, lessonId);
        assertTrue(learnerSees.next("hello", d -> true).containsKey("serverTime"));

        HttpResponse<String> set = RunningPlatform.call(
                teacher,
                "PUT",
                "/api/live/lessons/" + lessonId + "/stage",
                "{\"meetingUrl\":\"https://meeting.example.org/live-it\"}");
        assertEquals(200, set.statusCode(), set.body());
        JsonObject stage = learnerSees.next(
                "stage", d -> "https://meeting.example.org/live-it".equals(d.getString("meetingUrl", null)));
        assertTrue(stage.getJsonNumber("version").longValue() >= 1);

        HttpResponse<String> asked = RunningPlatform.call(
                learner, "POST", "/api/live/lessons/" + lessonId + "/messages", "{\"body\":\"FAB 里的 B 指什么？\"}");
        assertEquals(201, asked.statusCode(), asked.body());
        long questionId = RunningPlatform.json(asked).getJsonNumber("id").longValue();
        teacherSees.next("message", d -> d.getJsonNumber("id").longValue() == questionId);
        HttpResponse<String> answered = RunningPlatform.call(
                teacher,
                "POST",
                "/api/live/lessons/" + lessonId + "/messages",
                "{\"body\":\"Benefit，利益。\",\"replyTo\":" + questionId + "}");
        assertEquals(201, answered.statusCode(), answered.body());
        JsonObject answer = learnerSees.next(
                "message",
                d -> d.containsKey("replyTo") && d.getJsonNumber("replyTo").longValue() == questionId);
        assertEquals("TEACHER", answer.getString("role"));
        assertTrue(
                teacherSees.next("roster", d -> true).getJsonArray("learners").size() >= 30);
        List<JsonValue> history = Json.createReader(new java.io.StringReader(
                        RunningPlatform.call(learner, "GET", "/api/live/lessons/" + lessonId + "/messages", null)
                                .body()))
                .readArray();
        assertEquals(2, history.size(), history.toString());

        // Clear refusals.
        assertEquals(
                403,
                RunningPlatform.call(
                                learner,
                                "PUT",
                                "/api/live/lessons/" + lessonId + "/stage",
                                "{\"meetingUrl\":\"https://x.org\"}")
                        .statusCode());
        HttpResponse<String> badUrl = RunningPlatform.call(
                teacher, "PUT", "/api/live/lessons/" + lessonId + "/stage", "{\"meetingUrl\":\"javascript:alert(1)\"}");
        assertEquals(422, badUrl.statusCode());
        assertTrue(badUrl.body().contains("meetingUrl"), badUrl.body());
        HttpResponse<String> notAVideo = RunningPlatform.call(
                teacher, "PUT", "/api/live/lessons/" + lessonId + "/stage", "{\"resourceId\":999999}");
        assertEquals(422, notAVideo.statusCode());
        assertTrue(notAVideo.body().contains("resourceId"), notAVideo.body());
        assertEquals(
                422,
                RunningPlatform.call(
                                learner, "POST", "/api/live/lessons/" + lessonId + "/messages", "{\"body\":\"   \"}")
                        .statusCode());
        assertEquals(
                422,
                RunningPlatform.call(
                                learner,
                                "POST",
                                "/api/live/lessons/" + lessonId + "/messages",
                                "{\"body\":\"?\",\"replyTo\":999999}")
                        .statusCode());
        String outsider = Accounts.uniqueName("outsider");
        Accounts.createLearner(admin, outsider, "Outsider2026");
        String outsiderToken = RunningPlatform.token(outsider, "Outsider2026");
        assertEquals(
                404,
                RunningPlatform.call(outsiderToken, "GET", "/api/live/lessons/" + lessonId, null)
                        .statusCode());
        assertEquals(
                404,
                RunningPlatform.call(outsiderToken, "POST", "/api/live/lessons/" + lessonId + "/join", null)
                        .statusCode());
        assertEquals(
                403,
                RunningPlatform.call(teacher, "POST", "/api/live/lessons/" + lessonId + "/join", null)
                        .statusCode());
        // The stage never stays stale: the history survives, the stage is as last set.
        JsonObject view =
                RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/live/lessons/" + lessonId, null));
        assertEquals(
                "https://meeting.example.org/live-it",
                view.getJsonObject("stage").getString("meetingUrl"));
    }

    /**
     * A unit is the catalogue's, shared by every class whose plan has it: a video another class's teacher published on
     * the same unit is neither offered to this lesson's stage nor accepted on it (else its learners would watch the
     * other class's material, and its title would leak).
     */
    @Test
    void anotherClassesVideoOfTheSameUnitIsNotThisStages() throws Exception {
        long planId = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes/" + classId, null))
                .getJsonNumber("planId")
                .longValue();
        long learnerId = Accounts.createLearner(admin, Accounts.uniqueName("other"), "Other2026ok")
                .getJsonNumber("id")
                .longValue();
        long otherClass = ClassesIT.activeClass(admin, planId, learnerId, Accounts.teacherId(admin, "teacher01"));
        String otherTeacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        long theirs = Media.published(
                        otherTeacher,
                        unitId,
                        "VIDEO",
                        MediaFixtures.video("other-class-4s.mp4", 320, 180, 4, true),
                        otherClass)
                .resourceId();
        long lessonId = schedule(90).getJsonNumber("id").longValue();
        JsonObject view =
                RunningPlatform.json(RunningPlatform.call(teacher, "GET", "/api/live/lessons/" + lessonId, null));
        assertTrue(
                view.getJsonArray("videos").stream()
                        .noneMatch(v ->
                                v.asJsonObject().getJsonNumber("resourceId").longValue() == theirs),
                "the other class's video is not offered: " + view.getJsonArray("videos"));
        HttpResponse<String> staged = RunningPlatform.call(
                teacher,
                "PUT",
                "/api/live/lessons/" + lessonId + "/stage",
                "{\"resourceId\":" + theirs + ",\"playing\":true,\"positionMs\":0}");
        assertEquals(422, staged.statusCode(), staged.body());
        assertTrue(staged.body().contains("resourceId"), staged.body());
    }

    /**
     * New material uploaded on a lesson's page goes through the resource pack's own doors (a learning video of the
     * lesson's unit in the lesson's class), so their rules hold for it: a teacher of another class on the same plan (whose
     * plan has the unit too) neither sees the lesson, nor adds a video to its class and unit, nor uploads, publishes or
     * deletes the one the lesson's teacher added, nor sets the stage.
     */
    @Test
    void aTeacherOfAnotherClassBringsNoMaterialToThisLesson() throws Exception {
        long planId = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes/" + classId, null))
                .getJsonNumber("planId")
                .longValue();
        String strangerName = Accounts.uniqueName("live-stranger");
        long strangerId = Accounts.createTeacher(admin, strangerName, "Teach2026ok")
                .getJsonNumber("id")
                .longValue();
        // A class of the same plan still being set up (its teacher holds no certificate to open it): the stranger
        // teaches it.
        long otherClass = ClassesIT.draftClass(admin, planId, "另一个直播班", strangerId);
        String stranger = RunningPlatform.token(strangerName, "Teach2026ok");
        long lessonId = schedule(90).getJsonNumber("id").longValue();
        String lesson = "/api/live/lessons/" + lessonId;

        assertEquals(404, RunningPlatform.call(stranger, "GET", lesson, null).statusCode());
        HttpResponse<String> staged = RunningPlatform.call(stranger, "PUT", lesson + "/stage", "{\"meetingUrl\":null}");
        assertEquals(404, staged.statusCode(), staged.body());

        // What the lesson's page sends to add a video, sent by the stranger: refused, and nothing is added.
        String draft = Json.createObjectBuilder()
                .add("category", "LEARNING")
                .add("kind", "VIDEO")
                .add("title", "冒名的课上视频")
                .add("unitId", unitId)
                .add("classId", classId)
                .build()
                .toString();
        HttpResponse<String> added = RunningPlatform.call(stranger, "POST", "/api/resources", draft);
        assertEquals(422, added.statusCode(), added.body());
        assertTrue(added.body().contains("classId") && added.body().contains("不是您任教的班级"), added.body());
        assertTrue(
                RunningPlatform.json(RunningPlatform.call(
                                admin,
                                "GET",
                                "/api/resources?unitId=" + unitId + "&classId=" + classId + "&size=100",
                                null))
                        .getJsonArray("items")
                        .stream()
                        .noneMatch(r -> r.asJsonObject().getString("title").equals("冒名的课上视频")),
                "no resource was added");

        // The video the lesson's teacher adds from the page: the stranger cannot upload to it, publish it or delete it.
        long ours = Media.resource(teacher, "LEARNING", "VIDEO", unitId, "课上新增的视频", classId);
        int version = Media.newVersion(teacher, ours, "clip.mp4", 1_000_000).getInt("version");
        String r = "/api/resources/" + ours;
        for (String[] call : List.of(
                new String[] {"GET", r},
                new String[] {"POST", r + "/versions"},
                new String[] {"POST", r + "/versions/" + version + "/upload-grant"},
                new String[] {"POST", r + "/versions/" + version + "/publish"},
                new String[] {"DELETE", r + "/versions/" + version},
                new String[] {"DELETE", r})) {
            String body = call[1].endsWith("/versions") ? "{\"fileName\":\"mine.mp4\",\"size\":10}" : null;
            HttpResponse<String> answer = RunningPlatform.call(stranger, call[0], call[1], body);
            assertEquals(404, answer.statusCode(), call[0] + " " + call[1] + ": " + answer.body());
        }
        assertEquals(200, RunningPlatform.call(teacher, "GET", r, null).statusCode(), "still there, untouched");
        assertEquals(204, RunningPlatform.call(teacher, "DELETE", r, null).statusCode());
    }

    @Test
    void aRollCallTakesCheckInsOnlyFromLearnersInTheLessonWhileItIsOpen() throws Exception {
        long lessonId = schedule(90).getJsonNumber("id").longValue();
        String base = "/api/live/lessons/" + lessonId + "/roll-calls";
        String present = RunningPlatform.token("learner28", RunningPlatform.DEMO_PASSWORD);
        String neverJoined = RunningPlatform.token("learner29", RunningPlatform.DEMO_PASSWORD);
        EventStream learnerSees = events(present, lessonId);
        learnerSees.next("hello", d -> true);

        // Refusals: no length, a length out of range, a learner opening one; nothing is opened.
        HttpResponse<String> none = RunningPlatform.call(teacher, "POST", base, "{}");
        assertEquals(422, none.statusCode(), none.body());
        assertTrue(none.body().contains("\"minutes\"") && none.body().contains("签到时长"), none.body());
        assertEquals(
                422,
                RunningPlatform.call(teacher, "POST", base, "{\"minutes\":16}").statusCode());
        assertEquals(
                403,
                RunningPlatform.call(present, "POST", base, "{\"minutes\":3}").statusCode());
        assertEquals("[]", RunningPlatform.call(teacher, "GET", base, null).body());

        HttpResponse<String> opened = RunningPlatform.call(teacher, "POST", base, "{\"minutes\":3}");
        assertEquals(201, opened.statusCode(), opened.body());
        long rollCall = RunningPlatform.json(opened).getJsonNumber("id").longValue();
        assertTrue(RunningPlatform.json(opened).getBoolean("open"));
        assertEquals(
                409,
                RunningPlatform.call(admin, "POST", base, "{\"minutes\":3}").statusCode(),
                "one roll call at a time");
        // Every viewer of the lesson hears of it at once (no one's check-ins in the event).
        JsonObject heard =
                learnerSees.next("roll-call", d -> d.getJsonNumber("id").longValue() == rollCall);
        assertTrue(!heard.containsKey("sheet") && !heard.containsKey("mine"), heard.toString());

        // A learner who never joined the lesson cannot check in, even with the right ids.
        HttpResponse<String> script =
                RunningPlatform.call(neverJoined, "POST", base + "/" + rollCall + "/check-in", null);
        assertEquals(409, script.statusCode(), script.body());
        assertTrue(RunningPlatform.json(script).getString("detail").contains("请先进入直播课"), script.body());
        // One in the lesson checks in, once: a second check-in keeps the first time.
        assertEquals("ACCEPTED", join("learner28", lessonId).beat(true).getString("verdict"));
        HttpResponse<String> checked = RunningPlatform.call(present, "POST", base + "/" + rollCall + "/check-in", null);
        assertEquals(200, checked.statusCode(), checked.body());
        String first = RunningPlatform.json(checked).getString("mine");
        assertEquals(
                first,
                RunningPlatform.json(RunningPlatform.call(present, "POST", base + "/" + rollCall + "/check-in", null))
                        .getString("mine"));
        assertEquals(
                403,
                RunningPlatform.call(teacher, "POST", base + "/" + rollCall + "/check-in", null)
                        .statusCode());
        assertEquals(
                404,
                RunningPlatform.call(present, "POST", base + "/999999/check-in", null)
                        .statusCode());

        // A learner sees their own check-in only; the teacher the class's sheet; the roster counts it beside the
        // credit.
        JsonObject mine = Json.createReader(new java.io.StringReader(
                        RunningPlatform.call(present, "GET", base, null).body()))
                .readArray()
                .getJsonObject(0);
        assertTrue(
                (!mine.containsKey("sheet") || mine.isNull("sheet"))
                        && (!mine.containsKey("checkedIn") || mine.isNull("checkedIn")),
                "no one else's check-ins, not even how many: " + mine);
        assertEquals(first, mine.getString("mine"));
        JsonObject sheet = Json.createReader(new java.io.StringReader(
                        RunningPlatform.call(teacher, "GET", base, null).body()))
                .readArray()
                .getJsonObject(0);
        assertEquals(1, sheet.getInt("checkedIn"));
        assertEquals(30, sheet.getInt("learners"));
        assertTrue(
                sheet.getJsonArray("sheet").stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(e -> e.getString("username").equals("learner28")
                                && e.getString("checkedAt").equals(first)),
                sheet.toString());
        JsonObject roster = RunningPlatform.json(
                RunningPlatform.call(teacher, "GET", "/api/live/lessons/" + lessonId + "/roster", null));
        assertEquals(1, roster.getInt("rollCalls"));
        JsonObject line = roster.getJsonArray("learners").stream()
                .map(JsonValue::asJsonObject)
                .filter(e -> e.getString("username").equals("learner28"))
                .findFirst()
                .orElseThrow();
        assertEquals(1, line.getInt("checkIns"));
        assertEquals(0, line.getInt("creditedSeconds"), "a check-in is not credit");

        // Another class's learner does not see the lesson at all.
        String outsider = Accounts.uniqueName("rollcall");
        Accounts.createLearner(admin, outsider, "Outsider2026");
        String outsiderToken = RunningPlatform.token(outsider, "Outsider2026");
        assertEquals(404, RunningPlatform.call(outsiderToken, "GET", base, null).statusCode());
        assertEquals(
                404,
                RunningPlatform.call(outsiderToken, "POST", base + "/" + rollCall + "/check-in", null)
                        .statusCode());

        // Closed early: no more check-ins, and closing again is refused.
        HttpResponse<String> closed = RunningPlatform.call(teacher, "POST", base + "/" + rollCall + "/close", null);
        assertEquals(200, closed.statusCode(), closed.body());
        assertTrue(!RunningPlatform.json(closed).getBoolean("open"));
        learnerSees.next(
                "roll-call",
                d -> d.getJsonNumber("id").longValue() == rollCall
                        && !Instant.parse(d.getString("closesAt")).isAfter(Instant.now()));
        assertEquals(
                409,
                RunningPlatform.call(teacher, "POST", base + "/" + rollCall + "/close", null)
                        .statusCode());
        join("learner29", lessonId);
        HttpResponse<String> late =
                RunningPlatform.call(neverJoined, "POST", base + "/" + rollCall + "/check-in", null);
        assertEquals(409, late.statusCode(), late.body());
        assertTrue(RunningPlatform.json(late).getString("detail").contains("已经结束"), late.body());
        HttpResponse<String> english = RunningPlatform.call(
                neverJoined, "POST", base + "/" + rollCall + "/check-in", null, "Accept-Language", "en");
        assertTrue(RunningPlatform.json(english).getString("detail").contains("has closed"), english.body());
    }
}
