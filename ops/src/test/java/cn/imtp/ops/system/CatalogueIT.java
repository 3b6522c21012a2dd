package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The training package as imported at start-up, through the catalogue API. */
@ExtendWith(RunningPlatform.class)
class CatalogueIT {

    static String learner;

    @BeforeAll
    static void signIn() throws Exception {
        learner = RunningPlatform.token("learner07", RunningPlatform.DEMO_PASSWORD);
    }

    static JsonObject get(String path) throws Exception {
        HttpResponse<String> r = RunningPlatform.call(learner, "GET", path, null);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return RunningPlatform.json(r);
    }

    @Test
    void theSummaryHasTheAllocationTableAndEveryTable() throws Exception {
        JsonObject summary = get("/api/catalogue");
        assertEquals("2021", summary.getString("edition"));
        assertEquals(5, summary.getJsonArray("hoursAllocation").size());
        JsonObject l4 = summary.getJsonArray("hoursAllocation").getJsonObject(1);
        assertEquals("L4", l4.getString("level"));
        assertEquals(
                List.of(12, 58, 40, 110),
                List.of(
                        l4.getInt("basicHours"),
                        l4.getInt("skillHours"),
                        l4.getInt("otherHours"),
                        l4.getInt("totalHours")));
        assertEquals(19, summary.getJsonArray("tables").size());
        JsonObject basic = summary.getJsonArray("tables").getJsonObject(0);
        assertEquals(JsonValue.NULL, basic.get("level"));
        assertEquals(JsonValue.NULL, basic.get("jobType"));
        assertEquals(28, basic.getInt("statedTotalHours"));
    }

    @Test
    void aSkillCourseWithModulesCoursesAndUnits() throws Exception {
        JsonObject table = get("/api/catalogue/tables/L5/LIVE_SELLER");
        assertEquals(52, table.getInt("statedTotalHours"));
        assertEquals(52, table.getInt("unitHours"));
        JsonObject course = table.getJsonArray("modules")
                .getJsonObject(1)
                .getJsonArray("courses")
                .getJsonObject(0);
        assertEquals("2-1", course.getString("code"));
        assertEquals("直播预演", course.getString("name"));
        JsonObject unit = course.getJsonArray("units").getJsonObject(0);
        assertEquals("撰写单品直播脚本", unit.getString("name"));
        assertEquals(5, unit.getInt("hours"));

        JsonObject detail =
                get("/api/catalogue/units/" + unit.getJsonNumber("id").longValue());
        assertEquals("L5", detail.getString("level"));
        assertEquals("LIVE_SELLER", detail.getString("jobType"));
        assertEquals("2-1 直播预演", detail.getString("course"));
        JsonObject weight = detail.getJsonObject("theoryWeight");
        assertEquals(56, weight.getInt("moduleWeight"));
        assertEquals(24, weight.getInt("courseWeight"));
        assertTrue(weight.getBoolean("assessedByName"));
        JsonObject practical = detail.getJsonObject("practicalWeight");
        assertEquals(
                List.of("50", "20", "HANDS_ON", "15", "X"),
                List.of(
                        practical.get("moduleWeight").toString(),
                        practical.get("contentWeight").toString(),
                        practical.getString("form"),
                        practical.get("minutes").toString(),
                        practical.getString("importance")),
                "2.3.3: 2-1 直播预演 20 % 实操 必考 15 min X");
        JsonObject spec = detail.getJsonObject("specification");
        assertEquals("SAME_NAME", detail.getString("specificationMatch"));
        assertEquals(
                List.of("2.2.2", "撰写单品直播脚本", "5"),
                List.of(
                        spec.getString("section"),
                        spec.getString("name"),
                        spec.get("hours").toString()));
        assertTrue(
                spec.getJsonArray("content").size() >= 2
                        && !spec.getJsonArray("keyPoints").isEmpty(),
                spec.toString());
        JsonObject lecture = spec.getJsonArray("methods").getJsonObject(0);
        assertEquals("讲授法", lecture.getString("name"));
        assertTrue(lecture.getString("description").startsWith("讲授法指教师通过口头语言表达的方式"), "explained by section 2.2.7");
        JsonObject requirements = detail.getJsonObject("requirements");
        assertEquals(
                List.of("2.1.2", "2-1", "直播预演"),
                List.of(
                        requirements.getString("section"),
                        requirements.getString("contentCode"),
                        requirements.getString("contentName")));
        assertEquals(
                List.of("能撰写单品直播脚本", "能进行单品直播预演"),
                requirements.getJsonArray("targets").stream()
                        .map(x -> x.asJsonObject().getString("text"))
                        .toList());
    }

