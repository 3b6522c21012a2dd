package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Completion certificates (结业证明) from refusal to revocation, on a class of its own (not leading to a level
 * certificate, no exams: the classroom hours are its only requirement). A learner cannot earn 60 hours in a test, so
 * once the refusal is seen, the learner's ledger is raised to the plan's minutes directly in the database — the one
 * fixture of this test. The attendance check then refuses it as it must (the ledger no longer matches the records),
 * and an administrator issues it saying what was checked; everything after it goes through the API and the pages.
 */
@ExtendWith(RunningPlatform.class)
class CertificatesIT {

    @Test
    void aCertificateIsIssuedOnlyWhenCompleteConfirmedAnonymouslyAndRevoked() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        long demo = Media.demoClassId();
        long planId = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes/" + demo, null))
                .getJsonNumber("planId")
                .longValue();
        String name = Accounts.uniqueName("graduate");
        JsonObject account = Accounts.createLearner(admin, name, "Graduate2026");
        long learnerId = account.getJsonNumber("id").longValue();
        long classId = ClassesIT.activeClass(
                admin, planId, List.of(learnerId), Accounts.teacherId(admin, "teacher01"), null, false);
        String learner = RunningPlatform.token(name, "Graduate2026");
        String path = "/api/certificates/classes/" + classId + "/learners/" + learnerId;

        // Not complete: refused with what is missing, in either language; nothing is issued.
        HttpResponse<String> early = RunningPlatform.call(learner, "POST", path, "{}");
        assertEquals(409, early.statusCode(), early.body());
        assertTrue(
                RunningPlatform.json(early).getString("detail").contains("尚未满足全部结业要求")
                        && early.body().contains("课堂学时"),
                early.body());
        HttpResponse<String> english = RunningPlatform.call(learner, "POST", path, "{}", "Accept-Language", "en");
        assertTrue(
                RunningPlatform.json(english).getString("detail").startsWith("Not every requirement is met yet"),
                english.body());
        assertEquals("[]", RunningPlatform.call(learner, "GET", path, null).body());

        // Strangers: another learner, a teacher of no class of theirs, a learner asking for someone else.
        String other = RunningPlatform.token("learner02", RunningPlatform.DEMO_PASSWORD);
        assertEquals(404, RunningPlatform.call(other, "GET", path, null).statusCode());
        assertEquals(404, RunningPlatform.call(other, "POST", path, "{}").statusCode());
        String teacherName = Accounts.uniqueName("stranger-teacher");
        HttpResponse<String> made = RunningPlatform.call(
                admin,
                "POST",
                "/api/accounts",
                Json.createObjectBuilder(Accounts.learnerJson(teacherName, Accounts.validIdNumber(), "Teach2026ok"))
                        .add("role", "TEACHER")
                        .add("fullName", "外班老师")
                        .build()
                        .toString());
        assertEquals(201, made.statusCode(), made.body());
        String stranger = RunningPlatform.token(teacherName, "Teach2026ok");
        assertEquals(404, RunningPlatform.call(stranger, "POST", path, "{}").statusCode());

        // The fixture: the plan's minutes credited on every unit, as a learner who watched everything would have them.
        try (Connection c = DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms");
                PreparedStatement up = c.prepareStatement(
                        "INSERT INTO ledger_entry (class_id, learner_id, unit_id, self_paced_seconds, live_seconds)"
                                + " VALUES (?, ?, ?, ?, 0) ON DUPLICATE KEY UPDATE self_paced_seconds = VALUES(self_paced_seconds)")) {
            JsonObject cls = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes/" + classId, null));
            int hourMinutes = cls.getInt("classHourMinutes");
            for (JsonValue u : RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/plans/" + planId, null))
                    .getJsonArray("units")) {
                up.setLong(1, classId);
                up.setLong(2, learnerId);
                up.setLong(3, u.asJsonObject().getJsonNumber("id").longValue());
                up.setInt(4, u.asJsonObject().getInt("hours") * hourMinutes * 60);
                up.executeUpdate();
            }
        }

