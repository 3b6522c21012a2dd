package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The course supermarket against the real catalogue. */
@ExtendWith(RunningPlatform.class)
class PlansIT {

    static String teacher;

    @BeforeAll
    static void signIn() throws Exception {
        teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
    }

    @Test
    void aNewEntrantPlanOfTheBasicCourseAndAWholeLevel5TableMeetsTheMinimum() throws Exception {
        HttpResponse<String> r = RunningPlatform.call(
                teacher,
                "POST",
                "/api/plans",
                "{\"name\":\"直播销售员五级 新入职\",\"level\":\"L5\",\"jobType\":\"LIVE_SELLER\",\"kind\":\"NEW_ENTRANT\",\"tables\":[\"basic\",\"L5/LIVE_SELLER\"]}");
        assertEquals(201, r.statusCode(), r.body());
        JsonObject plan = RunningPlatform.json(r);
        JsonObject a = plan.getJsonObject("assessment");
        assertEquals(28, a.getInt("basicHours"));
        assertEquals(52, a.getInt("skillHours"));
        assertEquals(80, a.getInt("minimumClassroomHours"));
        assertTrue(a.getBoolean("certificateEligible"), a.toString());
        assertEquals("teacher01", plan.getString("createdBy"));
        long id = plan.getJsonNumber("id").longValue();
        assertEquals(
                plan.getJsonArray("units").size(),
                RunningPlatform.json(RunningPlatform.call(teacher, "GET", "/api/plans/" + id, null))
                        .getJsonArray("units")
                        .size());
        assertTrue(
                RunningPlatform.call(teacher, "GET", "/api/plans", null).body().contains("\"id\":" + id));
    }

    @Test
    void aPlanBelowTheMinimumNamesEveryShortfall() throws Exception {
        JsonObject basic =
                RunningPlatform.json(RunningPlatform.call(teacher, "GET", "/api/catalogue/tables/basic", null));
        long oneBasicUnit = basic.getJsonArray("modules")
                .getJsonObject(0)
                .getJsonArray("courses")
                .getJsonObject(0)
                .getJsonArray("units")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        HttpResponse<String> r = RunningPlatform.call(
                teacher,
                "POST",
                "/api/plans/check",
                "{\"name\":\"四级 晋级\",\"level\":\"L4\",\"jobType\":\"VIDEO_PROMOTER\",\"kind\":\"UPGRADE\",\"unitIds\":["
                        + oneBasicUnit + "],\"tables\":[\"L5/LIVE_SELLER\"]}");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject a = RunningPlatform.json(r).getJsonObject("assessment");
        assertFalse(a.getBoolean("certificateEligible"));
        List<String> rules = a.getJsonArray("shortfalls").stream()
                .map(s -> s.asJsonObject().getString("rule"))
                .toList();
        assertEquals(
                List.of(
                        "BASIC_COURSE_MANDATORY",
                        "SKILL_UNITS_OF_OWN_TABLE",
                        "SKILL_HOURS_MINIMUM",
                        "CLASSROOM_HOURS_MINIMUM"),
                rules);
        assertEquals(11, a.getJsonArray("shortfalls").getJsonObject(0).getInt("missingHours"));
    }

    @Test
    void badDraftsAreRefusedFieldByField() throws Exception {
        HttpResponse<String> r = RunningPlatform.call(
                teacher,
                "POST",
                "/api/plans",
                "{\"name\":\"\",\"level\":\"L2\",\"jobType\":\"PLATFORM_OPERATOR\",\"kind\":\"ORDER_TRAINING\",\"unitIds\":[999999]}");
        assertEquals(422, r.statusCode(), r.body());
        List<String> fields = RunningPlatform.json(r).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .toList();
        assertEquals(
                List.of("employerOrder", "jobType", "name", "unitIds"),
                fields.stream().sorted().toList());
        HttpResponse<String> badEnum = RunningPlatform.call(teacher, "POST", "/api/plans/check", "{\"level\":\"L7\"}");
        assertEquals(422, badEnum.statusCode(), badEnum.body());
        assertEquals(
                "level",
                RunningPlatform.json(badEnum)
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
        assertTrue(badEnum.body().contains("L5") && !badEnum.body().contains("cn.imtp"), badEnum.body());
    }

    @Test
    void learnersDoNotComposePlans() throws Exception {
        String learner = RunningPlatform.token("learner09", RunningPlatform.DEMO_PASSWORD);
        assertEquals(
                403,
                RunningPlatform.call(learner, "POST", "/api/plans/check", "{}").statusCode());
    }
}
