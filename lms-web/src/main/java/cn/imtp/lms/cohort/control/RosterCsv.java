package cn.imtp.lms.cohort.control;

import cn.imtp.lms.documents.Csv;
import cn.imtp.lms.identity.control.IdDocuments;
import cn.imtp.lms.identity.entity.IdDocumentType;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.text.Words;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a class roster: UTF-8 CSV with the header {@code 用户名,姓名,证件类型,证件号码,手机号码} or its English
 * {@code username,fullName,idType,idNumber,phone}; the type is a code ({@code PASSPORT}) or its name in either
 * language (护照), empty for a mainland ID card. Pure: every bad row is reported by its line number and reason, with
 * the columns named in the reader's language, and no row is returned unless all are good.
 */
public final class RosterCsv {

    public static final String HEADER = "username,fullName,idType,idNumber,phone";
    /** The same columns in Chinese; a file may use either header. */
    public static final String HEADER_ZH = "用户名,姓名,证件类型,证件号码,手机号码";

    /** The types' names as a file may give them, for a message in the reader's language. */
    private static final Words TYPES = new Words(
            java.util.Arrays.stream(IdDocumentType.values())
                    .map(t -> IdDocuments.label(t).zh())
                    .collect(java.util.stream.Collectors.joining("、")),
            java.util.Arrays.stream(IdDocumentType.values())
                    .map(IdDocumentType::name)
                    .collect(java.util.stream.Collectors.joining(", ")));

    public record Row(
            int line, String username, String fullName, IdDocumentType idType, String idNumber, String phone) {}

    public record Result(List<Row> rows, List<FieldError> errors) {}

    private RosterCsv() {}

    /**
     * Why a type cell names no type: characters that only look like letters or are not seen (full-width letters, a
     * zero-width space), two types in one cell, or a name that is none of the types. The cell is shown with what cannot
     * be seen written as U+XXXX.
     */
    private static Words typeProblem(String type) {
        String shown = shown(type);
        List<Integer> unusual = IdDocuments.unusualCharacters(type);
        List<IdDocumentType> named = IdDocuments.typesNamedWithin(type);
        if (!unusual.isEmpty()) {
            String codes = unusual.stream()
                    .limit(5)
                    .map(c -> String.format("U+%04X", c))
                    .collect(java.util.stream.Collectors.joining(" "));
            return new Words(
                    "证件类型“" + shown + "”含有全角、形似或不可见的字符（" + codes + "）：请只用汉字或英文字母写一种证件类型",
                    "idType '" + shown + "' has full-width, look-alike or invisible characters (" + codes
                            + "): write one type in Chinese characters or plain letters");
        }
        if (named.size() > 1) {
            return new Words(
                    "证件类型“" + shown + "”写了不止一种证件（"
                            + named.stream()
                                    .map(t -> IdDocuments.label(t).zh())
                                    .collect(java.util.stream.Collectors.joining("、"))
                            + "）：每行只能填一种",
                    "idType '" + shown + "' names more than one type ("
                            + named.stream()
                                    .map(IdDocumentType::name)
                                    .collect(java.util.stream.Collectors.joining(", "))
                            + "): one per line");
        }
        return new Words(
                "证件类型“" + shown + "”不是以下之一：" + TYPES.zh() + "（留空即为居民身份证）",
                "idType '" + shown + "' is not one of " + TYPES.en() + " (empty: resident ID card)");
    }

