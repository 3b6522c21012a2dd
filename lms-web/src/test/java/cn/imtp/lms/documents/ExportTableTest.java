package cn.imtp.lms.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
            new ExportTable(
                    new Words("观看记录", "Sessions"),
                    List.of(
                            new Words("学员账号", "learner"),
                            new Words("计入分钟", "credited minutes"),
                            new Words("计入时长（时:分:秒）", "credited (h:mm:ss)")),
                    List.of(
                            Arrays.asList("learner01", 12.5, new ExportTable.Clock(750)),
                            Arrays.asList("=cmd", null, null))),
            new ExportTable(
                    new Words("学时汇总", "Totals"),
                    List.of(new Words("学员账号", "learner"), new Words("是否达标", "meets hours")),
                    List.of(Arrays.asList("learner01", Words.yesNo(false)))));

    @Test
    void csvWritesTheTablesOneAfterTheOtherInTheReadersLanguage() {
        assertEquals(
                "\uFEFF学员账号,计入分钟,计入时长（时:分:秒）\r\nlearner01,12.5,0:12:30\r\n'=cmd,,\r\n\r\n学员账号,是否达标\r\nlearner01,否\r\n",
                Csv.of(TABLES, Language.ZH));
        assertEquals(
                "\uFEFFlearner,credited minutes,credited (h:mm:ss)\r\nlearner01,12.5,0:12:30\r\n'=cmd,,\r\n\r\nlearner,meets hours\r\nlearner01,no\r\n",
                Csv.of(TABLES, Language.EN));
    }

    @Test
    void aClockShowsHoursMinutesAndSecondsWithoutWrappingTheHours() {
        assertEquals("0:00:00", new ExportTable.Clock(0).toString());
        assertEquals("1:02:05", new ExportTable.Clock(3725).toString());
        assertEquals("100:00:00", new ExportTable.Clock(360_000).toString());
        assertEquals("59:59:36", ExportTable.Clock.ofMinutes(3599.6).toString(), "rounded once, to the second");
        assertEquals("0:00:00", new ExportTable.Clock(-5).toString(), "never negative");
    }

    @Test
    void xlsxHasASheetPerTableWithNumbersAsNumbers() throws IOException {
        Map<String, String> parts = unzip(Xlsx.of(TABLES, Language.ZH));
        String workbook = parts.get("xl/workbook.xml");
        assertTrue(workbook.contains("name=\"观看记录\"") && workbook.contains("name=\"学时汇总\""), workbook);
        assertTrue(unzip(Xlsx.of(TABLES, Language.EN)).get("xl/workbook.xml").contains("name=\"Sessions\""));
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
        return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);")
                .matcher(xml)
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
