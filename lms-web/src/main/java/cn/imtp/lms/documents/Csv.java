package cn.imtp.lms.documents;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as exports write it: UTF-8 with a byte-order mark (so that Excel reads Chinese), CRLF lines,
 * quoted where needed, and cells that a spreadsheet would run as a formula defused with a quote. Imports
 * read it back with {@link #parse}: quoted cells may hold commas, quotes and line breaks, and a defused
 * cell gets its text back.
 */
public final class Csv {

    public static final String BOM = "\uFEFF";
    /** What a spreadsheet may run as a formula when a cell starts with it (OWASP's list, tab and carriage return included). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {}

    /** Tables one after the other, a blank line between them, each with its header, in the reader's language. */
    public static String of(List<ExportTable> tables, Language language) {
        StringBuilder b = new StringBuilder(BOM);
        for (ExportTable t : tables) {
            if (b.length() > BOM.length()) {
                b.append("\r\n");
            }
            b.append(row(t.header().stream().map(h -> h.in(language)).toArray(String[]::new)));
            for (List<Object> r : t.rows()) {
                b.append(row(r.stream()
                        .map(c -> ExportTable.cell(c, language))
                        .map(c -> c == null ? null : c.toString())
                        .toArray(String[]::new)));
            }
        }
        return b.toString();
    }

    public static String row(String... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells[i]));
        }
        return b.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }

    /** A quoted cell left open: the file cannot be read past it. */
    public static final class Unclosed extends IllegalArgumentException {
        private final int line;

        Unclosed(int line) {
            super("line " + line + ": a quoted cell is not closed");
            this.line = line;
        }

        /** The problem as an import reports it, at the line the open quote starts on. */
        public FieldError error() {
            return new FieldError("line " + line, new Words("带引号的字段缺少结尾的引号", "a quoted field is not closed"));
        }
    }

    /** A record of a CSV file and the line (from 1) it starts on. */
    public record Record(int line, List<String> cells) {}

    /**
     * The records of {@code text} (RFC 4180; a byte-order mark, CRLF or LF; blank lines skipped), or
     * {@link Unclosed} naming the line of a quote left open.
     */
    public static List<Record> parse(String text) {
        List<Record> out = new ArrayList<>();
        String s = text.startsWith(BOM) ? text.substring(1) : text;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(restore(cell.toString(), wasQuoted));
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(restore(cell.toString(), wasQuoted));
                if (cells.size() > 1 || !cells.get(0).isBlank()) {
                    out.add(new Record(start, List.copyOf(cells)));
                }
                cells.clear();
                cell.setLength(0);
                wasQuoted = false;
                line++;
                start = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new Unclosed(start);
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(restore(cell.toString(), wasQuoted));
            if (cells.size() > 1 || !cells.get(0).isBlank()) {
                out.add(new Record(start, List.copyOf(cells)));
            }
        }
        return out;
    }

    private static String restore(String value, boolean quoted) {
        String v = quoted ? value : value.trim();
        return v.length() > 1 && v.charAt(0) == '\'' && FORMULA_STARTS.indexOf(v.charAt(1)) >= 0 ? v.substring(1) : v;
    }
}