        // The learner now meets the hours, but the ledger no longer agrees with the attendance records: nobody but an
        // administrator who says what they checked may issue (a ledger raised in the database never earns a certificate
        // by itself).
        HttpResponse<String> tampered = RunningPlatform.call(learner, "POST", path, "{}");
        assertEquals(409, tampered.statusCode(), tampered.body());
        assertTrue(RunningPlatform.json(tampered).getString("detail").contains("考勤记录未通过校验"), tampered.body());
        assertFalse(
                tampered.body().contains("与记录不符"),
                "what differs names others' records: not for a learner: " + tampered.body());
        HttpResponse<String> toAdmin = RunningPlatform.call(admin, "POST", path, "{\"recordsChecked\":\"   \"}");
        assertEquals(409, toAdmin.statusCode());
        assertTrue(toAdmin.body().contains("与记录不符"), "an administrator is told what differs: " + toAdmin.body());
        assertEquals(
                409,
                RunningPlatform.call(learner, "POST", path, "{\"recordsChecked\":\"我自己核查过了\"}")
                        .statusCode(),
                "only an administrator's check counts");
        HttpResponse<String> issued =
                RunningPlatform.call(admin, "POST", path, "{\"recordsChecked\":\"学时由面授签到表补录，已与纸质记录核对\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        assertEquals("学时由面授签到表补录，已与纸质记录核对", RunningPlatform.json(issued).getString("recordsNote"));
        JsonObject cert = RunningPlatform.json(issued);
        assertTrue(cert.getString("number").matches("JY20\\d\\d-\\d{6,}"), cert.toString());
        String code = cert.getString("code");
        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"), code);
        assertEquals("VALID", cert.getString("status"));
        // Asking again (the learner, the teacher) gives the same one.
        assertEquals(
                cert.getJsonNumber("id"),
                RunningPlatform.json(RunningPlatform.call(learner, "POST", path, "{}"))
                        .getJsonNumber("id"));
        HttpResponse<String> again = RunningPlatform.call(
                RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD), "POST", path, "{}");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(
                cert.getJsonNumber("id"),
                RunningPlatform.json(again).getJsonNumber("id"),
                "one valid certificate per learner and class");
        long id = cert.getJsonNumber("id").longValue();

