package cn.imtp.lms.archive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.platform.text.Words;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    static final Outcome.Exam PASSED = new Outcome.Exam("结业理论考试", true, 82.0, 100);
    static final Outcome.Exam PRACTICAL = new Outcome.Exam("操作技能考核", true, 78.5, 100);

    @Test
    void aClassWithoutCertificateIsCompleteWithItsHoursAndTheExamsItSet() {
        assertTrue(Outcome.judge(false, true, 0, List.of(), List.of()).complete());
        assertTrue(Outcome.judge(false, true, 0, List.of(PASSED), List.of()).complete());
        assertFalse(Outcome.judge(false, false, 30, List.of(PASSED), List.of()).complete());
        assertEquals(
                new Words("课堂学时还差 0:30:00（时:分:秒）", "short by 0:30:00 (h:mm:ss)"),
                Outcome.judge(false, false, 30, List.of(), List.of())
                        .checks()
                        .get(0)
                        .detail());
    }

    @Test
    void theTheoryStateSaysWhichExamIsFailedOrNotTakenYet() {
        Outcome.Check failed = Outcome.judge(
                        false,
                        true,
                        0,
                        List.of(
                                PASSED,
                                new Outcome.Exam("基础课程考试", false, 40.0, 100),
                                new Outcome.Exam("补充测验", null, null, 100)),
                        List.of())
                .checks()
                .get(1);
        assertEquals(Outcome.State.NOT_MET, failed.state());
        assertEquals(new Words("未通过：基础课程考试", "not passed: 基础课程考试"), failed.detail());
        Outcome.Check missing = Outcome.judge(
                        false, true, 0, List.of(PASSED, new Outcome.Exam("补充测验", null, null, 100)), List.of())
                .checks()
                .get(1);
        assertEquals(Outcome.State.NOT_TAKEN, missing.state());
    }

    @Test
    void aCertificateClassAsksForTheoryAndPracticalAndSaysWhenTheClassHasNotSetThemYet() {
        Outcome.Verdict v = Outcome.judge(true, true, 0, List.of(PASSED), List.of());
        assertFalse(v.complete());
        assertEquals(
                List.of(Outcome.Requirement.HOURS, Outcome.Requirement.THEORY, Outcome.Requirement.PRACTICAL),
                v.checks().stream().map(Outcome.Check::requirement).toList());
        assertEquals(Outcome.State.NOT_AVAILABLE, v.checks().get(2).state());
        assertEquals(
                Outcome.State.NOT_AVAILABLE,
                Outcome.judge(true, true, 0, List.of(), List.of())
                        .checks()
                        .get(1)
                        .state());
        assertEquals(
                Outcome.State.NOT_TAKEN,
                Outcome.judge(true, null, 0, List.of(), List.of())
                        .checks()
                        .get(0)
                        .state());
    }

    @Test
    void aPassedPracticalExamCompletesACertificateClass() {
        Outcome.Verdict v = Outcome.judge(true, true, 0, List.of(PASSED), List.of(PRACTICAL));
        assertTrue(v.complete(), v.toString());
        assertEquals("passed: 操作技能考核 78.5/100", v.checks().get(2).detail().en());
        assertEquals("已通过：操作技能考核 78.5/100", v.checks().get(2).detail().zh());
        Outcome.Check ungraded = Outcome.judge(
                        true, true, 0, List.of(PASSED), List.of(new Outcome.Exam("操作技能考核", null, null, 100)))
                .checks()
                .get(2);
        assertEquals(Outcome.State.NOT_TAKEN, ungraded.state());
        assertEquals(
                Outcome.State.NOT_MET,
                Outcome.judge(false, true, 0, List.of(), List.of(new Outcome.Exam("操作技能考核", false, 41.5, 100)))
                        .checks()
                        .get(1)
                        .state());
    }
}
