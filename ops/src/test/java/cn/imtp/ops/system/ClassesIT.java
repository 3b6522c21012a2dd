package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Classes against the real stack: the demo class, visibility, roster import, and activation rules. */
@ExtendWith(RunningPlatform.class)
class ClassesIT {

    static String admin;

    @BeforeAll
    static void signIn() throws Exception {
        admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
    }

    static JsonObject ok(HttpResponse<String> r) {
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
        return RunningPlatform.json(r);
    }

    static List<String> rules(HttpResponse<String> r) {
        return RunningPlatform.json(r).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .toList();
    }

    @Test
    void theDemoClassIsActiveWithThirtyLearnersAndSeenOnlyByItsMembers() throws Exception {
        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        JsonObject page = ok(RunningPlatform.call(teacher, "GET", "/api/classes", null));
        JsonObject demo = page.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("直播销售员五级 线上演示班"))
                .findFirst()
                .orElseThrow();
        assertEquals("ACTIVE", demo.getString("status"));
        assertEquals(30, demo.getInt("learners"));
        long id = demo.getJsonNumber("id").longValue();
        JsonObject full = ok(RunningPlatform.call(teacher, "GET", "/api/classes/" + id, null));
        assertEquals(45, full.getInt("classHourMinutes"));
        assertTrue(full.getJsonArray("lessons").size() >= 41);
        assertTrue(full.getJsonArray("learners")
                .getJsonObject(0)
                .getString("idNumberMasked")
                .contains("*"));
        assertEquals(
                List.of(),
                jakarta.json.Json.createReader(new java.io.StringReader(
                                RunningPlatform.call(admin, "GET", "/api/classes/" + id + "/check", null)
                                        .body()))
                        .readArray());

