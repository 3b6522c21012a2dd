package cn.imtp.lms.practical.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.practical.control.PracticalScore.Criterion;
import cn.imtp.lms.practical.control.PracticalScore.Task;
import cn.imtp.platform.problem.FieldError;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PracticalScoreTest {

    static final List<Criterion> RUBRIC =
            List.of(new Criterion("脚本结构完整", 6, "开场、卖点、促单、收尾齐全"), new Criterion("表达清晰", 4, null));

    @Test
    void theScoreIsTheBlueprintsWeightedSumOfTheTasksShares() {
        // The level-5 video promoter's blueprint: 14, 10, 6, 25, 25, 10, 10.
        List<Task> tasks = List.of(
                new Task(14, 10, 10),
                new Task(10, 5, 10),
                new Task(6, 0, 10),
                new Task(25, 8, 10),
                new Task(25, 20, 20),
                new Task(10, 3, 4),
                new Task(10, 7, 10));
        PracticalScore.Total t = PracticalScore.total(tasks, 60);
        // 14 + 5 + 0 + 20 + 25 + 7.5 + 7 = 78.5
        assertEquals(78.5, t.score());
        assertEquals(7, t.graded());
        assertTrue(t.passed());
        assertFalse(PracticalScore.total(tasks, 79).passed());
    }

    @Test
    void weightsThatDoNotAddUpTo100AreScaledSoThatFullMarksAre100() {
        assertEquals(
                100.0,
                PracticalScore.total(List.of(new Task(30, 5, 5), new Task(20, 2, 2)), 60)
                        .score());
        assertEquals(
                60.0,
                PracticalScore.total(List.of(new Task(30, 5, 5), new Task(20, 0, 2)), 60)
                        .score());
    }

    @Test
    void noScoreUntilEveryTaskIsGraded() {
        PracticalScore.Total t = PracticalScore.total(List.of(new Task(50, 5, 5), new Task(50, null, 10)), 60);
        assertNull(t.score());
        assertNull(t.passed());
        assertEquals(1, t.graded());
        assertEquals(2, t.tasks());
    }

    @Test
    void aRubricNamesEveryWrongField() {
        assertTrue(PracticalScore.check(RUBRIC).isEmpty());
        assertEquals(List.of("rubric"), fields(PracticalScore.check(List.of())));
        assertEquals(
                List.of("rubric[0].criterion", "rubric[1].points", "rubric[1].descriptor"),
                fields(PracticalScore.check(
                        List.of(new Criterion(" ", 5, null), new Criterion("准确", 101, "x".repeat(1001))))));
        assertEquals(10, PracticalScore.maxPoints(RUBRIC));
    }

    @Test
    void aGradeGivesEachCriterionAtMostItsPoints() {
        assertTrue(PracticalScore.check(RUBRIC, List.of(6, 0)).isEmpty());
        assertEquals(List.of("points"), fields(PracticalScore.check(RUBRIC, List.of(6))));
        List<FieldError> errors = PracticalScore.check(RUBRIC, Arrays.asList(7, null));
        assertEquals(List.of("points[0]", "points[1]"), fields(errors));
        assertTrue(
                errors.get(0).message().contains("脚本结构完整")
                        && errors.get(0).message().contains("0 to 6"),
                errors.toString());
        assertEquals(List.of("points[1]"), fields(PracticalScore.check(RUBRIC, List.of(0, -1))));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
