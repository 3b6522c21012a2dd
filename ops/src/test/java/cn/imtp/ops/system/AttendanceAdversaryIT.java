package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Learners with a script: twenty-odd of the demo class's learners play one lesson video at once, in real time,
 * over the API, each with its own plan to get credit it did not earn (or to lose none it did), and each with a
 * ground truth. Afterwards the ledger holds exactly the truth for every learner whose truth is exact, never more
 * than the bound for the others, and never more seconds than the wall time the learner spent; the chain is
 * intact. The heartbeat period is the platform's (15 s), the slack 2 s.
 */
@ExtendWith(RunningPlatform.class)
class AttendanceAdversaryIT {

    static final int VIDEO_S = 60;

    /** What one script expects its learner to be credited: exactly {@code min} when {@code min == max}. */
    record Truth(int min, int max) {

        static Truth exactly(int seconds) {
            return new Truth(seconds, seconds);
        }

        static Truth atMost(int seconds) {
            return new Truth(0, seconds);
        }
    }

    interface Script {
        Truth run(Player p) throws Exception;
    }

    /** One learner's scripted player: its sign-in, its current session, its clock since that session opened. */
    static final class Player {
        final String name;
        final String token;
        final long resourceId;
        final long startedAt = System.nanoTime();
        JsonObject session;
        long t0;
        long seq;

        Player(String name, long resourceId) throws Exception {
            this.name = name;
            this.token = RunningPlatform.token(name, RunningPlatform.DEMO_PASSWORD);
            this.resourceId = resourceId;
        }

        JsonObject open() throws Exception {
            HttpResponse<String> r = RunningPlatform.call(
                    token,
                    "POST",
                    "/api/attendance/sessions",
                    Json.createObjectBuilder()
                            .add("resourceId", resourceId)
                            .build()
                            .toString());
            assertEquals(201, r.statusCode(), name + ": " + r.body());
            session = RunningPlatform.json(r);
            t0 = System.nanoTime();
            seq = 0;
            return session;
        }

        long elapsed() {
            return (System.nanoTime() - t0) / 1_000_000;
        }

        void sleepUntil(long ms) throws InterruptedException {
            long wait = ms - elapsed();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }

        String body(long seq, long elapsedMs, double rate, boolean visible, long... ranges) {
            JsonArrayBuilder played = Json.createArrayBuilder();
            for (int i = 0; i + 1 < ranges.length; i += 2) {
                played.add(Json.createObjectBuilder().add("fromMs", ranges[i]).add("toMs", ranges[i + 1]));
            }
            return Json.createObjectBuilder()
                    .add("token", session.getString("token"))
                    .add("seq", seq)
                    .add("elapsedMs", elapsedMs)
                    .add("played", played)
                    .add("rate", rate)
                    .add("visible", visible)
                    .add("positionMs", ranges.length == 0 ? 0 : ranges[ranges.length - 1])
                    .build()
                    .toString();
        }

        HttpResponse<String> send(String body) throws Exception {
            return RunningPlatform.call(
                    token, "POST", "/api/attendance/sessions/" + session.getString("sessionId") + "/beats", body);
        }

        /** The next beat, numbered in turn. */
        HttpResponse<String> beat(long elapsedMs, double rate, boolean visible, long... ranges) throws Exception {
            return send(body(++seq, elapsedMs, rate, visible, ranges));
        }

        /** An honest beat: at {@code k × 3 s + 100 ms} of the session, the 3 s of the timeline from {@code fromMs}. */
        void honest(int k, long fromMs) throws Exception {
            sleepUntil(3_000L * k + 100);
            HttpResponse<String> r = beat(3_000L * k, 1.0, true, fromMs, fromMs + 3_000);
            assertEquals(200, r.statusCode(), name + " beat " + k + ": " + r.body());
            assertEquals(
                    "ACCEPTED", RunningPlatform.json(r).getString("verdict"), name + " beat " + k + ": " + r.body());
        }

        /** The first 30 s of the video, as ten honest beats. */
        void watchesThirtySeconds() throws Exception {
            for (int k = 1; k <= 10; k++) {
                honest(k, 3_000L * (k - 1));
            }
        }