        String member = RunningPlatform.token("learner30", RunningPlatform.DEMO_PASSWORD);
        HttpResponse<String> seenByLearner = RunningPlatform.call(member, "GET", "/api/classes/" + id, null);
        assertEquals(200, seenByLearner.statusCode());
        // A learner sees classmates by name only: no account ids, user names or identity numbers of anyone else.
        JsonObject asLearner = RunningPlatform.json(seenByLearner);
        List<JsonObject> mates = asLearner.getJsonArray("learners").stream()
                .map(JsonValue::asJsonObject)
                .toList();
        assertEquals(30, mates.size());
        List<JsonObject> withData = mates.stream()
                .filter(m -> m.containsKey("username") || m.containsKey("idNumberMasked") || m.containsKey("accountId"))
                .toList();
        assertEquals(1, withData.size(), withData.toString());
        assertEquals("learner30", withData.get(0).getString("username"));
        assertTrue(mates.stream().allMatch(m -> !m.getString("fullName").isBlank()));
        assertTrue(
                asLearner.getJsonArray("teachers").stream()
                        .map(JsonValue::asJsonObject)
                        .noneMatch(t -> t.containsKey("username")),
                asLearner.getJsonArray("teachers").toString());
        for (int n = 1; n <= 29; n++) {
            assertTrue(
                    !seenByLearner.body().contains(String.format("learner%02d", n)),
                    "learner30 sees learner" + n + "'s user name");
        }
        String outsider = Accounts.uniqueName("outsider");
        Accounts.createLearner(admin, outsider, "Outside2026");
        String outsiderToken = RunningPlatform.token(outsider, "Outside2026");
        assertEquals(
                0,
                ok(RunningPlatform.call(outsiderToken, "GET", "/api/classes", null))
                        .getInt("total"));
        assertEquals(
                404,
                RunningPlatform.call(outsiderToken, "GET", "/api/classes/" + id, null)
                        .statusCode());
        assertEquals(
                403,
                RunningPlatform.call(member, "POST", "/api/classes/" + id + "/activate", null)
                        .statusCode());
    }

    @Test
    void aClassIsActivatedOnlyWhenTheRulesHold() throws Exception {
        JsonObject plan = ok(
                RunningPlatform.call(
                        admin,
                        "POST",
                        "/api/plans",
                        "{\"name\":\"选品员五级\",\"level\":\"L5\",\"jobType\":\"PRODUCT_SELECTOR\",\"kind\":\"NEW_ENTRANT\",\"tables\":[\"basic\",\"L5/PRODUCT_SELECTOR\"]}"));
        LocalDate start = LocalDate.of(2027, 3, 1);
        JsonObject created = ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/classes",
                Json.createObjectBuilder()
                        .add("name", "选品员五级 " + System.nanoTime())
                        .add("planId", plan.getJsonNumber("id").longValue())
                        .add("deliveryMode", "BLENDED")
                        .add("startsOn", start.toString())
                        .add("endsOn", start.plusDays(20).toString())
                        .build()
                        .toString()));
        long id = created.getJsonNumber("id").longValue();

        // A roster with one bad row imports nothing and names the row.
        StringBuilder csv = new StringBuilder("username,fullName,idType,idNumber,phone\n");
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 31; i++) {
            String name = Accounts.uniqueName("r");
            names.add(name);
            // Quoted as RFC 4180 has it: the first learner's name holds a comma.
            csv.append(name)
                    .append(i == 0 ? ",\"学员, 甲\"" : ",学员" + i)
                    .append(",,")
                    .append(Accounts.validIdNumber())
                    .append(",13912345678\n");
        }
        // A file beyond the limit is refused whole; a file of many bad lines is told of its first hundred.
        assertEquals(
                413,
                send(
                                admin,
                                "/api/classes/" + id + "/roster",
                                "username,fullName,idType,idNumber,phone\n" + "x".repeat(3 << 20))
                        .statusCode());
        HttpResponse<String> flood = send(
                admin,
                "/api/classes/" + id + "/roster",
                "username,fullName,idType,idNumber,phone\n" + "bad,,,,\n".repeat(5000));
        assertEquals(422, flood.statusCode());
        assertEquals(101, RunningPlatform.json(flood).getJsonArray("errors").size());
        assertTrue(flood.body().length() < 20_000, flood.body().length() + " characters");
        String bad = csv + "broken,坏行,,123,13912345678\n";
        HttpResponse<String> refused = send(admin, "/api/classes/" + id + "/roster", bad);
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(List.of("line 33"), rules(refused));
        assertEquals(
                401,
                RunningPlatform.login(names.get(0), "whatever1").statusCode(),
                "nothing of the refused file exists");
        assertEquals(
                0,
                ok(RunningPlatform.call(admin, "GET", "/api/classes/" + id, null))
                        .getJsonArray("learners")
                        .size());

        HttpResponse<String> imported = send(admin, "/api/classes/" + id + "/roster", csv.toString());
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(
                31,
                jakarta.json.Json.createReader(new java.io.StringReader(imported.body()))
                        .readArray()
                        .size());
        assertTrue(ok(RunningPlatform.call(admin, "GET", "/api/classes/" + id, null)).getJsonArray("learners").stream()
                .anyMatch(l -> l.asJsonObject().getString("fullName").equals("学员, 甲")));

        long teacher01 = accountId("teacher01");
        long teacher02 = accountId("teacher02");
        ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/classes/" + id + "/teachers",
                "{\"accountId\":" + teacher01 + ",\"duty\":\"THEORY\"}"));
        ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/classes/" + id + "/teachers",
                "{\"accountId\":" + teacher02 + ",\"duty\":\"PRACTICAL\"}"));
        HttpResponse<String> early = RunningPlatform.call(admin, "POST", "/api/classes/" + id + "/activate", null);
        assertEquals(422, early.statusCode());
        Set<String> violated = Set.copyOf(rules(early));
        assertEquals(Set.of("TEACHER_RATIO", "SCHEDULE_COVERAGE"), violated, early.body());

        // A second teacher of each duty: one of them holds only a level-4 certificate.
        String weak = Accounts.uniqueName("weak-teacher");
        long weakId = createTeacher(weak);
        ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/teachers/" + weakId + "/credentials",
                "{\"kind\":\"CERTIFICATE\",\"level\":\"L4\",\"issuedOn\":\"2021-05-01\",\"reference\":\"C-4\"}"));
        ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/classes/" + id + "/teachers",
                "{\"accountId\":" + weakId + ",\"duty\":\"THEORY\"}"));
        ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/classes/" + id + "/teachers",
                "{\"accountId\":" + teacher02 + ",\"duty\":\"THEORY\"}"));
        ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/classes/" + id + "/teachers",
                "{\"accountId\":" + teacher01 + ",\"duty\":\"PRACTICAL\"}"));
        List<String> stillWrong = rules(RunningPlatform.call(admin, "POST", "/api/classes/" + id + "/activate", null));
        assertTrue(
                stillWrong.contains("TEACHER_QUALIFICATION") && !stillWrong.contains("TEACHER_RATIO"),
                stillWrong.toString());
        ok(
                RunningPlatform.call(
                        admin,
                        "POST",
                        "/api/teachers/" + weakId + "/credentials",
                        "{\"kind\":\"TITLE\",\"titleGrade\":\"INTERMEDIATE\",\"issuedOn\":\"2020-01-01\",\"reference\":\"T-1\"}"));

        // The schedule: one lesson per unit with its hours, taught by the theory teacher.
        LocalDate day = start;
        for (JsonValue u : plan.getJsonArray("units")) {
            JsonObject unit = u.asJsonObject();
            ok(RunningPlatform.call(
                    admin,
                    "POST",
                    "/api/classes/" + id + "/lessons",
                    Json.createObjectBuilder()
                            .add("unitId", unit.getJsonNumber("id").longValue())
                            .add("date", day.toString())
                            .add("start", "09:00:00")
                            .add("classHours", unit.getInt("hours"))
                            .add("teacherId", teacher01)
                            .add("mode", "LIVE")
                            .build()
                            .toString()));
            day = day.getDayOfMonth() % 15 == 0 ? start : day.plusDays(1);
        }
        JsonObject active = ok(RunningPlatform.call(admin, "POST", "/api/classes/" + id + "/activate", null));
        assertEquals("ACTIVE", active.getString("status"));
        assertEquals(45, active.getInt("classHourMinutes"));
        assertEquals(
                409,
                RunningPlatform.call(
                                admin,
                                "POST",
                                "/api/classes/" + id + "/teachers",
                                "{\"accountId\":" + teacher01 + ",\"duty\":\"THEORY\"}")
                        .statusCode());
    }

    @Test
    void aClassAboveLevel5NeedsLearnersWithTheLowerCertificateOrAnApproval() throws Exception {
        JsonObject plan = ok(
                RunningPlatform.call(
                        admin,
                        "POST",
                        "/api/plans",
                        "{\"name\":\"直播销售员四级 晋级\",\"level\":\"L4\",\"jobType\":\"LIVE_SELLER\",\"kind\":\"UPGRADE\",\"tables\":[\"basic\",\"L4/LIVE_SELLER\"]}"));
        assertTrue(plan.getJsonObject("assessment").getBoolean("certificateEligible"), plan.toString());
        long id = ok(RunningPlatform.call(
                        admin,
                        "POST",
                        "/api/classes",
                        Json.createObjectBuilder()
                                .add("name", "直播销售员四级 " + System.nanoTime())
                                .add("planId", plan.getJsonNumber("id").longValue())
                                .add("deliveryMode", "ONLINE")
                                .add("startsOn", "2027-04-01")
                                .add("endsOn", "2027-04-30")
                                .build()
                                .toString()))
                .getJsonNumber("id")
                .longValue();
        String holder = Accounts.uniqueName("holder");
        String approved = Accounts.uniqueName("approved");
        long holderId = Accounts.createLearner(admin, holder, "Holder2026")
                .getJsonNumber("id")
                .longValue();
        long approvedId = Accounts.createLearner(admin, approved, "Approved2026")
                .getJsonNumber("id")
                .longValue();
        ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/classes/" + id + "/learners",
                "{\"accountIds\":[" + holderId + "," + approvedId + "]}"));
        ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/classes/" + id + "/teachers",
                "{\"accountId\":" + accountId("teacher01") + ",\"duty\":\"THEORY\"}"));
        ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/classes/" + id + "/teachers",
                "{\"accountId\":" + accountId("teacher02") + ",\"duty\":\"PRACTICAL\"}"));
        List<String> before = checkRules(id);
        assertEquals(2, before.stream().filter("LEARNER_ELIGIBILITY"::equals).count(), before.toString());
        assertEquals(Set.of("LEARNER_ELIGIBILITY", "SCHEDULE_COVERAGE"), Set.copyOf(before));

        String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
        assertEquals(
                403,
                RunningPlatform.call(
                                teacher,
                                "POST",
                                "/api/learners/" + holderId + "/qualifications",
                                "{\"kind\":\"CERTIFICATE\",\"level\":\"L5\",\"dated\":\"2025-06-30\",\"reference\":\"C-5\"}")
                        .statusCode());
        ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/learners/" + holderId + "/qualifications",
                "{\"kind\":\"CERTIFICATE\",\"level\":\"L5\",\"dated\":\"2025-06-30\",\"reference\":\"C-5\"}"));
        HttpResponse<String> noReason = RunningPlatform.call(
                teacher,
                "POST",
                "/api/learners/" + approvedId + "/qualifications",
                "{\"kind\":\"APPROVAL\",\"level\":\"L4\",\"dated\":\"2026-11-01\"}");
        assertEquals(422, noReason.statusCode());
        assertEquals(List.of("reason"), rules(noReason));
        ok(
                RunningPlatform.call(
                        teacher,
                        "POST",
                        "/api/learners/" + approvedId + "/qualifications",
                        "{\"kind\":\"APPROVAL\",\"level\":\"L4\",\"dated\":\"2026-11-01\",\"reason\":\"三年直播销售从业经历，符合国家职业标准申报条件\"}"));
        assertEquals(
                List.of("SCHEDULE_COVERAGE"), checkRules(id).stream().distinct().toList());
        // A learner of none of the teacher's classes: the teacher neither reads nor approves (404, as for no learner).
        long outsiderId = Accounts.createLearner(admin, Accounts.uniqueName("elsewhere"), "Elsewhere2026")
                .getJsonNumber("id")
                .longValue();
        assertEquals(
                404,
                RunningPlatform.call(teacher, "GET", "/api/learners/" + outsiderId + "/qualifications", null)
                        .statusCode());
        assertEquals(
                404,
                RunningPlatform.call(
                                teacher,
                                "POST",
                                "/api/learners/" + outsiderId + "/qualifications",
                                "{\"kind\":\"APPROVAL\",\"level\":\"L4\",\"dated\":\"2026-11-01\",\"reason\":\"代他人审批\"}")
                        .statusCode());
        assertEquals(
                200,
                RunningPlatform.call(admin, "GET", "/api/learners/" + outsiderId + "/qualifications", null)
                        .statusCode());
        assertEquals(
                "teacher01",
                jakarta.json.Json.createReader(new java.io.StringReader(RunningPlatform.call(
                                        admin, "GET", "/api/learners/" + approvedId + "/qualifications", null)
                                .body()))
                        .readArray()
                        .getJsonObject(0)
                        .getString("recordedBy"));
    }

    /**
     * A new class on the plan, active from today: the learner enrolled, {@code theoryTeacherId} teaching theory and
     * every unit's lesson, teacher02 practice.
     */
    static long activeClass(String admin, long planId, long learnerId, long theoryTeacherId) throws Exception {
        return activeClass(admin, planId, List.of(learnerId), theoryTeacherId, null);
    }

    /** The same with several learners and, when {@code presenceChecks} is given, face checks. */
    static long activeClass(
            String admin, long planId, List<Long> learnerIds, long theoryTeacherId, JsonObject presenceChecks)
            throws Exception {
        return activeClass(admin, planId, learnerIds, theoryTeacherId, presenceChecks, true);
    }

    /** The same, leading to a level certificate (both kinds of exam required) or not (the class's own exams only). */
    static long activeClass(
            String admin,
            long planId,
            List<Long> learnerIds,
            long theoryTeacherId,
            JsonObject presenceChecks,
            boolean leadsToCertificate)
            throws Exception {
        LocalDate start = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var request = Json.createObjectBuilder()
                .add("name", "测试班 " + System.nanoTime())
                .add("planId", planId)
                .add("deliveryMode", "ONLINE")
                .add("startsOn", start.toString())
                .add("endsOn", start.plusDays(30).toString())
                .add("leadsToCertificate", leadsToCertificate);
        if (presenceChecks != null) {
            request.add("presenceChecks", presenceChecks);
        }
        long id = ok(RunningPlatform.call(
                        admin, "POST", "/api/classes", request.build().toString()))
                .getJsonNumber("id")
                .longValue();
        ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/classes/" + id + "/learners",
                Json.createObjectBuilder()
                        .add("accountIds", Json.createArrayBuilder(learnerIds))
                        .build()
                        .toString()));
        ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/classes/" + id + "/teachers",
                "{\"accountId\":" + theoryTeacherId + ",\"duty\":\"THEORY\"}"));
        ok(RunningPlatform.call(
                admin,
                "POST",
                "/api/classes/" + id + "/teachers",
                "{\"accountId\":" + Accounts.teacherId(admin, "teacher02") + ",\"duty\":\"PRACTICAL\"}"));
        LocalDate day = start;
        for (JsonValue u : RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/plans/" + planId, null))
                .getJsonArray("units")) {
            JsonObject unit = u.asJsonObject();
            ok(RunningPlatform.call(
                    admin,
                    "POST",
                    "/api/classes/" + id + "/lessons",
                    Json.createObjectBuilder()
                            .add("unitId", unit.getJsonNumber("id").longValue())
                            .add("date", day.toString())
                            .add("start", "09:00:00")
                            .add("classHours", unit.getInt("hours"))
                            .add("teacherId", theoryTeacherId)
                            .add("mode", "LIVE")
                            .build()
                            .toString()));
            day = day.plusDays(1).isAfter(start.plusDays(29)) ? start : day.plusDays(1);
        }
        HttpResponse<String> activated = RunningPlatform.call(admin, "POST", "/api/classes/" + id + "/activate", null);
        assertEquals(200, activated.statusCode(), activated.body());
        return id;
    }

    /**
     * A class of the plan still being set up (March 2027, online), named {@code name} and a number, with
     * {@code teacherId} teaching its theory when given: a class of the same plan that is not the one under test.
     */
    static long draftClass(String admin, long planId, String name, Long teacherId) throws Exception {
        long id = ok(RunningPlatform.call(
                        admin,
                        "POST",
                        "/api/classes",
                        Json.createObjectBuilder()
                                .add("name", name + " " + System.nanoTime())
                                .add("planId", planId)
                                .add("deliveryMode", "ONLINE")
                                .add("startsOn", "2027-03-01")
                                .add("endsOn", "2027-03-31")
                                .build()
                                .toString()))
                .getJsonNumber("id")
                .longValue();
        if (teacherId != null) {
            ok(RunningPlatform.call(
                    admin,
                    "POST",
                    "/api/classes/" + id + "/teachers",
                    "{\"accountId\":" + teacherId + ",\"duty\":\"THEORY\"}"));
        }
        return id;
    }

    static List<String> checkRules(long classId) throws Exception {
        return jakarta.json.Json.createReader(new java.io.StringReader(
                        RunningPlatform.call(admin, "GET", "/api/classes/" + classId + "/check", null)
                                .body()))
                .readArray()
                .stream()
                .map(v -> v.asJsonObject().getString("rule"))
                .toList();
    }

    @Test
    void badClassesAndLessonsAreExplained() throws Exception {
        HttpResponse<String> r = RunningPlatform.call(
                admin,
                "POST",
                "/api/classes",
                "{\"name\":\" \",\"planId\":999999,\"deliveryMode\":\"ONLINE\",\"startsOn\":\"2027-01-10\",\"endsOn\":\"2027-01-01\"}");
        assertEquals(422, r.statusCode());
        assertEquals(Set.of("name", "planId", "endsOn"), Set.copyOf(rules(r)));

        // Days that are no days: each named, in the reader's language, never a parser's words or a generic 400.
        String garbled =
                "{\"name\":\"日期有误\",\"planId\":999999,\"deliveryMode\":\"ONLINE\",\"startsOn\":\"2027-02-30\",\"endsOn\":\"下个月\"}";
        HttpResponse<String> zh = RunningPlatform.call(admin, "POST", "/api/classes", garbled);
        assertEquals(422, zh.statusCode(), zh.body());
        assertEquals(Set.of("planId", "startsOn", "endsOn"), Set.copyOf(rules(zh)), zh.body());
        assertTrue(zh.body().contains("2026-12-10"), "says how to write a date: " + zh.body());
        HttpResponse<String> en = RunningPlatform.call(admin, "POST", "/api/classes", garbled, "Accept-Language", "en");
        assertTrue(en.body().contains("not a date"), en.body());
        for (HttpResponse<String> x : List.of(zh, en)) {
            assertFalse(x.body().matches("(?s).*(java\\.|Exception|LocalDate|could not be parsed|Text ').*"), x.body());
        }

        // A lesson on no day, at no time: both named, nothing scheduled.
        long planId = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/plans?size=1", null))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        long draft = draftClass(admin, planId, "日期有误的课次", null);
        HttpResponse<String> lesson = RunningPlatform.call(
                admin,
                "POST",
                "/api/classes/" + draft + "/lessons",
                "{\"unitId\":1,\"date\":\"2027-13-01\",\"start\":\"25:00\",\"classHours\":2,\"mode\":\"LIVE\"}");
        assertEquals(422, lesson.statusCode(), lesson.body());
        assertTrue(rules(lesson).containsAll(List.of("date", "start")), lesson.body());
        assertFalse(lesson.body().contains("Exception") || lesson.body().contains("java."), lesson.body());
        assertEquals(
                0,
                ok(RunningPlatform.call(admin, "GET", "/api/classes/" + draft, null))
                        .getJsonArray("lessons")
                        .size());
        HttpResponse<String> schedule = RunningPlatform.call(
                admin, "POST", "/api/classes/" + draft + "/schedule", "{\"hoursPerDay\":8,\"dayStarts\":\"九点\"}");
        assertEquals(422, schedule.statusCode(), schedule.body());
        assertEquals(List.of("dayStarts"), rules(schedule), schedule.body());
    }

    static HttpResponse<String> send(String token, String path, String csv) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(RunningPlatform.uri(path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "text/csv; charset=UTF-8")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    static long accountId(String username) throws Exception {
        return Accounts.teacherId(admin, username);
    }

    static long createTeacher(String username) throws Exception {
        return ok(RunningPlatform.call(
                        admin,
                        "POST",
                        "/api/accounts",
                        "{\"username\":\"" + username
                                + "\",\"role\":\"TEACHER\",\"fullName\":\"测试教师\",\"password\":\"Teach2026pw\"}"))
                .getJsonObject("account")
                .getJsonNumber("id")
                .longValue();
    }
}
