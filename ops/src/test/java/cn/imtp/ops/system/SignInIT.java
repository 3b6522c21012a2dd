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
        HttpResponse<String> unknownUser = RunningPlatform.login(
                "no-such-user-" + System.nanoTime(), "whatever1", "X-Forwarded-For", "203.0.113.10");
        HttpResponse<String> wrongPassword =
                RunningPlatform.login("learner02", "wrong-password-1", "X-Forwarded-For", "203.0.113.10");
        assertEquals(401, unknownUser.statusCode());
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(
                RunningPlatform.json(unknownUser).getString("detail"),
                RunningPlatform.json(wrongPassword).getString("detail"));
        assertEquals(
                200,
                RunningPlatform.login("learner02", RunningPlatform.DEMO_PASSWORD)
                        .statusCode());
    }

    @Test
    void missingFieldsAndMalformedBodiesAreExplained() throws Exception {
        HttpResponse<String> empty = RunningPlatform.call(null, "POST", "/api/auth/login", "{}");
        assertEquals(422, empty.statusCode());
        assertEquals(
                java.util.List.of("username", "password"),
                RunningPlatform.json(empty).getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .toList());
        HttpResponse<String> malformed = RunningPlatform.call(null, "POST", "/api/auth/login", "{\"username\":");
        assertEquals(400, malformed.statusCode());
        assertEquals(
                "urn:imtp:problem:malformed-body",
                RunningPlatform.json(malformed).getString("type"));
    }

    @Test
    void aStrangerGuessingFromManyAddressesCannotLockTheOwnerOut() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String name = Accounts.uniqueName("guessed");
        Accounts.createLearner(admin, name, "Right2026pw");
        String home = "198.51.100.50";
        assertEquals(
                200,
                RunningPlatform.login(name, "Right2026pw", "X-Forwarded-For", home)
                        .statusCode());
        for (int i = 0; i < 20; i++) {
            // A botnet: one guess from each address, up to the account's limit in all.
            assertEquals(
                    401,
                    RunningPlatform.login(name, "guess" + i + "pw", "X-Forwarded-For", "192.0.2." + (10 + i))
                            .statusCode());
        }
        // Guessing goes on only slowly: the account is slowed at every address it never signed in from.
        HttpResponse<String> elsewhere = RunningPlatform.login(name, "Right2026pw", "X-Forwarded-For", "192.0.2.200");
        assertEquals(429, elsewhere.statusCode(), elsewhere.body());
        long retryAfter =
                Long.parseLong(elsewhere.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        assertEquals(
                "urn:imtp:problem:too-many-requests",
                RunningPlatform.json(elsewhere).getString("type"));
        // The owner, where the owner signed in before, is not held up by strangers' failures.
        assertEquals(
                200,
                RunningPlatform.login(name, "Right2026pw", "X-Forwarded-For", home)
                        .statusCode());
    }

    @Test
    void repeatedFailuresOfOneAccountFromOneAddressSlowThatPairDown() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String name = Accounts.uniqueName("throttled");
        Accounts.createLearner(admin, name, "Right2026pw");
        String home = "198.51.100.60";
        assertEquals(
                200,
                RunningPlatform.login(name, "Right2026pw", "X-Forwarded-For", home)
                        .statusCode());
        String guesser = "198.51.100.61";
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    401,
                    RunningPlatform.login(name, "wrong" + i + "pw", "X-Forwarded-For", guesser)
                            .statusCode());
        }
        HttpResponse<String> blocked = RunningPlatform.login(name, "Right2026pw", "X-Forwarded-For", guesser);
        assertEquals(429, blocked.statusCode(), blocked.body());
        long retryAfter =
                Long.parseLong(blocked.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 0 && retryAfter <= 30, "Retry-After " + retryAfter);
        assertEquals(
                200,
                RunningPlatform.login(name, "Right2026pw", "X-Forwarded-For", home)
                        .statusCode());
        // The owner mistyping at home five times is slowed at home, like anyone.
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    401,
                    RunningPlatform.login(name, "typo" + i + "pw", "X-Forwarded-For", home)
                            .statusCode());
        }
        assertEquals(
                429,
                RunningPlatform.login(name, "Right2026pw", "X-Forwarded-For", home)
                        .statusCode());
    }

    @Test
    void anOverLongUserNameOrPasswordIsExplainedAndCounted() throws Exception {
        HttpResponse<String> longName =
                RunningPlatform.login("u".repeat(300), "whatever1", "X-Forwarded-For", "203.0.113.90");
        assertEquals(422, longName.statusCode(), longName.body());
        assertEquals(
                "username",
                RunningPlatform.json(longName)
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
        HttpResponse<String> longPassword =
                RunningPlatform.login("learner04", "p".repeat(100_000), "X-Forwarded-For", "203.0.113.90");
        assertEquals(422, longPassword.statusCode(), longPassword.body());
        assertEquals(
                "password",
                RunningPlatform.json(longPassword)
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
        for (int i = 0; i < 18; i++) {
            assertEquals(
                    422,
                    RunningPlatform.login("v".repeat(100 + i), "whatever1", "X-Forwarded-For", "203.0.113.90")
                            .statusCode());
        }
        // Twenty failures from the address: it is slowed like any other guessing address.
        assertEquals(
                429,
                RunningPlatform.login("learner04", RunningPlatform.DEMO_PASSWORD, "X-Forwarded-For", "203.0.113.90")
                        .statusCode());
    }

    @Test
    void repeatedFailuresFromOneAddressSlowThatAddressDown() throws Exception {
        String address = "203.0.113.77";
        for (int i = 0; i < 20; i++) {
            assertEquals(
                    401,
                    RunningPlatform.login(
                                    "guess-" + i + "-" + System.nanoTime(), "guess" + i, "X-Forwarded-For", address)
                            .statusCode());
        }
        assertEquals(
                429,
                RunningPlatform.login("learner03", RunningPlatform.DEMO_PASSWORD, "X-Forwarded-For", address)
                        .statusCode());
        assertEquals(
                200,
                RunningPlatform.login("learner03", RunningPlatform.DEMO_PASSWORD, "X-Forwarded-For", "203.0.113.78")
                        .statusCode());
    }

    @Test
    void aResetPasswordMustBeChangedAndRevokesEarlierTokens() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String name = Accounts.uniqueName("reset");
        long id = Accounts.createLearner(admin, name, "First2026pw")
                .getJsonNumber("id")
                .longValue();
        String before = RunningPlatform.token(name, "First2026pw");

        HttpResponse<String> reset =
                RunningPlatform.call(admin, "POST", "/api/accounts/" + id + "/password-reset", null);
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
        assertEquals(
                "urn:imtp:problem:password-change-required",
                RunningPlatform.json(elsewhere).getString("type"));

        HttpResponse<String> weak = RunningPlatform.call(
                token,
                "POST",
                "/api/me/password",
                "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"short\"}");
        assertEquals(422, weak.statusCode());
        assertEquals(
                "newPassword",
                RunningPlatform.json(weak)
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
        assertEquals(
                204,
                RunningPlatform.call(
                                token,
                                "POST",
                                "/api/me/password",
                                "{\"currentPassword\":\"" + temporary + "\",\"newPassword\":\"Second2026pw\"}")
                        .statusCode());
        HttpResponse<String> after = RunningPlatform.login(name, "Second2026pw");
        assertFalse(RunningPlatform.json(after).getJsonObject("account").getBoolean("mustChangePassword"));
    }

    @Test
    void aDisabledAccountCannotSignInAndCanBeEnabledAgain() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String name = Accounts.uniqueName("off");
        long id = Accounts.createLearner(admin, name, "Off2026pwd")
                .getJsonNumber("id")
                .longValue();
        RunningPlatform.call(admin, "POST", "/api/accounts/" + id + "/disable", null);
        assertEquals(403, RunningPlatform.login(name, "Off2026pwd").statusCode());
        RunningPlatform.call(admin, "POST", "/api/accounts/" + id + "/enable", null);
        assertEquals(200, RunningPlatform.login(name, "Off2026pwd").statusCode());
    }

    @Test
    void afterSignInTheBrowserStaysOnThePlatform() throws Exception {
        String origin = RunningPlatform.uri("/").toString().replaceAll("/$", "");
        try (Browser b = new Browser(390, 844)) {
            for (String next : java.util.List.of(
                    "/%5C127.0.0.1:9/",
                    "/%09/example.org/",
                    "/%5C%5Cexample.org/",
                    "//example.org/",
                    "/%2F%2Fexample.org/",
                    "https://example.org/",
                    "/%0A/example.org/")) {
                b.driver.manage().deleteAllCookies();
                b.open("/");
                b.js("localStorage.clear(); sessionStorage.clear();");
                b.open("/?next=" + next);
                b.waitFor(org.openqa.selenium.By.id("username")).sendKeys("learner05");
                b.driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(RunningPlatform.DEMO_PASSWORD);
                b.driver.findElement(org.openqa.selenium.By.id("signin-submit")).click();
                b.until(d -> d.getCurrentUrl().startsWith(origin + "/learner/"), java.time.Duration.ofSeconds(15));
            }
            // A page of the platform is where the learner goes back to.
            b.js("localStorage.clear(); sessionStorage.clear();");
            b.open("/?next="
                    + java.net.URLEncoder.encode("/learner/archive?x=1", java.nio.charset.StandardCharsets.UTF_8));
            b.waitFor(org.openqa.selenium.By.id("username")).sendKeys("learner05");
            b.driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(RunningPlatform.DEMO_PASSWORD);
            b.driver.findElement(org.openqa.selenium.By.id("signin-submit")).click();
            b.until(d -> d.getCurrentUrl().equals(origin + "/learner/archive?x=1"), java.time.Duration.ofSeconds(15));
        }
    }
}