        /** A refusal that is a problem document, never a server error, and stores nothing. */
        void refused(HttpResponse<String> r, String what) {
            assertTrue(
                    r.statusCode() >= 400 && r.statusCode() < 500,
                    name + " " + what + ": " + r.statusCode() + " " + r.body());
            assertTrue(
                    r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                            || RunningPlatform.json(r).getString("verdict", "").equals("REFUSED"),
                    name + " " + what + ": " + r.body());
        }

        long wallSeconds() {
            return (System.nanoTime() - startedAt) / 1_000_000_000L;
        }
    }

    @Test
    void scriptedLearnersGetExactlyWhatTheyWatchedAndNeverMoreThanTheTimeThatPassed() throws Exception {
        MediaPipelineIT.setUp();
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        long classId = ClassDayIT.demoClassId();
        // A unit of its own (the plan's last), so that no other test's credit mixes with this one's.
        List<JsonValue> units = ClassDayIT.planUnits(admin, classId);
        long unitId =
                units.get(units.size() - 1).asJsonObject().getJsonNumber("id").longValue();
        Media.Uploaded up = Media.published(
                teacher, unitId, "VIDEO", MediaFixtures.video("adversary-320x180-60s.mp4", 320, 180, VIDEO_S, true));
        long resourceId = up.resourceId();

        Map<String, Script> scripts = new LinkedHashMap<>();
        scripts.put("learner01", AttendanceAdversaryIT::honest);
        scripts.put("learner02", AttendanceAdversaryIT::waitsThenClaimsTheWholeStretch);
        scripts.put("learner03", AttendanceAdversaryIT::accumulatesSlackBeatByBeat);
        scripts.put("learner04", AttendanceAdversaryIT::claimsSliversAtTheFrontier);
        scripts.put("learner05", AttendanceAdversaryIT::churnsSessionsAheadOfTheServer);
        scripts.put("learner06", AttendanceAdversaryIT::isRefusedOnceAndGoesOn);
        scripts.put("learner07", AttendanceAdversaryIT::sendsMalformedBeatsBetweenHonestOnes);
        scripts.put("learner08", AttendanceAdversaryIT::sendsEachBeatTwiceAtOnce);
        scripts.put("learner09", AttendanceAdversaryIT::playsFast);
        scripts.put("learner10", AttendanceAdversaryIT::playsHidden);
        scripts.put("learner11", AttendanceAdversaryIT::runsItsClockAhead);
        scripts.put("learner12", AttendanceAdversaryIT::movesToASecondTab);
        scripts.put("learner13", AttendanceAdversaryIT::losesTheNetworkAndSendsLater);
        scripts.put("learner14", AttendanceAdversaryIT::rewinds);
        scripts.put("learner15", AttendanceAdversaryIT::repeatsARangeInOneBeat);
        scripts.put("learner16", AttendanceAdversaryIT::claimsAnHourOfClock);
        scripts.put("learner17", AttendanceAdversaryIT::setsItsClockBack);
        scripts.put("learner18", AttendanceAdversaryIT::seeksAheadFirst);
        scripts.put("learner19", AttendanceAdversaryIT::coversHalfOfEachSecond);
        scripts.put("learner20", AttendanceAdversaryIT::claimsPastTheEnd);
        scripts.put("learner21", AttendanceAdversaryIT::beatsOnAnotherLearnersSession);
        scripts.put("learner22", AttendanceAdversaryIT::sendsAHugeRangeList);
        // A live lesson of the class on the same unit, open from now on, for the learner who attends it while watching.
        liveLesson = LiveLessonIT.schedule(
                        RunningPlatform.token("teacher02", RunningPlatform.DEMO_PASSWORD), classId, unitId, 2)
                .getJsonNumber("id")
                .longValue();
        scripts.put("learner24", AttendanceAdversaryIT::attendsALiveLessonWhileWatching);

        ExecutorService pool = Executors.newFixedThreadPool(scripts.size());
        Map<String, Future<Truth>> runs = new LinkedHashMap<>();
        Map<String, Player> players = new LinkedHashMap<>();
        for (var e : scripts.entrySet()) {
            Player p = new Player(e.getKey(), resourceId);
            players.put(e.getKey(), p);
            runs.put(e.getKey(), pool.submit(() -> e.getValue().run(p)));
        }
        Map<String, Truth> truths = new LinkedHashMap<>();
        Map<String, Long> walls = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (var e : runs.entrySet()) {
            try {
                truths.put(e.getKey(), e.getValue().get());
            } catch (ExecutionException failed) {
                // Every script runs to its end, so that one failure does not hide the others.
                wrong.add(e.getKey() + ": " + failed.getCause());
            }
            walls.put(e.getKey(), players.get(e.getKey()).wallSeconds());
        }
        pool.shutdown();

        JsonObject ledger = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/ledger", null));
        for (var e : truths.entrySet()) {
            String name = e.getKey();
            int credited = ledger.getJsonArray("items").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(l -> l.getString("username").equals(name))
                    .findFirst()
                    .orElseThrow()
                    .getJsonArray("units")
                    .stream()
                    .map(JsonValue::asJsonObject)
                    .filter(u -> u.getJsonNumber("unitId").longValue() == unitId)
                    .mapToInt(u -> u.getInt("selfPacedSeconds") + u.getInt("liveSeconds"))
                    .sum();
            Truth t = e.getValue();
            System.out.println("[adversary] " + name + ": credited " + credited + " s, truth " + t.min() + "–" + t.max()
                    + " s, wall " + walls.get(name) + " s");
            if (credited < t.min() || credited > t.max() || credited > walls.get(name)) {
                wrong.add(name + " credited " + credited + " s, truth " + t + ", wall " + walls.get(name) + " s");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        JsonObject check = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null));
        assertTrue(check.getBoolean("intact"), check.toString());
    }

