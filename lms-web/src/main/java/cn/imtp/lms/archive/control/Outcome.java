package cn.imtp.lms.archive.control;

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

    public enum Requirement { HOURS, THEORY, PRACTICAL }

    public enum State { MET, NOT_MET, NOT_TAKEN, NOT_AVAILABLE }

    public record Check(Requirement requirement, State state, String detail) {
    }

    public record Verdict(boolean complete, List<Check> checks) {
    }

    /** A summative exam, theory or practical: {@code passed} null while the learner has no result in it. */
    public record Exam(String title, Boolean passed, Double score, int maxScore) {
    }

    private Outcome() {
    }

    /** @param shortMinutes by how much the classroom minutes fall short (0 when met); {@code hours} null before the class is active */
    public static Verdict judge(boolean certificateClass, Boolean meetsHours, double shortMinutes, List<Exam> theory, List<Exam> practical) {
        List<Check> checks = new ArrayList<>();
        if (meetsHours == null) {
            checks.add(new Check(Requirement.HOURS, State.NOT_TAKEN, "the class has not started"));
        } else {
            checks.add(new Check(Requirement.HOURS, meetsHours ? State.MET : State.NOT_MET,
                    meetsHours ? "classroom hours met" : "short by " + Math.round(shortMinutes * 10) / 10.0 + " minutes"));
        }
        exams(Requirement.THEORY, theory, certificateClass, "the class has no theory exam yet").ifPresent(checks::add);
        exams(Requirement.PRACTICAL, practical, certificateClass, "the class has no practical exam (操作技能考核) yet").ifPresent(checks::add);
        return new Verdict(checks.stream().allMatch(c -> c.state() == State.MET), checks);
    }

    private static Optional<Check> exams(Requirement requirement, List<Exam> exams, boolean required, String none) {
        if (exams.isEmpty()) {
            return required ? Optional.of(new Check(requirement, State.NOT_AVAILABLE, none)) : Optional.empty();
        }
        List<String> failed = exams.stream().filter(t -> Boolean.FALSE.equals(t.passed())).map(Exam::title).toList();
        List<String> missing = exams.stream().filter(t -> t.passed() == null).map(Exam::title).toList();
        State state = !failed.isEmpty() ? State.NOT_MET : !missing.isEmpty() ? State.NOT_TAKEN : State.MET;
        String detail = switch (state) {
            case NOT_MET -> "not passed: " + String.join(", ", failed);
            case NOT_TAKEN -> "no result yet: " + String.join(", ", missing);
            default -> "passed: " + String.join(", ", exams.stream().map(t -> t.title() + " " + number(t.score()) + "/" + t.maxScore()).toList());
        };
        return Optional.of(new Check(requirement, state, detail));
    }

    private static String number(Double d) {
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
}
