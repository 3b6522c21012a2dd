package cn.imtp.lms.platform.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** XLSX as exports write it: a sheet per table, a bold frozen header, numbers as numbers (fastexcel, streaming). */
public final class Xlsx {

    private Xlsx() {
    }

    public static byte[] of(List<ExportTable> tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "IMTP", "1.0");
            for (ExportTable t : tables) {
                Worksheet ws = wb.newWorksheet(sheetName(t.name()));
                for (int c = 0; c < t.header().size(); c++) {
                    ws.value(0, c, t.header().get(c));
                    ws.style(0, c).bold().set();
                }
                ws.freezePane(0, 1);
                for (int r = 0; r < t.rows().size(); r++) {
                    List<Object> row = t.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v instanceof Number n) {
                            ws.value(r + 1, c, n);
                        } else if (v instanceof Boolean b) {
                            ws.value(r + 1, c, b);
                        } else if (v != null) {
                            ws.value(r + 1, c, v.toString());
                        }
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\ . */
    static String sheetName(String name) {
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", " ").trim();
        return clean.isEmpty() ? "Sheet" : clean.substring(0, Math.min(31, clean.length()));
    }
}
