package cn.imtp.ops.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Test accounts made through the application's own API, with unique names and valid identity numbers. */
final class Accounts {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Accounts() {}

    static String uniqueName(String prefix) {
        return prefix + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    /** A valid resident ID number (region 310104, a birth date in 1995, a unique sequence). */
    static String validIdNumber() {
        LocalDate birth = LocalDate.of(1995, 1, 1).plusDays(SEQUENCE.incrementAndGet() % 3000);
        String first17 = "310104" + birth.toString().replace("-", "") + String.format("%03d", SEQUENCE.get() % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static JsonObject learnerJson(String username, String idNumber, String password) {
        var b = Json.createObjectBuilder()
                .add("username", username)
                .add("role", "LEARNER")
                .add("fullName", "测试学员")
                .add("idType", "MAINLAND_ID_CARD")
                .add("idNumber", idNumber)
                .add("phone", "13900001111");
        if (password != null) {
            b.add("password", password);
        }
        return b.build();
    }

    /** Creates a learner with the given password and returns the created account's JSON. */
    static JsonObject createLearner(String adminToken, String username, String password) throws Exception {
        HttpResponse<String> r = RunningPlatform.call(
                adminToken,
                "POST",
                "/api/accounts",
                learnerJson(username, validIdNumber(), password).toString());
        if (r.statusCode() != 201) {
            throw new AssertionError("creating " + username + ": " + r.statusCode() + " " + r.body());
        }
        return RunningPlatform.json(r).getJsonObject("account");
    }

    /** Creates a teacher (of no class yet) with the given password and returns the created account's JSON. */
    static JsonObject createTeacher(String adminToken, String username, String password) throws Exception {
        JsonObject teacher = jakarta.json.Json.createObjectBuilder(learnerJson(username, validIdNumber(), password))
                .add("role", "TEACHER")
                .build();
        HttpResponse<String> r = RunningPlatform.call(adminToken, "POST", "/api/accounts", teacher.toString());
        if (r.statusCode() != 201) {
            throw new AssertionError("creating " + username + ": " + r.statusCode() + " " + r.body());
        }
        return RunningPlatform.json(r).getJsonObject("account");
    }

    /** A teacher's account id, looked up by an administrator. */
    static long teacherId(String adminToken, String username) throws Exception {
        HttpResponse<String> r = RunningPlatform.call(adminToken, "GET", "/api/accounts?role=TEACHER&size=200", null);
        if (r.statusCode() != 200) {
            throw new AssertionError("listing teachers: " + r.statusCode() + " " + r.body());
        }
        return RunningPlatform.json(r).getJsonArray("items").stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(a -> a.getString("username").equals(username))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    }
}
