package cn.imtp.lms.plan.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.catalogue.control.PackageData;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.plan.control.PlanRules.Assessment;
import cn.imtp.lms.plan.control.PlanRules.Minimum;
import cn.imtp.lms.plan.control.PlanRules.Pick;
import cn.imtp.lms.plan.entity.PlanKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanRulesTest {

    /** Section 1.1.3 as the training package's data gives it. */
    static final PackageData.CourseSelectionFile SELECTION =
            PackageData.readAll(PlanRulesTest.class.getClassLoader()).get(0).courseSelection();

    static Assessment assess(
            Level level, JobType jobType, PlanKind kind, List<Pick> picks, Minimum minimum, Map<Long, Integer> own) {
        return PlanRules.assess(level, jobType, kind, picks, minimum, own, SELECTION);
    }

    static final Minimum L5 = new Minimum(28, 52);
    static final Minimum L4 = new Minimum(12, 58);

    /** 28 one-hour basic units, ids 1..28. */
    static List<Pick> basic(int hours) {
        List<Pick> picks = new ArrayList<>();
        for (int i = 1; i <= hours; i++) {
            picks.add(new Pick(i, "basic " + i, 1, true, null, null));
        }
        return picks;
    }

    /** Skill units of 4 hours each, ids from {@code firstId}. */
    static List<Pick> skill(Level level, JobType job, long firstId, int count) {
        List<Pick> picks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picks.add(new Pick(firstId + i, level + " unit " + i, 4, false, level, job));
        }
        return picks;
    }

    static Map<Long, Integer> table(List<Pick> units) {
        Map<Long, Integer> m = new LinkedHashMap<>();
        units.forEach(p -> m.put(p.unitId(), p.hours()));
        return m;
    }

    static List<Pick> plus(List<Pick> a, List<Pick> b) {
        List<Pick> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aNewEntrantWithTheBasicCourseAndAllOfLevel5MeetsTheMinimum() {
        List<Pick> l5 = skill(Level.L5, JobType.LIVE_SELLER, 100, 13);
        Assessment a = assess(Level.L5, JobType.LIVE_SELLER, PlanKind.NEW_ENTRANT, plus(basic(28), l5), L5, table(l5));
        assertTrue(a.certificateEligible(), a.shortfalls().toString());
        assertEquals(80, a.classroomHours());
        assertEquals(80, a.minimumClassroomHours());
    }

    @Test
    void theBasicCourseIsMandatory() {
        List<Pick> l5 = skill(Level.L5, JobType.LIVE_SELLER, 100, 13);
        Assessment a = assess(Level.L5, JobType.LIVE_SELLER, PlanKind.NEW_ENTRANT, plus(basic(20), l5), L5, table(l5));
        assertFalse(a.certificateEligible());
        assertEquals("BASIC_COURSE_MANDATORY", a.shortfalls().get(0).rule());
        assertEquals(8, a.shortfalls().get(0).missingHours());
    }

    @Test
    void aNewEntrantTakesTheWholeLevel5TableAndStartsAtLevel5() {
        List<Pick> l5 = skill(Level.L5, JobType.LIVE_SELLER, 100, 13);
        Assessment partial = assess(
                Level.L5, JobType.LIVE_SELLER, PlanKind.NEW_ENTRANT, plus(basic(28), l5.subList(0, 12)), L5, table(l5));
        assertTrue(partial.shortfalls().stream()
                .anyMatch(s -> s.rule().equals("NEW_ENTRANT_WHOLE_TABLE") && s.missingHours() == 4));
        Assessment higher = assess(
                Level.L4,
                JobType.LIVE_SELLER,
                PlanKind.NEW_ENTRANT,
                plus(basic(12), skill(Level.L4, JobType.LIVE_SELLER, 200, 15)),
                L4,
                table(l5));
        assertTrue(higher.shortfalls().stream()
                .anyMatch(s -> s.rule().equals("NEW_ENTRANT_LEVEL")
                        && s.message().zh().contains("（1.1.3 节：原则上，初入职的培训学员应学习")
                        && s.message().zh().endsWith("五级/初级职业技能培训课程的全部内容……）。")));
    }

    @Test
    void aHigherLevelNeedsOnlyItsShareOfTheBasicCourse() {
        Assessment a = assess(
                Level.L4,
                JobType.VIDEO_PROMOTER,
                PlanKind.UPGRADE,
                plus(basic(12), skill(Level.L4, JobType.VIDEO_PROMOTER, 300, 15)),
                L4,
                Map.of());
        assertTrue(a.certificateEligible(), a.shortfalls().toString());
        assertEquals(72, a.classroomHours());
    }

    @Test
    void anUpgradeTakesSkillUnitsOfItsOwnTableButExperiencedLearnersChooseFreely() {
        List<Pick> mixed = plus(
                plus(basic(12), skill(Level.L4, JobType.VIDEO_PROMOTER, 300, 14)),
                skill(Level.L4, JobType.LIVE_SELLER, 400, 1));
        Assessment upgrade = assess(Level.L4, JobType.VIDEO_PROMOTER, PlanKind.UPGRADE, mixed, L4, Map.of());
        assertTrue(upgrade.shortfalls().stream().anyMatch(s -> s.rule().equals("SKILL_UNITS_OF_OWN_TABLE")));
        Assessment experienced = assess(Level.L4, JobType.VIDEO_PROMOTER, PlanKind.EXPERIENCED, mixed, L4, Map.of());
        assertTrue(experienced.certificateEligible(), experienced.shortfalls().toString());
    }

    @Test
    void everyShortfallIsNamedWithTheMissingHours() {
        Assessment a = assess(
                Level.L4,
                JobType.PRODUCT_SELECTOR,
                PlanKind.ORDER_TRAINING,
                plus(basic(10), skill(Level.L5, JobType.PRODUCT_SELECTOR, 500, 5)),
                L4,
                Map.of());
        assertEquals(
                List.of("BASIC_COURSE_MANDATORY", "SKILL_HOURS_MINIMUM", "CLASSROOM_HOURS_MINIMUM"),
                a.shortfalls().stream().map(PlanRules.Shortfall::rule).toList());
        assertEquals(
                List.of(2, 38, 40),
                a.shortfalls().stream().map(PlanRules.Shortfall::missingHours).toList());
        assertFalse(a.certificateEligible());
    }

    @Test
    void section113IsDataForEveryKindOfPlan() {
        assertTrue(SELECTION.basicCourse().mandatory());
        for (PlanKind kind : PlanKind.values()) {
            assertEquals(kind.name(), SELECTION.ruleFor(kind.name()).kind());
        }
        assertEquals(Level.L5, SELECTION.ruleFor("NEW_ENTRANT").startLevel());
        assertTrue(SELECTION.ruleFor("NEW_ENTRANT").wholeTable()
                && SELECTION.ruleFor("UPGRADE").ownTableOnly());
        assertFalse(
                SELECTION.ruleFor("EXPERIENCED").ownTableOnly()
                        || SELECTION.ruleFor("ORDER_TRAINING").ownTableOnly(),
                "experienced learners and order training pick freely");
    }
}