        // The PDF: the learner's own; nobody else's.
        HttpResponse<byte[]> pdf = Media.HTTP.send(
                java.net.http.HttpRequest.newBuilder(RunningPlatform.uri("/api/certificates/" + id + "/pdf"))
                        .header("Authorization", "Bearer " + learner)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF-", new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII));
        assertTrue(
                pdf.headers().firstValue("Content-Disposition").orElse("").contains(cert.getString("number")),
                pdf.headers().map().toString());
        assertEquals(
                404,
                RunningPlatform.call(other, "GET", "/api/certificates/" + id + "/pdf", null)
                        .statusCode());
        assertEquals(
                404,
                RunningPlatform.call(stranger, "GET", "/api/certificates/" + id + "/pdf", null)
                        .statusCode());

        // Anyone with the code, signed in or not, typed as people type it: the masked name and the facts, no identity
        // data.
        HttpResponse<String> verified = RunningPlatform.call(
                null, "GET", "/api/verify/" + code.toLowerCase().replace("-", "%20"), null);
        assertEquals(200, verified.statusCode(), verified.body());
        JsonObject v = RunningPlatform.json(verified);
        assertEquals("VALID", v.getString("status"));
        assertEquals(cert.getString("number"), v.getString("number"));
        assertEquals("测**员", v.getString("maskedName"), "测试学员 masked");
        for (String secret : List.of(
                name,
                account.getString("idNumberMasked"),
                account.getString("phoneMasked", "none"),
                "测试学员",
                "idNumber",
                "phone")) {
            assertFalse(verified.body().contains(secret), secret + " in " + verified.body());
        }
        assertEquals(
                422, RunningPlatform.call(null, "GET", "/api/verify/ABC", null).statusCode());
        HttpResponse<String> unknown = RunningPlatform.call(null, "GET", "/api/verify/0000-0000-0000-0000", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(RunningPlatform.json(unknown).getString("detail").contains("未找到该验证码"), unknown.body());

        // The public page, on a phone, from the link printed on the certificate.
        try (Browser phone = new Browser(390, 844)) {
            phone.open("/verify/?code=" + code);
            phone.until(
                    d -> d.findElement(By.id("verify-status")).getText().contains("该结业证明有效"), Duration.ofSeconds(15));
            assertTrue(phone.driver.findElement(By.id("verification")).getText().contains("测**员"));
            assertFalse(phone.overflowsHorizontally(), "the verification fits a phone");
            phone.screenshot("certificate-verify-phone");
            phone.driver.findElement(By.id("code")).clear();
            phone.driver.findElement(By.id("code")).sendKeys("0000-0000-0000-0000", org.openqa.selenium.Keys.ENTER);
            phone.until(
                    d -> d.findElement(By.id("problem")).isDisplayed()
                            && d.findElement(By.id("problem")).getText().contains("未找到"),
                    Duration.ofSeconds(10));
        }

        // Revocation: administrators only, with a reason; the verification says so from then on.
        String revoke = "/api/certificates/" + id + "/revoke";
        assertEquals(
                403,
                RunningPlatform.call(
                                RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD),
                                "POST",
                                revoke,
                                "{\"reason\":\"x\"}")
                        .statusCode());
        HttpResponse<String> noReason = RunningPlatform.call(admin, "POST", revoke, "{\"reason\":\"  \"}");
        assertEquals(422, noReason.statusCode());
        assertTrue(noReason.body().contains("\"reason\""), noReason.body());
        try (Browser desk = new Browser()) {
            desk.signIn(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD, "/admin/");
            desk.open("/admin/archive?class=" + classId + "&learner=" + learnerId);
            desk.until(
                    d -> d.findElement(By.id("certificate-valid")).getText().contains(cert.getString("number")),
                    Duration.ofSeconds(15));
            desk.waitFor(By.id("revoke-reason")).sendKeys("学时记录需复核");
            desk.waitFor(By.id("certificate-revoke")).click();
            desk.until(
                    d -> d.findElement(By.id("certificate-revoked")).getText().contains("学时记录需复核"),
                    Duration.ofSeconds(15));
            assertTrue(desk.driver.findElements(By.id("certificate-valid")).isEmpty());
            desk.screenshot("certificate-revoked-admin");
        }
        assertEquals(
                409,
                RunningPlatform.call(admin, "POST", revoke, "{\"reason\":\"再次撤销\"}")
                        .statusCode());
        JsonObject after = RunningPlatform.json(RunningPlatform.call(null, "GET", "/api/verify/" + code, null));
        assertEquals("REVOKED", after.getString("status"));
        assertTrue(after.containsKey("revokedOn"), after.toString());

        // After a revocation only an administrator issues again: a new number and code; the old code stays revoked.
        HttpResponse<String> retry = RunningPlatform.call(learner, "POST", path, "{}");
        assertEquals(409, retry.statusCode(), retry.body());
        assertTrue(retry.body().contains("已被撤销"), retry.body());
        HttpResponse<String> reissued = RunningPlatform.call(admin, "POST", path, "{\"recordsChecked\":\"复核完毕，学时无误\"}");
        assertEquals(201, reissued.statusCode(), reissued.body());
        assertNotEquals(code, RunningPlatform.json(reissued).getString("code"));
        assertEquals(
                "REVOKED",
                RunningPlatform.json(RunningPlatform.call(null, "GET", "/api/verify/" + code, null))
                        .getString("status"));
        String audit =
                RunningPlatform.call(admin, "GET", "/api/audit?size=50", null).body();
        assertTrue(audit.contains("CERTIFICATE_ISSUED") && audit.contains("CERTIFICATE_REVOKED"), audit);
    }
}