    /** A cell as a message shows it: invisible characters (format, control, odd spaces) as U+XXXX, at most 50. */
    private static String shown(String cell) {
        StringBuilder b = new StringBuilder();
        cell.codePoints().limit(50).forEach(c -> {
            boolean invisible = Character.getType(c) == Character.FORMAT
                    || Character.isISOControl(c)
                    || (c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c)));
            if (invisible) {
                b.append(String.format("U+%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return cell.codePointCount(0, cell.length()) > 50 ? b + "…" : b.toString();
    }

    public static Result parse(String csv, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<Csv.Record> records;
        try {
            records = Csv.parse(csv);
        } catch (Csv.Unclosed open) {
            return new Result(List.of(), List.of(open.error()));
        }
        String header = records.isEmpty()
                ? ""
                : String.join(
                        ",", records.get(0).cells().stream().map(String::trim).toList());
        if (!header.equalsIgnoreCase(HEADER) && !header.equals(HEADER_ZH)) {
            errors.add(new FieldError(
                    "line 1",
                    new Words(
                            "表头须为：" + HEADER_ZH + "（也可使用英文表头）",
                            "the header must be: " + HEADER + " (or in Chinese: " + HEADER_ZH + ")")));
            return new Result(List.of(), errors);
        }
        Map<String, Integer> usernames = new HashMap<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            int line = record.line();
            List<String> cells = record.cells();
            if (cells.size() != 5) {
                errors.add(new FieldError(
                        "line " + line,
                        new Words(
                                "有 " + cells.size() + " 个字段，应为 5 个（" + HEADER_ZH + "）",
                                "has " + cells.size() + " fields; expected 5 (" + HEADER + ")")));
                continue;
            }
            String username = cells.get(0).trim();
            String fullName = cells.get(1).trim();
            String type = cells.get(2).trim();
            String number = IdDocuments.normalise(cells.get(3));
            String phone = cells.get(4).trim();
            List<Words> problems = new ArrayList<>();
            if (!username.matches("[a-zA-Z0-9._-]{3,64}")) {
                problems.add(new Words(
                        "用户名须为 3 至 64 个字母、数字、点、短横线或下划线",
                        "username must be 3 to 64 letters, digits, dots, dashes or underscores"));
            } else if (usernames.putIfAbsent(username.toLowerCase(), line) != null) {
                int first = usernames.get(username.toLowerCase());
                problems.add(new Words(
                        "用户名 " + username + " 已在第 " + first + " 行出现",
                        "username " + username + " appears already on line " + first));
            }
            if (fullName.isEmpty() || fullName.length() > 100) {
                problems.add(new Words("姓名必填（最多 100 个字符）", "fullName is required (at most 100 characters)"));
            }
            IdDocumentType idType = type.isEmpty()
                    ? IdDocumentType.MAINLAND_ID_CARD
                    : IdDocuments.typeNamed(type).orElse(null);
            if (idType == null) {
                problems.add(typeProblem(type));
            }
            if (idType != null) {
                Words problem = IdDocuments.problemWith(idType, number, today);
                if (problem != null) {
                    problems.add(new Words("证件号码：" + problem.zh(), "idNumber: " + problem.en()));
                } else if (numbers.putIfAbsent(idType + number, line) != null) {
                    int first = numbers.get(idType + number);
                    problems.add(new Words(
                            "相同的证件号码已在第 " + first + " 行出现",
                            "the same identity number appears already on line " + first));
                }
            }
            Words phoneProblem = IdDocuments.phoneProblem(phone);
            if (phone.isEmpty() || phoneProblem != null) {
                problems.add(
                        phone.isEmpty()
                                ? new Words("手机号码：必填", "phone: is required")
                                : new Words("手机号码：" + phoneProblem.zh(), "phone: " + phoneProblem.en()));
            }
            if (problems.isEmpty()) {
                rows.add(new Row(line, username, fullName, idType, number, phone));
            } else {
                errors.add(new FieldError(
                        "line " + line,
                        new Words(
                                String.join(
                                        "；", problems.stream().map(Words::zh).toList()),
                                String.join(
                                        "; ", problems.stream().map(Words::en).toList()))));
            }
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new FieldError("line 2", new Words("名单中没有学员", "the roster has no learners")));
        }
        return new Result(errors.isEmpty() ? rows : List.of(), errors);
    }
}