    @Test
    void aUnitThatSection22DescribesWithItsWholeCourseSaysSo() throws Exception {
        JsonObject table = get("/api/catalogue/tables/basic");
        JsonObject course = table.getJsonArray("modules")
                .getJsonObject(2)
                .getJsonArray("courses")
                .getJsonObject(1);
        assertEquals("3-2", course.getString("code"));
        for (JsonValue u : course.getJsonArray("units")) {
            JsonObject detail = get("/api/catalogue/units/"
                    + u.asJsonObject().getJsonNumber("id").longValue());
            assertEquals("WHOLE_COURSE", detail.getString("specificationMatch"));
            JsonObject spec = detail.getJsonObject("specification");
            assertEquals("互联网营销定义、分类和职能", spec.getString("name"));
            assertEquals(
                    List.of("互联网营销定义", "互联网营销分类", "互联网营销职能"),
                    spec.getJsonArray("content").stream()
                            .map(c -> c.asJsonObject().getString("text"))
                            .toList());
            assertEquals(
                    "①互联网营销的概念",
                    spec.getJsonArray("content")
                            .getJsonObject(0)
                            .getJsonArray("points")
                            .getString(0));
        }
        JsonObject l1 = get("/api/catalogue/units/"
                + get("/api/catalogue/tables/L1/LIVE_SELLER")
                        .getJsonArray("modules")
                        .getJsonObject(0)
                        .getJsonArray("courses")
                        .getJsonObject(1)
                        .getJsonArray("units")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue());
        assertEquals("SAME_PLACE", l1.getString("specificationMatch"), "1.1.2 '直播用户管理方案', 2.2.6 '用户管理的方法'");
        assertEquals(
                List.of("2.2.6", "用户管理的方法"),
                List.of(
                        l1.getJsonObject("specification").getString("section"),
                        l1.getJsonObject("specification").getString("name")));
    }

    @Test
    void theExportHasTheDocumentedShape() throws Exception {
        JsonObject export = get("/api/catalogue/export");
        assertEquals("2021", export.getString("edition"));
        assertEquals(5, export.getJsonArray("hoursAllocation").size());
        assertEquals(19, export.getJsonArray("tables").size());
        assertEquals(19, export.getJsonArray("assessment").size());
        JsonObject basicBlueprint = export.getJsonArray("assessment").getJsonObject(0);
        assertEquals("2.3.1", basicBlueprint.getString("section"));
        assertEquals(
                List.of(20, 8, 16, 21, 15, 10, 10),
                basicBlueprint.getJsonArray("modules").stream()
                        .map(m -> m.asJsonObject().getInt("weight"))
                        .toList());
        assertEquals(18, export.getJsonArray("practicalAssessment").size());
        JsonObject blueprints = get("/api/catalogue/tables/L4/PLATFORM_OPERATOR/blueprints");
        assertEquals("2.3.4", blueprints.getJsonObject("theory").getString("section"));
        assertEquals("2.3.5", blueprints.getJsonObject("practical").getString("section"));
        JsonObject basic = get("/api/catalogue/tables/basic/blueprints");
        assertTrue(
                basic.containsKey("theory") && (!basic.containsKey("practical") || basic.isNull("practical")),
                "the basic course has a theory blueprint only");
        JsonObject practical = export.getJsonArray("practicalAssessment").getJsonObject(1);
        assertEquals("LIVE_SELLER", practical.getString("jobType"));
        assertEquals(90, practical.getInt("totalMinutes"));
        JsonObject rehearsal = practical
                .getJsonArray("modules")
                .getJsonObject(1)
                .getJsonArray("contents")
                .getJsonObject(0);
        assertEquals(
                List.of("2-1", "直播预演", "20", "HANDS_ON", "true", "15", "X"),
                List.of(
                        rehearsal.getString("code"),
                        rehearsal.getString("name"),
                        rehearsal.get("weight").toString(),
                        rehearsal.getString("form"),
                        rehearsal.get("required").toString(),
                        rehearsal.get("minutes").toString(),
                        rehearsal.getString("importance")));
        int units = 0;
        for (JsonValue t : export.getJsonArray("tables")) {
            for (JsonValue m : t.asJsonObject().getJsonArray("modules")) {
                for (JsonValue c : m.asJsonObject().getJsonArray("courses")) {
                    units += c.asJsonObject().getJsonArray("units").size();
                }
            }
        }
        assertTrue(units > 300, "units: " + units);
        assertEquals(
                318,
                export.getJsonArray("courseSpecifications").size(),
                "every unit of 1.1.2 but one: 2.2.1 has one unit for 3-2's two");
        JsonObject laws = export.getJsonArray("courseSpecifications").getJsonObject(26);
        assertEquals(List.of("2.2.1", "7-2"), List.of(laws.getString("section"), laws.getString("courseCode")));
        assertEquals(22, laws.getJsonArray("content").size());
        assertEquals(144, export.getJsonArray("trainingRequirements").size(), "one per course of 1.1.2");
    }

