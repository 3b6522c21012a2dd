package cn.imtp.lms.questionbank.control;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.documents.Csv;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.text.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The bank's exchange format, one question per line (UTF-8 CSV or an XLSX workbook's first sheet, as the
 * export writes it and the template shows): the unit by table (level and job type, both empty for the basic course), course code
 * and unit name, then type, difficulty, stem, options A to F, answer and explanation. Pure: every bad
 * line is reported with its number and reason beside the good lines (so that an import can check those
 * against the catalogue too and report everything at once; it imports nothing while any error stands).
 */
public final class QuestionCsv {

    public static final List<String> HEADER = List.of(
            "level",
            "jobType",
            "courseCode",
            "unit",
            "type",
            "difficulty",
            "stem",
            "A",
            "B",
            "C",
            "D",
            "E",
            "F",
            "answer",
            "explanation");
    /** The same columns as the Chinese export writes them; an import takes either header. */
    public static final List<String> HEADER_ZH =
            List.of("等级", "职业方向", "课程编号", "学习单元", "题型", "难度", "题干", "A", "B", "C", "D", "E", "F", "答案", "解析");

    /** The header as exports write it, in the reader's language; the cells below it are codes in both (level, type…). */
    public static List<Words> headings() {
        List<Words> out = new ArrayList<>();
        for (int i = 0; i < HEADER.size(); i++) {
            out.add(new Words(HEADER_ZH.get(i), HEADER.get(i)));
        }
        return out;
    }

    /** A question read from a file; {@code place} names where it was ("line 7", or a QTI package's item file). */
    public record Line(
            String place, Level level, JobType jobType, String courseCode, String unit, QuestionContent content) {}

    public record Parsed(List<Line> lines, List<FieldError> errors) {}

    private QuestionCsv() {}

    public static Parsed parse(String csv) {
        try {
            return parse(Csv.parse(csv == null ? "" : csv), false, line -> "line " + line);
        } catch (Csv.Unclosed open) {
            return new Parsed(List.of(), List.of(open.error()));
        }
    }

    /**
     * The same lines from any table: a CSV file's records, or a spreadsheet's rows ({@code shortRowsPadded}: a
     * spreadsheet drops the empty cells at a row's end, where a CSV line with fewer fields is broken), or a QTI
     * package's items in the same columns; {@code place} names a record's place by its number for the errors.
     */
    public static Parsed parse(List<Csv.Record> records, boolean shortRowsPadded, IntFunction<String> place) {
        List<FieldError> errors = new ArrayList<>();
        List<String> header = records.isEmpty()
                ? List.of()
                : records.get(0).cells().stream().map(String::trim).toList();
        if (!header.equals(HEADER) && !header.equals(HEADER_ZH)) {
            return new Parsed(
                    List.of(),
                    List.of(new FieldError(
                            place.apply(1),
                            new Words(
                                    "表头须为：" + String.join(",", HEADER_ZH) + "（也可使用英文表头）",
                                    "the header must be: " + String.join(",", HEADER) + " (or in Chinese: "
                                            + String.join(",", HEADER_ZH) + ")"))));
        }
        List<Line> lines = new ArrayList<>();
        for (Csv.Record r : records.subList(1, records.size())) {
            String where = place.apply(r.line()) + ": ";
            List<String> c = new ArrayList<>(r.cells());
            while (shortRowsPadded && c.size() < HEADER.size()) {
                c.add("");
            }
            if (c.size() != HEADER.size()) {
                errors.add(new FieldError(
                        place.apply(r.line()),
                        new Words(
                                "有 " + c.size() + " 列，应为 " + HEADER.size() + " 列（" + String.join(",", HEADER_ZH) + "）",
                                "has " + c.size() + " fields; expected " + HEADER.size() + " ("
                                        + String.join(",", HEADER) + ")")));
                continue;
            }
            List<FieldError> lineErrors = new ArrayList<>();
            Level level = null;
            JobType jobType = null;
            try {
                level = c.get(0).isBlank() ? null : Level.valueOf(c.get(0).trim());
                jobType = c.get(1).isBlank() ? null : JobType.valueOf(c.get(1).trim());
            } catch (IllegalArgumentException e) {
                lineErrors.add(new FieldError(
                        where + "level/jobType",
                        new Words(
                                "等级须为 L5 至 L1，职业方向须为 " + Arrays.toString(JobType.values()) + " 之一；基础课程两者都留空",
                                "level is L5 to L1 and jobType one of " + Arrays.toString(JobType.values())
                                        + "; both empty for the basic course")));
            }
            if ((level == null) != (jobType == null) && lineErrors.isEmpty()) {
                lineErrors.add(new FieldError(
                        where + "level/jobType",
                        new Words("两者都填（技能课程）或都不填（基础课程）", "give both (a skill course) or neither (the basic course)")));
            }
            if (c.get(2).isBlank() || c.get(3).isBlank()) {
                lineErrors.add(new FieldError(
                        where + "courseCode/unit",
                        new Words(
                                "请填写课程编号（如 2-1）和学习单元名称",
                                "the course code (e.g. 2-1) and the unit's name are required")));
            }
            Integer difficulty = null;
            try {
                difficulty = Integer.valueOf(c.get(5).trim());
            } catch (NumberFormatException e) {
                // reported by the content check
            }
            QuestionContent.Checked checked = QuestionContent.check(
                    where, c.get(4), difficulty, c.get(6), c.subList(7, 13), c.get(13), c.get(14));
            lineErrors.addAll(checked.errors());
            if (lineErrors.isEmpty()) {
                lines.add(new Line(
                        place.apply(r.line()),
                        level,
                        jobType,
                        c.get(2).trim(),
                        c.get(3).trim(),
                        checked.content()));
            } else {
                errors.addAll(lineErrors);
            }
        }
        if (errors.isEmpty() && lines.isEmpty()) {
            errors.add(new FieldError(place.apply(2), new Words("文件中没有试题", "the file has no questions")));
        }
        return new Parsed(lines, errors);
    }

    /** One line of the export, in the header's order. */
    public static List<Object> row(Level level, JobType jobType, String courseCode, String unit, QuestionContent q) {
        List<Object> row = new ArrayList<>(List.of(
                level == null ? "" : level.name(),
                jobType == null ? "" : jobType.name(),
                courseCode,
                unit,
                q.type().name(),
                q.difficulty(),
                q.stem()));
        for (int i = 0; i < Answers.MAX_OPTIONS; i++) {
            row.add(i < q.options().size() ? q.options().get(i) : "");
        }
        row.add(q.answer());
        row.add(q.explanation() == null ? "" : q.explanation());
        return row;
    }
}
