package cn.imtp.lms.resourcepack.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.imtp.platform.problem.PlatformException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowEndTest {

    @Test
    void aWindowEndIsAnInstantWithItsOffsetOrChinaTimeWithout() {
        assertEquals(
                Instant.parse("2026-12-10T00:00:00Z"), ResourcePacks.windowEnd("2026-12-10T08:00:00+08:00", "from"));
        assertEquals(Instant.parse("2026-12-10T00:00:00Z"), ResourcePacks.windowEnd("2026-12-10T00:00Z", "from"));
        assertEquals(
                Instant.parse("2026-12-10T00:00:00Z"),
                ResourcePacks.windowEnd("2026-12-10T08:00", "from"),
                "a page's date-and-time field, China time");
        assertNull(ResourcePacks.windowEnd(null, "from"));
        assertNull(ResourcePacks.windowEnd("  ", "until"), "empty is open");
    }

    @Test
    void garbledOrUnkeepableTimesAreRefusedNamingTheField() {
        for (String bad : new String[] {
            "下周一", "2026-13-01T08:00", "20260-06-30T08:00", "2040-06-30T08:00+08:00", "1969-12-31T23:59Z", "1700000000"
        }) {
            PlatformException e =
                    assertThrows(PlatformException.class, () -> ResourcePacks.windowEnd(bad, "until"), bad);
            assertEquals(422, e.status(), bad);
            assertEquals("until", e.errors().get(0).field(), bad);
        }
    }
}
