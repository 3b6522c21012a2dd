package cn.imtp.lms.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The same tables written as CSV and as XLSX (read back from the zip it is). */
class ExportTableTest {

    static final List<ExportTable> TABLES = List.of(
            new ExportTable("观看记录 Sessions", List.of("learner", "creditedMinutes"),
                    List.of(Arrays.asList("learner01", 12.5), Arrays.asList("=cmd", null))),
            new ExportTable("学时汇总 Totals", List.of("learner", "meetsHours"), List.of(Arrays.asList("learner01", false))));

    @Test
    void csvWritesTheTablesOneAfterTheOther() {
        assertEquals("\uFEFFlearner,creditedMinutes\r\nlearner01,12.5\r\n'=cmd,\r\n\r\nlearner,meetsHours\r\nlearner01,false\r\n",
                Csv.of(TABLES));
    }

    @Test
    void xlsxHasASheetPerTableWithNumbersAsNumbers() throws IOException {
        Map<String, String> parts = unzip(Xlsx.of(TABLES));
        String workbook = parts.get("xl/workbook.xml");
        assertTrue(workbook.contains("name=\"观看记录 Sessions\"") && workbook.contains("name=\"学时汇总 Totals\""), workbook);
        String sheet1 = parts.get("xl/worksheets/sheet1.xml");
        assertTrue(sheet1.contains("<v>12.5</v>"), sheet1);
        String strings = parts.get("xl/sharedStrings.xml");
        assertTrue(strings.contains("learner01") && strings.contains("=cmd"), strings);
        assertTrue(!sheet1.contains("<f>"), "a text that starts with = stays text: " + sheet1);
    }

    @Test
    void sheetNamesFollowExcelsRules() {
        assertEquals("a b", Xlsx.sheetName("a/b"));
        assertEquals(31, Xlsx.sheetName("x".repeat(40)).length());
    }

    /** XML character references (fastexcel writes non-ASCII text as {@code &#x89c2;}) back to characters. */
    static String unescape(String xml) {
        return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
    }

    /** Read through the central directory, as spreadsheet programs do. */
    static Map<String, String> unzip(byte[] zip) throws IOException {
        Path file = Files.createTempFile("export", ".xlsx");
        Map<String, String> parts = new HashMap<>();
        try {
            Files.write(file, zip);
            try (ZipFile z = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(z.entries())) {
                    try (InputStream in = z.getInputStream(e)) {
                        parts.put(e.getName(), unescape(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
        } finally {
            Files.delete(file);
        }
        return parts;
    }
}
