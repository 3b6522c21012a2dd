package cn.imtp.lms.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class TimeFieldsTest {

    @Test
    void aMomentIsAnInstantWithItsOffsetOrChinaTimeWithout() {
        Instant eightInChina = Instant.parse("2026-12-10T00:00:00Z");
        assertEquals(eightInChina, TimeFields.optionalInstant("2026-12-10T08:00:00+08:00", "from"));
        assertEquals(eightInChina, TimeFields.optionalInstant("2026-12-10T00:00Z", "from"));
        assertEquals(eightInChina, TimeFields.optionalInstant("2026-12-09T16:00-08:00", "from"), "any offset");
        assertEquals(eightInChina, TimeFields.optionalInstant(" 2026-12-10T08:00 ", "from"), "stripped");
        assertEquals(
                eightInChina,
                TimeFields.requiredInstant("2026-12-10T08:00", "opensAt"),
                "a page's date-and-time field, China time");
        assertEquals(Instant.parse("2027-01-05T01:00:00Z"), TimeFields.requiredInstant("2027-01-05T09:00", "opensAt"));
        assertEquals(
                Instant.parse("2026-12-10T00:00:30.5Z"),
                TimeFields.requiredInstant("2026-12-10T08:00:30.5", "opensAt"),
                "seconds and fractions kept");
    }

    @Test
    void chinaTimeDoesNotDependOnTheServersZone() {
        TimeZone before = TimeZone.getDefault();
        try {
            for (String zone : new String[] {"America/Los_Angeles", "UTC", "Pacific/Kiritimati"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                assertEquals(
                        Instant.parse("2027-01-05T01:00:00Z"),
                        TimeFields.requiredInstant("2027-01-05T09:00", "opensAt"),
                        zone);
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void blankIsNullWhenOptionalAndRequiredOtherwise() {
        assertNull(TimeFields.optionalInstant(null, "from"));
        assertNull(TimeFields.optionalInstant("  ", "until"), "empty is open");
        for (String blank : new String[] {null, "", "   "}) {
            PlatformException e =
                    assertThrows(PlatformException.class, () -> TimeFields.requiredInstant(blank, "opensAt"));
            assertEquals(422, e.status());
            assertEquals("opensAt", e.errors().get(0).field());
            assertEquals("必填", e.errors().get(0).words().zh());
        }
    }

    @Test
    void garbledOrUnkeepableTimesAreRefusedNamingTheFieldInBothLanguages() {
        for (String bad : new String[] {
            "下周一",
            "tomorrow",
            "2026-13-40T25:00",
            "2026-13-01T08:00",
            "2026-02-30T08:00",
            "2026-12-10T24:00",
            "2026-12-10 08:00",
            "2026-12-10",
            "08:00",
            "20260-06-30T08:00",
            "+20260-06-30T08:00",
            "2040-06-30T08:00+08:00",
            "2038-01-01T00:01",
            "1969-12-31T23:59Z",
            "1970-01-01T08:00",
            "1700000000",
            "2026-12-10T08:00+25:00",
            "2026-12-10T08:00[Asia/Shanghai]",
            "2026-12-10T08:00\u0000"
        }) {
            PlatformException e =
                    assertThrows(PlatformException.class, () -> TimeFields.optionalInstant(bad, "until"), bad);
            assertEquals(422, e.status(), bad);
            assertEquals(1, e.errors().size(), bad);
            assertEquals("until", e.errors().get(0).field(), bad);
            String zh = e.detail(Language.ZH) + e.errors().get(0).words().zh();
            String en = e.detail(Language.EN) + e.errors().get(0).words().en();
            assertTrue(zh.contains("北京时间") && !zh.matches(".*[a-z]{4,}.*"), zh);
            assertTrue(en.contains("China time"), en);
            for (String words : List.of(zh, en)) {
                assertFalse(
                        words.contains("java") || words.contains("Exception") || words.contains("could not be parsed"),
                        words);
            }
        }
    }

    @Test
    void theEdgesOfTheRangeAreKept() {
        assertEquals(TimeFields.EARLIEST, TimeFields.optionalInstant("1970-01-02T08:00", "from"));
        assertEquals(TimeFields.LATEST, TimeFields.optionalInstant("2037-12-31T16:00Z", "from"));
        PlatformException e =
                assertThrows(PlatformException.class, () -> TimeFields.optionalInstant("2037-12-31T16:00:01Z", "from"));
        assertEquals("must be between 1970 and 2037", e.errors().get(0).message());
    }

    @Test
    void everyFieldOfAFormIsReportedAtOnce() {
        List<FieldError> errors = new ArrayList<>();
        assertNull(TimeFields.instant("tomorrow", "opensAt", true, errors));
        assertNull(TimeFields.instant(null, "closesAt", true, errors));
        assertEquals(
                List.of("opensAt", "closesAt"),
                errors.stream().map(FieldError::field).toList());
        PlatformException e = assertThrows(PlatformException.class, () -> TimeFields.refuseIfAny(errors));
        assertEquals(2, e.errors().size());
        TimeFields.refuseIfAny(new ArrayList<>());
    }

    @Test
    void daysAndTimesOfDayAsWrittenInChina() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(LocalDate.of(2026, 12, 10), TimeFields.date("2026-12-10", "startsOn", true, errors));
        assertEquals(LocalTime.of(8, 30), TimeFields.clock("08:30", "start", true, errors));
        assertNull(TimeFields.date("", "endsOn", false, errors));
        assertNull(TimeFields.clock(null, "dayStarts", false, errors));
        assertTrue(errors.isEmpty(), errors.toString());
        for (String bad : new String[] {"2026-02-30", "明天", "2026-12-10T08:00", "1899-12-31", "+10000-01-01"}) {
            assertNull(TimeFields.date(bad, "startsOn", true, errors), bad);
        }
        for (String bad : new String[] {"25:00", "8点", "08:00+08:00"}) {
            assertNull(TimeFields.clock(bad, "start", true, errors), bad);
        }
        assertNull(TimeFields.date(" ", "endsOn", true, errors));
        assertEquals(9, errors.size());
        assertEquals("required", errors.get(8).message());
    }
}
