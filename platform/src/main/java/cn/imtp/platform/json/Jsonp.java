package cn.imtp.platform.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * JSON-P through one provider, looked up once. {@code Json.createReader()} and its siblings look the
 * provider up on every call, a class-path scan under the jar file's lock: on the token check of every
 * request it made requests queue behind each other (measured with {@code ops/bench/heartbeats}). Code
 * of the platform uses these instead of {@code jakarta.json.Json}.
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {}

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonReader reader(String json) {
        return PROVIDER.createReader(new StringReader(json));
    }

    public static JsonObject parseObject(String json) {
        try (JsonReader r = reader(json)) {
            return r.readObject();
        }
    }
}
