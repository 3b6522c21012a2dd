package cn.imtp.ops.system;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Question banks for the tests, written in the import format for every unit of one table of the catalogue. */
final class QuestionBanks {

    private QuestionBanks() {}

    /**
     * {@code n} questions of each type (single, multiple, true/false) on every unit of the table of
     * {@code level} and {@code jobType} (both null: the basic course), as CSV.
     */
    /** Imports {@link #csv} unless the bank has those questions already (the same questions twice are refused). */
    static void ensureImported(String token, String level, String jobType, int n) throws Exception {
        java.net.http.HttpResponse<String> r = RunningPlatform.call(
                token,
                "POST",
                "/api/assessment/questions/import",
                csv(token, level, jobType, n),
                "Content-Type",
                "text/csv; charset=UTF-8");
        org.junit.jupiter.api.Assertions.assertTrue(
                r.statusCode() == 201 || r.statusCode() == 422 && r.body().contains("题库中已有此题"),
                r.statusCode() + " " + r.body());
    }

    static String csv(String token, String level, String jobType, int n) throws Exception {
        String path = level == null ? "/api/catalogue/tables/basic" : "/api/catalogue/tables/" + level + "/" + jobType;
        JsonObject table = RunningPlatform.json(RunningPlatform.call(token, "GET", path, null));
        String prefix = level == null ? ",," : level + "," + jobType + ",";
        StringBuilder csv = new StringBuilder(
                "level,jobType,courseCode,unit,type,difficulty,stem,A,B,C,D,E,F,answer,explanation\r\n");
        for (JsonValue m : table.getJsonArray("modules")) {
            for (JsonValue c : m.asJsonObject().getJsonArray("courses")) {
                String code = c.asJsonObject().getString("code");
                for (JsonValue u : c.asJsonObject().getJsonArray("units")) {
                    String unit = u.asJsonObject().getString("name");
                    String line = prefix + code + "," + unit + ",";
                    for (int i = 1; i <= n; i++) {
                        String stem = "\"" + unit + " 第" + i + "题";
                        csv.append(line)
                                .append("SINGLE_CHOICE,2,")
                                .append(stem)
                                .append("（单选）\",选项甲,选项乙,选项丙,选项丁,,,")
                                .append("ABCD".charAt(i % 4))
                                .append(",解析\r\n");
                        csv.append(line)
                                .append("MULTIPLE_CHOICE,3,")
                                .append(stem)
                                .append("（多选）\",选项甲,选项乙,选项丙,选项丁,选项戊,,")
                                .append(i % 2 == 0 ? "AC" : "BDE")
                                .append(",\r\n");
                        csv.append(line)
                                .append("TRUE_FALSE,1,")
                                .append(stem)
                                .append("（判断）\",,,,,,,")
                                .append(i % 2 == 0 ? "对" : "错")
                                .append(",\r\n");
                    }
                }
            }
        }
        return csv.toString();
    }
}
