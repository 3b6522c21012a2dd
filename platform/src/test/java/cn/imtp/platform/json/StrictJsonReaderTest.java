package cn.imtp.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonReaderTest {

    public enum Level {
        L1,
        L5
    }

    public record Range(long fromMs, long toMs) {}

    public record Beat(
            String token,
            Long seq,
            Integer count,
            Double rate,
            Boolean visible,
            Level level,
            LocalDate day,
            List<Range> played) {}

    static Record read(String json) throws Exception {
        return new StrictJsonReader()
                .readFrom(
                        (Class) Beat.class,
                        Beat.class,
                        null,
                        null,
                        null,
                        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> fields(String json) {
        PlatformException e = assertThrows(PlatformException.class, () -> read(json));
        assertEquals(422, e.status());
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aGoodBodyIsReadWhole() throws Exception {
        Beat b = (Beat) read(
                "{\"token\":\"t\",\"seq\":3,\"count\":2,\"rate\":1.0,\"visible\":true,\"level\":\"L5\",\"day\":\"2027-03-01\","
                        + "\"played\":[{\"fromMs\":0,\"toMs\":15000}],\"unknown\":1}");
        assertEquals(
                new Beat("t", 3L, 2, 1.0, true, Level.L5, LocalDate.of(2027, 3, 1), List.of(new Range(0, 15000))), b);
        assertNull(read(""));
    }

    @Test
    void everyWrongFieldIsNamedInsteadOfReadLossily() {
        assertEquals(List.of("seq"), fields("{\"seq\":1e300}"));
        assertEquals(List.of("seq"), fields("{\"seq\":1e100000000}"));
        assertEquals(List.of("seq"), fields("{\"seq\":99999999999999999999999}"));
        assertEquals(List.of("count"), fields("{\"count\":2147483648}"));
        assertEquals(List.of("count"), fields("{\"count\":0.5}"));
        assertEquals(List.of("token", "visible"), fields("{\"token\":123,\"visible\":\"yes\"}"));
        assertEquals(List.of("level"), fields("{\"level\":\"L9\"}"));
        assertEquals(List.of("day"), fields("{\"day\":\"tomorrow\"}"));
        assertEquals(
                List.of("played[1].toMs"),
                fields("{\"played\":[{\"fromMs\":0,\"toMs\":1},{\"fromMs\":0,\"toMs\":\"x\"}]}"));
        assertEquals(List.of("played"), fields("{\"played\":{}}"));
        assertEquals(List.of("body"), fields("[]"));
    }

    @Test
    void textThatIsNotJsonIsA400() {
        PlatformException e = assertThrows(PlatformException.class, () -> read("{\"seq\":"));
        assertEquals(400, e.status());
        assertEquals("malformed-body", e.type());
    }
}
