package cn.imtp.lms.presence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckScheduleTest {

    @Test
    void theMeanGapIsTheClassHourOverTheChecksPerClassHour() {
        assertEquals(22 * 60_000L + 30_000, CheckSchedule.meanIntervalMs(45, 2));
        assertEquals(45 * 60_000L, CheckSchedule.meanIntervalMs(45, 1));
    }

    @Test
    void theNextCheckFallsBetweenHalfAndOneAndAHalfMeanGapsAfterThePass() {
        Set<Long> seen = new HashSet<>();
        for (int n = 0; n < 500; n++) {
            long next = CheckSchedule.next(60_000, 20_000, CheckSchedule.random(Optional.empty(), "s", n));
            assertTrue(next >= 70_000 && next < 90_000, "next " + next);
            seen.add(next / 1000);
        }
        assertTrue(seen.size() > 15, "spread over the interval, not fixed: " + seen.size() + " distinct seconds");
    }

    @Test
    void aSeedMakesEachSessionsScheduleRepeatableAndSessionsDiffer() {
        long a = CheckSchedule.next(0, 20_000, CheckSchedule.random(Optional.of(29L), "session-a", 1));
        assertEquals(a, CheckSchedule.next(0, 20_000, CheckSchedule.random(Optional.of(29L), "session-a", 1)));
        assertNotEquals(a, CheckSchedule.next(0, 20_000, CheckSchedule.random(Optional.of(29L), "session-b", 1)));
        assertNotEquals(a, CheckSchedule.next(0, 20_000, CheckSchedule.random(Optional.of(29L), "session-a", 2)));
    }
}
