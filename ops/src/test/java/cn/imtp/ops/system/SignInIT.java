package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in: refusals that do not say which field was wrong, the slow-down per account and per address, resets. */
@ExtendWith(RunningPlatform.class)
class SignInIT {

    @Test
    void aWrongLoginDoesNotSayWhichFieldWasWrong() throws Exception {
        HttpResponse<String> unknownUser = RunningPlatform.login("no-such-user-" + System.nanoTime(), "whatever1", "X-Forwarded-For", "203.0.113.10");
        HttpResponse<String> wrongPassword = RunningPlatform.login("learner02", "wrong-password-1", "X-Forwarded-For", "203.0.113.10");
        assertEquals(401, unknownUser.statusCode());
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(RunningPlatform.json(unknownUser).getString("detail"), RunningPlatform.json(wrongPassword).getString("detail"));
        assertEquals(200, RunningPlatform.login("learner02", RunningPlatform.DEMO_PASSWORD).statusCode());
    }

    @Test
    void missingFieldsAndMalformedBodiesAreExplained() throws Exception {
        HttpResponse<String> empty = RunningPlatform.call(null, "POST", "/api/auth/login", "{}");
        assertEquals(422, empty.statusCode());
        assertEquals(java.util.List.of("username", "password"), RunningPlatform.json(empty).getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).toList());
        HttpResponse<String> malformed = RunningPlatform.call(null, "POST", "/api/auth/login", "{\"username\":");
        assertEquals(400, malformed.statusCode());
        assertEquals("urn:imtp:problem:malformed-body", RunningPlatform.json(malformed).getString("type"));
    }

    @Test
    void repeatedFailuresForOneAccountSlowItDownEvenWithTheRightPassword() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String name = Accounts.uniqueName("throttled");
        Accounts.createLearner(admin, name, "Right2026pw");
        for (int i = 0; i < 5; i++) {
            // From different addresses: the account's own count is what blocks it.
            assertEquals(401, RunningPlatform.login(name, "wrong" + i + "pw", "X-Forwarded-For", "198.51.100." + (10 + i)).statusCode());
        }
        HttpResponse<String> blocked = RunningPlatform.login(name, "Right2026pw", "X-Forwarded-For", "198.51.100.99");
        assertEquals(429, blocked.statusCode(), blocked.body());
        long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 0 && retryAfter <= 30, "Retry-After " + retryAfter);
        assertEquals("urn:imtp:problem:too-many-requests", RunningPlatform.json(blocked).getString("type"));
    }

    @Test
    void repeatedFailuresFromOneAddressSlowThatAddressDown() throws Exception {
        String address = "203.0.113.77";
        for (int i = 0; i < 20; i++) {
            assertEquals(401, RunningPlatform.login("guess-" + i + "-" + System.nanoTime(), "guess" + i, "X-Forwarded-For", address).statusCode());
        }
        assertEquals(429, RunningPlatform.login("learner03", RunningPlatform.DEMO_PASSWORD, "X-Forwarded-For", address).statusCode());
        assertEquals(200, RunningPlatform.login("learner03", RunningPlatform.DEMO_PASSWORD, "X-Forwarded-For", "203.0.113.78").statusCode());
    }

    @Test
    void aResetPasswordMustBeChangedAndRevokesEarlierTokens() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String name = Accounts.uniqueName("reset");
        long id = Accounts.createLearner(admin, name, "First2026pw").getJsonNumber("id").longValue();
        String before = RunningPlatform.token(name, "First2026pw");

        HttpResponse<String> reset = RunningPlatform.call(admin, "POST", "/api/accounts/" + id + "/password-reset", null);
        assertEquals(200, reset.statusCode(), reset.body());
        String temporary = RunningPlatform.json(reset).getString("temporaryPassword");
        assertEquals(401, RunningPlatform.call(before, "GET", "/api/me", null).statusCode());
        assertEquals(401, RunningPlatform.login(name, "First2026pw").statusCode());

        HttpResponse<String> signedIn = RunningPlatform.login(name, temporary);
        JsonObject account = RunningPlatform.json(signedIn).getJsonObject("account");
        assertTrue(account.getBoolean("mustChangePassword"));
        String token = RunningPlatform.json(signedIn).getString("token");
        assertEquals(200, RunningPlatform.call(token, "GET", "/api/me", null).statusCode());
        HttpResponse<String> elsewhere = RunningPlatform.call(token, "GET", "/api/platform", null);
        assertEquals(403, elsewhere.statusCode());
        assertEquals("urn:imtp:problem:password-change-required", RunningPlatform.json(elsewhere).getString("type"));

        HttpResponse<String> weak = RunningPlatform.call(token, "POST", "/api/me/password",
                "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"short\"}");
        assertEquals(422, weak.statusCode());
        assertEquals("newPassword", RunningPlatform.json(weak).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(204, RunningPlatform.call(token, "POST", "/api/me/password",
                "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"Second2026pw\"}").statusCode());
        HttpResponse<String> after = RunningPlatform.login(name, "Second2026pw");
        assertFalse(RunningPlatform.json(after).getJsonObject("account").getBoolean("mustChangePassword"));
    }

    @Test
    void aDisabledAccountCannotSignInAndCanBeEnabledAgain() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String name = Accounts.uniqueName("off");
        long id = Accounts.createLearner(admin, name, "Off2026pwd").getJsonNumber("id").longValue();
        RunningPlatform.call(admin, "POST", "/api/accounts/" + id + "/disable", null);
        assertEquals(403, RunningPlatform.login(name, "Off2026pwd").statusCode());
        RunningPlatform.call(admin, "POST", "/api/accounts/" + id + "/enable", null);
        assertEquals(200, RunningPlatform.login(name, "Off2026pwd").statusCode());
    }
}
