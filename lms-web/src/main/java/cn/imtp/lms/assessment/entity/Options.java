package cn.imtp.lms.assessment.entity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;

/** A question's options as the database keeps them: a JSON array of texts (empty for true/false). */
final class Options {

    private Options() {
    }

    static String toJson(List<String> options) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        options.forEach(a::add);
        return a.build().toString();
    }

    static List<String> fromJson(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }
}
