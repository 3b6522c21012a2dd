package cn.imtp.lms.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class XlsxTest {

    @Test
    void aWorkbookReadsBackRowByRowWithItsSpreadsheetRowNumbers() {
        byte[] workbook = Xlsx.of(
                List.of(new ExportTable(
                        new Words("试题", "questions"),
                        java.util.stream.Stream.of("level", "unit", "difficulty", "answer", "explanation")
                                .map(h -> new Words(h, h))
                                .toList(),
                        List.of(
                                Arrays.asList("", "职业道德与职业守则", 2, "B", "如实介绍"),
                                Arrays.asList(null, null, null, null, null),
                                Arrays.asList("L5", "撰写单品直播脚本", 3.0, "ABD", null)))),
                Language.EN);
        List<Csv.Record> rows = Xlsx.read(workbook);
        assertEquals(3, rows.size(), "the empty row is skipped: " + rows);
        assertEquals(1, rows.get(0).line());
        assertEquals(
                List.of("level", "unit", "difficulty", "answer", "explanation"),
                rows.get(0).cells());
        assertEquals(2, rows.get(1).line());
        assertEquals(List.of("", "职业道德与职业守则", "2", "B", "如实介绍"), rows.get(1).cells());
        assertEquals(4, rows.get(2).line(), "numbered as the spreadsheet numbers it");
        assertEquals(
                List.of("L5", "撰写单品直播脚本", "3", "ABD"),
                rows.get(2).cells(),
                "a whole number without decimals, trailing empties dropped");
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedWithAReason() {
        PlatformException e =
                assertThrows(PlatformException.class, () -> Xlsx.read("level,unit\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, e.status());
        assertTrue(e.errors().get(0).message().contains(".xlsx"), e.errors().toString());
        PlatformException broken =
                assertThrows(PlatformException.class, () -> Xlsx.read(new byte[] {'P', 'K', 3, 4, 0, 0, 0}));
        assertEquals(422, broken.status());
    }
}
