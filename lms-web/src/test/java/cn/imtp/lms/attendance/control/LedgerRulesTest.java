package cn.imtp.lms.attendance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerRulesTest {

    static final List<LedgerRules.PlannedUnit> PLAN = List.of(new LedgerRules.PlannedUnit(1, "a", 2), new LedgerRules.PlannedUnit(2, "b", 1));

    @Test
    void surplusInOneUnitNeverSpillsIntoAnother() {
        var s = LedgerRules.learner(7, "l", "L", PLAN, Map.of(1L, new LedgerRules.Credit(3 * 45 * 60, 0)), 45, 3);
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
        var s = LedgerRules.learner(7, "l", "L", PLAN,
                Map.of(1L, new LedgerRules.Credit(60 * 60, 30 * 60), 2L, new LedgerRules.Credit(45 * 60, 0)), 45, 3);
        assertTrue(s.meetsHours());
        assertEquals(135.0, s.classroomMinutes());
        assertEquals(0.0, s.shortMinutes());
    }

    @Test
    void aPlanAboveTheMinimumIsStillShortWhileAUnitIsMissing() {
        var s = LedgerRules.learner(7, "l", "L", PLAN, Map.of(1L, new LedgerRules.Credit(90 * 60, 0)), 45, 1);
        assertFalse(s.meetsHours(), "every unit of the plan must be met, not only the level's minimum");
    }
}
