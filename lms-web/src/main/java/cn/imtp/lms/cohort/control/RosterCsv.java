package cn.imtp.lms.cohort.control;

import cn.imtp.lms.platform.control.Csv;
import cn.imtp.lms.identity.control.IdDocuments;
import cn.imtp.lms.identity.entity.IdDocumentType;
import cn.imtp.platform.problem.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a class roster: UTF-8 CSV with the header {@code username,fullName,idType,idNumber,phone}
 * ({@code idType} may be empty for a mainland ID card). Pure: every bad row is reported by its line
 * number and reason, and no row is returned unless all are good.
 */
public final class RosterCsv {

    public static final String HEADER = "username,fullName,idType,idNumber,phone";

    public record Row(int line, String username, String fullName, IdDocumentType idType, String idNumber, String phone) {
    }

    public record Result(List<Row> rows, List<FieldError> errors) {
    }

    private RosterCsv() {
    }

    public static Result parse(String csv, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<Csv.Record> records;
        try {
            records = Csv.parse(csv);
        } catch (IllegalArgumentException open) {
            errors.add(new FieldError(open.getMessage().substring(0, open.getMessage().indexOf(':')), "a quoted field is not closed"));
            return new Result(List.of(), errors);
        }
        if (records.isEmpty() || !String.join(",", records.get(0).cells()).trim().equalsIgnoreCase(HEADER)) {
            errors.add(new FieldError("line 1", "the header must be: " + HEADER));
            return new Result(List.of(), errors);
        }
        Map<String, Integer> usernames = new HashMap<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            int line = record.line();
            List<String> cells = record.cells();
            if (cells.size() != 5) {
                errors.add(new FieldError("line " + line, "has " + cells.size() + " fields; expected 5 (" + HEADER + ")"));
                continue;
            }
            String username = cells.get(0).trim();
            String fullName = cells.get(1).trim();
            String type = cells.get(2).trim();
            String number = IdDocuments.normalise(cells.get(3));
            String phone = cells.get(4).trim();
            List<String> problems = new ArrayList<>();
            if (!username.matches("[a-zA-Z0-9._-]{3,64}")) {
                problems.add("username must be 3 to 64 letters, digits, dots, dashes or underscores");
            } else if (usernames.putIfAbsent(username.toLowerCase(), line) != null) {
                problems.add("username " + username + " appears already on line " + usernames.get(username.toLowerCase()));
            }
            if (fullName.isEmpty() || fullName.length() > 100) {
                problems.add("fullName is required (at most 100 characters)");
            }
            IdDocumentType idType = null;
            try {
                idType = type.isEmpty() ? IdDocumentType.MAINLAND_ID_CARD : IdDocumentType.valueOf(type);
            } catch (IllegalArgumentException e) {
                problems.add("idType '" + type + "' is not one of MAINLAND_ID_CARD, PASSPORT, HK_MACAO_TRAVEL_PERMIT, TAIWAN_TRAVEL_PERMIT");
            }
            if (idType != null) {
                String problem = IdDocuments.problemWith(idType, number, today);
                if (problem != null) {
                    problems.add("idNumber: " + problem);
                } else if (numbers.putIfAbsent(idType + number, line) != null) {
                    problems.add("the same identity number appears already on line " + numbers.get(idType + number));
                }
            }
            String phoneProblem = IdDocuments.phoneProblem(phone);
            if (phone.isEmpty() || phoneProblem != null) {
                problems.add("phone: " + (phone.isEmpty() ? "is required" : phoneProblem));
            }
            if (problems.isEmpty()) {
                rows.add(new Row(line, username, fullName, idType, number, phone));
            } else {
                errors.add(new FieldError("line " + line, String.join("; ", problems)));
            }
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new FieldError("line 2", "the roster has no learners"));
        }
        return new Result(errors.isEmpty() ? rows : List.of(), errors);
    }
}
