package cn.imtp.lms.practical.control;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.text.Words;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.ArrayList;
import java.util.List;

/**
 * How a practical exam is scored (pure). Each task is graded with its rubric (criteria with points and a
 * descriptor); the task's share is the points awarded over the rubric's points, and the exam's score on 100 is
 * the blueprint's weighted sum of the tasks' shares: Σ weight × awarded / max over Σ weight. The weights of
 * section 2.3 add up to 100, so a task weighted 25 % that earns 8 of 10 points brings 20 points. The score is
 * known once every task is graded; passed when it reaches the pass mark.
 */
public final class PracticalScore {

    public static final int MAX_CRITERIA = 20;
    public static final int MAX_CRITERION_POINTS = 100;

    /** One criterion of a rubric: what is judged, the most points it gives, and what earns them. */
    public record Criterion(String criterion, Integer points, String descriptor) {}

    /** A task as scored: its blueprint weight and, once graded, the points awarded out of its rubric's. */
    public record Task(int weight, Integer awarded, int maxPoints) {}

    /** {@code score} (0–100, one decimal) and {@code passed} are null until every task is graded. */
    @JsonbNillable
    public record Total(Double score, int graded, int tasks, Boolean passed) {}

    private PracticalScore() {}

    /** What is wrong with a rubric, field by field ({@code rubric[1].points}); empty when it can be used. */
    public static List<FieldError> check(List<Criterion> rubric) {
        List<FieldError> errors = new ArrayList<>();
        if (rubric == null || rubric.isEmpty() || rubric.size() > MAX_CRITERIA) {
            errors.add(new FieldError(
                    "rubric",
                    new Words(
                            "须有 1 至 " + MAX_CRITERIA + " 条评分标准，每条含评分项、分值和评分说明",
                            "1 to " + MAX_CRITERIA + " criteria, each {criterion, points, descriptor}")));
            return errors;
        }
        for (int i = 0; i < rubric.size(); i++) {
            Criterion c = rubric.get(i);
            String at = "rubric[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(
                        at, new Words("须为一条评分标准（含评分项、分值和评分说明）", "a criterion {criterion, points, descriptor}")));
                continue;
            }
            if (c.criterion() == null
                    || c.criterion().isBlank()
                    || c.criterion().length() > 200) {
                errors.add(new FieldError(
                        at + ".criterion", new Words("评分项须为 1 至 200 个字符", "what is judged: 1 to 200 characters")));
            }
            if (c.points() == null || c.points() < 1 || c.points() > MAX_CRITERION_POINTS) {
                errors.add(new FieldError(
                        at + ".points",
                        new Words(
                                "该项满分须为 1 至 " + MAX_CRITERION_POINTS,
                                "the most points it gives: 1 to " + MAX_CRITERION_POINTS)));
            }
            if (c.descriptor() != null && c.descriptor().length() > 1000) {
                errors.add(new FieldError(at + ".descriptor", new Words("最多 1000 个字符", "at most 1000 characters")));
            }
        }
        return errors;
    }

    /** What is wrong with a grade's points (one per criterion, in the rubric's order, from 0 to the criterion's points). */
    public static List<FieldError> check(List<Criterion> rubric, List<Integer> points) {
        if (points == null || points.size() != rubric.size()) {
            return List.of(new FieldError(
                    "points",
                    new Words(
                            "按评分标准的顺序，每条标准给一个分数：共 " + rubric.size() + " 个数",
                            "one number per criterion of the rubric, in its order: " + rubric.size() + " numbers")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Integer p = points.get(i);
            if (p == null || p < 0 || p > rubric.get(i).points()) {
                errors.add(new FieldError(
                        "points[" + i + "]",
                        new Words(
                                "“" + rubric.get(i).criterion() + "”：须为 0 至 "
                                        + rubric.get(i).points(),
                                "'" + rubric.get(i).criterion() + "': from 0 to "
                                        + rubric.get(i).points())));
            }
        }
        return errors;
    }

    public static int maxPoints(List<Criterion> rubric) {
        return rubric.stream().mapToInt(Criterion::points).sum();
    }

    /** The exam's score on 100 from its tasks, and whether it passes {@code passMark}. */
    public static Total total(List<Task> tasks, int passMark) {
        int graded = (int) tasks.stream().filter(t -> t.awarded() != null).count();
        int weights = tasks.stream().mapToInt(Task::weight).sum();
        if (tasks.isEmpty() || graded < tasks.size() || weights == 0) {
            return new Total(null, graded, tasks.size(), null);
        }
        double sum = 0;
        for (Task t : tasks) {
            sum += (double) t.weight() * t.awarded() / t.maxPoints();
        }
        double score = Math.round(sum * 100.0 / weights * 10) / 10.0;
        return new Total(score, graded, tasks.size(), score >= passMark);
    }
}
