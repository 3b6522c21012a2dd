package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo class's 30 learners study the same lesson at once, in real time, over the API as the player
 * does: 28 watch it honestly, one hides the page for two beats (and, on a first viewing, cannot go on
 * past the gap that left), one sends a forged beat before going on honestly. Afterwards every learner's
 * ledger holds exactly what they watched, the live roster saw all 30 at once, and the chain is intact. Then
 * the 30 attend a live lesson together: each is credited the seconds present inside its window, the lesson's
 * roster shows all 30 present, and the ledger and the chain agree.
 */
@ExtendWith(RunningPlatform.class)
class ClassDayIT {

    static final int LEARNERS = 30;
    static final int BEATS = 10;
    static final long BEAT_MS = 3_000;
    static final String HIDER = "learner13";
    static final String FORGER = "learner21";

    @Test
    void thirtyLearnersStudyAtOnceAndEachIsCreditedExactlyWhatTheyWatched() throws Exception {
        MediaPipelineIT.setUp();
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        long classId = demoClassId();
        // A unit of its own, so that the other tests' credit (on the first unit) does not mix with this one's.
        long unitId = planUnits(admin, classId).stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
                .filter(id -> id != MediaPipelineIT.studiedUnit)
                .findFirst()
                .orElseThrow();
        Media.Uploaded up = Media.published(
                teacher, unitId, "VIDEO", MediaFixtures.video("class-day-640x360-30s.mp4", 640, 360, 30, true));

        Map<String, Integer> credited = new ConcurrentHashMap<>();
        List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(LEARNERS);
        List<Future<?>> runs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= LEARNERS; i++) {
            names.add(String.format("learner%02d", i));
        }
        // Everyone signs in and opens the lesson first (signing in hashes a password: seconds for 30), then all play
        // together.
        CyclicBarrier start = new CyclicBarrier(LEARNERS + 1);
        for (String name : names) {
            runs.add(pool.submit(() -> {
                watch(name, up.resourceId(), start, credited, latenciesMs);
                return null;
            }));
        }
        try {
            start.await(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            for (Future<?> run : runs) {
                if (run.isDone()) {
                    run.get(); // throws what stopped that learner before the start
                }
            }
            throw e;
        }
        // Midway, the live roster shows the whole class studying.
        Thread.sleep(BEAT_MS * BEATS / 2);
        JsonObject roster = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/roster", null));
        long studyingThisLesson = roster.getJsonArray("learners").stream()
                .map(JsonValue::asJsonObject)
                .filter(p -> p.getString("state").equals("STUDYING")
                        && p.getString("lesson").equals("class-day-640x360-30s.mp4"))
                .count();
        assertEquals(LEARNERS, studyingThisLesson, roster.toString());
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        JsonObject ledger = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/ledger", null));
        for (JsonValue v : ledger.getJsonArray("items")) {
            JsonObject learner = v.asJsonObject();
            int seconds = learner.getJsonArray("units").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(u -> u.getJsonNumber("unitId").longValue() == unitId)
                    .findFirst()
                    .orElseThrow()
                    .getInt("selfPacedSeconds");
            String name = learner.getString("username");
            int expected = name.equals(HIDER) ? 9 : 30;
            assertEquals(expected, seconds, name + " in the ledger");
            assertEquals(expected, credited.get(name), name + " as acknowledged");
        }
        JsonObject check = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null));
        assertTrue(check.getBoolean("intact"), check.toString());
        List<Long> sorted = new ArrayList<>(latenciesMs);
        Collections.sort(sorted);
        System.out.println("[class-day] " + sorted.size() + " beats from " + LEARNERS + " learners; latency p50 "
                + sorted.get(sorted.size() / 2) + " ms, p95 " + sorted.get(sorted.size() * 95 / 100) + " ms, max "
                + sorted.get(sorted.size() - 1)
                + " ms; chain " + check.getJsonNumber("records") + " records");
    }

    @Test
    void thirtyLearnersAttendALiveLessonTogetherAndEachIsCreditedTheTimePresent() throws Exception {
        String teacher = RunningPlatform.token("teacher02", RunningPlatform.DEMO_PASSWORD);
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        long classId = demoClassId();
        // The plan's last unit but one: the other tests credit the first units and the last.
        List<JsonValue> units = planUnits(admin, classId);
        long unitId =
                units.get(units.size() - 2).asJsonObject().getJsonNumber("id").longValue();
        JsonObject lesson = LiveLessonIT.schedule(teacher, classId, unitId, 3);
        long lessonId = lesson.getJsonNumber("id").longValue();
        java.time.Instant startsAt = java.time.Instant.parse(lesson.getString("startsAt"));

        ExecutorService pool = Executors.newFixedThreadPool(LEARNERS);
        CyclicBarrier together = new CyclicBarrier(LEARNERS + 1);
        List<Future<LiveLessonIT.Attendee>> runs = new ArrayList<>();
        for (int i = 1; i <= LEARNERS; i++) {
            String name = String.format("learner%02d", i);
            runs.add(pool.submit(() -> {
                LiveLessonIT.Attendee a = LiveLessonIT.join(name, lessonId);
                together.await(2, TimeUnit.MINUTES);
                for (int k = 1; k <= BEATS; k++) {
                    Thread.sleep(BEAT_MS);
                    a.beat(true);
                }
                return a;
            }));
        }
        try {
            together.await(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            for (Future<LiveLessonIT.Attendee> run : runs) {
                if (run.isDone()) {
                    run.get(); // throws what stopped that learner before the lesson
                }
            }
            throw e;
        }
        Thread.sleep(BEAT_MS * BEATS / 2);
        JsonObject roster = RunningPlatform.json(
                RunningPlatform.call(teacher, "GET", "/api/live/lessons/" + lessonId + "/roster", null));
        assertEquals(LEARNERS, roster.getInt("present"), roster.toString());
        List<LiveLessonIT.Attendee> attendees = new ArrayList<>();
        for (Future<LiveLessonIT.Attendee> run : runs) {
            attendees.add(run.get());
        }
        pool.shutdown();

        JsonObject ledger = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/ledger", null));
        for (int i = 0; i < LEARNERS; i++) {
            LiveLessonIT.Attendee a = attendees.get(i);
            String name = String.format("learner%02d", i + 1);
            java.time.Instant from = a.openedAt.isAfter(startsAt) ? a.openedAt : startsAt;
            long present = Math.round(
                    java.time.Duration.between(from, a.presentUntil()).toMillis() / 1000.0);
            assertTrue(
                    Math.abs(a.credited - present) <= 1,
                    name + ": credited " + a.credited + " s, present " + present + " s");
            JsonObject line = ledger.getJsonArray("items").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(l -> l.getString("username").equals(name))
                    .findFirst()
                    .orElseThrow();
            int live = line.getJsonArray("units").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(u -> u.getJsonNumber("unitId").longValue() == unitId)
                    .findFirst()
                    .orElseThrow()
                    .getInt("liveSeconds");
            assertEquals(a.credited, live, name + " in the ledger");
        }
        JsonObject check = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null));
        assertTrue(check.getBoolean("intact"), check.toString());
        System.out.println("[class-day] live lesson: " + LEARNERS + " learners present together, credited "
                + attendees.stream().mapToInt(a -> a.credited).min().orElse(0) + "–"
                + attendees.stream().mapToInt(a -> a.credited).max().orElse(0)
                + " s each");
    }

    /** The demo class, as its learners see it. */
    static long demoClassId() throws Exception {
        String learner01 = RunningPlatform.token("learner01", RunningPlatform.DEMO_PASSWORD);
        return RunningPlatform.json(RunningPlatform.call(learner01, "GET", "/api/classes", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }

    /** The units of the class's plan, in the plan's order. */
    static List<JsonValue> planUnits(String admin, long classId) throws Exception {
        long planId = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes/" + classId, null))
                .getJsonNumber("planId")
                .longValue();
        return RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/plans/" + planId, null))
                .getJsonArray("units");
    }

    /** One learner's player: a beat every 3 s with the 3 s just played, in real time. */
    static void watch(
            String name, long resourceId, CyclicBarrier start, Map<String, Integer> credited, List<Long> latenciesMs)
            throws Exception {
        String token = RunningPlatform.token(name, RunningPlatform.DEMO_PASSWORD);
        HttpResponse<String> opened = RunningPlatform.call(
                token,
                "POST",
                "/api/attendance/sessions",
                Json.createObjectBuilder().add("resourceId", resourceId).build().toString());
        assertEquals(201, opened.statusCode(), name + ": " + opened.body());
        JsonObject session = RunningPlatform.json(opened);
        start.await(2, TimeUnit.MINUTES);
        long t0 = System.nanoTime();
        int last = 0;
        for (int k = 1; k <= BEATS; k++) {
            long due = BEAT_MS * k + 100;
            long wait = due - (System.nanoTime() - t0) / 1_000_000;
            if (wait > 0) {
                Thread.sleep(wait);
            }
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            long from = BEAT_MS * (k - 1);
            boolean visible = !(name.equals(HIDER) && (k == 4 || k == 5));
            // The forger's refused beat uses its number up: its honest beats go on with the next numbers.
            long seq = name.equals(FORGER) && k >= 3 ? k + 1 : k;
            if (name.equals(FORGER) && k == 3) {
                HttpResponse<String> forged = beat(token, session, k, elapsed, visible, 0, 30_000);
                assertEquals(422, forged.statusCode(), name + " forged: " + forged.body());
                HttpResponse<String> again = beat(token, session, k, elapsed, visible, from, from + BEAT_MS);
                assertEquals(
                        "DUPLICATE",
                        RunningPlatform.json(again).getString("verdict"),
                        name + " forged number again: " + again.body());
            }
            long sent = System.nanoTime();
            HttpResponse<String> r = beat(token, session, seq, elapsed, visible, from, from + BEAT_MS);
            latenciesMs.add((System.nanoTime() - sent) / 1_000_000);
            assertEquals(200, r.statusCode(), name + " beat " + k + ": " + r.body());
            last = RunningPlatform.json(r).getInt("videoCreditedSeconds");
        }
        credited.put(name, last);
    }

    static HttpResponse<String> beat(
            String token, JsonObject session, long seq, long elapsedMs, boolean visible, long fromMs, long toMs)
            throws Exception {
        return beatAt(RunningPlatform.PORT, token, session, seq, elapsedMs, visible, fromMs, toMs);
    }

    /** A beat of 1x playback from {@code fromMs} to {@code toMs}, sent through the given port (the load balancer's or one node's). */
    static HttpResponse<String> beatAt(
            int port,
            String token,
            JsonObject session,
            long seq,
            long elapsedMs,
            boolean visible,
            long fromMs,
            long toMs)
            throws Exception {
        JsonArrayBuilder played = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("fromMs", fromMs).add("toMs", toMs));
        return RunningPlatform.callAt(
                port,
                token,
                "POST",
                "/api/attendance/sessions/" + session.getString("sessionId") + "/beats",
                Json.createObjectBuilder()
                        .add("token", session.getString("token"))
                        .add("seq", seq)
                        .add("elapsedMs", elapsedMs)
                        .add("played", played)
                        .add("rate", 1.0)
                        .add("visible", visible)
                        .add("positionMs", toMs)
                        .build()
                        .toString());
    }
}