    @Test
    void theIntegrityReportListsTheSeedsContradictions() throws Exception {
        HttpResponse<String> r = RunningPlatform.call(learner, "GET", "/api/catalogue/integrity", null);
        assertEquals(200, r.statusCode());
        var found = jakarta.json.Json.createReader(new java.io.StringReader(r.body()))
                .readArray();
        assertEquals(115, found.size(), r.body());
        assertEquals(
                List.of("13441;13446-13448", "14007;14012"),
                found.stream()
                        .map(JsonValue::asJsonObject)
                        .filter(d -> d.getString("kind").equals("PAGE_BREAK_REJOINED"))
                        .map(d -> d.getString("seedLines"))
                        .toList(),
                "the key points cut by a page break, rejoined and listed");
        assertEquals(
                14,
                found.stream()
                        .filter(d -> d.asJsonObject().getString("kind").equals("METHOD_UNDEFINED"))
                        .count(),
                "methods that section 2.2.7 does not explain, e.g. 研讨法");
        assertEquals(
                84,
                found.stream()
                        .filter(d -> d.asJsonObject().getString("kind").equals("NAME_MISMATCH"))
                        .count());
        assertEquals(
                1,
                found.stream()
                        .filter(d -> d.asJsonObject().getString("kind").equals("SPEC_STRUCTURE"))
                        .count());
        assertEquals(
                2,
                found.stream()
                        .filter(d -> d.asJsonObject().getString("kind").equals("PRACTICAL_MODULE_WEIGHT"))
                        .count());
        JsonObject first = found.getJsonObject(0);
        assertEquals(
                List.of("section", "level", "jobType", "kind", "message", "seedLines"), List.copyOf(first.keySet()));
        assertEquals("1282-1314", first.getString("seedLines"));
        assertEquals("TABLE_TOTAL", first.getString("kind"));
        JsonObject message = first.getJsonObject("message");
        assertTrue(
                message.getString("en").contains("the units add up to 48 class hours, but the table states 46"),
                message.toString());
        assertTrue(message.getString("zh").contains("各学习单元的课堂学时之和为 48，但表中“课堂学时合计”为 46"), message.toString());
    }

    @Test
    void badLevelsAndMissingTablesAreExplained() throws Exception {
        HttpResponse<String> bad = RunningPlatform.call(learner, "GET", "/api/catalogue/tables/L9/LIVE_SELLER", null);
        assertEquals(422, bad.statusCode());
        assertEquals(
                "level",
                RunningPlatform.json(bad)
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
        HttpResponse<String> none =
                RunningPlatform.call(learner, "GET", "/api/catalogue/tables/L1/PLATFORM_OPERATOR", null);
        assertEquals(404, none.statusCode());
        assertTrue(RunningPlatform.json(none).getString("detail").contains("L5 至 L3"));
        assertEquals(
                401, RunningPlatform.call(null, "GET", "/api/catalogue", null).statusCode());
    }
}