    static long liveLesson;

    /**
     * Watches the video and, 3 s in, joins the class's live lesson on the same unit, then goes on sending the
     * video's beats beside the lesson's: joining ended the video's session, so the video earns nothing after it,
     * and the lesson and the video together never earn more than the time that passed.
     */
    static Truth attendsALiveLessonWhileWatching(Player p) throws Exception {
        p.open();
        p.honest(1, 0);
        LiveLessonIT.Attendee live = LiveLessonIT.join(p.name, liveLesson);
        int videoEnd = 0;
        for (int k = 2; k <= 10; k++) {
            p.sleepUntil(3_000L * k + 100);
            HttpResponse<String> r = p.beat(3_000L * k, 1.0, true, 3_000L * (k - 1), 3_000L * k);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 410, p.name + ": " + r.body());
            if (r.statusCode() == 410 && videoEnd == 0) {
                videoEnd = k;
            }
            live.beat(true);
        }
        assertEquals(
                3, videoEnd, "the video's beat under way when the lesson was joined is taken; the next one hears 410");
        // 3 s of video, then the lesson from the join (about 3 s in) to the last beat (about 30 s in).
        return new Truth(3 + 24, 3 + 28);
    }

    /** Ten beats of 3 s, as the player sends them. */
    static Truth honest(Player p) throws Exception {
        p.open();
        p.watchesThirtySeconds();
        return Truth.exactly(30);
    }

    /** One impossible beat first (refused), then 30 s watched honestly: all of them credited. */
    static Truth refusedThenHonest(Player p, String what, long elapsedMs, long... ranges) throws Exception {
        p.open();
        p.sleepUntil(3_100);
        p.refused(p.beat(elapsedMs, 1.0, true, ranges), what);
        p.watchesThirtySeconds();
        return Truth.exactly(30);
    }

    /** Waits 32 s, then claims the 30 s it could have watched in one beat: more than one heartbeat vouches for. */
    static Truth waitsThenClaimsTheWholeStretch(Player p) throws Exception {
        p.open();
        p.sleepUntil(32_000);
        p.refused(p.beat(32_000, 1.0, true, 0, 30_000), "30 s in one beat");
        return Truth.exactly(0);
    }

    /** Beats a second apart, each claiming 2.9 s at 1×: the slack would add up if it were granted per beat. */
    static Truth accumulatesSlackBeatByBeat(Player p) throws Exception {
        p.open();
        long at = 0;
        for (int k = 1; k <= 20; k++) {
            p.sleepUntil(1_000L * k + 50);
            HttpResponse<String> r = p.beat(1_000L * k, 1.0, true, at, at + 2_900);
            if (r.statusCode() == 200) {
                at += 2_900;
            }
        }
        p.sleepUntil(25_100);
        assertEquals(200, p.beat(25_000, 1.0, true).statusCode());
        // 20 s of clock while it claimed playback: at most that plus the session's 2 s of slack.
        return Truth.atMost(22);
    }

    /** Thirty ranges of 1 ms just before the next second, beat after beat. */
    static Truth claimsSliversAtTheFrontier(Player p) throws Exception {
        p.open();
        for (int k = 1; k <= 5; k++) {
            p.sleepUntil(3_000L * k + 100);
            long[] slivers = new long[60];
            for (int i = 0; i < 30; i++) {
                slivers[2 * i] = 999;
                slivers[2 * i + 1] = 1_000;
            }
            p.beat(3_000L * k, 1.0, true, slivers);
        }
        return Truth.exactly(0);
    }

    /** Forty-five sessions, each with a beat at once that says 2 s have passed (within the clock tolerance). */
    static Truth churnsSessionsAheadOfTheServer(Player p) throws Exception {
        for (int i = 0; i < 45; i++) {
            p.open();
            HttpResponse<String> r = p.beat(2_000, 1.0, true, 0, 2_000);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 422, p.name + ": " + r.body());
        }
        return Truth.exactly(0);
    }

    /** A forged beat in the middle: refused, its number used up, and the honest beats after it earn as before. */
    static Truth isRefusedOnceAndGoesOn(Player p) throws Exception {
        p.open();
        for (int k = 1; k <= 10; k++) {
            if (k == 4) {
                p.sleepUntil(3_000L * k);
                HttpResponse<String> forged = p.beat(3_000L * k - 100, 1.0, true, 0, 60_000);
                assertEquals(422, forged.statusCode(), forged.body());
            }
            p.honest(k, 3_000L * (k - 1));
        }
        return Truth.exactly(30);
    }

    /** Malformed beats between honest ones: each a 4xx problem, none a stall or a second of credit. */
    static Truth sendsMalformedBeatsBetweenHonestOnes(Player p) throws Exception {
        p.open();
        String token = p.session.getString("token");
        List<String> malformed = List.of(
                "{\"token\":\"" + token
                        + "\",\"seq\":\"seven\",\"elapsedMs\":1,\"played\":[],\"rate\":1,\"visible\":true}",
                "{\"token\":\"" + token
                        + "\",\"seq\":99999999999999999999999,\"elapsedMs\":1,\"played\":[],\"rate\":1,\"visible\":true}",
                "{\"token\":\"" + token + "\",\"seq\":%d,\"elapsedMs\":-5,\"played\":[],\"rate\":1,\"visible\":true}",
                "{\"token\":\"" + token
                        + "\",\"seq\":%d,\"elapsedMs\":1e300,\"played\":[],\"rate\":1,\"visible\":true}",
                "{\"token\":\"" + token
                        + "\",\"seq\":%d,\"elapsedMs\":2000,\"played\":[{\"fromMs\":0,\"toMs\":1000}],\"rate\":0,\"visible\":true}",
                "{\"token\":\"" + token
                        + "\",\"seq\":%d,\"elapsedMs\":2000,\"played\":[{\"fromMs\":-3000,\"toMs\":1000}],\"rate\":1,\"visible\":true}",
                "{\"token\":\"" + token
                        + "\",\"seq\":%d,\"elapsedMs\":2000,\"played\":[null],\"rate\":1,\"visible\":true}",
                "{\"token\":\"" + token
                        + "\",\"seq\":%d,\"elapsedMs\":2000,\"played\":{\"fromMs\":0},\"rate\":1,\"visible\":true}",
                "{\"token\":\"x.y.z\",\"seq\":%d,\"elapsedMs\":2000,\"played\":[],\"rate\":1,\"visible\":true}",
                "[1,2,3]");
        for (int k = 1; k <= 10; k++) {
            String bad = malformed.get(k - 1);
            HttpResponse<String> r = p.send(bad.contains("%d") ? String.format(bad, ++p.seq) : bad);
            p.refused(r, "malformed beat " + k);
            p.honest(k, 3_000L * (k - 1));
        }
        return Truth.exactly(30);
    }

    /** Each beat sent twice at the same moment on two connections: one is taken, the other is a duplicate. */
    static Truth sendsEachBeatTwiceAtOnce(Player p) throws Exception {
        p.open();
        for (int k = 1; k <= 10; k++) {
            p.sleepUntil(3_000L * k + 100);
            String body = p.body(++p.seq, 3_000L * k, 1.0, true, 3_000L * (k - 1), 3_000L * k);
            CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> sendQuietly(p, body));
            CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> sendQuietly(p, body));
            Set<String> verdicts = Set.of(
                    RunningPlatform.json(a.get()).getString("verdict"),
                    RunningPlatform.json(b.get()).getString("verdict"));
            assertEquals(Set.of("ACCEPTED", "DUPLICATE"), verdicts, p.name + " beat " + k);
        }
        return Truth.exactly(30);
    }

    private static HttpResponse<String> sendQuietly(Player p, String body) {
        try {
            return p.send(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Twice the speed: 6 s of the timeline in every 3 s. */
    static Truth playsFast(Player p) throws Exception {
        return playsFifteenSecondsAs(p, 2.0, true);
    }

    /** The page hidden throughout. */
    static Truth playsHidden(Player p) throws Exception {
        return playsFifteenSecondsAs(p, 1.0, false);
    }

    /** 15 s of the clock at {@code rate}, the page {@code visible} or not: stored, never credited. */
    static Truth playsFifteenSecondsAs(Player p, double rate, boolean visible) throws Exception {
        p.open();
        long step = (long) (3_000 * rate);
        for (int k = 1; k <= 5; k++) {
            p.sleepUntil(3_000L * k + 100);
            assertEquals(
                    200,
                    p.beat(3_000L * k, rate, visible, step * (k - 1), step * k).statusCode());
        }
        return Truth.exactly(0);
    }

    /** Every beat sent a second early, saying 3 s have passed: credit never runs ahead of the server's clock. */
    static Truth runsItsClockAhead(Player p) throws Exception {
        p.open();
        for (int k = 1; k <= 10; k++) {
            p.sleepUntil(3_000L * k - 1_000);
            assertEquals(
                    200,
                    p.beat(3_000L * k, 1.0, true, 3_000L * (k - 1), 3_000L * k).statusCode());
        }
        // The last beat left at 29 s of the server's clock: at most 29 s, and no second lost but the one still waiting.
        return new Truth(28, 29);
    }

    /** 15 s in one tab, then a second tab takes over from where the first one got to. */
    static Truth movesToASecondTab(Player p) throws Exception {
        p.open();
        for (int k = 1; k <= 5; k++) {
            p.honest(k, 3_000L * (k - 1));
        }
        JsonObject tab = p.open();
        assertEquals(15_000, tab.getJsonNumber("frontierMs").longValue());
        for (int k = 1; k <= 5; k++) {
            p.honest(k, 15_000 + 3_000L * (k - 1));
        }
        return Truth.exactly(30);
    }

    /** Beats 3 to 7 held back by a network cut and sent together when it comes back, each with its own clock. */
    static Truth losesTheNetworkAndSendsLater(Player p) throws Exception {
        p.open();
        List<String> held = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            p.sleepUntil(3_000L * k + 100);
            String body = p.body(++p.seq, 3_000L * k, 1.0, true, 3_000L * (k - 1), 3_000L * k);
            if (k >= 3 && k <= 7) {
                held.add(body);
                continue;
            }
            for (String late : held) {
                assertEquals("ACCEPTED", RunningPlatform.json(p.send(late)).getString("verdict"));
            }
            held.clear();
            assertEquals("ACCEPTED", RunningPlatform.json(p.send(body)).getString("verdict"));
        }
        return Truth.exactly(30);
    }

    /** 15 s, back to 5 s, on to 20 s: the seconds of the timeline watched, each once. */
    static Truth rewinds(Player p) throws Exception {
        p.open();
        long[] from = {0, 3_000, 6_000, 9_000, 12_000, 5_000, 8_000, 11_000, 14_000, 17_000};
        for (int k = 1; k <= from.length; k++) {
            p.honest(k, from[k - 1]);
        }
        return Truth.exactly(20);
    }

    /** The same 3 s listed five times in one beat: refused whole; the honest beat after it earns them once. */
    static Truth repeatsARangeInOneBeat(Player p) throws Exception {
        return refusedThenHonest(p, "one range five times", 3_000, 0, 3_000, 0, 3_000, 0, 3_000, 0, 3_000, 0, 3_000);
    }

    /** A beat that says an hour has passed. */
    static Truth claimsAnHourOfClock(Player p) throws Exception {
        return refusedThenHonest(p, "an hour of clock", 3_600_000, 0, 3_000);
    }

    /** A clock that goes backwards in the middle. */
    static Truth setsItsClockBack(Player p) throws Exception {
        p.open();
        for (int k = 1; k <= 10; k++) {
            if (k == 6) {
                p.refused(p.beat(1_000, 1.0, true, 15_000, 16_000), "a clock gone back");
            }
            p.honest(k, 3_000L * (k - 1));
        }
        return Truth.exactly(30);
    }

    /** Skips ahead to 30 s on a first viewing, then watches from the start: the skipped stretch earns nothing. */
    static Truth seeksAheadFirst(Player p) throws Exception {
        p.open();
        p.honest(1, 30_000);
        p.honest(2, 33_000);
        for (int k = 3; k <= 10; k++) {
            p.honest(k, 3_000L * (k - 3));
        }
        return Truth.exactly(24);
    }

    /** Half of every second, beat after beat. */
    static Truth coversHalfOfEachSecond(Player p) throws Exception {
        p.open();
        for (int k = 1; k <= 5; k++) {
            p.sleepUntil(3_000L * k + 100);
            long base = 3_000L * (k - 1);
            assertEquals(
                    200,
                    p.beat(
                                    3_000L * k,
                                    1.0,
                                    true,
                                    base,
                                    base + 500,
                                    base + 1_000,
                                    base + 1_500,
                                    base + 2_000,
                                    base + 2_500)
                            .statusCode());
        }
        return Truth.exactly(0);
    }

    /** Claims playback past the end of the video. */
    static Truth claimsPastTheEnd(Player p) throws Exception {
        return refusedThenHonest(p, "past the end", 3_000, 60_000, 63_000);
    }

    /** Beats on another learner's session, with that session's token and with its own. */
    static Truth beatsOnAnotherLearnersSession(Player p) throws Exception {
        Player victim = new Player("learner23", p.resourceId);
        JsonObject theirs = victim.open();
        JsonObject own = p.open();
        p.sleepUntil(3_100);
        String sneaked = Json.createObjectBuilder()
                .add("token", theirs.getString("token"))
                .add("seq", 1)
                .add("elapsedMs", 3_000)
                .add(
                        "played",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("fromMs", 0).add("toMs", 3_000)))
                .add("rate", 1.0)
                .add("visible", true)
                .build()
                .toString();
        HttpResponse<String> viaOwnSession = p.send(sneaked);
        assertEquals(403, viaOwnSession.statusCode(), viaOwnSession.body());
        HttpResponse<String> onTheirs = RunningPlatform.call(
                p.token, "POST", "/api/attendance/sessions/" + theirs.getString("sessionId") + "/beats", sneaked);
        assertEquals(403, onTheirs.statusCode(), onTheirs.body());
        String ownTokenOnTheirs = Json.createObjectBuilder()
                .add("token", own.getString("token"))
                .add("seq", 1)
                .add("elapsedMs", 3_000)
                .add("played", Json.createArrayBuilder())
                .add("rate", 1.0)
                .add("visible", true)
                .build()
                .toString();
        assertEquals(
                403,
                RunningPlatform.call(
                                p.token,
                                "POST",
                                "/api/attendance/sessions/" + theirs.getString("sessionId") + "/beats",
                                ownTokenOnTheirs)
                        .statusCode());
        return Truth.exactly(0);
    }

    /** A beat listing ten thousand ranges. */
    static Truth sendsAHugeRangeList(Player p) throws Exception {
        long[] ranges = new long[20_000];
        for (int i = 0; i < 10_000; i++) {
            ranges[2 * i] = i * 6L;
            ranges[2 * i + 1] = i * 6L + 3;
        }
        return refusedThenHonest(p, "ten thousand ranges", 3_000, ranges);
    }
}
