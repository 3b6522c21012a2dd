package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Resources belong to a class and questions to their author: a teacher of another class, a colleague who did not
 * add a resource, and a learner of another class each try to reach or change what is not theirs.
 */
@ExtendWith(RunningPlatform.class)
class OwnershipIT {

    static String admin;
    static String owner;
    static String colleague;
    static String stranger;
    static long demoClass;
    static long otherClass;
    static long unit;
    static long planId;
    static String strangerLearner;

    /** The demo class (teacher01 and teacher02) and a class of its own plan taught by a new teacher, with a learner of its own. */
    @BeforeAll
    static void twoClasses() throws Exception {
        admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        owner = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        colleague = RunningPlatform.token("teacher02", RunningPlatform.DEMO_PASSWORD);
        demoClass = Media.demoClassId();
        planId = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes/" + demoClass, null))
                .getJsonNumber("planId")
                .longValue();
        unit = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/plans/" + planId, null))
                .getJsonArray("units")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        String teacherName = Accounts.uniqueName("other-teacher");
        JsonObject teacher = Json.createObjectBuilder(
                        Accounts.learnerJson(teacherName, Accounts.validIdNumber(), "Teach2026ok"))
                .add("role", "TEACHER")
                .add("fullName", "另一位老师")
                .build();
        HttpResponse<String> made = RunningPlatform.call(admin, "POST", "/api/accounts", teacher.toString());
        assertEquals(201, made.statusCode(), made.body());
        long teacherId = RunningPlatform.json(made)
                .getJsonObject("account")
                .getJsonNumber("id")
                .longValue();
        stranger = RunningPlatform.token(teacherName, "Teach2026ok");
        otherClass = ClassesIT.draftClass(admin, planId, "另一个班", teacherId);
        String learnerName = Accounts.uniqueName("other-learner");
        long learnerId = Accounts.createLearner(admin, learnerName, "Learn2026ok")
                .getJsonNumber("id")
                .longValue();
        ClassesIT.ok(RunningPlatform.call(
                admin, "POST", "/api/classes/" + otherClass + "/learners", "{\"accountIds\":[" + learnerId + "]}"));
        strangerLearner = RunningPlatform.token(learnerName, "Learn2026ok");
    }

    static int status(String token, String method, String path, String body) throws Exception {
        return RunningPlatform.call(token, method, path, body).statusCode();
    }

    @Test
    void aTeacherOfAnotherClassNeitherSeesNorChangesAClassResource() throws Exception {
        long id = Media.resource(owner, "LEARNING", "VIDEO", unit, "本班直播复盘");
        JsonObject ticket = Media.newVersion(owner, id, "replay.mp4", 1_000_000);
        int v = ticket.getInt("version");
        String r = "/api/resources/" + id;
        for (String[] call : List.of(
                new String[] {"GET", r},
                new String[] {"GET", r + "/access?version=" + v},
                new String[] {"POST", r + "/versions"},
                new String[] {"POST", r + "/versions/" + v + "/upload-grant"},
                new String[] {"POST", r + "/versions/" + v + "/publish"})) {
            String body = call[1].endsWith("/versions") ? "{\"fileName\":\"empty.mp4\",\"size\":10}" : null;
            assertEquals(
                    404,
                    status(stranger, call[0], call[1], body),
                    "the other class's teacher: " + call[0] + " " + call[1]);
        }
        List<Long> listed = RunningPlatform.json(
                        RunningPlatform.call(stranger, "GET", "/api/resources?unitId=" + unit + "&size=200", null))
                .getJsonArray("items")
                .stream()
                .map(x -> x.asJsonObject().getJsonNumber("id").longValue())
                .toList();
        assertFalse(listed.contains(id), listed.toString());
        assertEquals(
                404,
                status(stranger, "GET", "/api/resources?classId=" + demoClass, null),
                "not a class the stranger teaches");

        // A colleague of the same class sees it but does not change it; the owner and administrators do.
        JsonObject seen = RunningPlatform.json(RunningPlatform.call(colleague, "GET", r, null));
        assertFalse(seen.getBoolean("mayChange"), seen.toString());
        assertEquals(demoClass, seen.getJsonNumber("classId").longValue());
        assertEquals(403, status(colleague, "POST", r + "/versions", "{\"fileName\":\"x.mp4\",\"size\":10}"));
        assertEquals(403, status(colleague, "POST", r + "/versions/" + v + "/upload-grant", null));
        assertEquals(403, status(colleague, "POST", r + "/versions/" + v + "/publish", null));
        assertTrue(RunningPlatform.json(RunningPlatform.call(owner, "GET", r, null))
                .getBoolean("mayChange"));
        assertEquals(200, status(owner, "POST", r + "/versions/" + v + "/upload-grant", null));
        assertEquals(200, status(admin, "POST", r + "/versions/" + v + "/upload-grant", null));

        // Shared with the other class, its teacher sees it there, still without changing it.
        HttpResponse<String> shared = RunningPlatform.call(
                admin, "PUT", r + "/sharing", "{\"classIds\":[" + otherClass + "],\"withAll\":false}");
        assertEquals(200, shared.statusCode(), shared.body());
        assertEquals(200, status(stranger, "GET", r, null));
        assertEquals(403, status(stranger, "POST", r + "/versions/" + v + "/publish", null));
        assertEquals(
                403,
                status(owner, "PUT", r + "/sharing", "{\"classIds\":[],\"withAll\":true}"),
                "sharing is the administrators'");
        HttpResponse<String> noSuchClass =
                RunningPlatform.call(admin, "PUT", r + "/sharing", "{\"classIds\":[987654321],\"withAll\":false}");
        assertEquals(422, noSuchClass.statusCode(), noSuchClass.body());
        assertTrue(noSuchClass.body().contains("classIds[0]"), noSuchClass.body());
    }

