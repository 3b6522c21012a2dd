package cn.imtp.lms.assessment.control;

import cn.imtp.lms.assessment.entity.QuestionType;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers in their one canonical form, for the bank's keys and for learners' answers alike: choices as
 * option letters in order ("A", "ACD"), true/false as "T" or "F". Pure.
 */
public final class Answers {

    /** At most six options (A to F) per choice question. */
    public static final int MAX_OPTIONS = 6;

    private static final Set<String> TRUE = Set.of("T", "TRUE", "对", "正确", "√", "是", "Y");
    private static final Set<String> FALSE = Set.of("F", "FALSE", "错", "错误", "×", "否", "N");

    private Answers() {
    }

    /**
     * The canonical form of {@code raw} for a question of {@code type} with {@code optionCount} options,
     * or throws IllegalArgumentException whose message says what a valid answer looks like.
     */
    public static String canonical(QuestionType type, int optionCount, String raw) {
        String s = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        if (type == QuestionType.TRUE_FALSE) {
            if (TRUE.contains(s)) {
                return "T";
            }
            if (FALSE.contains(s)) {
                return "F";
            }
            throw new IllegalArgumentException("a true/false answer is T (对) or F (错)");
        }
        char last = (char) ('A' + optionCount - 1);
        TreeSet<Character> letters = new TreeSet<>();
        for (char c : s.toCharArray()) {
            if (c == ',' || c == ' ' || c == '，' || c == '、') {
                continue;
            }
            if (c < 'A' || c > last) {
                throw new IllegalArgumentException("choose among the letters A to " + last);
            }
            letters.add(c);
        }
        if (letters.isEmpty()) {
            throw new IllegalArgumentException("choose " + (type == QuestionType.SINGLE_CHOICE ? "one letter" : "letters") + " from A to " + last);
        }
        if (type == QuestionType.SINGLE_CHOICE && letters.size() > 1) {
            throw new IllegalArgumentException("a single-choice question has exactly one answer (A to " + last + ")");
        }
        StringBuilder b = new StringBuilder();
        letters.forEach(b::append);
        return b.toString();
    }
}
