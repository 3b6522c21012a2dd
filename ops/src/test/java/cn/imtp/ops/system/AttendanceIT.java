package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Heartbeats against the real stack, in real time (the server's clock is never faked): an honest
 * watcher is credited every second played, and nothing else earns credit — forged beats, a clock that
 * runs ahead, replays, forward seeks on a first viewing, 2× speed, a second tab. Then the ledger and
 * the tamper-evident chain.
 */
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttendanceIT {

    static String teacher;
    static String learner;
    static String admin;
    static long resourceId;
    static long classId;

    @BeforeAll
    static void lessonVideo() throws Exception {
        MediaPipelineIT.setUp();
        teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        learner = RunningPlatform.token("learner02", RunningPlatform.DEMO_PASSWORD);
        admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        Path video = MediaFixtures.video("attendance-640x360-60s.mp4", 640, 360, 60, true);
        Media.Uploaded up = Media.published(teacher, MediaPipelineIT.studiedUnit, "VIDEO", video);
        resourceId = up.resourceId();
    }

    static JsonObject open() throws Exception {
        return open(learner);
    }

    static JsonObject open(String token) throws Exception {
        return openAt(RunningPlatform.PORT, token, resourceId);
    }

    /** Opens a playback session of the lesson through the given port (the load balancer's or one node's). */
    static JsonObject openAt(int port, String token, long lesson) throws Exception {
        HttpResponse<String> r = RunningPlatform.callAt(
                port,
                token,
                "POST",
                "/api/attendance/sessions",
                Json.createObjectBuilder().add("resourceId", lesson).build().toString());
        assertEquals(201, r.statusCode(), r.body());
        return RunningPlatform.json(r);
    }

    static HttpResponse<String> beat(
            JsonObject session, long seq, long elapsedMs, double rate, boolean visible, long... ranges)
            throws Exception {
        return beat(learner, session, seq, elapsedMs, rate, visible, null, ranges);
    }

    static HttpResponse<String> beat(
            String token,
            JsonObject session,
            long seq,
            long elapsedMs,
            double rate,
            boolean visible,
            Long absentSinceMs,
            long... ranges)
            throws Exception {
        JsonArrayBuilder played = Json.createArrayBuilder();
        for (int i = 0; i + 1 < ranges.length; i += 2) {
            played.add(Json.createObjectBuilder().add("fromMs", ranges[i]).add("toMs", ranges[i + 1]));
        }
        var body = Json.createObjectBuilder()
                .add("token", session.getString("token"))
                .add("seq", seq)
                .add("elapsedMs", elapsedMs)
                .add("played", played)
                .add("rate", rate)
                .add("visible", visible)
                .add("positionMs", ranges.length == 0 ? 0 : ranges[ranges.length - 1]);
        if (absentSinceMs != null) {
            body.add("absentSinceMs", absentSinceMs);
        }
        return RunningPlatform.call(
                token,
                "POST",
                "/api/attendance/sessions/" + session.getString("sessionId") + "/beats",
                body.build().toString());
    }

    @Test
    @Order(1)
    void onlyHonestPlaybackEarnsCreditAndTheLedgerAndChainShowIt() throws Exception {
        JsonObject s = open();
        assertEquals(60, s.getInt("durationSeconds"));
        assertEquals(0, s.getJsonNumber("frontierMs").longValue());
        classId = s.getJsonNumber("classId").longValue();
        long t0 = System.nanoTime();

        // A forged beat: 30 s of media in 1 s; its number is used up (the same number again is a duplicate, no
        // second chance); and a clock an hour ahead of the server's.
        Thread.sleep(1000);
        HttpResponse<String> forged = beat(s, 1, 1000, 1.0, true, 0, 30_000);
        assertEquals(422, forged.statusCode(), forged.body());
        assertEquals("REFUSED", RunningPlatform.json(forged).getString("verdict"));
        assertEquals(
                "DUPLICATE",
                RunningPlatform.json(beat(s, 1, 1000, 1.0, true, 0, 1000)).getString("verdict"));
        assertEquals(422, beat(s, 2, 3_600_000, 1.0, true, 0, 3000).statusCode());

        // Honest: 6 s played in 6 s, in two beats.
        sleepUntil(t0, 3_200);
        assertEquals(200, beat(s, 3, 3_000, 1.0, true, 0, 3_000).statusCode());
        sleepUntil(t0, 6_200);
        HttpResponse<String> second = beat(s, 4, 6_000, 1.0, true, 3_000, 6_000);
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(6, RunningPlatform.json(second).getInt("videoCreditedSeconds"));

        // The same beat again changes nothing.
        HttpResponse<String> dup = beat(s, 4, 6_000, 1.0, true, 3_000, 6_000);
        assertEquals("DUPLICATE", RunningPlatform.json(dup).getString("verdict"));

        // A forward seek on a first viewing (after a gap in the numbers, which is no stall), then 2× speed, then a
        // replay: none earns a second.
        sleepUntil(t0, 9_200);
        HttpResponse<String> seek = beat(s, 6, 9_000, 1.0, true, 40_000, 43_000);
        assertEquals("ACCEPTED", RunningPlatform.json(seek).getString("verdict"), seek.body());
        assertEquals(6, RunningPlatform.json(seek).getInt("videoCreditedSeconds"));
        sleepUntil(t0, 12_200);
        assertEquals(
                6,
                RunningPlatform.json(beat(s, 7, 12_000, 2.0, true, 6_000, 12_000))
                        .getInt("videoCreditedSeconds"));
        sleepUntil(t0, 15_200);
        assertEquals(
                6, RunningPlatform.json(beat(s, 8, 15_000, 1.0, true, 0, 3_000)).getInt("videoCreditedSeconds"));

        // A second tab opens the video: the first playback stops earning. Its beat under way (begun before the
        // end) is taken but earns only what lies before the end (nothing here); the next one hears 410.
        JsonObject tab = open();
        assertEquals(6_000, tab.getJsonNumber("frontierMs").longValue());
        sleepUntil(t0, 19_500);
        HttpResponse<String> underWay = beat(s, 9, 19_000, 1.0, true, 6_000, 10_000);
        assertEquals(200, underWay.statusCode(), underWay.body());
        assertEquals(6, RunningPlatform.json(underWay).getInt("videoCreditedSeconds"), underWay.body());
        HttpResponse<String> stale = beat(s, 10, 19_400, 1.0, true);
        assertEquals(410, stale.statusCode(), stale.body());
        Thread.sleep(3_200);
        HttpResponse<String> resumed = beat(tab, 1, 3_000, 1.0, true, 6_000, 9_000);
        assertEquals(9, RunningPlatform.json(resumed).getInt("videoCreditedSeconds"), resumed.body());

        // The ledger shows the 9 seconds on the unit; the chain is intact.
        JsonObject ledger = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/ledger", null));
        JsonObject mine = ledger.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(l -> l.getString("username").equals("learner02"))
                .findFirst()
                .orElseThrow();
        JsonObject unit = mine.getJsonArray("units").stream()
                .map(JsonValue::asJsonObject)
                .filter(u -> u.getJsonNumber("unitId").longValue() == MediaPipelineIT.studiedUnit)
                .findFirst()
                .orElseThrow();
        assertEquals(9, unit.getInt("selfPacedSeconds"));
        assertFalse(mine.getBoolean("meetsHours"));
        JsonObject check = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null));
        assertTrue(check.getBoolean("intact"), check.toString());
        // The audit export lists the sessions with masked ID numbers, then the totals.
        HttpResponse<String> csv =
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/export", null);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        java.util.List<String> lines = csv.body().lines().toList();
        assertEquals("\uFEFF学员账号,姓名,证件号码,学习单元,学习方式,开始时间,结束时间,计入时长（时:分:秒）,计入秒数", lines.get(0));
        // (Other tests may have had learner02 watch other units: look at this unit's sessions and the total.)
        String unitName = unit.getString("name");
        java.util.List<String> sessions = lines.stream()
                .filter(l -> l.startsWith("learner02,") && l.contains("," + unitName + ","))
                .toList();
        assertEquals(2, sessions.size(), csv.body());
        // Seconds, exactly, beside the same time as 时:分:秒; the rows add up to the learner's online seconds in the
        // totals.
        assertTrue(
                sessions.get(0).contains("*")
                        && sessions.get(0)
                                .endsWith(",自主学习（视频）," + sessions.get(0).split(",")[5] + ","
                                        + sessions.get(0).split(",")[6] + ",0:00:06,6"),
                sessions.get(0));
        assertTrue(sessions.get(1).endsWith(",0:00:03,3"), sessions.get(1));
        java.util.List<String> mineRows =
                lines.stream().filter(l -> l.startsWith("learner02,")).toList();
        String totalRow = mineRows.get(mineRows.size() - 1);
        assertTrue(totalRow.contains(",否,"), "meets the hours: no, in words: " + totalRow);
        long sessionSum = mineRows.subList(0, mineRows.size() - 1).stream()
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1)))
                .sum();
        assertEquals(
                sessionSum,
                Long.parseLong(totalRow.split(",")[3]),
                "the session rows add up to the total: " + csv.body());
        assertTrue(
                lines.stream().noneMatch(l -> l.matches(".*(SELF_PACED|LIVE|true|false).*")),
                "no codes for people: " + csv.body());
        // English for a reader who asks for it (the pages send the language chosen in their header).
        HttpResponse<String> english = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(RunningPlatform.uri(
                                        "/api/attendance/classes/" + classId + "/export?format=csv"))
                                .header("Authorization", "Bearer " + admin)
                                .header("Accept-Language", "en")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertTrue(
                english.body()
                        .startsWith(
                                "\uFEFFlearner,full name,ID number,unit,activity,session start,session end,credited (h:mm:ss),credited seconds"),
                english.body());
        assertTrue(english.body().contains(",self-paced (videos),"), english.body());
        // A language refused is refused before anything is exported: no audit record of an export nobody received.
        long audited = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/audit?size=1", null))
                .getJsonNumber("total")
                .longValue();
        assertEquals(
                422,
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/export?lang=fr", null)
                        .statusCode());
        assertEquals(
                422,
                RunningPlatform.call(admin, "GET", "/api/accounts/export?lang=fr", null)
                        .statusCode());
        assertEquals(
                audited,
                RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/audit?size=1", null))
                        .getJsonNumber("total")
                        .longValue(),
                "no export was recorded");
        assertEquals(
                403,
                RunningPlatform.call(learner, "GET", "/api/attendance/classes/" + classId + "/export", null)
                        .statusCode());
        // A learner sees only their own line.
        JsonObject own = RunningPlatform.json(
                RunningPlatform.call(learner, "GET", "/api/attendance/classes/" + classId + "/ledger", null));
        assertEquals(1, own.getJsonArray("items").size());
    }

    @Test
    @Order(2)
    void anAlteredOrRemovedRecordIsNamedByTheChainCheck() throws Exception {
        assertTrue(classId != 0, "runs after the playback test, on the records it made");
        String url = "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms";
        try (Connection c = DriverManager.getConnection(url, "lms", "lms")) {
            long last;
            try (var r = c.createStatement()
                    .executeQuery("SELECT last_seq FROM attendance_chain WHERE class_id = " + classId)) {
                r.next();
                last = r.getLong(1);
            }
            assertTrue(last >= 3, "records so far: " + last);
            // Each change is undone before its checks, so that a failed check never leaves the demo class's chain
            // broken.
            execute(
                    c,
                    "UPDATE attendance_record SET credited_seconds = credited_seconds + 60 WHERE class_id = ? AND chain_seq = 2");
            JsonObject altered;
            try {
                altered = RunningPlatform.json(
                        RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null));
            } finally {
                execute(
                        c,
                        "UPDATE attendance_record SET credited_seconds = credited_seconds - 60 WHERE class_id = ? AND chain_seq = 2");
            }
            assertFalse(altered.getBoolean("intact"));
            assertEquals(2, altered.getJsonNumber("firstBrokenSeq").longValue());
            assertTrue(altered.getJsonObject("problem").getString("zh").contains("已被改动"), altered.toString());

            execute(
                    c,
                    "CREATE TEMPORARY TABLE kept AS SELECT * FROM attendance_record WHERE class_id = ? AND chain_seq = 2");
            execute(c, "DELETE FROM attendance_record WHERE class_id = ? AND chain_seq = 2");
            JsonObject removed;
            try {
                removed = RunningPlatform.json(
                        RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null));
            } finally {
                c.createStatement().execute("INSERT INTO attendance_record SELECT * FROM kept");
            }
            assertFalse(removed.getBoolean("intact"));
            assertEquals(2, removed.getJsonNumber("firstBrokenSeq").longValue());
            assertTrue(removed.getJsonObject("problem").getString("zh").contains("缺失"), removed.toString());
            assertTrue(RunningPlatform.json(
                            RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null))
                    .getBoolean("intact"));
        }
    }

    @Test
    @Order(3)
    void anUnansweredPresenceQuestionTakesBackTheCreditOfTheIdlePeriod() throws Exception {
        String other = RunningPlatform.token("learner06", RunningPlatform.DEMO_PASSWORD);
        JsonObject s = open(other);
        long cls = s.getJsonNumber("classId").longValue();
        long t0 = System.nanoTime();
        sleepUntil(t0, 3_200);
        assertEquals(200, beat(other, s, 1, 3_000, 1.0, true, null, 0, 3_000).statusCode());
        sleepUntil(t0, 6_200);
        assertEquals(
                200, beat(other, s, 2, 6_000, 1.0, true, null, 3_000, 6_000).statusCode());
        sleepUntil(t0, 9_200);
        assertEquals(
                9,
                RunningPlatform.json(beat(other, s, 3, 9_000, 1.0, true, null, 6_000, 9_000))
                        .getInt("videoCreditedSeconds"));

        // An absence report may not carry playback.
        assertEquals(
                422, beat(other, s, 4, 9_100, 1.0, true, 4_500L, 9_000, 9_100).statusCode());
        // The learner last touched the page at 4.5 s and left the question unanswered: the beats sent after
        // that (6 s of video) are taken back; the frontier returns to 3 s.
        HttpResponse<String> absent = beat(other, s, 4, 9_100, 1.0, true, 4_500L);
        assertEquals(200, absent.statusCode(), absent.body());
        JsonObject ack = RunningPlatform.json(absent);
        assertEquals(3, ack.getInt("videoCreditedSeconds"), ack.toString());
        assertEquals(3, ack.getInt("sessionCreditedSeconds"), ack.toString());
        assertEquals(3_000, ack.getJsonNumber("frontierMs").longValue());
        assertTrue(ack.getJsonObject("reason").getString("zh").contains("扣回 6 秒"), ack.toString());

        // Back at the page, the learner earns those seconds again by watching them.
        sleepUntil(t0, 12_300);
        assertEquals(
                6,
                RunningPlatform.json(beat(other, s, 5, 12_000, 1.0, true, null, 3_000, 6_000))
                        .getInt("videoCreditedSeconds"));

        JsonObject ledger = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + cls + "/ledger", null));
        JsonObject unit = ledger.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(l -> l.getString("username").equals("learner06"))
                .findFirst()
                .orElseThrow()
                .getJsonArray("units")
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(u -> u.getJsonNumber("unitId").longValue() == MediaPipelineIT.studiedUnit)
                .findFirst()
                .orElseThrow();
        assertEquals(6, unit.getInt("selfPacedSeconds"), unit.toString());
        assertTrue(RunningPlatform.json(
                        RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + cls + "/verify", null))
                .getBoolean("intact"));
        // The revocation is a record of its own in the chain: minus 6 seconds, and which.
        try (Connection c = DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms");
                PreparedStatement q =
                        c.prepareStatement("SELECT credited_seconds, credited_spans FROM attendance_record"
                                + " WHERE session_id = ? AND beat_seq = 4")) {
            q.setString(1, s.getString("sessionId"));
            try (var r = q.executeQuery()) {
                assertTrue(r.next());
                assertEquals(-6, r.getInt(1));
                assertEquals("3-9", r.getString(2));
            }
        }
    }

    @Test
    @Order(4)
    void otherHoursCountTowardTheTotalOnlyAndAMistakeIsWithdrawnNotErased() throws Exception {
        String learner09 = RunningPlatform.token("learner09", RunningPlatform.DEMO_PASSWORD);
        long cls = classOf(learner09);
        long learnerId = RunningPlatform.json(RunningPlatform.call(learner09, "GET", "/api/me", null))
                .getJsonNumber("id")
                .longValue();
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String path = "/api/attendance/classes/" + cls + "/other-hours";
        java.util.function.Function<String, String> entry = note -> Json.createObjectBuilder()
                .add("learnerId", learnerId)
                .add("kind", "INTERNSHIP")
                .add("minutes", 120)
                .add("date", today)
                .add("note", note)
                .build()
                .toString();

        // Bad entries are refused with the fields named; nothing is recorded.
        HttpResponse<String> blank = RunningPlatform.call(teacher, "POST", path, entry.apply(" "));
        assertEquals(422, blank.statusCode(), blank.body());
        assertTrue(blank.body().contains("\"note\""), blank.body());
        HttpResponse<String> future = RunningPlatform.call(
                teacher,
                "POST",
                path,
                Json.createObjectBuilder()
                        .add("learnerId", learnerId)
                        .add("kind", "VACATION")
                        .add("minutes", 5000)
                        .add(
                                "date",
                                java.time.LocalDate.parse(today).plusDays(1).toString())
                        .add("note", "x")
                        .build()
                        .toString());
        assertEquals(422, future.statusCode());
        for (String field : new String[] {"kind", "minutes", "date"}) {
            assertTrue(future.body().contains("\"" + field + "\""), field + " in " + future.body());
        }
        assertEquals(
                403,
                RunningPlatform.call(learner09, "POST", path, entry.apply("自己登记"))
                        .statusCode());

        // Other tests (a class day) may have credited learner09 already: the entry is judged by what it adds.
        JsonObject was = RunningPlatform.json(
                        RunningPlatform.call(learner09, "GET", "/api/attendance/classes/" + cls + "/ledger", null))
                .getJsonArray("items")
                .getJsonObject(0);
        HttpResponse<String> created = RunningPlatform.call(teacher, "POST", path, entry.apply("在合作直播基地岗位实习，带教老师签字确认"));
        assertEquals(201, created.statusCode(), created.body());
        long entryId = RunningPlatform.json(created).getJsonNumber("id").longValue();
        JsonObject mine = RunningPlatform.json(
                        RunningPlatform.call(learner09, "GET", "/api/attendance/classes/" + cls + "/ledger", null))
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals(was.getInt("otherMinutes") + 120, mine.getInt("otherMinutes"));
        assertEquals(
                was.getJsonNumber("classroomMinutes").doubleValue(),
                mine.getJsonNumber("classroomMinutes").doubleValue(),
                0.02,
                "other hours are never classroom hours");
        assertEquals(
                was.getJsonNumber("totalMinutes").doubleValue() + 120.0,
                mine.getJsonNumber("totalMinutes").doubleValue(),
                0.02);
        assertTrue(mine.getInt("otherRequiredMinutes") >= 0);
        assertEquals(
                1,
                jakarta.json.Json.createReader(
                                new java.io.StringReader(RunningPlatform.call(learner09, "GET", path, null)
                                        .body()))
                        .readArray()
                        .size(),
                "a learner sees their own entries");

        // Evidence: a PDF (checked by its bytes) once per entry; learners download their own.
        String evidencePath = path + "/" + entryId + "/evidence";
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> attached = RunningPlatform.putBytes(
                teacher,
                evidencePath + "?name="
                        + java.net.URLEncoder.encode("实习证明.pdf", java.nio.charset.StandardCharsets.UTF_8),
                pdf,
                "application/pdf");
        assertEquals(201, attached.statusCode(), attached.body());
        assertEquals(
                "application/pdf",
                RunningPlatform.json(attached).getJsonObject("evidence").getString("contentType"));
        assertEquals(
                409,
                RunningPlatform.putBytes(teacher, evidencePath, pdf, "application/pdf")
                        .statusCode(),
                "evidence is never replaced");
        assertEquals(
                403,
                RunningPlatform.putBytes(learner09, evidencePath, pdf, "application/pdf")
                        .statusCode());
        HttpResponse<byte[]> back = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(RunningPlatform.uri(evidencePath))
                                .header("Authorization", "Bearer " + learner09)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, back.statusCode());
        assertTrue(java.util.Arrays.equals(pdf, back.body()), "the learner gets the same bytes back");
        assertTrue(
                back.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''"),
                back.headers().map().toString());
        long second = RunningPlatform.json(RunningPlatform.call(teacher, "POST", path, entry.apply("参观直播基地")))
                .getJsonNumber("id")
                .longValue();
        HttpResponse<String> notPdf = RunningPlatform.putBytes(
                teacher, path + "/" + second + "/evidence?name=fake.pdf", "just text".getBytes(), "application/pdf");
        assertEquals(422, notPdf.statusCode(), notPdf.body());
        assertTrue(notPdf.body().contains("不是 PDF、JPEG 或 PNG 文件"), notPdf.body());
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, huge, 0, pdf.length);
        assertEquals(
                413,
                RunningPlatform.putBytes(
                                teacher, path + "/" + second + "/evidence?name=big.pdf", huge, "application/pdf")
                        .statusCode());
        assertEquals(
                200,
                RunningPlatform.call(teacher, "POST", path + "/" + second + "/withdraw", "{\"reason\":\"测试条目\"}")
                        .statusCode());

        String withdrawPath = path + "/" + entryId + "/withdraw";
        assertEquals(
                422, RunningPlatform.call(teacher, "POST", withdrawPath, "{}").statusCode());
        HttpResponse<String> withdrawn = RunningPlatform.call(teacher, "POST", withdrawPath, "{\"reason\":\"日期登记错误\"}");
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertEquals(
                409,
                RunningPlatform.call(teacher, "POST", withdrawPath, "{\"reason\":\"again\"}")
                        .statusCode());
        assertEquals(
                was.getInt("otherMinutes"),
                RunningPlatform.json(RunningPlatform.call(
                                learner09, "GET", "/api/attendance/classes/" + cls + "/ledger", null))
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getInt("otherMinutes"));
        String kept = RunningPlatform.call(admin, "GET", path, null).body();
        assertTrue(
                kept.contains("日期登记错误") && kept.contains("\"withdrawnAt\""),
                "the withdrawn entry stays on record: " + kept);
        String audit =
                RunningPlatform.call(admin, "GET", "/api/audit?size=200", null).body();
        assertTrue(
                audit.contains("OTHER_HOURS_ENTERED")
                        && audit.contains("OTHER_HOURS_WITHDRAWN")
                        && audit.contains("OTHER_HOURS_EVIDENCE"),
                audit);
    }

    /** The class's live roster is pushed to its teacher as Server-Sent Events: a learner who starts a lesson shows up studying. */
    @Test
    @Order(5)
    void theClassRosterIsPushedToItsTeachersAsLearnersStudy() throws Exception {
        String learner14 = RunningPlatform.token("learner14", RunningPlatform.DEMO_PASSWORD);
        long cls = classOf(learner14);
        String path = "/api/attendance/classes/" + cls + "/roster/events";
        assertEquals(403, RunningPlatform.call(learner14, "GET", path, null).statusCode());
        assertEquals(
                404,
                RunningPlatform.call(teacher, "GET", "/api/attendance/classes/987654/roster/events", null)
                        .statusCode());

        EventStream teacherSees = EventStream.open(teacher, path);
        JsonObject first = teacherSees.next("roster", r -> true);
        assertEquals(cls, first.getJsonNumber("classId").longValue());
        assertTrue(first.getJsonArray("learners").size() >= 30, first.toString());

        JsonObject s = open(learner14);
        assertEquals(
                200, beat(learner14, s, 1, 1_000, 1.0, true, null, 0, 1_000).statusCode());
        JsonObject studying = teacherSees.next(
                "roster",
                r -> r.getJsonArray("learners").stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(l -> l.getString("username").equals("learner14")
                                && l.getString("state").equals("STUDYING")
                                && l.getString("lesson", "").equals("attendance-640x360-60s.mp4")));
        assertTrue(studying.getInt("studying") >= 1, studying.toString());
    }

    /**
     * A class's chain takes the records of its lesson videos (the heartbeat writer) and of its live lessons (each
     * beat in its own transaction) interleaved: a live lesson's record lands between two beats of a video, the
     * video's next beat follows it on the chain, and the chain stays whole.
     */
    @Test
    @Order(6)
    void aLiveLessonsRecordBetweenTwoBeatsOfAVideoKeepsTheChainWhole() throws Exception {
        String watcher = RunningPlatform.token("learner11", RunningPlatform.DEMO_PASSWORD);
        JsonObject s = open(watcher);
        long cls = s.getJsonNumber("classId").longValue();
        long t0 = System.nanoTime();
        sleepUntil(t0, 3_200);
        assertEquals(200, beat(watcher, s, 1, 3_000, 1.0, true, null, 0, 3_000).statusCode());

        // Another learner of the class joins a live lesson (open two minutes early) and beats once: a record on the
        // chain.
        String liveTeacher = RunningPlatform.token("teacher02", RunningPlatform.DEMO_PASSWORD);
        long lessonId = LiveLessonIT.schedule(liveTeacher, cls, MediaPipelineIT.studiedUnit, 120)
                .getJsonNumber("id")
                .longValue();
        LiveLessonIT.Attendee attendee = LiveLessonIT.join("learner12", lessonId);
        attendee.beat(true);

        sleepUntil(t0, 6_200);
        HttpResponse<String> next = beat(watcher, s, 2, 6_000, 1.0, true, null, 3_000, 6_000);
        assertEquals(200, next.statusCode(), next.body());
        assertEquals(6, RunningPlatform.json(next).getInt("videoCreditedSeconds"), next.body());
        JsonObject check = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + cls + "/verify", null));
        assertTrue(check.getBoolean("intact"), check.toString());
        try (Connection c = DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms");
                PreparedStatement q = c.prepareStatement(
                        "SELECT session_id FROM attendance_record WHERE class_id = ? ORDER BY chain_seq DESC LIMIT 2")) {
            q.setLong(1, cls);
            try (var r = q.executeQuery()) {
                assertTrue(r.next());
                assertEquals(
                        s.getString("sessionId"), r.getString(1), "the video's second beat is the chain's last record");
                assertTrue(r.next());
                assertEquals(attendee.sessionId, r.getString(1), "the live lesson's record comes before it");
            }
        }
    }

    /**
     * The beat endpoint checks the learner's account with the batch that stores the beat, not with a read per
     * request: a disabled learner's beats are refused 401 like any other request of a revoked token (a malformed
     * one too, before its 422), and nothing of them is stored. Disabling ends the learner's playback sessions:
     * enabled and signed in again, the beat that was under way earns only what lies before the disabling, and
     * the session takes no more (410): the learner opens a new one.
     */
    @Test
    @Order(7)
    void aDisabledLearnersBeatsAreRefusedAndNothingOfThemIsStored() throws Exception {
        String name = "learner28";
        String signedIn = RunningPlatform.token(name, RunningPlatform.DEMO_PASSWORD);
        long id = RunningPlatform.json(RunningPlatform.call(signedIn, "GET", "/api/me", null))
                .getJsonNumber("id")
                .longValue();
        JsonObject s = open(signedIn);
        long t0 = System.nanoTime();
        sleepUntil(t0, 3_200);
        assertEquals(200, beat(signedIn, s, 1, 3_000, 1.0, true, null, 0, 3_000).statusCode());
        try {
            assertEquals(
                    200,
                    RunningPlatform.call(admin, "POST", "/api/accounts/" + id + "/disable", null)
                            .statusCode());
            sleepUntil(t0, 6_200);
            HttpResponse<String> refused = beat(signedIn, s, 2, 6_000, 1.0, true, null, 3_000, 6_000);
            assertEquals(401, refused.statusCode(), refused.body());
            assertEquals(
                    "urn:imtp:problem:token-revoked",
                    RunningPlatform.json(refused).getString("type"));
            HttpResponse<String> malformed = RunningPlatform.call(
                    signedIn,
                    "POST",
                    "/api/attendance/sessions/" + s.getString("sessionId") + "/beats",
                    "{\"token\":\"" + s.getString("token") + "\"}");
            assertEquals(401, malformed.statusCode(), malformed.body());
        } finally {
            assertEquals(
                    200,
                    RunningPlatform.call(admin, "POST", "/api/accounts/" + id + "/enable", null)
                            .statusCode());
        }
        try (Connection c = DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms");
                PreparedStatement q =
                        c.prepareStatement("SELECT COUNT(*) FROM attendance_record WHERE session_id = ?")) {
            q.setString(1, s.getString("sessionId"));
            try (var r = q.executeQuery()) {
                assertTrue(r.next());
                assertEquals(1, r.getInt(1), "only the beat sent before the account was disabled is stored");
            }
        }
        // The old sign-in stays revoked. With a new one, beat 2 (begun before the disabling, never stored) is taken,
        // but its seconds were played after the session ended: none is credited; the next beat hears 410.
        assertEquals(
                401, beat(signedIn, s, 2, 6_000, 1.0, true, null, 3_000, 6_000).statusCode());
        String again = RunningPlatform.token(name, RunningPlatform.DEMO_PASSWORD);
        HttpResponse<String> resumed = beat(again, s, 2, 6_000, 1.0, true, null, 3_000, 6_000);
        assertEquals(200, resumed.statusCode(), resumed.body());
        assertEquals(3, RunningPlatform.json(resumed).getInt("sessionCreditedSeconds"), resumed.body());
        sleepUntil(t0, 9_200);
        HttpResponse<String> ended = beat(again, s, 3, 9_000, 1.0, true, null, 6_000, 9_000);
        assertEquals(410, ended.statusCode(), ended.body());
        assertEquals(
                201,
                RunningPlatform.call(
                                again,
                                "POST",
                                "/api/attendance/sessions",
                                Json.createObjectBuilder()
                                        .add("resourceId", resourceId)
                                        .build()
                                        .toString())
                        .statusCode());
    }

    /**
     * Signing out revokes the sign-in on the server: the token is refused at once (401) everywhere, the learner's
     * playback session ends, and a beat sent afterwards with a new sign-in earns nothing of the time after it.
     */
    @Test
    @Order(8)
    void signingOutRevokesTheTokenAndEndsThePlayback() throws Exception {
        String name = "learner27";
        String signedIn = RunningPlatform.token(name, RunningPlatform.DEMO_PASSWORD);
        JsonObject s = open(signedIn);
        long t0 = System.nanoTime();
        sleepUntil(t0, 3_200);
        assertEquals(200, beat(signedIn, s, 1, 3_000, 1.0, true, null, 0, 3_000).statusCode());
        assertEquals(
                204,
                RunningPlatform.call(signedIn, "POST", "/api/auth/logout", null).statusCode());
        HttpResponse<String> me = RunningPlatform.call(signedIn, "GET", "/api/me", null);
        assertEquals(401, me.statusCode(), me.body());
        assertEquals(
                401,
                RunningPlatform.call(signedIn, "POST", "/api/auth/logout", null).statusCode());
        String again = RunningPlatform.token(name, RunningPlatform.DEMO_PASSWORD);
        sleepUntil(t0, 9_200);
        HttpResponse<String> late = beat(again, s, 2, 9_000, 1.0, true, null, 3_000, 9_000);
        assertEquals(200, late.statusCode(), late.body());
        assertEquals(3, RunningPlatform.json(late).getInt("sessionCreditedSeconds"), late.body());
        assertEquals(410, beat(again, s, 3, 9_100, 1.0, true, null).statusCode());
    }

    /**
     * Tamper evidence covers every reported figure: a ledger line, a session's credited seconds or a record edited
     * in MariaDB is named by the check; a record rewritten as an attacker without the chain key would (plain
     * SHA-256) is named too; and history cut after a signed statement of the heads is found by the statement,
     * even where the chain itself was made to look whole.
     */
    @Test
    @Order(9)
    void editedFiguresAndRewrittenHistoryAreNamedByTheChecks() throws Exception {
        assertTrue(classId != 0, "runs after the playback test, on the records it made");
        String verifyPath = "/api/attendance/classes/" + classId + "/verify";
        assertTrue(RunningPlatform.json(RunningPlatform.call(admin, "GET", verifyPath, null))
                .getBoolean("intact"));
        long learnerId = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/me", null))
                .getJsonNumber("id")
                .longValue();
        String url = "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms";
        try (Connection c = DriverManager.getConnection(url, "lms", "lms")) {
            String ledgerLine = " WHERE class_id = " + classId + " AND learner_id = " + learnerId + " AND unit_id = "
                    + MediaPipelineIT.studiedUnit;
            c.createStatement()
                    .execute("UPDATE ledger_entry SET self_paced_seconds = self_paced_seconds + 2670" + ledgerLine);
            JsonObject ledger = RunningPlatform.json(RunningPlatform.call(admin, "GET", verifyPath, null));
            c.createStatement()
                    .execute("UPDATE ledger_entry SET self_paced_seconds = self_paced_seconds - 2670" + ledgerLine);
            assertFalse(ledger.getBoolean("intact"), ledger.toString());
            assertTrue(
                    ledger.getJsonArray("differences")
                            .toString()
                            .contains("ledger line of learner " + learnerId + ", unit " + MediaPipelineIT.studiedUnit),
                    ledger.toString());

            String session;
            try (var r = c.createStatement()
                    .executeQuery("SELECT id FROM playback_session WHERE class_id = " + classId + " AND learner_id = "
                            + learnerId + " AND credited_seconds > 0 LIMIT 1")) {
                assertTrue(r.next());
                session = r.getString(1);
            }
            c.createStatement()
                    .execute("UPDATE playback_session SET credited_seconds = credited_seconds + 2670 WHERE id = '"
                            + session + "'");
            JsonObject sessions = RunningPlatform.json(RunningPlatform.call(admin, "GET", verifyPath, null));
            c.createStatement()
                    .execute("UPDATE playback_session SET credited_seconds = credited_seconds - 2670 WHERE id = '"
                            + session + "'");
            assertFalse(sessions.getBoolean("intact"), sessions.toString());
            assertTrue(
                    sessions.getJsonArray("differences").toString().contains("playback session " + session),
                    sessions.toString());

            // The watched seconds wiped (the learner could earn them again), and a live session's seconds raised.
            c.createStatement()
                    .execute("CREATE TEMPORARY TABLE kept_watched AS SELECT * FROM watched_video WHERE class_id = "
                            + classId + " AND learner_id = " + learnerId);
            c.createStatement()
                    .execute("UPDATE watched_video SET seconds = '', credited_seconds = 0 WHERE class_id = " + classId
                            + " AND learner_id = " + learnerId);
            JsonObject wiped = RunningPlatform.json(RunningPlatform.call(admin, "GET", verifyPath, null));
            c.createStatement()
                    .execute(
                            "DELETE FROM watched_video WHERE class_id = " + classId + " AND learner_id = " + learnerId);
            c.createStatement().execute("INSERT INTO watched_video SELECT * FROM kept_watched");
            assertFalse(wiped.getBoolean("intact"), wiped.toString());
            assertTrue(
                    wiped.getJsonArray("differences")
                            .toString()
                            .contains("the watched seconds of learner " + learnerId),
                    wiped.toString());
            String live;
            try (var r = c.createStatement()
                    .executeQuery("SELECT id FROM live_session WHERE class_id = " + classId + " LIMIT 1")) {
                assertTrue(r.next(), "test 6 joined a live lesson of the class");
                live = r.getString(1);
            }
            c.createStatement()
                    .execute("UPDATE live_session SET credited_seconds = credited_seconds + 3600 WHERE id = '" + live
                            + "'");
            JsonObject raised = RunningPlatform.json(RunningPlatform.call(admin, "GET", verifyPath, null));
            c.createStatement()
                    .execute("UPDATE live_session SET credited_seconds = credited_seconds - 3600 WHERE id = '" + live
                            + "'");
            assertTrue(
                    raised.getJsonArray("differences").toString().contains("live session " + live), raised.toString());
            assertTrue(RunningPlatform.json(RunningPlatform.call(admin, "GET", verifyPath, null))
                    .getBoolean("intact"));

            // Rewritten without the key: plain SHA-256, as before there was one.
            c.createStatement()
                    .execute("UPDATE attendance_record SET key_id = NULL WHERE class_id = " + classId
                            + " AND chain_seq = 3");
            JsonObject unkeyed = RunningPlatform.json(RunningPlatform.call(admin, "GET", verifyPath, null));
            c.createStatement()
                    .execute(
                            "UPDATE attendance_record r JOIN attendance_record k ON k.class_id = r.class_id AND k.chain_seq = 4"
                                    + " SET r.key_id = k.key_id WHERE r.class_id = " + classId
                                    + " AND r.chain_seq = 3");
            assertFalse(unkeyed.getBoolean("intact"));
            assertEquals(3, unkeyed.getJsonNumber("firstBrokenSeq").longValue(), unkeyed.toString());
            assertTrue(RunningPlatform.json(RunningPlatform.call(admin, "GET", verifyPath, null))
                    .getBoolean("intact"));

            // A signed statement of the heads; then the chain's last record is cut and its head moved back to look
            // whole.
            assertEquals(
                    403,
                    RunningPlatform.call(learner, "GET", "/api/attendance/statement", null)
                            .statusCode());
            JsonObject statement =
                    RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/attendance/statement", null));
            String signed = statement.getString("statement");
            String check =
                    Json.createObjectBuilder().add("statement", signed).build().toString();
            JsonObject holds =
                    RunningPlatform.json(RunningPlatform.call(admin, "POST", "/api/attendance/statement/check", check));
            assertTrue(holds.getBoolean("holds"), holds.toString());
            long last;
            String lastHash;
            String previousHash;
            try (var r = c.createStatement()
                    .executeQuery("SELECT last_seq, last_hash FROM attendance_chain WHERE class_id = " + classId)) {
                r.next();
                last = r.getLong(1);
                lastHash = r.getString(2);
            }
            try (var r = c.createStatement()
                    .executeQuery("SELECT prev_hash FROM attendance_record WHERE class_id = " + classId
                            + " AND chain_seq = " + last)) {
                r.next();
                previousHash = r.getString(1);
            }
            c.createStatement()
                    .execute("CREATE TEMPORARY TABLE cut AS SELECT * FROM attendance_record WHERE class_id = " + classId
                            + " AND chain_seq = " + last);
            c.createStatement()
                    .execute("DELETE FROM attendance_record WHERE class_id = " + classId + " AND chain_seq = " + last);
            c.createStatement()
                    .execute("UPDATE attendance_chain SET last_seq = " + (last - 1) + ", last_hash = '" + previousHash
                            + "' WHERE class_id = " + classId);
            JsonObject cut =
                    RunningPlatform.json(RunningPlatform.call(admin, "POST", "/api/attendance/statement/check", check));
            c.createStatement().execute("INSERT INTO attendance_record SELECT * FROM cut");
            c.createStatement()
                    .execute("UPDATE attendance_chain SET last_seq = " + last + ", last_hash = '" + lastHash
                            + "' WHERE class_id = " + classId);
            assertFalse(cut.getBoolean("holds"), cut.toString());
            assertTrue(cut.toString().contains("record " + last + " named by the statement is gone"), cut.toString());
            assertTrue(
                    RunningPlatform.json(RunningPlatform.call(admin, "POST", "/api/attendance/statement/check", check))
                            .getBoolean("holds"));
            // A statement altered by hand is no statement.
            String[] parts = signed.split("\\.");
            String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
            HttpResponse<String> refused = RunningPlatform.call(
                    admin,
                    "POST",
                    "/api/attendance/statement/check",
                    Json.createObjectBuilder().add("statement", forged).build().toString());
            assertEquals(422, refused.statusCode(), refused.body());
        }
        assertTrue(RunningPlatform.json(RunningPlatform.call(admin, "GET", verifyPath, null))
                .getBoolean("intact"));
    }

    /**
     * A learner in two classes studies for the class the lesson was opened from: the same video's seconds are kept
     * per class (two trainings never share the same minutes), a session for one class ends the other's, and a
     * learner who does not say which class, while in two with the unit, is asked to.
     */
    @Test
    @Order(10)
    void aLearnerInTwoClassesStudiesForTheClassTheLessonWasOpenedFrom() throws Exception {
        // A learner of its own in two new classes on the demo class's plan (the demo learners stay in one class).
        String name = Accounts.uniqueName("two-classes");
        long learnerId = Accounts.createLearner(admin, name, "Learn2026ok")
                .getJsonNumber("id")
                .longValue();
        long planId = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes/" + classOf(learner), null))
                .getJsonNumber("planId")
                .longValue();
        long classA = activeClassWith(planId, learnerId);
        long classB = activeClassWith(planId, learnerId);
        String token = RunningPlatform.token(name, "Learn2026ok");
        // The lesson belongs to the demo class: it reaches the new classes once an administrator shares it with them.
        assertEquals(
                404,
                RunningPlatform.call(
                                token,
                                "POST",
                                "/api/attendance/sessions",
                                Json.createObjectBuilder()
                                        .add("resourceId", resourceId)
                                        .add("classId", classA)
                                        .build()
                                        .toString())
                        .statusCode());
        HttpResponse<String> shared = RunningPlatform.call(
                admin,
                "PUT",
                "/api/resources/" + resourceId + "/sharing",
                "{\"classIds\":[" + classA + "," + classB + "],\"withAll\":false}");
        assertEquals(200, shared.statusCode(), shared.body());

        HttpResponse<String> which = RunningPlatform.call(
                token,
                "POST",
                "/api/attendance/sessions",
                Json.createObjectBuilder().add("resourceId", resourceId).build().toString());
        assertEquals(422, which.statusCode(), which.body());
        assertTrue(which.body().contains("classId"), which.body());
        assertEquals(
                409,
                RunningPlatform.call(
                                token,
                                "POST",
                                "/api/attendance/sessions",
                                Json.createObjectBuilder()
                                        .add("resourceId", resourceId)
                                        .add("classId", 987654)
                                        .build()
                                        .toString())
                        .statusCode());

        for (long cls : new long[] {classA, classB}) {
            HttpResponse<String> r = RunningPlatform.call(
                    token,
                    "POST",
                    "/api/attendance/sessions",
                    Json.createObjectBuilder()
                            .add("resourceId", resourceId)
                            .add("classId", cls)
                            .build()
                            .toString());
            assertEquals(201, r.statusCode(), r.body());
            JsonObject s = RunningPlatform.json(r);
            assertEquals(cls, s.getJsonNumber("classId").longValue());
            assertEquals(0, s.getJsonNumber("frontierMs").longValue(), "each class's first viewing starts at 0: " + s);
            long t0 = System.nanoTime();
            sleepUntil(t0, 3_200);
            assertEquals(
                    200, beat(token, s, 1, 3_000, 1.0, true, null, 0, 3_000).statusCode());
            sleepUntil(t0, 6_200);
            HttpResponse<String> second = beat(token, s, 2, 6_000, 1.0, true, null, 3_000, 6_000);
            assertEquals(6, RunningPlatform.json(second).getInt("videoCreditedSeconds"), second.body());
        }
        for (long cls : new long[] {classA, classB}) {
            JsonObject line = RunningPlatform.json(
                            RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + cls + "/ledger", null))
                    .getJsonArray("items")
                    .stream()
                    .map(JsonValue::asJsonObject)
                    .filter(l -> l.getString("username").equals(name))
                    .findFirst()
                    .orElseThrow();
            int seconds = line.getJsonArray("units").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(u -> u.getJsonNumber("unitId").longValue() == MediaPipelineIT.studiedUnit)
                    .findFirst()
                    .orElseThrow()
                    .getInt("selfPacedSeconds");
            assertEquals(6, seconds, "class " + cls + ": " + line);
            assertTrue(RunningPlatform.json(
                            RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + cls + "/verify", null))
                    .getBoolean("intact"));
        }
    }

    /** A new active class on the plan, with the learner in it, teacher01 teaching theory. */
    private static long activeClassWith(long planId, long learnerId) throws Exception {
        return ClassesIT.activeClass(admin, planId, learnerId, Accounts.teacherId(admin, "teacher01"));
    }

    /** The (demo) class the learner is in. */
    private static long classOf(String token) throws Exception {
        return RunningPlatform.json(RunningPlatform.call(token, "GET", "/api/classes", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, classId);
            s.execute();
        }
    }

    /** Sleeps until {@code ms} milliseconds after {@code t0} (a System.nanoTime() reading). */
    static void sleepUntil(long t0, long ms) throws InterruptedException {
        long wait = ms - (System.nanoTime() - t0) / 1_000_000;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
