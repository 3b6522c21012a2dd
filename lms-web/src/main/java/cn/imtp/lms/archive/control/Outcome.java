package cn.imtp.lms.archive.control;

import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.exam.control.Scores;
import cn.imtp.platform.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a learner has completed a class, requirement by requirement. Pure. Every class asks for the
 * plan's classroom hours and for every exam the class set: its summative theory exams and its practical
 * exams (操作技能考核). A class that leads to a level certificate asks for both kinds even before it has set
 * them: until then the requirement is NOT_AVAILABLE and the class cannot be complete, said, not hidden.
 */
public final class Outcome {

    public enum Requirement {
        HOURS(new Words("课堂学时", "Classroom hours")),
        THEORY(new Words("理论知识考核", "Theory assessment")),
        PRACTICAL(new Words("操作技能考核", "Practical assessment"));

        public final Words words;

        Requirement(Words words) {
            this.words = words;
        }
    }

    public enum State {
        MET(new Words("已达标", "met")),
        NOT_MET(new Words("未达标", "not met")),
        NOT_TAKEN(new Words("尚未参加", "not taken")),
        NOT_AVAILABLE(new Words("暂未开展", "not available"));

        public final Words words;

        State(Words words) {
            this.words = words;
        }
    }

    /** One requirement's state, with what it means in words for people ({@code detail}, in Chinese and English). */
    public record Check(Requirement requirement, State state, Words detail) {}

    public record Verdict(boolean complete, List<Check> checks) {}

    /**
     * A summative exam, theory or practical: {@code passed} null while the learner has no result in it; a score of a
     * paper not out of 100 is shown on the 100-point scale of the pass mark, with its own points beside.
     */
    public record Exam(String title, Boolean passed, Double score, int maxScore) {}

    private Outcome() {}

    /** @param shortMinutes by how much the classroom minutes fall short (0 when met); {@code hours} null before the class is active */
    public static Verdict judge(
            boolean certificateClass,
            Boolean meetsHours,
            double shortMinutes,
            List<Exam> theory,
            List<Exam> practical) {
        List<Check> checks = new ArrayList<>();
        if (meetsHours == null) {
            checks.add(new Check(Requirement.HOURS, State.NOT_TAKEN, new Words("本班尚未开课", "the class has not started")));
        } else if (meetsHours) {
            checks.add(new Check(Requirement.HOURS, State.MET, new Words("课堂学时已达标", "classroom hours met")));
        } else {
            String shortBy = ExportTable.Clock.ofMinutes(shortMinutes).toString();
            checks.add(new Check(
                    Requirement.HOURS,
                    State.NOT_MET,
                    new Words("课堂学时还差 " + shortBy + "（时:分:秒）", "short by " + shortBy + " (h:mm:ss)")));
        }
        exams(
                        Requirement.THEORY,
                        theory,
                        certificateClass,
                        new Words("本班尚未设置理论知识考试", "the class has no theory exam yet"))
                .ifPresent(checks::add);
        exams(
                        Requirement.PRACTICAL,
                        practical,
                        certificateClass,
                        new Words("本班尚未设置操作技能考核", "the class has no practical exam yet"))
                .ifPresent(checks::add);
        return new Verdict(checks.stream().allMatch(c -> c.state() == State.MET), checks);
    }

    private static Optional<Check> exams(Requirement requirement, List<Exam> exams, boolean required, Words none) {
        if (exams.isEmpty()) {
            return required ? Optional.of(new Check(requirement, State.NOT_AVAILABLE, none)) : Optional.empty();
        }
        List<String> failed = exams.stream()
                .filter(t -> Boolean.FALSE.equals(t.passed()))
                .map(Exam::title)
                .toList();
        List<String> missing =
                exams.stream().filter(t -> t.passed() == null).map(Exam::title).toList();
        State state = !failed.isEmpty() ? State.NOT_MET : !missing.isEmpty() ? State.NOT_TAKEN : State.MET;
        Words detail = switch (state) {
            case NOT_MET -> new Words("未通过：" + String.join("、", failed), "not passed: " + String.join(", ", failed));
            case NOT_TAKEN ->
                new Words("尚无成绩：" + String.join("、", missing), "no result yet: " + String.join(", ", missing));
            default -> {
                List<String> passed = exams.stream()
                        .map(t -> t.title() + " "
                                + (t.maxScore() == 100
                                        ? number(t.score()) + "/100"
                                        : Scores.compact(t.score().intValue(), t.maxScore())))
                        .toList();
                yield new Words("已通过：" + String.join("、", passed), "passed: " + String.join(", ", passed));
            }
        };
        return Optional.of(new Check(requirement, state, detail));
    }

    private static String number(Double d) {
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
}
