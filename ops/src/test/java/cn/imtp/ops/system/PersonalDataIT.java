package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real-name data: validated identity numbers, masked everywhere, revealed and exported only with an audit record. */
@ExtendWith(RunningPlatform.class)
class PersonalDataIT {

    static String admin;

    @BeforeAll
    static void signIn() throws Exception {
        admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
    }

    @Test
    void invalidIdentityNumbersAreRefusedWithTheReason() throws Exception {
        String valid = Accounts.validIdNumber();
        char wrongCheck = valid.charAt(17) == '1' ? '2' : '1';
        List<String[]> cases = List.of(
                new String[] {valid.substring(0, 17) + wrongCheck, "校验位不正确（号码可能输入有误）"},
                new String[] {valid.substring(0, 16), "居民身份证号码应为 18 位，此号码为 16 位"},
                new String[] {"99" + valid.substring(2), "地区代码 99" + valid.substring(2, 6) + " 不是中国的行政区划代码"});
        for (String[] c : cases) {
            HttpResponse<String> r = RunningPlatform.call(
                    admin,
                    "POST",
                    "/api/accounts",
                    Accounts.learnerJson(Accounts.uniqueName("bad-id"), c[0], null)
                            .toString());
            assertEquals(422, r.statusCode(), r.body());
            JsonObject error = RunningPlatform.json(r).getJsonArray("errors").getJsonObject(0);
            assertEquals("idNumber", error.getString("field"));
            assertEquals(c[1], error.getString("message"));
        }
    }

    @Test
    void aLearnerNeedsADocumentAndAValidPhone() throws Exception {
        HttpResponse<String> r = RunningPlatform.call(
                admin,
                "POST",
                "/api/accounts",
                "{\"username\":\"" + Accounts.uniqueName("nodoc")
                        + "\",\"role\":\"LEARNER\",\"fullName\":\"张三\",\"phone\":\"12345\"}");
        assertEquals(422, r.statusCode());
        List<String> fields = RunningPlatform.json(r).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .toList();
        assertEquals(List.of("idNumber", "phone"), fields);
    }

    @Test
    void numbersAreMaskedRevealedOnlyWithAReasonAndEveryRevealAndExportIsAudited() throws Exception {
        String idNumber = Accounts.validIdNumber();
        String name = Accounts.uniqueName("realname");
        HttpResponse<String> created = RunningPlatform.call(
                admin,
                "POST",
                "/api/accounts",
                Accounts.learnerJson(name, idNumber, null).toString());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject body = RunningPlatform.json(created);
        JsonObject account = body.getJsonObject("account");
        assertFalse(body.getString("temporaryPassword").isBlank());
        assertTrue(account.getBoolean("mustChangePassword"));
        assertEquals(
                idNumber.substring(0, 3) + "*".repeat(12) + idNumber.substring(15),
                account.getString("idNumberMasked"));
        assertFalse(created.body().contains(idNumber), "the full number must not be in the response");
        long id = account.getJsonNumber("id").longValue();

        HttpResponse<String> duplicate = RunningPlatform.call(
                admin,
                "POST",
                "/api/accounts",
                Accounts.learnerJson(Accounts.uniqueName("twin"), idNumber, null)
                        .toString());
        assertEquals(409, duplicate.statusCode());

        assertFalse(RunningPlatform.call(admin, "GET", "/api/accounts/" + id, null)
                .body()
                .contains(idNumber));
        assertEquals(
                422,
                RunningPlatform.call(admin, "POST", "/api/accounts/" + id + "/id-number/reveal", "{\"reason\":\" \"}")
                        .statusCode());
        HttpResponse<String> revealed = RunningPlatform.call(
                admin, "POST", "/api/accounts/" + id + "/id-number/reveal", "{\"reason\":\"补贴申报核对\"}");
        assertEquals(200, revealed.statusCode());
        assertEquals(idNumber, RunningPlatform.json(revealed).getString("idNumber"));

        HttpResponse<String> export = RunningPlatform.call(admin, "GET", "/api/accounts/export?role=LEARNER", null);
        assertEquals(200, export.statusCode());
        assertTrue(export.body().contains(name));
        assertFalse(export.body().contains(idNumber), "exports carry masked numbers only");

        List<JsonObject> audit =
                RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/audit?size=20", null))
                        .getJsonArray("items")
                        .stream()
                        .map(JsonValue::asJsonObject)
                        .toList();
        JsonObject reveal = audit.stream()
                .filter(e -> e.getString("action").equals("REVEAL_ID_NUMBER")
                        && e.getJsonNumber("subjectId").longValue() == id)
                .findFirst()
                .orElseThrow();
        assertEquals("admin", reveal.getString("actor"));
        assertEquals("补贴申报核对", reveal.getString("detail"));
        assertTrue(audit.stream().anyMatch(e -> e.getString("action").equals("EXPORT_PERSONAL_DATA")));
        assertTrue(audit.stream()
                .anyMatch(e -> e.getString("action").equals("CREATE_ACCOUNT")
                        && e.getJsonNumber("subjectId").longValue() == id));
    }

    @Test
    void listsArePaginatedAndABadPageIsExplained() throws Exception {
        JsonObject page = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/accounts?role=LEARNER&page=1&size=10", null));
        assertEquals(10, page.getJsonArray("items").size());
        assertTrue(page.getInt("total") >= 30);
        HttpResponse<String> bad = RunningPlatform.call(admin, "GET", "/api/accounts?page=-1&size=500", null);
        assertEquals(422, bad.statusCode());
        assertEquals(
                List.of("page", "size"),
                RunningPlatform.json(bad).getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .toList());
    }

    @Test
    void aLearnerSeesOwnDataMaskedToo() throws Exception {
        String learner = RunningPlatform.token("learner05", RunningPlatform.DEMO_PASSWORD);
        JsonObject me = RunningPlatform.json(RunningPlatform.call(learner, "GET", "/api/me", null));
        assertEquals("learner05", me.getString("username"));
        assertTrue(me.getString("idNumberMasked").contains("*"));
        assertTrue(me.getString("phoneMasked").contains("****"));
    }
}
