package cn.imtp.lms.attendance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerRulesTest {

    static final List<LedgerRules.PlannedUnit> PLAN =
            List.of(new LedgerRules.PlannedUnit(1, "a", 2), new LedgerRules.PlannedUnit(2, "b", 1));

    @Test
    void surplusInOneUnitNeverSpillsIntoAnother() {
        var s = LedgerRules.learner(
                7,
                "l",
                "L",
                PLAN,
                Map.of(1L, new LedgerRules.Credit(3 * 45 * 60, 0)),
                0,
                new LedgerRules.Terms(45, 3, 1.0, 0));
        assertEquals(90.0, s.units().get(0).creditedMinutes());
        assertTrue(s.units().get(0).met());
        assertFalse(s.units().get(1).met());
        assertEquals(45.0, s.units().get(1).shortMinutes());
        assertEquals(90.0, s.classroomMinutes());
        assertFalse(s.meetsHours());
        assertEquals(45.0, s.shortMinutes());
    }

    @Test
    void everyUnitMetAndTheMinimumReachedMeetsTheHours() {
        var s = LedgerRules.learner(
                7,
                "l",
                "L",
                PLAN,
                Map.of(1L, new LedgerRules.Credit(60 * 60, 30 * 60), 2L, new LedgerRules.Credit(45 * 60, 0)),
                0,
                new LedgerRules.Terms(45, 3, 1.0, 0));
        assertTrue(s.meetsHours());
        assertEquals(135.0, s.classroomMinutes());
        assertEquals(0.0, s.shortMinutes());
    }

    @Test
    void aPlanAboveTheMinimumIsStillShortWhileAUnitIsMissing() {
        var s = LedgerRules.learner(
                7,
                "l",
                "L",
                PLAN,
                Map.of(1L, new LedgerRules.Credit(90 * 60, 0)),
                0,
                new LedgerRules.Terms(45, 1, 1.0, 0));
        assertFalse(s.meetsHours(), "every unit of the plan must be met, not only the level's minimum");
    }

    @Test
    void onlineCreditCountsOnlyUpToTheCappedShareOfThePlan() {
        var s = LedgerRules.learner(
                7,
                "l",
                "L",
                PLAN,
                Map.of(1L, new LedgerRules.Credit(90 * 60, 0), 2L, new LedgerRules.Credit(45 * 60, 0)),
                0,
                new LedgerRules.Terms(45, 1, 0.5, 0));
        assertTrue(s.units().get(0).met() && s.units().get(1).met(), "each unit still shows what was watched");
        assertEquals(67.5, s.classroomMinutes(), "half of the plan's 135 minutes");
        assertEquals(67.5, s.onlineOverCapMinutes());
        assertFalse(s.meetsHours(), "the rest must be taught in a classroom");
        assertEquals(67.5, s.shortMinutes());
    }

    @Test
    void otherHoursCountTowardTheTotalButNeverTheClassroomHours() {
        var s = LedgerRules.learner(
                7,
                "l",
                "L",
                PLAN,
                Map.of(1L, new LedgerRules.Credit(30 * 60, 0)),
                120,
                new LedgerRules.Terms(45, 1, 1.0, 4));
        assertEquals(30.0, s.classroomMinutes());
        assertEquals(120, s.otherMinutes());
        assertEquals(180, s.otherRequiredMinutes());
        assertEquals(150.0, s.totalMinutes());
        assertFalse(s.meetsHours());
    }
}
