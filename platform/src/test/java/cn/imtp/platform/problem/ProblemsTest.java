package cn.imtp.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void platformExceptionKeepsStatusTypeAndFieldErrors() {
        PlatformException e = PlatformException.invalid(
                new Words("有两行不正确。", "Two rows are wrong."),
                List.of(new FieldError("rows[2].idNumber", new Words("校验位不正确", "check digit is wrong"))));
        Problem p = Problems.of(e, "/api/x", "abc");
        assertEquals(422, p.status());
        assertEquals("urn:imtp:problem:invalid-input", p.type());
        assertEquals("输入无效", p.title());
        assertEquals("有两行不正确。", p.detail());
        assertEquals("rows[2].idNumber", p.errors().get(0).field());
        assertEquals("校验位不正确", p.errors().get(0).getMessage(), "field errors in the reader's language");
        assertEquals("/api/x", p.instance());
        Problem english = Problems.of(e, "/api/x", "abc", Language.EN);
        assertEquals("Invalid input", english.title());
        assertEquals("check digit is wrong", english.errors().get(0).getMessage());
    }

    @Test
    void aDetailWrittenInBothLanguagesIsGivenInTheReaders() {
        PlatformException e = PlatformException.conflict(
                new Words("该账号已停用，请联系管理员。", "This account is disabled; ask an administrator."));
        assertEquals("该账号已停用，请联系管理员。", Problems.of(e, "/api/x", "abc").detail(), "Chinese by default");
        assertEquals(
                "This account is disabled; ask an administrator.",
                Problems.of(e, "/api/x", "abc", Language.EN).detail());
        assertEquals("This account is disabled; ask an administrator.", e.getMessage(), "the log reads English");
        assertEquals("该地址不存在，请检查路径。", Problems.notFound(Language.ZH));
        assertEquals("There is nothing at this address; check the path.", Problems.notFound(Language.EN));
        Problem crash = Problems.of(new IllegalStateException("x"), null, "f00d", Language.EN);
        assertTrue(
                crash.detail().startsWith("An unexpected error")
                        && crash.detail().contains("f00d"),
                crash.detail());
        assertTrue(Problems.of(new IllegalStateException("x"), null, "f00d")
                .detail()
                .contains("编号 f00d"));
    }

    @Test
    void aLongListOfFieldErrorsIsCutWithHowManyMoreInTheReadersLanguage() {
        List<FieldError> many = java.util.stream.IntStream.range(0, 150)
                .mapToObj(i -> new FieldError("rows[" + i + "]", new Words("无效", "not valid")))
                .toList();
        Problem p =
                Problems.of(PlatformException.invalid(new Words("导入失败。", "Nothing was imported."), many), null, "abc");
        assertEquals(Problem.MAX_ERRORS + 1, p.errors().size());
        assertEquals("more", p.errors().get(Problem.MAX_ERRORS).field());
        assertTrue(
                p.errors().get(Problem.MAX_ERRORS).getMessage().startsWith("另有 50 处错误未列出"),
                p.errors().toString());
    }

    @Test
    void ejbWrappingIsRemoved() {
        Problem p = Problems.of(
                new EJBException(PlatformException.notFound(new Words("班级", "Class"), 7)), null, "abc", Language.EN);
        assertEquals(404, p.status());
        assertEquals("Class 7 does not exist.", p.detail());
        assertEquals(
                "班级 7 不存在。",
                Problems.of(PlatformException.notFound(new Words("班级", "Class"), 7), null, "abc")
                        .detail());
    }

    @Test
    void malformedJsonIsA400WithTheParserMessage() {
        Problem p = Problems.of(new RuntimeException(new JsonbException("Unexpected char 'x' at 3")), null, "abc");
        assertEquals(400, p.status());
        assertTrue(p.detail().contains("Unexpected char 'x' at 3"), p.detail());
    }

    @Test
    void aTimeTheColumnCannotHoldIsA422NamingItsField() {
        Problem p = Problems.of(
                new RuntimeException(new java.sql.SQLException(
                        "(conn=7) Incorrect datetime value: '2040-06-30 00:00:00.000' for column `lms`.`resource`.`shown_until` at row 1",
                        "22007",
                        1292)),
                "/api/x",
                "abc");
        assertEquals(422, p.status());
        assertEquals("shownUntil", p.errors().get(0).field());
        assertTrue(p.detail().contains("2037") && !p.detail().contains("2040-06-30"), p.detail());
    }

    @Test
    void aDeadlockAnywhereInTheCausesAsksTheClientToRetry() {
        Exception deadlock = new RuntimeException(
                "commit failed",
                new RuntimeException(new java.sql.SQLTransactionRollbackException(
                        "Deadlock found when trying to get lock", "40001", 1213)));
        Problem p = Problems.of(deadlock, "/api/x", "abc");
        assertEquals(503, p.status());
        assertEquals(Problem.TYPE_BASE + Problems.BUSY, p.type());
        assertEquals(
                500,
                Problems.of(new RuntimeException(new java.sql.SQLException("other", "42000", 1064)), "/api/x", "abc")
                        .status());
    }

    @Test
    void aDatabaseThatCannotBeReachedIsA503WithoutTheDriversWords() {
        List<Exception> outages = List.of(
                new RuntimeException(new java.sql.SQLNonTransientConnectionException(
                        "Socket fail to connect to host:address=(host=127.0.0.1)(port=3307)", "08000")),
                new RuntimeException(new java.sql.SQLTransientConnectionException("Connection refused")),
                new RuntimeException(new java.sql.SQLException("Communications link failure", "08S01", 0)),
                // Payara's data source: an SQLException caused by the connector's ResourceAllocationException.
                new RuntimeException(new java.sql.SQLException(
                        "Error in allocating a connection. Cause: Connection could not be allocated",
                        new jakarta.resource.spi.ResourceAllocationException(
                                "Error in allocating a connection. Cause: Connection could not be allocated"))));
        for (Exception outage : outages) {
            Problem p = Problems.of(outage, "/api/x", "abc");
            assertEquals(503, p.status(), outage.getCause().toString());
            assertEquals(Problem.TYPE_BASE + "unavailable", p.type());
            assertFalse(
                    p.detail().contains("127.0.0.1")
                            || p.detail().contains("Socket")
                            || p.detail().contains("allocating"),
                    p.detail());
        }
        assertEquals(
                500,
                Problems.of(new RuntimeException(new java.sql.SQLException("syntax", "42000", 1064)), "/api/x", "abc")
                        .status());
        // Decided by the cause's type, never by words in a message.
        assertEquals(
                500,
                Problems.of(
                                new RuntimeException(new java.sql.SQLException("Error in allocating a connection")),
                                "/api/x",
                                "abc")
                        .status());
    }

    @Test
    void unexpectedErrorsHideTheirMessageAndGiveAReference() {
        Problem p = Problems.of(new IllegalStateException("secret table name"), null, "f00d");
        assertEquals(500, p.status());
        assertFalse(p.detail().contains("secret"));
        assertTrue(p.detail().contains("f00d"));
    }

    @Test
    void serialisesInRfc9457Order() throws Exception {
        try (var jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(new Problem("t", "T", 404, "d", "/i", List.of()));
            assertTrue(json.startsWith("{\"type\":\"t\",\"title\":\"T\",\"status\":404"), json);
        }
    }

    public enum Level {
        L1,
        L2
    }

    public record Wanted(Level level) {}

    @Test
    void aWrongEnumValueIsNamedWithoutTheJavaClass() {
        JsonbException bad = null;
        try (var jsonb = JsonbBuilder.create()) {
            jsonb.fromJson("{\"level\":\"L9\"}", Wanted.class);
        } catch (JsonbException e) {
            bad = e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Problem p = Problems.of(bad, "/api/x", "abc");
        assertEquals(400, p.status());
        assertTrue(p.detail().contains("\"L9\" is not one of the allowed values"), p.detail());
        assertFalse(p.detail().matches("(?s).*cn\\.imtp.*|.*java\\..*|.*ProblemsTest.*"), p.detail());
    }

    @Test
    void libraryMessagesLoseTheirJavaNames() {
        assertEquals(
                "For input string: \"abc\"",
                Problems.forPeople("java.lang.NumberFormatException: For input string: \"abc\""));
        assertFalse(Problems.forPeople("Cannot create instance of a class: cn.imtp.lms.X$Y, no default constructor")
                .contains("imtp"));
        assertEquals("the level of e.g. a class", Problems.forPeople("the level of e.g. a class"));
        long t0 = System.nanoTime();
        String echoed = Problems.forPeople("Unexpected char at " + "长".repeat(100_000));
        assertTrue(echoed.length() < 400 && System.nanoTime() - t0 < 1_000_000_000L, echoed.length() + " characters");
    }

    @Test
    void aPageBeyondAnyListIsRefusedNamingThePage() {
        PlatformException e = org.junit.jupiter.api.Assertions.assertThrows(
                PlatformException.class, () -> PlatformException.checkPage(Integer.MAX_VALUE, 200));
        assertEquals(422, e.status());
        assertEquals("page", e.errors().get(0).field());
        PlatformException.checkPage(1000, 200);
    }

    @Test
    void aValueTheDatabaseRefusesIsTheCallersErrorWithoutTheStatement() {
        java.sql.SQLException tooLong =
                new java.sql.SQLException("(conn=5) Data too long for column 'full_name' at row 1", "22001", 1406);
        Problem p = Problems.of(
                new RuntimeException("INSERT INTO account (full_name) VALUES (?)", tooLong), "/api/x", "abc");
        assertEquals(422, p.status());
        assertEquals("fullName", p.errors().get(0).field());
        assertFalse(p.detail().contains("INSERT") || p.detail().contains("conn="), p.detail());
        Problem dup = Problems.of(
                new RuntimeException(
                        new java.sql.SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)),
                null,
                "abc");
        assertEquals(409, dup.status());
    }
}
