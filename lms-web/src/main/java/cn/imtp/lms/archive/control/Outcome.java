package cn.imtp.lms.archive.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a learner has completed a class, requirement by requirement. Pure. Every class asks for the
 * plan's classroom hours; a class that leads to a level certificate also asks for a passed theory exam
 * (every summative exam the class set) and a practical assessment, which the platform does not hold
 * yet, so such a class cannot be complete here until it does — said, not hidden. A class without a
 * certificate asks for the theory exams it set, if any.
 */
public final class Outcome {

    public enum Requirement { HOURS, THEORY, PRACTICAL }

    public enum State { MET, NOT_MET, NOT_TAKEN, NOT_AVAILABLE }

    public record Check(Requirement requirement, State state, String detail) {
    }

    public record Verdict(boolean complete, List<Check> checks) {
    }

    /** A summative theory exam: {@code passed} null when the learner has no submitted attempt. */
    public record Theory(String title, Boolean passed, Integer score, int maxScore) {
    }

    private Outcome() {
    }

    /** @param shortMinutes by how much the classroom minutes fall short (0 when met); {@code hours} null before the class is active */
    public static Verdict judge(boolean certificateClass, Boolean meetsHours, double shortMinutes, List<Theory> summative) {
        List<Check> checks = new ArrayList<>();
        if (meetsHours == null) {
            checks.add(new Check(Requirement.HOURS, State.NOT_TAKEN, "the class has not started"));
        } else {
            checks.add(new Check(Requirement.HOURS, meetsHours ? State.MET : State.NOT_MET,
                    meetsHours ? "classroom hours met" : "short by " + Math.round(shortMinutes * 10) / 10.0 + " minutes"));
        }
        if (summative.isEmpty()) {
            if (certificateClass) {
                checks.add(new Check(Requirement.THEORY, State.NOT_AVAILABLE, "the class has no theory exam yet"));
            }
        } else {
            List<String> failed = summative.stream().filter(t -> Boolean.FALSE.equals(t.passed())).map(Theory::title).toList();
            List<String> missing = summative.stream().filter(t -> t.passed() == null).map(Theory::title).toList();
            State state = !failed.isEmpty() ? State.NOT_MET : !missing.isEmpty() ? State.NOT_TAKEN : State.MET;
            String detail = switch (state) {
                case NOT_MET -> "not passed: " + String.join(", ", failed);
                case NOT_TAKEN -> "not taken yet: " + String.join(", ", missing);
                default -> "passed: " + String.join(", ", summative.stream().map(t -> t.title() + " " + t.score() + "/" + t.maxScore()).toList());
            };
            checks.add(new Check(Requirement.THEORY, state, detail));
        }
        if (certificateClass) {
            checks.add(new Check(Requirement.PRACTICAL, State.NOT_AVAILABLE, "practical assessment (操作技能考核) is not held on the platform yet"));
        }
        return new Verdict(checks.stream().allMatch(c -> c.state() == State.MET), checks);
    }
}
