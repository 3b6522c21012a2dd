package cn.imtp.lms.documents;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * XLSX as exports write it (a sheet per table, a bold frozen header, numbers as numbers) and as imports read
 * it (the first sheet's rows as text, numbered as the spreadsheet numbers them); fastexcel, streaming.
 */
public final class Xlsx {

    private Xlsx() {}

    /** The tables as sheets, in the reader's language. */
    public static byte[] of(List<ExportTable> tables, Language language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "IMTP", "1.0");
            for (ExportTable t : tables) {
                Worksheet ws = wb.newWorksheet(sheetName(t.name().in(language)));
                for (int c = 0; c < t.header().size(); c++) {
                    ws.value(0, c, t.header().get(c).in(language));
                    ws.style(0, c).bold().set();
                }
                ws.freezePane(0, 1);
                for (int r = 0; r < t.rows().size(); r++) {
                    List<Object> row = t.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = ExportTable.cell(row.get(c), language);
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

    /**
     * The first sheet's non-empty rows as records numbered by their spreadsheet row, each cell as its text
     * (a whole number without decimals), trailing empty cells dropped. 422 naming the file when it is not XLSX.
     */
    public static List<Csv.Record> read(byte[] content) {
        if (!ReadableWorkbook.isOOXMLZipHeader(content)) {
            throw PlatformException.invalid(
                    new Words("文件未能读取。", "The file was not read."),
                    List.of(new FieldError(
                            "file",
                            new Words(
                                    "不是 Excel 工作簿（XLSX），请另存为 XLSX 或 CSV UTF-8 格式",
                                    "is not an Excel workbook (.xlsx); save it as .xlsx or as CSV UTF-8"))));
        }
        List<Csv.Record> records = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content));
                Stream<Row> rows = wb.getFirstSheet().openStream()) {
            rows.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
                    cells.remove(cells.size() - 1);
                }
                if (!cells.isEmpty()) {
                    records.add(new Csv.Record(row.getRowNum(), cells));
                }
            });
        } catch (IOException | RuntimeException e) {
            throw PlatformException.invalid(
                    new Words("文件未能读取。", "The file was not read."),
                    List.of(new FieldError(
                            "file",
                            new Words(
                                    "无法作为 Excel 工作簿读取，请重新另存为 XLSX 或 CSV UTF-8 格式",
                                    "could not be read as an Excel workbook (" + e.getMessage()
                                            + "); save it again as .xlsx or as CSV UTF-8"))));
        }
        return records;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\ . */
    static String sheetName(String name) {
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", " ").trim();
        return clean.isEmpty() ? "Sheet" : clean.substring(0, Math.min(31, clean.length()));
    }
}
