package cn.imtp.lms.platform.control;

/**
 * CSV as exports write it: UTF-8 with a byte-order mark (so that Excel reads Chinese), CRLF lines,
 * quoted where needed, and cells that a spreadsheet would run as a formula defused with a quote.
 */
public final class Csv {

    public static final String BOM = "\uFEFF";

    private Csv() {
    }

    /** Tables one after the other, a blank line between them, each with its header. */
    public static String of(java.util.List<ExportTable> tables) {
        StringBuilder b = new StringBuilder(BOM);
        for (ExportTable t : tables) {
            if (b.length() > BOM.length()) {
                b.append("\r\n");
            }
            b.append(row(t.header().toArray(String[]::new)));
            for (java.util.List<Object> r : t.rows()) {
                b.append(row(r.stream().map(c -> c == null ? null : c.toString()).toArray(String[]::new)));
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
        String v = value.startsWith("=") || value.startsWith("+") || value.startsWith("-") || value.startsWith("@") ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
