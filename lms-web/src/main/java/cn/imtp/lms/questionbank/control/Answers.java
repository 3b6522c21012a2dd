package cn.imtp.lms.questionbank.control;

import cn.imtp.lms.questionbank.entity.QuestionType;
import cn.imtp.platform.text.Words;
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

    private Answers() {}

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
            throw new Refused(new Words("判断题的答案为 T（对）或 F（错）", "a true/false answer is T (对) or F (错)"));
        }
        char last = (char) ('A' + optionCount - 1);
        TreeSet<Character> letters = new TreeSet<>();
        for (char c : s.toCharArray()) {
            if (c == ',' || c == ' ' || c == '，' || c == '、') {
                continue;
            }
            if (c < 'A' || c > last) {
                throw new Refused(new Words("请在字母 A 至 " + last + " 中选择", "choose among the letters A to " + last));
            }
            letters.add(c);
        }
        if (letters.isEmpty()) {
            throw new Refused(new Words(
                    "请从 A 至 " + last + " 中选择" + (type == QuestionType.SINGLE_CHOICE ? "一个字母" : "字母"),
                    "choose " + (type == QuestionType.SINGLE_CHOICE ? "one letter" : "letters") + " from A to "
                            + last));
        }
        if (type == QuestionType.SINGLE_CHOICE && letters.size() > 1) {
            throw new Refused(new Words(
                    "单选题只有一个答案（A 至 " + last + "）",
                    "a single-choice question has exactly one answer (A to " + last + ")"));
        }
        StringBuilder b = new StringBuilder();
        letters.forEach(b::append);
        return b.toString();
    }
}
