package cn.imtp.lms.questionbank.entity;

import cn.imtp.platform.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import java.util.List;

/** A question's options as the database keeps them: a JSON array of texts (empty for true/false). */
public final class Options {

    private Options() {}

    public static String toJson(List<String> options) {
        JsonArrayBuilder a = Jsonp.array();
        options.forEach(a::add);
        return a.build().toString();
    }

    public static List<String> fromJson(String json) {
        try (var r = Jsonp.reader(json)) {
            return r.readArray().getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList();
        }
    }
}
