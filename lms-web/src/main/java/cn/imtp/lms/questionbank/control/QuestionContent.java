package cn.imtp.lms.questionbank.control;

import cn.imtp.lms.questionbank.entity.QuestionType;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.text.Words;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A question's content once checked: what the bank accepts, from the API or from a CSV line alike. Pure.
 * Choice questions have 2 to 6 distinct options; a multiple-choice key has at least two letters;
 * true/false questions have no options; difficulty runs from 1 (easy) to 5 (hard).
 */
public record QuestionContent(
        QuestionType type, int difficulty, String stem, List<String> options, String answer, String explanation) {

    public static final int MAX_STEM = 2000;
    public static final int MAX_OPTION = 500;

    /** The checked content, or the field errors (each prefixed by {@code where}, e.g. "line 7: "). */
    public record Checked(QuestionContent content, List<FieldError> errors) {}

    public static Checked check(
            String where,
            String type,
            Integer difficulty,
            String stem,
            List<String> options,
            String answer,
            String explanation) {
        List<FieldError> errors = new ArrayList<>();
        QuestionType t = null;
        try {
            t = type == null ? null : QuestionType.valueOf(type.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (t == null) {
            errors.add(new FieldError(
                    where + "type",
                    new Words(
                            "须为 SINGLE_CHOICE、MULTIPLE_CHOICE、TRUE_FALSE 之一",
                            "one of SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE")));
        }
        if (difficulty == null || difficulty < 1 || difficulty > 5) {
            errors.add(new FieldError(where + "difficulty", new Words("须为 1（易）至 5（难）", "from 1 (easy) to 5 (hard)")));
        }
        String s = stem == null ? "" : stem.strip();
        if (s.isEmpty() || s.length() > MAX_STEM) {
            errors.add(new FieldError(
                    where + "stem",
                    new Words(
                            "请填写题干（最多 " + MAX_STEM + " 个字符）",
                            "the question's text is required (at most " + MAX_STEM + " characters)")));
        }
        List<String> opts = options == null
                ? List.of()
                : options.stream().map(o -> o == null ? "" : o.strip()).toList();
        while (!opts.isEmpty() && opts.get(opts.size() - 1).isEmpty()) {
            opts = opts.subList(0, opts.size() - 1);
        }
        if (t == QuestionType.TRUE_FALSE && !opts.isEmpty()) {
            errors.add(new FieldError(
                    where + "options",
                    new Words("判断题没有选项（答案为 T 或 F）", "a true/false question has no options (the answer is T or F)")));
        } else if (t != null && t != QuestionType.TRUE_FALSE) {
            if (opts.size() < 2 || opts.size() > Answers.MAX_OPTIONS) {
                errors.add(new FieldError(
                        where + "options",
                        new Words(
                                "选择题须有 2 至 " + Answers.MAX_OPTIONS + " 个选项（A 至 F）",
                                "a choice question has 2 to " + Answers.MAX_OPTIONS + " options (A to F)")));
            } else if (opts.stream().anyMatch(o -> o.isEmpty() || o.length() > MAX_OPTION)) {
                char lastOption = (char) ('A' + opts.size() - 1);
                errors.add(new FieldError(
                        where + "options",
                        new Words(
                                "选项 A 至 " + lastOption + " 都须填写内容（每项最多 " + MAX_OPTION + " 个字符），中间不能空缺",
                                "options A to " + lastOption + " must all have a text (at most " + MAX_OPTION
                                        + " characters), with no gap")));
            } else if (new HashSet<>(opts).size() < opts.size()) {
                errors.add(new FieldError(where + "options", new Words("有两个选项内容相同", "two options have the same text")));
            }
        }
        String key = null;
        if (t != null) {
            try {
                key = Answers.canonical(t, Math.max(opts.size(), 2), answer);
                if (t == QuestionType.MULTIPLE_CHOICE && key.length() < 2) {
                    errors.add(new FieldError(
                            where + "answer",
                            new Words("多选题至少有两个正确选项", "a multiple-choice question has at least two right options")));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(where + "answer", Refused.of(e)));
            }
        }
        String x = explanation == null || explanation.isBlank() ? null : explanation.strip();
        if (x != null && x.length() > MAX_STEM) {
            errors.add(new FieldError(
                    where + "explanation",
                    new Words("最多 " + MAX_STEM + " 个字符", "at most " + MAX_STEM + " characters")));
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new QuestionContent(t, difficulty, s, List.copyOf(opts), key, x), List.of());
    }
}
