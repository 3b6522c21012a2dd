package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Presence checks (face) on the real stack: OpenCV in media-service decides on frames the learner's "camera" sends (the
 * face fixtures, moved a little as a camera would see them a moment later). Consent and enrolment first; a check due at
 * the start holds all credit until it passes; a check failed twice or left unanswered withholds exactly what was credited
 * since the last pass; reviewers approve or reject; withdrawal and retention delete the photos. The class asks for a
 * check every 10–30 s on a seeded schedule (RunningPlatform), answered within 30 s. Live lessons of the class ask for
 * checks in the same way, and what they withhold is live time.
 */
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PresenceIT {

    private static final String[] LEARNERS = {
        "honest", "failing", "stranger", "withdrawing", "expiring", "still", "liveFailing", "liveMissing", "liveNone"
    };
    private static final String MOVED = "crop=iw-24:ih-16:18:0,scale=640:480";
    private static final String LIGHTER = "crop=iw-16:ih-16:4:12,scale=640:480,eq=brightness=0.06";

    static String admin;
    static String teacher;
    static long classId;
    static long resourceId;
    static long unitId;
    static final Map<String, String> TOKENS = new LinkedHashMap<>();
    static final Map<String, Long> IDS = new LinkedHashMap<>();
    /** What each learner's failed or missed check withheld (test 2), for the review (test 3). */
    static final Map<String, Integer> WITHHELD = new LinkedHashMap<>();

    static final Map<String, String> CHECKS = new LinkedHashMap<>();

    /** A teacher of another class (test 3). */
    static String otherTeacher;

    @BeforeAll
    static void setUp() throws Exception {
        MediaPipelineIT.setUp();
        admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        unitId = MediaPipelineIT.studiedUnit;
        long planId = RunningPlatform.json(
                        RunningPlatform.call(teacher, "GET", "/api/classes/" + Media.demoClassId(), null))
                .getJsonNumber("planId")
                .longValue();
        for (String role : LEARNERS) {
            String name = Accounts.uniqueName("face-" + role);
            IDS.put(
                    role,
                    Accounts.createLearner(admin, name, "Face2026ok")
                            .getJsonNumber("id")
                            .longValue());
            TOKENS.put(role, RunningPlatform.token(name, "Face2026ok"));
        }
        classId = ClassesIT.activeClass(
                admin,
                planId,
                new ArrayList<>(IDS.values()),
                Accounts.teacherId(admin, "teacher01"),
                Json.createObjectBuilder()
                        .add("perClassHour", 12)
                        .add("answerSeconds", 30)
                        .build());
        Media.Uploaded up = Media.published(
                teacher, unitId, "VIDEO", MediaFixtures.video("presence-320x180-60s.mp4", 320, 180, 60, true), classId);
        resourceId = up.resourceId();
    }

    @Test
    @Order(1)
    void aClassWithChecksRefusesStudyWithoutConsentAndAPhotoAndEnrolsOnlyOneClearFace() throws Exception {
        HttpResponse<String> refused = open("stranger");
        assertEquals(409, refused.statusCode(), refused.body());
        JsonObject problem = RunningPlatform.json(refused);
        assertTrue(problem.getString("type").endsWith("presence-check-required"), refused.body());
        assertTrue(
                problem.getString("detail").contains("人脸核验")
                        && problem.getString("detail").contains("周建华"),
                "says what the class requires and whom to contact: " + refused.body());

        assertEquals(409, photo("honest", "person01.jpg").statusCode(), "no photo before consent");
        JsonObject text = RunningPlatform.json(
                RunningPlatform.call(TOKENS.get("honest"), "GET", "/api/presence/consent-text", null));
        assertTrue(
                text.getString("text").contains("撤回") && text.getString("text").contains("保存"), text.toString());
        HttpResponse<String> stale = RunningPlatform.call(
                TOKENS.get("honest"), "POST", "/api/presence/me/consent", "{\"version\":\"2000-01\"}");
        assertEquals(409, stale.statusCode(), stale.body());
        for (String role : List.of("honest", "failing", "withdrawing", "expiring", "still")) {
            HttpResponse<String> given = RunningPlatform.call(
                    TOKENS.get(role),
                    "POST",
                    "/api/presence/me/consent",
                    Json.createObjectBuilder()
                            .add("version", text.getString("version"))
                            .build()
                            .toString());
            assertEquals(200, given.statusCode(), given.body());
            assertTrue(RunningPlatform.json(given).getBoolean("consentCurrent"));
        }

        HttpResponse<String> group = photo("honest", "group3.jpg");
        assertEquals(422, group.statusCode(), group.body());
        assertTrue(RunningPlatform.json(group).getString("type").endsWith("several-faces"), group.body());
        HttpResponse<String> notImage = RunningPlatform.putBytes(
                TOKENS.get("honest"), "/api/presence/me/photo", "this is not a photo".getBytes(), "image/jpeg");
        assertEquals(422, notImage.statusCode(), notImage.body());
        assertFalse(notImage.body().contains("Exception") || notImage.body().contains("opencv"), notImage.body());

        Map<String, String> faces = Map.of(
                "honest",
                "person01.jpg",
                "failing",
                "person02.jpg",
                "withdrawing",
                "person04.jpg",
                "expiring",
                "person05.jpg",
                "still",
                "person06.jpg");
        for (var e : faces.entrySet()) {
            HttpResponse<String> enrolled = photo(e.getKey(), e.getValue());
            assertEquals(200, enrolled.statusCode(), e.getKey() + ": " + enrolled.body());
            assertNotNull(RunningPlatform.json(enrolled).getString("enrolledAt"));
        }
        // Only an administrator imports a learner's photo.
        assertEquals(
                403,
                RunningPlatform.putBytes(
                                teacher,
                                "/api/presence/learners/" + IDS.get("stranger") + "/photo",
                                Files.readAllBytes(MediaFixtures.face("person03.jpg", null)),
                                "image/jpeg")
                        .statusCode());
        HttpResponse<String> noConsent = RunningPlatform.putBytes(
                admin,
                "/api/presence/learners/" + IDS.get("stranger") + "/photo",
                Files.readAllBytes(MediaFixtures.face("person03.jpg", null)),
                "image/jpeg");
        assertEquals(
                409, noConsent.statusCode(), "an imported photo needs the learner's consent too: " + noConsent.body());
    }

    /** A learner driven as the player would: beats every 2 s of honest 1× playback while no check is due. */
    static final class Player {
        final String role;
        final JsonObject session;
        final long t0 = System.nanoTime();
        long seq;
        long positionMs;
        int credited;
        boolean checkDue;
        HttpResponse<String> last;

        Player(String role) throws Exception {
            this.role = role;
            HttpResponse<String> r = open(role);
            assertEquals(201, r.statusCode(), r.body());
            this.session = RunningPlatform.json(r);
            // A check due when the lesson starts: the player stays paused until it passes.
            this.checkDue = session.containsKey("checkFromMs")
                    && session.getJsonNumber("checkFromMs").longValue() == 0;
        }

        long elapsed() {
            return (System.nanoTime() - t0) / 1_000_000;
        }

        String sessionId() {
            return session.getString("sessionId");
        }

        /** One beat: what was played since the previous one (nothing while a check is due: the player pauses). */
        HttpResponse<String> beat() throws Exception {
            long now = elapsed();
            long[] range = checkDue
                    ? new long[0]
                    : new long[] {positionMs, Math.min(60_000, positionMs + Math.max(0, now - lastBeat))};
            last = AttendanceIT.beat(TOKENS.get(role), session, ++seq, now, 1.0, true, null, range);
            if (range.length == 2) {
                positionMs = range[1];
            }
            lastBeat = now;
            if (last.statusCode() == 200) {
                JsonObject ack = RunningPlatform.json(last);
                credited = ack.getInt("videoCreditedSeconds");
                checkDue = ack.containsKey("checkDue") && ack.getBoolean("checkDue");
            }
            return last;
        }

        long lastBeat;

        JsonObject due() throws Exception {
            HttpResponse<String> r = RunningPlatform.call(
                    TOKENS.get(role), "GET", "/api/presence/sessions/" + sessionId() + "/check", null);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.body());
            return r.statusCode() == 204 ? null : RunningPlatform.json(r);
        }

        /**
         * Sends the frames as a camera would: each time new bytes (a few bytes after the JPEG's end, which decoders ignore,
         * stand for the sensor noise that makes two photos of the same scene differ), so that a later run of these tests on
         * the same data is no replay.
         */
        HttpResponse<String> answer(String checkId, Path... frames) throws Exception {
            List<byte[]> bytes = new ArrayList<>();
            for (Path f : frames) {
                bytes.add(noisy(Files.readAllBytes(f)));
            }
            return replay(checkId, bytes.toArray(byte[][]::new));
        }

        /** Frames exactly as given: what a script replaying earlier frames sends. */
        HttpResponse<String> replay(String checkId, byte[]... frames) throws Exception {
            return replayAs(role, checkId, frames);
        }

        /** The first check: due at once; nothing counts before it passes. */
        void passFirstCheck(String face) throws Exception {
            assertEquals(0, session.getJsonNumber("checkFromMs").longValue(), session.toString());
            Thread.sleep(1_000);
            assertEquals(200, beat().statusCode(), last.body());
            assertTrue(checkDue, "the first beat hears that a check is due: " + last.body());
            JsonObject check = due();
            assertNotNull(check, "a check is due when the lesson starts");
            assertEquals(2, check.getInt("attemptsLeft"));
            HttpResponse<String> passed = answer(
                    check.getString("checkId"), MediaFixtures.face(face, MOVED), MediaFixtures.face(face, LIGHTER));
            assertEquals(200, passed.statusCode(), passed.body());
            assertEquals("PASSED", RunningPlatform.json(passed).getString("state"), passed.body());
            checkDue = false;
            lastBeat = elapsed();
        }
    }

    @Test
    @Order(2)
    void aPassLetsCreditFlowAndAFailedOrMissedCheckWithholdsExactlyWhatWasCreditedSinceThePass() throws Exception {
        Player honest = new Player("honest");
        Player failing = new Player("failing");
        honest.passFirstCheck("person01.jpg");
        failing.passFirstCheck("person02.jpg");
        long honestDue = nextDue(honest.sessionId());
        long failingDue = nextDue(failing.sessionId());
        assertTrue(
                honestDue >= 10_000 && honestDue <= 33_000,
                "the next check comes 10–30 s after the pass: " + honestDue);
        // A script that learned the next check's id cannot answer it early (nor is it shown before it is due).
        String early;
        try (Connection c = db()) {
            early = text(
                    c, "SELECT id FROM presence_check WHERE session_id = ? AND state = 'OPEN'", honest.sessionId());
        }
        assertEquals(null, honest.due(), "nothing is due yet");
        assertEquals(
                409,
                honest.answer(
                                early,
                                MediaFixtures.face("person01.jpg", MOVED),
                                MediaFixtures.face("person01.jpg", LIGHTER))
                        .statusCode());

        // Both study until their next check is due; what they earn until then is what a failure would withhold.
        Map<Player, Integer> before = new LinkedHashMap<>();
        while (before.size() < 2) {
            Thread.sleep(2_000);
            for (Player p : List.of(honest, failing)) {
                if (!before.containsKey(p)) {
                    int was = p.credited;
                    assertEquals(200, p.beat().statusCode(), p.last.body());
                    if (p.checkDue) {
                        assertEquals(
                                was, p.credited, "a beat sent once the check is due earns nothing: " + p.last.body());
                        before.put(p, p.credited);
                    }
                }
            }
        }
        assertTrue(
                before.get(honest) >= 5 && before.get(failing) >= 5,
                "both earned credit between the checks: " + before);
        assertTrue(honest.elapsed() >= honestDue && failing.elapsed() >= failingDue);

        // The failing learner: another person, then two faces: failed, and the seconds since the pass are withheld.
        JsonObject check = failing.due();
        assertNotNull(check);
        HttpResponse<String> other = failing.answer(
                check.getString("checkId"),
                MediaFixtures.face("person03.jpg", MOVED),
                MediaFixtures.face("person03.jpg", LIGHTER));
        assertEquals(200, other.statusCode(), other.body());
        assertEquals("NOT_SAME_PERSON", RunningPlatform.json(other).getString("outcome"), other.body());
        assertEquals("OPEN", RunningPlatform.json(other).getString("state"));
        assertEquals(1, RunningPlatform.json(other).getInt("attemptsLeft"));
        HttpResponse<String> two = failing.answer(
                check.getString("checkId"),
                MediaFixtures.face("group3.jpg", null),
                MediaFixtures.face("group3.jpg", "crop=iw-20:ih-10:10:0,scale=1280:-2"));
        assertEquals("SEVERAL_FACES", RunningPlatform.json(two).getString("outcome"), two.body());
        assertEquals("FAILED", RunningPlatform.json(two).getString("state"));
        assertEquals((int) before.get(failing), RunningPlatform.json(two).getInt("withheldSeconds"), two.body());
        assertEquals("PRESENCE_CHECK", endedReason(failing.sessionId()), "the session ended with the failure");
        WITHHELD.put("failing", before.get(failing));
        CHECKS.put("failing", check.getString("checkId"));

        // The honest learner was shown the check and walked away: missed after its 30 s, the same withholding.
        JsonObject missed = honest.due();
        assertNotNull(missed);
        long deadline = System.nanoTime() + 45_000_000_000L;
        String state;
        do {
            Thread.sleep(1_000);
            state = checkState(missed.getString("checkId"));
        } while ("OPEN".equals(state) && System.nanoTime() < deadline);
        assertEquals("MISSED", state);
        assertEquals("PRESENCE_CHECK", endedReason(honest.sessionId()));
        WITHHELD.put("honest", before.get(honest));
        CHECKS.put("honest", missed.getString("checkId"));

        try (Connection c = db()) {
            for (String role : List.of("honest", "failing")) {
                assertEquals(
                        WITHHELD.get(role),
                        query(c, "SELECT withheld_seconds FROM presence_check WHERE id = ?", CHECKS.get(role)));
                assertEquals(
                        0,
                        query(
                                c,
                                "SELECT self_paced_seconds FROM ledger_entry WHERE class_id = ? AND learner_id = ? AND unit_id = ?",
                                classId,
                                IDS.get(role),
                                unitId),
                        role + "'s credit is withheld, not counted");
            }
        }
        JsonObject chain = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null));
        assertTrue(chain.getBoolean("intact"), chain.toString());
        // The ledger shows the withheld time apart (待审核), to the staff and to the learner; it does not count.
        assertEquals(WITHHELD.get("failing"), withheldInLedger(admin, "failing"));
        assertEquals(WITHHELD.get("honest"), withheldInLedger(TOKENS.get("honest"), "honest"));
    }

    /** The withheld seconds the class's ledger shows for the learner, as {@code token} reads it. */
    static int withheldInLedger(String token, String role) throws Exception {
        JsonObject ledger = RunningPlatform.json(
                RunningPlatform.call(token, "GET", "/api/attendance/classes/" + classId + "/ledger", null));
        return ledger.getJsonArray("items").stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(l -> l.getJsonNumber("learnerId").longValue() == IDS.get(role))
                .findFirst()
                .orElseThrow()
                .getInt("withheldSeconds");
    }

    @Test
    @Order(3)
    void theClassesTeachersReviewWithheldChecksAndOnlyTheyAndAdministratorsSeeThePhotos() throws Exception {
        assertEquals(2, CHECKS.size(), "runs after the withholding test");
        long planId = RunningPlatform.json(RunningPlatform.call(teacher, "GET", "/api/classes/" + classId, null))
                .getJsonNumber("planId")
                .longValue();
        String otherTeacherName = Accounts.uniqueName("face-other-teacher");
        RoleMatrixIT.activeClass(admin, planId, otherTeacherName, Accounts.uniqueName("face-other-learner"));
        otherTeacher = RunningPlatform.token(otherTeacherName, "Teach2026ok");
        assertEquals(
                404,
                RunningPlatform.call(otherTeacher, "GET", "/api/presence/classes/" + classId + "/checks", null)
                        .statusCode());
        assertEquals(
                404,
                RunningPlatform.call(
                                otherTeacher,
                                "GET",
                                "/api/presence/checks/" + CHECKS.get("failing") + "/photos/reference",
                                null)
                        .statusCode());
        assertEquals(
                404,
                RunningPlatform.call(
                                otherTeacher,
                                "POST",
                                "/api/presence/checks/" + CHECKS.get("failing") + "/review",
                                "{\"approve\":true}")
                        .statusCode());
        assertEquals(
                403,
                RunningPlatform.call(TOKENS.get("failing"), "GET", "/api/presence/classes/" + classId + "/checks", null)
                        .statusCode());
        assertEquals(
                403,
                RunningPlatform.call(
                                TOKENS.get("failing"),
                                "POST",
                                "/api/presence/checks/" + CHECKS.get("failing") + "/review",
                                "{\"approve\":true}")
                        .statusCode());

        // media-service gives face photos to no grant but lms-web's face grant: not a learner's view grant of a lesson
        // (for
        // that very id), nor none at all.
        JsonObject view = RunningPlatform.json(Media.access(TOKENS.get("failing"), resourceId, null));
        String asset = view.getString("assetId");
        assertEquals(
                403,
                Media.get(RunningPlatform.uri(
                                        "/media/api/faces/" + asset + "/reference?grant=" + view.getString("grant"))
                                .toString())
                        .statusCode());
        assertEquals(
                401,
                Media.get(RunningPlatform.uri("/media/api/faces/" + asset + "/reference")
                                .toString())
                        .statusCode());

        var pending = Json.createReader(new java.io.StringReader(
                        RunningPlatform.call(teacher, "GET", "/api/presence/classes/" + classId + "/checks", null)
                                .body()))
                .readArray();
        assertEquals(2, pending.size(), pending.toString());
        // The reference photo and the frames of the failed check, side by side; a missed check kept none.
        assertTrue(isJpeg(bytes(teacher, "/api/presence/checks/" + CHECKS.get("failing") + "/photos/reference")));
        assertTrue(isJpeg(bytes(teacher, "/api/presence/checks/" + CHECKS.get("failing") + "/photos/0")));
        assertEquals(
                404,
                RunningPlatform.call(teacher, "GET", "/api/presence/checks/" + CHECKS.get("honest") + "/photos/0", null)
                        .statusCode());

        HttpResponse<String> noReason = RunningPlatform.call(
                teacher, "POST", "/api/presence/checks/" + CHECKS.get("honest") + "/review", "{\"approve\":false}");
        assertEquals(422, noReason.statusCode(), noReason.body());
        HttpResponse<String> rejected = RunningPlatform.call(
                teacher,
                "POST",
                "/api/presence/checks/" + CHECKS.get("honest") + "/review",
                Json.createObjectBuilder()
                        .add("approve", false)
                        .add("note", "核验时无人应答")
                        .build()
                        .toString());
        assertEquals("REJECTED", RunningPlatform.json(rejected).getString("state"), rejected.body());
        HttpResponse<String> approved = RunningPlatform.call(
                teacher,
                "POST",
                "/api/presence/checks/" + CHECKS.get("failing") + "/review",
                Json.createObjectBuilder()
                        .add("approve", true)
                        .add("note", "照片中是本人，旁边有同事")
                        .build()
                        .toString());
        assertEquals("APPROVED", RunningPlatform.json(approved).getString("state"), approved.body());
        assertEquals(
                409,
                RunningPlatform.call(
                                admin,
                                "POST",
                                "/api/presence/checks/" + CHECKS.get("failing") + "/review",
                                "{\"approve\":false,\"note\":\"again\"}")
                        .statusCode(),
                "a check is reviewed once");

        try (Connection c = db()) {
            assertEquals(
                    WITHHELD.get("failing"),
                    query(
                            c,
                            "SELECT self_paced_seconds FROM ledger_entry WHERE class_id = ? AND learner_id = ?"
                                    + " AND unit_id = ?",
                            classId,
                            IDS.get("failing"),
                            unitId),
                    "approval credits the withheld seconds again");
            assertEquals(
                    0,
                    query(
                            c,
                            "SELECT self_paced_seconds FROM ledger_entry WHERE class_id = ? AND learner_id = ? AND unit_id = ?",
                            classId,
                            IDS.get("honest"),
                            unitId));
            assertEquals(
                    2,
                    query(
                            c,
                            "SELECT COUNT(*) FROM audit_entry WHERE action IN ('PRESENCE_APPROVE', 'PRESENCE_REJECT') AND subject_id IN (?, ?)",
                            IDS.get("failing"),
                            IDS.get("honest")));
        }
        JsonObject chain = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null));
        assertTrue(chain.getBoolean("intact"), chain.toString());
        assertEquals(0, withheldInLedger(admin, "failing"), "given back");
        JsonObject mine =
                RunningPlatform.json(RunningPlatform.call(TOKENS.get("honest"), "GET", "/api/presence/me", null));
        JsonObject told = mine.getJsonArray("checks").getJsonObject(0);
        assertEquals("REJECTED", told.getString("state"));
        assertEquals("核验时无人应答", told.getString("reviewNote"), "the learner reads the reviewer's reason");
        assertEquals(0, withheldInLedger(admin, "honest"), "decided: no longer awaiting review");
    }

    @Test
    @Order(4)
    void aStillPictureAndAnEmptyFrameFailTheCheck() throws Exception {
        Player still = new Player("still");
        Thread.sleep(1_000);
        still.beat();
        JsonObject check = still.due();
        Path photo = MediaFixtures.face("person06.jpg", null);
        byte[] frozenFrame = noisy(Files.readAllBytes(photo));
        HttpResponse<String> frozen = still.replay(check.getString("checkId"), frozenFrame, frozenFrame);
        assertEquals("NOT_LIVE", RunningPlatform.json(frozen).getString("outcome"), frozen.body());
        Path empty = MediaFixtures.face("person06.jpg", "drawbox=t=fill:c=gray");
        HttpResponse<String> none = still.answer(check.getString("checkId"), empty, empty);
        assertEquals("NO_FACE", RunningPlatform.json(none).getString("outcome"), none.body());
        assertEquals("FAILED", RunningPlatform.json(none).getString("state"));
        assertEquals(
                0, RunningPlatform.json(none).getInt("withheldSeconds"), "nothing was credited before the first check");
        assertEquals(409, still.answer(check.getString("checkId"), photo, photo).statusCode(), "no third try");
        // Frames that are not images, or too few, are refused without using up a try.
        Player again = new Player("still");
        Thread.sleep(1_000);
        again.beat();
        JsonObject next = again.due();
        HttpResponse<String> one = again.answer(next.getString("checkId"), photo);
        assertEquals(422, one.statusCode(), one.body());
        HttpResponse<String> garbage = RunningPlatform.call(
                TOKENS.get("still"),
                "POST",
                "/api/presence/checks/" + next.getString("checkId") + "/answers",
                "{\"frames\":[\"not base64!\",\"@@@\"]}");
        assertEquals(422, garbage.statusCode(), garbage.body());
        assertEquals(2, again.due().getInt("attemptsLeft"));
        // Frames sent before (a script replaying the frozen answer above) are no camera: a failed try, without asking
        // OpenCV.
        HttpResponse<String> replayed = again.replay(
                next.getString("checkId"),
                noisy(Files.readAllBytes(MediaFixtures.face("person06.jpg", MOVED))),
                frozenFrame);
        assertEquals("REPLAYED", RunningPlatform.json(replayed).getString("outcome"), replayed.body());
        assertEquals(1, RunningPlatform.json(replayed).getInt("attemptsLeft"));
        assertEquals(
                404,
                RunningPlatform.call(
                                TOKENS.get("honest"),
                                "POST",
                                "/api/presence/checks/" + next.getString("checkId") + "/answers",
                                "{\"frames\":[]}")
                        .statusCode(),
                "another learner's check is not found");
    }

    @Test
    @Order(5)
    void withdrawalAndRetentionDeleteThePhotos() throws Exception {
        try (Connection c = db()) {
            String withdrawing =
                    text(c, "SELECT subject FROM face_enrolment WHERE learner_id = ?", IDS.get("withdrawing"));
            assertTrue(files(withdrawing) >= 2, "the reference photo and its face are stored");
            assertFalse(
                    Files.readString(
                                    faceDir(withdrawing).resolve("reference"),
                                    java.nio.charset.StandardCharsets.ISO_8859_1)
                            .startsWith("\u00ff\u00d8"),
                    "stored encrypted, not as a JPEG");
            HttpResponse<String> withdrawn =
                    RunningPlatform.call(TOKENS.get("withdrawing"), "DELETE", "/api/presence/me/consent", null);
            assertEquals(200, withdrawn.statusCode(), withdrawn.body());
            assertFalse(RunningPlatform.json(withdrawn).containsKey("enrolledAt"), withdrawn.body());
            assertEquals(0, files(withdrawing), "withdrawal deletes the photos at once");
            assertEquals(409, open("withdrawing").statusCode());

            String expiring = text(c, "SELECT subject FROM face_enrolment WHERE learner_id = ?", IDS.get("expiring"));
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE face_enrolment SET enrolled_at = enrolled_at - INTERVAL 8761 HOUR WHERE learner_id = ?")) {
                s.setLong(1, IDS.get("expiring"));
                assertEquals(1, s.executeUpdate());
            }
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (files(expiring) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertEquals(0, files(expiring), "a photo past retention is deleted by the sweeper");
            JsonObject me =
                    RunningPlatform.json(RunningPlatform.call(TOKENS.get("expiring"), "GET", "/api/presence/me", null));
            assertFalse(me.containsKey("enrolledAt"), "the learner is asked to enrol again: " + me);
        }
    }

    @Test
    @Order(6)
    void anAdministratorRecordsAnotherVerificationForALearnerWithoutACamera() throws Exception {
        String path = "/api/presence/classes/" + classId + "/learners/" + IDS.get("stranger") + "/waiver";
        assertEquals(
                403,
                RunningPlatform.call(teacher, "PUT", path, "{\"method\":\"现场核验\"}")
                        .statusCode());
        HttpResponse<String> blank = RunningPlatform.call(admin, "PUT", path, "{\"method\":\" \"}");
        assertEquals(422, blank.statusCode(), blank.body());
        assertEquals(
                204,
                RunningPlatform.call(admin, "PUT", path, "{\"method\":\"2026-12-06 现场核验身份证原件\"}")
                        .statusCode());
        HttpResponse<String> opened = open("stranger");
        assertEquals(201, opened.statusCode(), opened.body());
        assertFalse(
                RunningPlatform.json(opened).containsKey("checkFromMs"), "no checks for a learner verified otherwise");
        JsonObject me =
                RunningPlatform.json(RunningPlatform.call(TOKENS.get("stranger"), "GET", "/api/presence/me", null));
        assertTrue(me.getJsonArray("classes").getJsonObject(0).getBoolean("waived"), me.toString());
    }

    @Test
    @Order(7)
    void aRecordingsMeasuresAreWhatTheFixtureHolds() throws Exception {
        Path recording = MediaFixtures.talkingHead("person08.jpg", 6);
        Media.Uploaded up = Media.ready(teacher, unitId, "VIDEO", recording, classId);
        JsonObject view = RunningPlatform.json(Media.access(teacher, up.resourceId(), 1));
        HttpResponse<String> r = Media.get(
                "/media/api/assets/" + view.getString("assetId") + "/measures?grant=" + view.getString("grant"));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject m = RunningPlatform.json(r);
        assertEquals(6000, m.getJsonNumber("durationMs").longValue(), 100);
        assertEquals(640, m.getInt("width"));
        assertEquals(480, m.getInt("height"));
        assertEquals(25.0, m.getJsonNumber("frameRate").doubleValue(), 0.01);
        assertEquals(
                0.5, m.getJsonNumber("speechShare").doubleValue(), 0.05, "a tone for the first half, silence after");
        assertEquals(
                MediaFixtures.loudness(recording),
                m.getJsonNumber("loudnessLufs").doubleValue(),
                0.3,
                "EBU R128 as ffmpeg reads the file");
        assertTrue(
                m.getInt("framesSampled") >= 3 && m.getInt("framesSampled") <= 4, "one frame every two seconds: " + m);
        assertEquals(1.0, m.getJsonNumber("oneFaceShare").doubleValue(), "the one person is in every sampled frame");
        assertTrue(m.getJsonObject("transcriptNote").getString("zh").contains("语音识别"), m.toString());
        // Kept: asked again, the same answer; another file's grant is refused.
        assertEquals(
                r.body(),
                Media.get("/media/api/assets/" + view.getString("assetId") + "/measures?grant="
                                + view.getString("grant"))
                        .body());
        JsonObject other = RunningPlatform.json(Media.access(teacher, resourceId, null));
        assertEquals(
                403,
                Media.get("/media/api/assets/" + view.getString("assetId") + "/measures?grant="
                                + other.getString("grant"))
                        .statusCode());
    }

    @Test
    @Order(8)
    void anAdministratorImportsPhotosInBulkAndReadsWhatBecameOfEach() throws Exception {
        String expiring;
        String stranger;
        try (Connection c = db()) {
            expiring = text(c, "SELECT username FROM account WHERE id = ?", IDS.get("expiring"));
            stranger = text(c, "SELECT username FROM account WHERE id = ?", IDS.get("stranger"));
        }
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            for (String[] f : new String[][] {
                {expiring + ".jpg", "person05.jpg"},
                {stranger + ".jpg", "person03.jpg"},
                {"nobody-here.jpg", "person09.jpg"},
                {"photos/" + expiring + ".png", "group3.jpg"},
                {"notes.txt", null}
            }) {
                out.putNextEntry(new java.util.zip.ZipEntry(f[0]));
                out.write(f[1] == null ? "hello".getBytes() : Files.readAllBytes(MediaFixtures.face(f[1], null)));
                out.closeEntry();
            }
        }
        HttpResponse<String> r = RunningPlatform.send("POST", "/api/presence/photos", "application/zip", null);
        assertTrue(r.statusCode() == 401, "signed in only");
        HttpResponse<String> imported = Media.HTTP.send(
                HttpRequest.newBuilder(RunningPlatform.uri("/api/presence/photos"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(zip.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, imported.statusCode(), imported.body());
        var lines = Json.createReader(new java.io.StringReader(imported.body())).readArray();
        assertEquals(
                List.of("ENROLLED", "NO_CONSENT", "NO_LEARNER", "REFUSED", "REFUSED"),
                lines.stream().map(v -> v.asJsonObject().getString("result")).toList(),
                imported.body());
        assertTrue(
                lines.getJsonObject(3).getJsonObject("detail").getString("zh").contains("不止一张人脸"), imported.body());
        JsonObject me =
                RunningPlatform.json(RunningPlatform.call(TOKENS.get("expiring"), "GET", "/api/presence/me", null));
        assertEquals("IMPORT", me.getString("enrolledBy"), me.toString());
        HttpResponse<String> notZip = Media.HTTP.send(
                HttpRequest.newBuilder(RunningPlatform.uri("/api/presence/photos"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofString("not a zip"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(422, notZip.statusCode(), notZip.body());
    }

    @Test
    @Order(9)
    void aLiveLessonAsksForChecksHoldsItsCreditAndWithholdsExactlyTheLiveSecondsSinceThePass() throws Exception {
        JsonObject text = RunningPlatform.json(
                RunningPlatform.call(TOKENS.get("liveFailing"), "GET", "/api/presence/consent-text", null));
        for (var e : Map.of("liveFailing", "person09.jpg", "liveMissing", "person10.jpg")
                .entrySet()) {
            assertEquals(
                    200,
                    RunningPlatform.call(
                                    TOKENS.get(e.getKey()),
                                    "POST",
                                    "/api/presence/me/consent",
                                    Json.createObjectBuilder()
                                            .add("version", text.getString("version"))
                                            .build()
                                            .toString())
                            .statusCode());
            HttpResponse<String> enrolled = photo(e.getKey(), e.getValue());
            assertEquals(200, enrolled.statusCode(), enrolled.body());
        }
        JsonObject lesson = LiveLessonIT.schedule(teacher, classId, unitId, 3);
        long lessonId = lesson.getJsonNumber("id").longValue();
        Instant start = Instant.parse(lesson.getString("startsAt"));

        // The same gate as a lesson video's: no consent and photo, no joining, and whom to ask.
        HttpResponse<String> refused = join("liveNone", lessonId);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(RunningPlatform.json(refused).getString("type").endsWith("presence-check-required"));
        assertTrue(RunningPlatform.json(refused).getString("detail").contains("周建华"), refused.body());

        // A check is due at the join; until it passes the beats earn nothing.
        Map<String, LiveLessonIT.Attendee> live = new LinkedHashMap<>();
        for (String role : List.of("liveFailing", "liveMissing")) {
            HttpResponse<String> joined = join(role, lessonId);
            assertEquals(201, joined.statusCode(), joined.body());
            JsonObject ticket = RunningPlatform.json(joined);
            assertEquals(0, ticket.getJsonNumber("checkFromMs").longValue(), joined.body());
            live.put(role, new LiveLessonIT.Attendee(TOKENS.get(role), ticket));
        }
        LiveLessonIT.sleepUntil(start.plusSeconds(3));
        for (LiveLessonIT.Attendee a : live.values()) {
            JsonObject held = a.beat(true);
            assertTrue(held.getBoolean("checkDue"), held.toString());
            assertEquals(0, held.getInt("lessonCreditedSeconds"), "inside the window, but the check is due: " + held);
        }
        JsonObject first = liveDue("liveFailing", live.get("liveFailing").sessionId);
        assertNotNull(first);
        // Another learner neither sees nor answers it.
        assertEquals(
                404,
                RunningPlatform.call(
                                TOKENS.get("liveMissing"),
                                "GET",
                                "/api/presence/sessions/" + live.get("liveFailing").sessionId + "/check",
                                null)
                        .statusCode());
        assertEquals(
                404,
                answerAs("liveMissing", first.getString("checkId"), "person10.jpg")
                        .statusCode(),
                "another learner's live check is not found");
        assertEquals(
                "PASSED",
                RunningPlatform.json(answerAs("liveFailing", first.getString("checkId"), "person09.jpg"))
                        .getString("state"));
        JsonObject firstMissing = liveDue("liveMissing", live.get("liveMissing").sessionId);
        assertEquals(
                "PASSED",
                RunningPlatform.json(answerAs("liveMissing", firstMissing.getString("checkId"), "person10.jpg"))
                        .getString("state"));

        // Credit flows until the next check is due (10–30 s later); from then on beats earn nothing. The first learner
        // whose check comes fails it twice at once: exactly the live seconds credited since the pass are withheld, and
        // the session ends. The other one's page never answers.
        Map<String, Integer> before = new LinkedHashMap<>();
        Map<String, LiveLessonIT.Attendee> beating = new LinkedHashMap<>(live);
        String failed = null;
        String failedCheck = null;
        long deadline = System.nanoTime() + 40_000_000_000L;
        while (before.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            for (var e : List.copyOf(beating.entrySet())) {
                LiveLessonIT.Attendee a = e.getValue();
                int was = a.credited;
                JsonObject ack = a.beat(true);
                if (before.containsKey(e.getKey())) {
                    assertEquals((int) before.get(e.getKey()), a.credited, "a beat during an open check earns nothing");
                } else if (ack.containsKey("checkDue")) {
                    assertEquals(was, a.credited, "the beat that hears of the check earns nothing: " + ack);
                    before.put(e.getKey(), a.credited);
                    if (failed == null) {
                        failed = e.getKey();
                        JsonObject second = liveDue(failed, a.sessionId);
                        failedCheck = second.getString("checkId");
                        HttpResponse<String> other = answerAs(failed, failedCheck, "person03.jpg");
                        assertEquals(
                                "NOT_SAME_PERSON", RunningPlatform.json(other).getString("outcome"), other.body());
                        assertEquals("OPEN", RunningPlatform.json(other).getString("state"), "one more try");
                        HttpResponse<String> again = answerAs(failed, failedCheck, "person04.jpg");
                        assertEquals("FAILED", RunningPlatform.json(again).getString("state"), again.body());
                        assertEquals(
                                (int) before.get(failed),
                                RunningPlatform.json(again).getInt("withheldSeconds"),
                                again.body());
                        assertEnded(a);
                        beating.remove(failed);
                    }
                }
            }
        }
        assertEquals(2, before.size(), "both learners' next checks came");
        assertTrue(before.values().stream().allMatch(v -> v >= 5), "credit flowed after the pass: " + before);
        String missed = beating.keySet().iterator().next();
        LiveLessonIT.Attendee missing = beating.get(missed);

        // A page that never answers: the sweeper marks the check missed after its 30 s, the same withholding; its beats
        // meanwhile earn nothing.
        String missedCheck;
        try (Connection c = db()) {
            missedCheck =
                    text(c, "SELECT id FROM presence_check WHERE session_id = ? AND state = 'OPEN'", missing.sessionId);
        }
        deadline = System.nanoTime() + 45_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            HttpResponse<String> r = missing.send(missing.seq + 1, missing.elapsed(), true, null);
            if (r.statusCode() == 200) {
                missing.seq++;
            }
            // Still open once the beat was answered: the beat was judged before the withholding, and earned nothing.
            if (!"OPEN".equals(checkState(missedCheck))) {
                break;
            }
            assertEquals(200, r.statusCode(), r.body());
            assertEquals((int) before.get(missed), RunningPlatform.json(r).getInt("lessonCreditedSeconds"));
        }
        assertEquals("MISSED", checkState(missedCheck));
        assertEnded(missing);

        try (Connection c = db()) {
            for (String role : live.keySet()) {
                assertEquals(0, liveSeconds(c, role), role + "'s live credit is withheld, not counted");
                assertEquals(
                        (int) before.get(role),
                        query(
                                c,
                                "SELECT withheld_seconds FROM presence_check WHERE session_id = ? AND state IN ('FAILED', 'MISSED')",
                                live.get(role).sessionId));
                assertEquals(
                        "PRESENCE_CHECK",
                        text(c, "SELECT ended_reason FROM live_session WHERE id = ?", live.get(role).sessionId));
            }
        }
        assertEquals((int) before.get(failed), withheldInLedger(admin, failed), "shown apart: 待审核");
        assertEquals((int) before.get(missed), withheldInLedger(TOKENS.get(missed), missed));
        assertTrue(verified(), "the chain verifies after the withholding");

        // The class's teacher reviews them, seeing which live lesson they were; a teacher of another class cannot.
        var pending = Json.createReader(new java.io.StringReader(
                        RunningPlatform.call(teacher, "GET", "/api/presence/classes/" + classId + "/checks", null)
                                .body()))
                .readArray();
        String failedId = failedCheck;
        JsonObject listed = pending.stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(v -> v.getString("checkId").equals(failedId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the failed live check is listed: " + pending));
        assertEquals("LIVE", listed.getString("kind"), listed.toString());
        assertEquals(lessonId, listed.getJsonNumber("lessonId").longValue());
        assertEquals(start, Instant.parse(listed.getString("lessonStartsAt")));
        assertEquals(
                404,
                RunningPlatform.call(
                                otherTeacher,
                                "POST",
                                "/api/presence/checks/" + failedCheck + "/review",
                                "{\"approve\":true}")
                        .statusCode());
        HttpResponse<String> approved = RunningPlatform.call(
                teacher,
                "POST",
                "/api/presence/checks/" + failedCheck + "/review",
                "{\"approve\":true,\"note\":\"回放核对为本人\"}");
        assertEquals("APPROVED", RunningPlatform.json(approved).getString("state"), approved.body());
        HttpResponse<String> rejected = RunningPlatform.call(
                teacher,
                "POST",
                "/api/presence/checks/" + missedCheck + "/review",
                "{\"approve\":false,\"note\":\"直播中无人应答\"}");
        assertEquals("REJECTED", RunningPlatform.json(rejected).getString("state"), rejected.body());
        try (Connection c = db()) {
            assertEquals((int) before.get(failed), liveSeconds(c, failed), "approval credits the live seconds again");
            assertEquals(0, liveSeconds(c, missed));
            assertEquals(
                    0,
                    query(
                            c,
                            "SELECT self_paced_seconds FROM ledger_entry WHERE class_id = ? AND learner_id = ? AND unit_id = ?",
                            classId,
                            IDS.get(failed),
                            unitId),
                    "live time, not video time");
        }
        assertEquals(0, withheldInLedger(admin, failed));
        assertEquals(0, withheldInLedger(admin, missed));
        assertTrue(verified(), "the chain verifies after the review");
        JsonObject mine =
                RunningPlatform.json(RunningPlatform.call(TOKENS.get(missed), "GET", "/api/presence/me", null));
        assertEquals("LIVE", mine.getJsonArray("checks").getJsonObject(0).getString("kind"), mine.toString());
    }

    /**
     * The withholding ended the live session: what is still taken earns nothing (the withholding used the next beat
     * number up, so that beat is a duplicate; one whose stretch began before the end is taken, credited up to the end),
     * and the learner's credit of the lesson is what it was before the first pass, none; then the page hears 410.
     */
    static void assertEnded(LiveLessonIT.Attendee a) throws Exception {
        Thread.sleep(2_500); // past the grace a beat on its way at the end is given
        HttpResponse<String> r = a.send(a.seq + 1, a.elapsed(), true, null);
        for (int i = 0; i < 2 && r.statusCode() == 200; i++) {
            a.seq++;
            assertEquals(0, RunningPlatform.json(r).getInt("lessonCreditedSeconds"), r.body());
            r = a.send(a.seq + 1, a.elapsed(), true, null);
        }
        assertEquals(410, r.statusCode(), "the withholding ended the live session: " + r.body());
    }

    static HttpResponse<String> join(String role, long lessonId) throws Exception {
        return RunningPlatform.call(TOKENS.get(role), "POST", "/api/live/lessons/" + lessonId + "/join", null);
    }

    static JsonObject liveDue(String role, String sessionId) throws Exception {
        HttpResponse<String> r =
                RunningPlatform.call(TOKENS.get(role), "GET", "/api/presence/sessions/" + sessionId + "/check", null);
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.body());
        return r.statusCode() == 204 ? null : RunningPlatform.json(r);
    }

    /** Answers a check with two frames of the fixture face, as a camera would take them a moment apart. */
    static HttpResponse<String> answerAs(String role, String checkId, String face) throws Exception {
        return replayAs(
                role,
                checkId,
                noisy(Files.readAllBytes(MediaFixtures.face(face, MOVED))),
                noisy(Files.readAllBytes(MediaFixtures.face(face, LIGHTER))));
    }

    static HttpResponse<String> replayAs(String role, String checkId, byte[]... frames) throws Exception {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (byte[] f : frames) {
            list.add("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(f));
        }
        return RunningPlatform.call(
                TOKENS.get(role),
                "POST",
                "/api/presence/checks/" + checkId + "/answers",
                Json.createObjectBuilder().add("frames", list).build().toString());
    }

    static int liveSeconds(Connection c, String role) throws Exception {
        return query(
                c,
                "SELECT live_seconds FROM ledger_entry WHERE class_id = ? AND learner_id = ? AND unit_id = ?",
                classId,
                IDS.get(role),
                unitId);
    }

    static boolean verified() throws Exception {
        JsonObject chain = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/attendance/classes/" + classId + "/verify", null));
        assertTrue(chain.getBoolean("intact"), chain.toString());
        return chain.getBoolean("intact");
    }

    // --- helpers ---

    /** The photo's bytes with a few more after the JPEG's end (decoders ignore them): new bytes, the same picture. */
    static byte[] noisy(byte[] jpeg) {
        byte[] nonce = java.util.UUID.randomUUID().toString().getBytes();
        byte[] out = java.util.Arrays.copyOf(jpeg, jpeg.length + nonce.length);
        System.arraycopy(nonce, 0, out, jpeg.length, nonce.length);
        return out;
    }

    static HttpResponse<String> open(String role) throws Exception {
        return RunningPlatform.call(
                TOKENS.get(role),
                "POST",
                "/api/attendance/sessions",
                Json.createObjectBuilder()
                        .add("resourceId", resourceId)
                        .add("classId", classId)
                        .build()
                        .toString());
    }

    static HttpResponse<String> photo(String role, String fixture) throws Exception {
        return RunningPlatform.putBytes(
                TOKENS.get(role),
                "/api/presence/me/photo",
                Files.readAllBytes(MediaFixtures.face(fixture, null)),
                "image/jpeg");
    }

    static byte[] bytes(String token, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(RunningPlatform.uri(path).toString()))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    static boolean isJpeg(byte[] b) {
        return b.length > 100 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms");
    }

    static long nextDue(String sessionId) throws Exception {
        try (Connection c = db()) {
            return query(c, "SELECT due_ms FROM presence_check WHERE session_id = ? AND state = 'OPEN'", sessionId);
        }
    }

    static String endedReason(String sessionId) throws Exception {
        try (Connection c = db()) {
            return text(c, "SELECT ended_reason FROM playback_session WHERE id = ?", sessionId);
        }
    }

    static String checkState(String checkId) throws Exception {
        try (Connection c = db()) {
            return text(c, "SELECT state FROM presence_check WHERE id = ?", checkId);
        }
    }

    static int query(Connection c, String sql, Object... args) throws Exception {
        return Integer.parseInt(text(c, sql, args));
    }

    /** The first column of the one row the query finds, as text. */
    static String text(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), sql);
                return r.getString(1);
            }
        }
    }

    static Path faceDir(String subject) {
        return RunningPlatform.varDir().resolve("s3/lms-media/faces/" + subject);
    }

    static long files(String subject) throws IOException {
        if (!Files.isDirectory(faceDir(subject))) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(faceDir(subject))) {
            return all.filter(Files::isRegularFile).count();
        }
    }
}
