package cn.imtp.lms.cohort.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.catalogue.control.PackageData;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.cohort.control.ClassRules.Credential;
import cn.imtp.lms.cohort.control.ClassRules.Facts;
import cn.imtp.lms.cohort.control.ClassRules.ScheduledLesson;
import cn.imtp.lms.cohort.control.ClassRules.Teacher;
import cn.imtp.lms.cohort.control.ClassRules.UnitNeed;
import cn.imtp.lms.cohort.entity.CredentialKind;
import cn.imtp.lms.cohort.entity.Duty;
import cn.imtp.lms.cohort.entity.TitleGrade;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassRulesTest {

    /** Section 1.3.1 as the training package's data gives it. */
    static final PackageData.TeacherRequirementsFile RULES =
            PackageData.readAll(ClassRulesTest.class.getClassLoader()).get(0).teachers();

    static final LocalDate START = LocalDate.of(2026, 12, 1);
    static final Credential L3_CERT =
            new Credential(CredentialKind.CERTIFICATE, Level.L3, null, LocalDate.of(2020, 1, 1));
    static final Credential L4_CERT =
            new Credential(CredentialKind.CERTIFICATE, Level.L4, null, LocalDate.of(2020, 1, 1));
    static final Credential INTERMEDIATE =
            new Credential(CredentialKind.TITLE, null, TitleGrade.INTERMEDIATE, LocalDate.of(2015, 1, 1));
    static final Credential SENIOR =
            new Credential(CredentialKind.TITLE, null, TitleGrade.SENIOR, LocalDate.of(2015, 1, 1));

    static Teacher teacher(long id, Duty duty, Credential... credentials) {
        return new Teacher(id, "teacher " + id, Set.of(duty), List.of(credentials));
    }

    static List<ClassRules.Learner> learners(int n) {
        List<ClassRules.Learner> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new ClassRules.Learner("learner " + i, Set.of(), Set.of()));
        }
        return all;
    }

    static Facts facts(int learners, List<Teacher> teachers, List<ScheduledLesson> lessons) {
        return new Facts(
                Level.L5,
                true,
                true,
                learners(learners),
                teachers,
                List.of(new UnitNeed(1, "unit 1", 2), new UnitNeed(2, "unit 2", 3)),
                lessons,
                START,
                START.plusDays(10),
                RULES);
    }

    static final List<ScheduledLesson> FULL =
            List.of(new ScheduledLesson(1, 2, START, 10), new ScheduledLesson(2, 3, START.plusDays(1), 11));

    @Test
    void thirtyLearnersWithOneQualifiedTeacherOfEachDutyAndAFullScheduleMayStart() {
        assertEquals(
                List.of(),
                ClassRules.check(facts(
                        30,
                        List.of(teacher(10, Duty.THEORY, L3_CERT), teacher(11, Duty.PRACTICAL, INTERMEDIATE)),
                        FULL)));
    }

    @Test
    void thirtyOneLearnersNeedTwoOfEach() {
        List<ClassRules.Violation> v = ClassRules.check(
                facts(31, List.of(teacher(10, Duty.THEORY, L3_CERT), teacher(11, Duty.PRACTICAL, L3_CERT)), FULL));
        assertEquals(2, v.size(), v.toString());
        assertTrue(v.stream()
                .allMatch(x -> x.rule().equals("TEACHER_RATIO")
                        && x.message().en().startsWith("31 learners need at least 2")));
        List<Teacher> four = List.of(
                teacher(10, Duty.THEORY, L3_CERT),
                teacher(12, Duty.THEORY, L3_CERT),
                teacher(11, Duty.PRACTICAL, L3_CERT),
                teacher(13, Duty.PRACTICAL, SENIOR));
        assertEquals(List.of(), ClassRules.check(facts(31, four, FULL)));
    }

    @Test
    void section131IsDataForEveryLevelAndBothDuties() {
        for (Level level : Level.values()) {
            assertEquals(
                    1,
                    RULES.qualifications().stream()
                            .filter(q -> q.levels().contains(level))
                            .count(),
                    level.toString());
        }
        assertEquals(
                List.of("THEORY 1 30", "PRACTICAL 1 30"),
                RULES.staffing().stream()
                        .map(x -> x.duty() + " " + x.atLeast() + " " + x.learnersPerTeacher())
                        .toList());
        assertEquals(2, RULES.qualificationFor(Level.L1).certificateHeldYears());
    }

    @Test
    void qualificationsFollowSection131() {
        assertTrue(ClassRules.qualified(RULES.qualificationFor(Level.L5), List.of(L3_CERT), START));
        assertFalse(ClassRules.qualified(RULES.qualificationFor(Level.L5), List.of(L4_CERT), START));
        assertTrue(ClassRules.qualified(RULES.qualificationFor(Level.L4), List.of(INTERMEDIATE), START));
        assertFalse(ClassRules.qualified(RULES.qualificationFor(Level.L3), List.of(INTERMEDIATE), START));
        assertFalse(ClassRules.qualified(RULES.qualificationFor(Level.L3), List.of(L3_CERT), START));
        assertTrue(ClassRules.qualified(RULES.qualificationFor(Level.L2), List.of(SENIOR), START));
        Credential l1Recent = new Credential(
                CredentialKind.CERTIFICATE, Level.L1, null, START.minusYears(2).plusDays(1));
        Credential l1Old = new Credential(CredentialKind.CERTIFICATE, Level.L1, null, START.minusYears(2));
        assertTrue(ClassRules.qualified(RULES.qualificationFor(Level.L2), List.of(l1Recent), START));
        assertFalse(
                ClassRules.qualified(RULES.qualificationFor(Level.L1), List.of(l1Recent), START),
                "a level-1 certificate must be held two years");
        assertTrue(ClassRules.qualified(RULES.qualificationFor(Level.L1), List.of(l1Old), START));
    }

    @Test
    void anUnqualifiedTeacherIsNamed() {
        List<ClassRules.Violation> v = ClassRules.check(
                facts(20, List.of(teacher(10, Duty.THEORY, L4_CERT), teacher(11, Duty.PRACTICAL, INTERMEDIATE)), FULL));
        assertEquals(1, v.size());
        assertEquals("TEACHER_QUALIFICATION", v.get(0).rule());
        assertTrue(v.get(0).message().en().startsWith("teacher 10 is not qualified to teach L5"));
    }

    @Test
    void theScheduleMustCoverEveryUnitWithItsHoursWithinTheDates() {
        List<ScheduledLesson> partial = new ArrayList<>(List.of(
                new ScheduledLesson(1, 2, START, 10),
                new ScheduledLesson(2, 2, START, 11),
                new ScheduledLesson(2, 1, START.plusDays(30), 11)));
        List<ClassRules.Violation> v = ClassRules.check(
                facts(10, List.of(teacher(10, Duty.THEORY, L3_CERT), teacher(11, Duty.PRACTICAL, L3_CERT)), partial));
        assertEquals(
                List.of("LESSON_OUTSIDE_DATES"),
                v.stream().map(ClassRules.Violation::rule).toList());
        partial.remove(2);
        v = ClassRules.check(
                facts(10, List.of(teacher(10, Duty.THEORY, L3_CERT), teacher(11, Duty.PRACTICAL, L3_CERT)), partial));
        assertEquals(
                "Unit 'unit 2' needs 3 class hour(s); 2 are scheduled.",
                v.get(0).message().en());
    }

    @Test
    void aCertificateClassNeedsAPlanWithoutShortfalls() {
        Facts f = new Facts(
                Level.L5,
                false,
                true,
                learners(10),
                List.of(teacher(10, Duty.THEORY, L3_CERT), teacher(11, Duty.PRACTICAL, L3_CERT)),
                List.of(),
                List.of(),
                START,
                START,
                RULES);
        assertEquals(
                List.of("PLAN_BELOW_MINIMUM"),
                ClassRules.check(f).stream().map(ClassRules.Violation::rule).toList());
        Facts noCertificate = new Facts(
                Level.L5, false, false, learners(10), f.teachers(), List.of(), List.of(), START, START, RULES);
        assertEquals(List.of(), ClassRules.check(noCertificate));
    }

    @Test
    void aPlanAboveLevel5IsForHoldersOfTheLowerCertificateOrApprovedLearners() {
        ClassRules.Learner holder = new ClassRules.Learner("holder", Set.of(Level.L5), Set.of());
        ClassRules.Learner approved = new ClassRules.Learner("approved", Set.of(), Set.of(Level.L4));
        ClassRules.Learner neither = new ClassRules.Learner("neither", Set.of(), Set.of(Level.L3));
        assertTrue(ClassRules.eligible(Level.L4, holder));
        assertTrue(ClassRules.eligible(Level.L4, approved));
        assertFalse(ClassRules.eligible(Level.L4, neither));
        assertFalse(ClassRules.eligible(Level.L3, holder), "an L5 certificate does not lead straight to L3");
        Facts f = new Facts(
                Level.L4,
                true,
                true,
                List.of(holder, approved, neither),
                List.of(teacher(10, Duty.THEORY, L3_CERT), teacher(11, Duty.PRACTICAL, L3_CERT)),
                List.of(),
                List.of(),
                START,
                START,
                RULES);
        List<ClassRules.Violation> v = ClassRules.check(f);
        assertEquals(
                List.of("LEARNER_ELIGIBILITY"),
                v.stream().map(ClassRules.Violation::rule).toList());
        assertTrue(v.get(0).message().en().startsWith("neither holds no certificate of a level below L4"));
    }
}