    @Test
    void aTeacherAddsResourcesOnlyToTheClassesTaught() throws Exception {
        String draft = "{\"category\":\"TEACHING\",\"kind\":\"DOCUMENT\",\"title\":\"教案\",\"unitId\":" + unit
                + ",\"classId\":%d}";
        HttpResponse<String> elsewhere =
                RunningPlatform.call(stranger, "POST", "/api/resources", String.format(draft, demoClass));
        assertEquals(422, elsewhere.statusCode(), elsewhere.body());
        assertTrue(elsewhere.body().contains("classId"), elsewhere.body());
        HttpResponse<String> mine =
                RunningPlatform.call(stranger, "POST", "/api/resources", String.format(draft, otherClass));
        assertEquals(201, mine.statusCode(), mine.body());
        long id = RunningPlatform.json(mine).getJsonNumber("id").longValue();
        assertEquals(
                otherClass, RunningPlatform.json(mine).getJsonNumber("classId").longValue());
        assertEquals(404, status(owner, "GET", "/api/resources/" + id, null), "the demo class's teacher");
        assertEquals(200, status(admin, "GET", "/api/resources/" + id, null));
    }

    @Test
    void aLearnerSeesOnlyThePublishedLessonsOfTheLearnersOwnClass() throws Exception {
        Path doc = MediaFixtures.text("class-notes.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        long demoNotes = Media.publishedDocument(owner, "LEARNING", unit, doc);
        String demoLearner = RunningPlatform.token("learner07", RunningPlatform.DEMO_PASSWORD);
        assertEquals(200, Media.access(demoLearner, demoNotes, null).statusCode());
        // The other class is a draft: its learner has no active class, and a class's lessons never reach another class.
        assertEquals(404, Media.access(strangerLearner, demoNotes, null).statusCode());
        assertEquals(404, status(strangerLearner, "GET", "/api/resources/" + demoNotes, null));
        // Naming another class in the list's filter shows nothing of it: 404, as for a class that does not exist.
        assertEquals(404, status(demoLearner, "GET", "/api/resources?classId=" + otherClass, null));
        assertEquals(404, status(stranger, "GET", "/api/resources?classId=" + demoClass, null));
        assertEquals(200, status(demoLearner, "GET", "/api/resources?classId=" + demoClass, null));
    }

    /** The ids of one pack of {@code /api/resources/packs}, and whether the pack reaches the caller at all. */
    static List<Long> packItems(JsonObject packs, String category) {
        return packs.getJsonArray("packs").stream()
                .map(p -> p.asJsonObject())
                .filter(p -> p.getString("category").equals(category))
                .findFirst()
                .orElseThrow()
                .getJsonArray("items")
                .stream()
                .map(x -> x.asJsonObject().getJsonNumber("id").longValue())
                .toList();
    }

    static JsonObject packs(String token, long classId) throws Exception {
        HttpResponse<String> r = RunningPlatform.call(token, "GET", "/api/resources/packs?classId=" + classId, null);
        assertEquals(200, r.statusCode(), r.body());
        return RunningPlatform.json(r);
    }

    /**
     * A class's four packs: learners never get a teaching resource, nor an assessment resource until a teacher of the
     * class shows it (asked by id, the same 404 as for what does not exist); teachers of the class see all four and
     * switch what learners see; a teacher of another class, or of a class it is only shared with, does not.
     */
    @Test
    void aClassesPacksKeepTeachingAndHiddenAssessmentResourcesFromItsLearners() throws Exception {
        Path doc = MediaFixtures.text("pack.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        long teaching = Media.publishedDocument(owner, "TEACHING", unit, doc);
        long learning = Media.publishedDocument(owner, "LEARNING", unit, doc);
        long assessment = Media.publishedDocument(owner, "ASSESSMENT", unit, doc);
        long information = Media.publishedDocument(owner, "INFORMATION", null, doc);
        String learner = RunningPlatform.token("learner08", RunningPlatform.DEMO_PASSWORD);

        JsonObject mine = packs(learner, demoClass);
        assertEquals(
                List.of("TEACHING", "LEARNING", "ASSESSMENT", "INFORMATION"),
                mine.getJsonArray("packs").stream()
                        .map(p -> p.asJsonObject().getString("category"))
                        .toList(),
                "the package's four packs, in its order");
        assertFalse(mine.getJsonArray("packs").getJsonObject(0).getBoolean("reachesYou"));
        assertTrue(packItems(mine, "TEACHING").isEmpty(), mine.toString());
        assertTrue(packItems(mine, "LEARNING").contains(learning), mine.toString());
        assertTrue(packItems(mine, "INFORMATION").contains(information), mine.toString());
        assertFalse(packItems(mine, "ASSESSMENT").contains(assessment), "hidden until a teacher shows it");
        List<JsonObject> every = mine.getJsonArray("packs").stream()
                .flatMap(p -> p.asJsonObject().getJsonArray("items").stream())
                .map(x -> x.asJsonObject())
                .toList();
        assertFalse(every.isEmpty());
        for (JsonObject x : every) {
            assertFalse(x.getString("category").equals("TEACHING"), "no teaching item in any pack: " + x);
            assertTrue(
                    !x.getString("category").equals("ASSESSMENT")
                            || x.getJsonNumber("id").longValue() != assessment,
                    x.toString());
            assertTrue(
                    !x.containsKey("shownToLearners") || x.isNull("shownToLearners"),
                    "the switches are the staff's: " + x);
        }
        for (String path : List.of(
                "/api/resources/" + teaching,
                "/api/resources/" + teaching + "/access",
                "/api/resources/" + assessment,
                "/api/resources/" + assessment + "/access")) {
            assertEquals(404, status(learner, "GET", path, null), "the learner asks for " + path + " by its id");
        }
        for (String category : List.of("TEACHING", "ASSESSMENT")) {
            String listed = RunningPlatform.call(
                            learner,
                            "GET",
                            "/api/resources?classId=" + demoClass + "&category=" + category + "&size=200",
                            null)
                    .body();
            assertFalse(
                    listed.contains("\"id\":" + teaching + ",") || listed.contains("\"id\":" + assessment + ","),
                    listed);
        }

        // Teachers of the class see all four, with the switch; a teacher of another class and its learner see none.
        JsonObject taught = packs(colleague, demoClass);
        assertTrue(packItems(taught, "TEACHING").contains(teaching), taught.toString());
        assertTrue(packItems(taught, "LEARNING").contains(learning));
        assertTrue(packItems(taught, "ASSESSMENT").contains(assessment));
        assertTrue(packItems(taught, "INFORMATION").contains(information));
        JsonObject item =
                RunningPlatform.json(RunningPlatform.call(colleague, "GET", "/api/resources/" + assessment, null));
        assertFalse(item.getBoolean("shownToLearners"), "hidden by default: " + item);
        assertTrue(item.getBoolean("mayShowToLearners"), "any teacher of its class: " + item);
        assertEquals(200, status(admin, "GET", "/api/resources/packs?classId=" + demoClass, null));
        assertEquals(404, status(stranger, "GET", "/api/resources/packs?classId=" + demoClass, null));
        assertEquals(404, status(strangerLearner, "GET", "/api/resources/packs?classId=" + demoClass, null));
        assertEquals(422, status(owner, "GET", "/api/resources/packs", null), "which class");

        // Showing it: not the learner, not a stranger, not another pack, not a malformed request; then a colleague.
        String visibility = "/api/resources/" + assessment + "/learner-visibility";
        assertEquals(403, status(learner, "PUT", visibility, "{\"shown\":true}"));
        assertEquals(404, status(stranger, "PUT", visibility, "{\"shown\":true}"));
        assertEquals(422, status(colleague, "PUT", visibility, "{}"));
        assertEquals(
                409,
                status(owner, "PUT", "/api/resources/" + teaching + "/learner-visibility", "{\"shown\":true}"),
                "teaching resources never reach learners");
        HttpResponse<String> shown = RunningPlatform.call(colleague, "PUT", visibility, "{\"shown\":true}");
        assertEquals(200, shown.statusCode(), shown.body());
        assertTrue(RunningPlatform.json(shown).getBoolean("shownToLearners"));
        assertTrue(packItems(packs(learner, demoClass), "ASSESSMENT").contains(assessment));
        assertEquals(200, status(learner, "GET", "/api/resources/" + assessment, null));
        assertEquals(200, Media.access(learner, assessment, null).statusCode());
        assertEquals(404, status(strangerLearner, "GET", "/api/resources/" + assessment, null), "another class's");
        try (java.sql.Connection c = MediaPipelineIT.database();
                java.sql.PreparedStatement q = c.prepareStatement(
                        "SELECT COUNT(*) FROM audit_entry WHERE action = 'SHOW_RESOURCE_TO_LEARNERS' AND detail LIKE ?")) {
            q.setString(1, "resource " + assessment + " %");
            try (java.sql.ResultSet r = q.executeQuery()) {
                r.next();
                assertEquals(1, r.getInt(1), "audited once");
            }
        }

        // Shared with another class, its teacher sees it there but does not switch it for the owning class.
        assertEquals(
                200,
                status(
                        admin,
                        "PUT",
                        "/api/resources/" + assessment + "/sharing",
                        "{\"classIds\":[" + otherClass + "]}"));
        assertEquals(200, status(stranger, "GET", "/api/resources/" + assessment, null));
        assertEquals(403, status(stranger, "PUT", visibility, "{\"shown\":false}"));

        // Hidden again: gone from the learner's pack and refused by id.
        assertEquals(200, status(owner, "PUT", visibility, "{\"shown\":false}"));
        assertFalse(packItems(packs(learner, demoClass), "ASSESSMENT").contains(assessment));
        assertEquals(404, status(learner, "GET", "/api/resources/" + assessment + "/access", null));
    }

    /**
     * A class not yet activated (the other class is a draft): its teacher prepares its packs, but its learner lists none of
     * them, by the class or by its resources' own ids — one answer, 404, as opening one of them — until it is active.
     */
    @Test
    void aLearnerOfAClassNotYetActiveNeitherListsNorOpensItsPacks() throws Exception {
        Path doc = MediaFixtures.text("draft-pack.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        long prepared = Media.publishedDocument(stranger, "LEARNING", unit, doc, otherClass);
        long information = Media.publishedDocument(stranger, "INFORMATION", null, doc, otherClass);
        JsonObject taught = packs(stranger, otherClass);
        assertTrue(packItems(taught, "LEARNING").contains(prepared), taught.toString());
        assertTrue(packItems(taught, "INFORMATION").contains(information), taught.toString());

        for (String path : List.of(
                "/api/resources/packs?classId=" + otherClass,
                "/api/resources?classId=" + otherClass,
                "/api/resources?classId=" + otherClass + "&category=INFORMATION",
                "/api/resources/" + prepared,
                "/api/resources/" + prepared + "/access",
                "/api/resources/" + information)) {
            HttpResponse<String> r = RunningPlatform.call(strangerLearner, "GET", path, null);
            assertEquals(404, r.statusCode(), path + ": " + r.body());
            assertFalse(r.body().contains("讲义"), "nothing of the class's resources: " + r.body());
        }
        HttpResponse<String> why =
                RunningPlatform.call(strangerLearner, "GET", "/api/resources/packs?classId=" + otherClass, null);
        assertTrue(RunningPlatform.json(why).getString("detail").contains("尚未开班"), why.body());
        String listed = RunningPlatform.call(strangerLearner, "GET", "/api/resources?size=200", null)
                .body();
        assertFalse(
                listed.contains("\"id\":" + prepared + ",") || listed.contains("\"id\":" + information + ","),
                "nor in the learner's list of everything: " + listed);
    }

    /**
     * The rule README states for a shared resource: shown by a teacher of its own class, an assessment resource reaches
     * the learners of an active class it is shared with too, and its teachers do not switch it; hidden, it does not. A
     * teaching resource never reaches any learner, even when its row says shown (the API refuses to set it: 409; set
     * here by hand, as an old row or a slip could).
     */
    @Test
    void aSharedResourceReachesAnotherClassesLearnersOnlyAsItsOwnClassShowsIt() throws Exception {
        String teacherName = Accounts.uniqueName("share-t");
        String learnerName = Accounts.uniqueName("share-l");
        long active = RoleMatrixIT.activeClass(admin, planId, teacherName, learnerName);
        String teacherB = RunningPlatform.token(teacherName, "Teach2026ok");
        String learnerB = RunningPlatform.token(learnerName, "Learn2026ok");
        String demoLearner = RunningPlatform.token("learner09", RunningPlatform.DEMO_PASSWORD);
        Path doc = MediaFixtures.text("shared.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        long assessment = Media.publishedDocument(owner, "ASSESSMENT", unit, doc, demoClass);
        long teaching = Media.publishedDocument(owner, "TEACHING", unit, doc, demoClass);
        for (long id : List.of(assessment, teaching)) {
            assertEquals(
                    200, status(admin, "PUT", "/api/resources/" + id + "/sharing", "{\"classIds\":[" + active + "]}"));
        }
        assertTrue(packItems(packs(teacherB, active), "TEACHING").contains(teaching), "shared with its teachers");

        // Hidden: not in the other class's packs, not by id; its teacher cannot show it.
        JsonObject hidden = packs(learnerB, active);
        assertFalse(packItems(hidden, "ASSESSMENT").contains(assessment), hidden.toString());
        assertEquals(404, status(learnerB, "GET", "/api/resources/" + assessment, null));
        String visibility = "/api/resources/" + assessment + "/learner-visibility";
        assertEquals(403, status(teacherB, "PUT", visibility, "{\"shown\":true}"), "the switch is its own class's");

        // Shown by its own class's teacher: the other class's learner has it too.
        assertEquals(200, status(owner, "PUT", visibility, "{\"shown\":true}"));
        assertTrue(packItems(packs(learnerB, active), "ASSESSMENT").contains(assessment));
        assertEquals(200, status(learnerB, "GET", "/api/resources/" + assessment, null));
        assertEquals(200, Media.access(learnerB, assessment, null).statusCode());
        assertEquals(403, status(teacherB, "PUT", visibility, "{\"shown\":false}"), "nor hides it");

        // A teaching resource flagged shown by hand: still no learner's, in either class, by any path.
        try (java.sql.Connection c = MediaPipelineIT.database();
                java.sql.PreparedStatement u =
                        c.prepareStatement("UPDATE resource SET shown_to_learners = 1 WHERE id = ?")) {
            u.setLong(1, teaching);
            assertEquals(1, u.executeUpdate());
        }
        for (String learner : List.of(learnerB, demoLearner)) {
            long classId = learner.equals(learnerB) ? active : demoClass;
            JsonObject packs = packs(learner, classId);
            assertTrue(packItems(packs, "TEACHING").isEmpty(), packs.toString());
            assertFalse(packs.toString().contains("\"id\":" + teaching + ","), packs.toString());
            for (String path : List.of(
                    "/api/resources?size=200",
                    "/api/resources?category=TEACHING&size=200",
                    "/api/resources?classId=" + classId + "&size=200",
                    "/api/resources?unitId=" + unit + "&size=200")) {
                HttpResponse<String> r = RunningPlatform.call(learner, "GET", path, null);
                assertEquals(200, r.statusCode(), r.body());
                assertFalse(r.body().contains("\"id\":" + teaching + ","), path + ": " + r.body());
            }
            assertEquals(404, status(learner, "GET", "/api/resources/" + teaching, null));
            assertEquals(404, Media.access(learner, teaching, null).statusCode());
        }

        // Hidden again by its own class: gone from the other class's learner as well.
        assertEquals(200, status(owner, "PUT", visibility, "{\"shown\":false}"));
        assertFalse(packItems(packs(learnerB, active), "ASSESSMENT").contains(assessment));
        assertEquals(404, status(learnerB, "GET", "/api/resources/" + assessment, null));
    }

    /**
     * A shown assessment resource reaches learners only inside its window (from inclusive, until exclusive), by every
     * path; a window that ends before it begins, or has already ended, is refused in words; hiding clears the window.
     */
    @Test
    void anAssessmentResourceReachesLearnersOnlyInsideItsWindow() throws Exception {
        String learner = RunningPlatform.token("learner08", RunningPlatform.DEMO_PASSWORD);
        Path doc = MediaFixtures.text("window.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        long sample = Media.publishedDocument(owner, "ASSESSMENT", unit, doc, demoClass);
        String visibility = "/api/resources/" + sample + "/learner-visibility";
        Instant now = Instant.now();

        // Shown from an hour on: not yet, by any path.
        HttpResponse<String> later = RunningPlatform.call(
                owner, "PUT", visibility, "{\"shown\":true,\"from\":\"" + now.plus(Duration.ofHours(1)) + "\"}");
        assertEquals(200, later.statusCode(), later.body());
        assertEquals(
                now.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS),
                Instant.parse(RunningPlatform.json(later).getString("shownFrom"))
                        .truncatedTo(ChronoUnit.MILLIS));
        assertFalse(packItems(packs(learner, demoClass), "ASSESSMENT").contains(sample));
        assertEquals(404, status(learner, "GET", "/api/resources/" + sample, null));
        assertEquals(404, Media.access(learner, sample, null).statusCode());
        HttpResponse<String> listed =
                RunningPlatform.call(learner, "GET", "/api/resources?category=ASSESSMENT&size=200", null);
        assertFalse(listed.body().contains("\"id\":" + sample + ","), listed.body());

        // Windows that cannot be: refused with the field named, nothing changed.
        for (String bad : List.of(
                "{\"shown\":true,\"until\":\"" + now.minus(Duration.ofMinutes(1)) + "\"}",
                "{\"shown\":true,\"from\":\"" + now.plus(Duration.ofHours(2)) + "\",\"until\":\""
                        + now.plus(Duration.ofHours(1)) + "\"}")) {
            HttpResponse<String> refused = RunningPlatform.call(owner, "PUT", visibility, bad);
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"until\""), refused.body());
            assertTrue(refused.body().contains("结束时间"), refused.body());
        }
        HttpResponse<String> garbled =
                RunningPlatform.call(owner, "PUT", visibility, "{\"shown\":true,\"from\":\"下周一\"}");
        assertEquals(422, garbled.statusCode(), garbled.body());
        assertTrue(garbled.body().contains("\"from\""), "the field is named: " + garbled.body());
        assertFalse(garbled.body().contains("Exception") || garbled.body().contains("java."), garbled.body());
        assertEquals(404, status(learner, "GET", "/api/resources/" + sample, null), "the refused ones changed nothing");

        // Inside its window: the learner has it, with until when.
        Instant until = now.plus(Duration.ofHours(1));
        assertEquals(
                200,
                status(
                        owner,
                        "PUT",
                        visibility,
                        "{\"shown\":true,\"from\":\"" + now.minus(Duration.ofMinutes(1)) + "\",\"until\":\"" + until
                                + "\"}"));
        assertTrue(packItems(packs(learner, demoClass), "ASSESSMENT").contains(sample));
        HttpResponse<String> seen = RunningPlatform.call(learner, "GET", "/api/resources/" + sample, null);
        assertEquals(200, seen.statusCode(), seen.body());
        JsonObject view = RunningPlatform.json(seen);
        assertEquals(
                until.truncatedTo(ChronoUnit.MILLIS),
                Instant.parse(view.getString("shownUntil")).truncatedTo(ChronoUnit.MILLIS));
        assertTrue(!view.containsKey("shownFrom") || view.isNull("shownFrom"), "learners are told until when only");
        HttpResponse<String> ticket = Media.access(learner, sample, null);
        assertEquals(200, ticket.statusCode(), ticket.body());
        assertFalse(
                Instant.parse(RunningPlatform.json(ticket).getString("expiresAt"))
                        .isAfter(until),
                "the learner's grant ends with the window: " + ticket.body());
        // So does the file's link that media-service presigns for the grant (else 10-15 minutes of storage's own).
        Instant soon = Instant.now().plus(Duration.ofMinutes(2));
        assertEquals(200, status(owner, "PUT", visibility, "{\"shown\":true,\"until\":\"" + soon + "\"}"));
        HttpResponse<String> file = Media.get(
                RunningPlatform.json(Media.access(learner, sample, null)).getString("fileUrl"));
        assertEquals(303, file.statusCode(), file.body());
        String location = file.headers().firstValue("Location").orElseThrow();
        java.util.regex.Matcher expires =
                java.util.regex.Pattern.compile("X-Amz-Expires=([0-9]+)").matcher(location);
        assertTrue(expires.find(), location);
        assertTrue(
                Integer.parseInt(expires.group(1)) <= 121,
                "the presigned link ends with the window (2 minutes): " + expires.group(1) + " s");

        // Hidden: the window goes with it.
        HttpResponse<String> hidden = RunningPlatform.call(owner, "PUT", visibility, "{\"shown\":false}");
        assertEquals(200, hidden.statusCode(), hidden.body());
        JsonObject after = RunningPlatform.json(hidden);
        assertTrue(!after.containsKey("shownUntil") || after.isNull("shownUntil"), hidden.body());
        assertEquals(404, status(learner, "GET", "/api/resources/" + sample, null));
    }

    @Test
    void onlyTheAuthorOrAnAdministratorEditsOrRetiresAQuestion() throws Exception {
        String question = "{\"unitId\":" + unit
                + ",\"type\":\"TRUE_FALSE\",\"difficulty\":2,\"stem\":\"直播前应检查网络。%s\",\"answer\":\"T\"}";
        HttpResponse<String> made =
                RunningPlatform.call(owner, "POST", "/api/assessment/questions", String.format(question, ""));
        assertEquals(201, made.statusCode(), made.body());
        long id = RunningPlatform.json(made).getJsonNumber("id").longValue();
        String q = "/api/assessment/questions/" + id;
        assertEquals(403, status(stranger, "PUT", q, String.format(question, "（改）")));
        assertEquals(403, status(colleague, "POST", q + "/retire", null));
        assertEquals(200, status(colleague, "GET", q, null), "the bank is shared for reading");
        HttpResponse<String> revised = RunningPlatform.call(owner, "PUT", q, String.format(question, "（作者修订）"));
        assertEquals(200, revised.statusCode(), revised.body());
        String current =
                "/api/assessment/questions/" + RunningPlatform.json(revised).getJsonNumber("id");
        assertEquals(
                403,
                status(colleague, "PUT", current, String.format(question, "（同事改）")),
                "the next version keeps its author");
        assertEquals(200, status(admin, "POST", current + "/retire", null));
    }
}
