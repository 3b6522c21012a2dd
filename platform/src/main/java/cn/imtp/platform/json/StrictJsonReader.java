package cn.imtp.platform.json;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads every JSON request body bound to a record, strictly and field by field: a value of the wrong type, a number
 * beyond its field's range (JSON-B would read 1e300 as 0 into a long), a fraction where a whole number belongs or a
 * name that is not one of an enum's is a 422 naming the field ({@code played[2].fromMs}) and saying what it takes,
 * never a library's message or a Java class. Text that is not JSON at all is a 400. Unknown fields are ignored, an
 * empty body is null (the resource says what it needs), and types with a textual form of their own (dates, times,
 * instants) are read by JSON-B, value by value.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJsonReader implements MessageBodyReader<Record> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream entity)
            throws IOException {
        PushbackInputStream in = new PushbackInputStream(entity, 1);
        int first = in.read();
        if (first < 0) {
            return null;
        }
        in.unread(first);
        JsonValue body;
        try (JsonReader reader = Json.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            body = reader.readValue();
        } catch (JsonParsingException e) {
            String at = e.getLocation() == null
                    ? ""
                    : e.getLocation().getLineNumber() + ":" + e.getLocation().getColumnNumber();
            throw new PlatformException(
                    400,
                    "malformed-body",
                    "Malformed request body",
                    new Words(
                            "请求内容不是合法的 JSON" + (at.isEmpty() ? "" : "（第 " + at.replace(":", " 行第 ") + " 列）")
                                    + "，请发送一个 JSON 对象。",
                            "The request body is not JSON"
                                    + (at.isEmpty() ? "" : " (at line " + at.replace(":", ", column ") + ")")
                                    + "; send a JSON object."));
        } catch (JsonException e) {
            throw new PlatformException(
                    400,
                    "malformed-body",
                    "Malformed request body",
                    new Words("请求内容不是合法的 JSON，请发送一个 JSON 对象。", "The request body is not JSON; send a JSON object."));
        }
        if (body.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        Object read = read(type, body, "", errors);
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(
                    new Words(
                            "请求中有 " + errors.size() + " 个字段无法读取，请更正后重新发送。",
                            "The request has " + errors.size()
                                    + " field(s) that cannot be read; correct them and send it again."),
                    errors);
        }
        return (Record) read;
    }

    /** {@code value} as {@code type}, or null with what is wrong added to {@code errors} under {@code path}. */
    static Object read(Type type, JsonValue value, String path, List<FieldError> errors) {
        Class<?> raw = raw(type);
        String field = path.isEmpty() ? "body" : path;
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                errors.add(new FieldError(field, new Words("必填", "is required")));
            }
            return null;
        }
        if (JsonValue.class.isAssignableFrom(raw)) {
            return raw.isInstance(value)
                    ? value
                    : wrong(errors, field, new Words("JSON 结构不符合要求", "must be JSON of another shape"));
        }
        if (raw == String.class) {
            return value instanceof JsonString s
                    ? s.getString()
                    : wrong(errors, field, new Words("须为文本", "must be text"));
        }
        if (raw == Long.class || raw == long.class) {
            return whole(value, Long.MIN_VALUE, Long.MAX_VALUE, field, errors) instanceof BigInteger b
                    ? b.longValue()
                    : null;
        }
        if (raw == Integer.class || raw == int.class) {
            return whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE, field, errors) instanceof BigInteger b
                    ? b.intValue()
                    : null;
        }
        if (raw == Short.class || raw == short.class) {
            return whole(value, Short.MIN_VALUE, Short.MAX_VALUE, field, errors) instanceof BigInteger b
                    ? b.shortValue()
                    : null;
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            if (!(value instanceof JsonNumber n) || !Double.isFinite(n.doubleValue())) {
                return wrong(errors, field, new Words("须为数字", "must be a number"));
            }
            return raw == Float.class || raw == float.class
                    ? (Object) (float) n.doubleValue()
                    : (Object) n.doubleValue();
        }
        if (raw == BigDecimal.class) {
            return value instanceof JsonNumber n
                    ? n.bigDecimalValue()
                    : wrong(errors, field, new Words("须为数字", "must be a number"));
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return value == JsonValue.TRUE
                    ? Boolean.TRUE
                    : value == JsonValue.FALSE
                            ? Boolean.FALSE
                            : wrong(errors, field, new Words("须为 true 或 false", "must be true or false"));
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            if (value instanceof JsonString s) {
                for (Object c : constants) {
                    if (((Enum<?>) c).name().equals(s.getString())) {
                        return c;
                    }
                }
            }
            return wrong(
                    errors,
                    field,
                    new Words(
                            "须为以下之一："
                                    + String.join(
                                            "、",
                                            Arrays.stream(constants)
                                                    .map(c -> ((Enum<?>) c).name())
                                                    .toList()),
                            "must be one of "
                                    + String.join(
                                            ", ",
                                            Arrays.stream(constants)
                                                    .map(c -> ((Enum<?>) c).name())
                                                    .toList())));
        }
        if (raw == UUID.class) {
            try {
                return UUID.fromString(((JsonString) value).getString());
            } catch (ClassCastException | IllegalArgumentException e) {
                return wrong(
                        errors,
                        field,
                        new Words(
                                "须为编号，形如 7d4c2b4e-8a53-4d7e-9a55-0c7c7b0f5e11",
                                "must be an id such as 7d4c2b4e-8a53-4d7e-9a55-0c7c7b0f5e11"));
            }
        }
        if (raw.isRecord()) {
            if (!(value instanceof JsonObject object)) {
                return wrong(errors, field, new Words("须为对象", "must be an object"));
            }
            Shape shape = SHAPES.get(raw);
            RecordComponent[] components = shape.components();
            Object[] args = new Object[components.length];
            int before = errors.size();
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                args[i] = read(
                        components[i].getGenericType(),
                        object.get(name),
                        path.isEmpty() ? name : path + "." + name,
                        errors);
            }
            if (errors.size() > before) {
                return null;
            }
            try {
                return shape.canonical().newInstance(args);
            } catch (InvocationTargetException e) {
                // The record refused its values (its compact constructor checks them): the caller's mistake, said
                // plainly.
                return wrong(
                        errors,
                        field,
                        e.getCause() == null || e.getCause().getMessage() == null
                                ? new Words("无效", "is not valid")
                                : new Words(
                                        e.getCause().getMessage(), e.getCause().getMessage()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + raw.getSimpleName(), e);
            }
        }
        if (Collection.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonArray array)) {
                return wrong(errors, field, new Words("须为列表", "must be a list"));
            }
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            Collection<Object> out = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                out.add(read(element, array.get(i), field + "[" + i + "]", errors));
            }
            return out;
        }
        try {
            return JSONB.fromJson(value.toString(), type);
        } catch (RuntimeException e) {
            return wrong(
                    errors,
                    field,
                    new Words(
                            "不是有效的" + describe(raw).zh(),
                            "is not a valid " + describe(raw).en()));
        }
    }

    /** A record's components and canonical constructor, looked up once per record type (the heartbeat reads one per beat). */
    private record Shape(RecordComponent[] components, Constructor<?> canonical) {}

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                canonical.setAccessible(true);
                return new Shape(components, canonical);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getSimpleName() + " has no canonical constructor", e);
            }
        }
    };

    /** A whole number within [min, max] as a BigInteger, or null with the error added. */
    private static Object whole(JsonValue value, long min, long max, String field, List<FieldError> errors) {
        // At most 19 digits before the point (1e100000000 is refused before it is ever expanded).
        if (value instanceof JsonNumber n
                && n.isIntegral()
                && n.bigDecimalValue().precision() - n.bigDecimalValue().scale() <= 19) {
            BigInteger b = n.bigDecimalValue().toBigInteger();
            if (b.compareTo(BigInteger.valueOf(min)) >= 0 && b.compareTo(BigInteger.valueOf(max)) <= 0) {
                return b;
            }
        }
        return wrong(
                errors,
                field,
                new Words("须为 " + min + " 至 " + max + " 之间的整数", "must be a whole number from " + min + " to " + max));
    }

    private static Object wrong(List<FieldError> errors, String field, Words message) {
        errors.add(new FieldError(field, message));
        return null;
    }

    private static Words describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> new Words("日期，格式 YYYY-MM-DD", "date (YYYY-MM-DD)");
            case "LocalTime" -> new Words("时刻，格式 HH:MM 或 HH:MM:SS", "time of day (HH:MM or HH:MM:SS)");
            case "Instant", "OffsetDateTime", "ZonedDateTime" ->
                new Words("时间点，ISO 8601 格式，如 2027-03-01T09:00:00Z", "moment (ISO 8601, such as 2027-03-01T09:00:00Z)");
            case "LocalDateTime" -> new Words("日期和时间，格式 YYYY-MM-DDTHH:MM:SS", "date and time (YYYY-MM-DDTHH:MM:SS)");
            case "Duration" -> new Words("时长，ISO 8601 格式，如 PT30M", "duration (ISO 8601, such as PT30M)");
            default -> new Words("值", "value");
        };
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }
}
