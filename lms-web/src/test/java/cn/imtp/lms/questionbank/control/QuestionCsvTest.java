package cn.imtp.lms.questionbank.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.documents.Csv;
import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.questionbank.entity.QuestionType;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionCsvTest {

    static final String HEADER = String.join(",", QuestionCsv.HEADER) + "\r\n";

    @Test
    void answersHaveOneCanonicalForm() {
        assertEquals("B", Answers.canonical(QuestionType.SINGLE_CHOICE, 4, " b "));
        assertEquals("ACD", Answers.canonical(QuestionType.MULTIPLE_CHOICE, 4, "D,a、C"));
        assertEquals("T", Answers.canonical(QuestionType.TRUE_FALSE, 0, "对"));
        assertEquals("F", Answers.canonical(QuestionType.TRUE_FALSE, 0, "false"));
        assertThrows(IllegalArgumentException.class, () -> Answers.canonical(QuestionType.SINGLE_CHOICE, 4, "AB"));
        assertThrows(IllegalArgumentException.class, () -> Answers.canonical(QuestionType.SINGLE_CHOICE, 4, "E"));
        assertThrows(IllegalArgumentException.class, () -> Answers.canonical(QuestionType.MULTIPLE_CHOICE, 4, ""));
        assertThrows(IllegalArgumentException.class, () -> Answers.canonical(QuestionType.TRUE_FALSE, 0, "maybe"));
    }

    @Test
    void theExportReadsBackIntoTheSameQuestions() {
        QuestionContent single = new QuestionContent(
                QuestionType.SINGLE_CHOICE,
                2,
                "下列说法，正确的是（ ）\n第二行",
                List.of("-5% 折扣", "含\"引号\"", "=SUM(A1)", "D"),
                "B",
                "解析, 带逗号");
        QuestionContent tf = new QuestionContent(QuestionType.TRUE_FALSE, 1, "直播可以使用绝对化用语。", List.of(), "F", null);
        for (Language language : Language.values()) {
            String csv = Csv.of(
                    List.of(new ExportTable(
                            new Words("试题", "questions"),
                            QuestionCsv.headings(),
                            List.of(
                                    QuestionCsv.row(null, null, "1-2", "职业道德与职业守则", single),
                                    QuestionCsv.row(Level.L5, JobType.LIVE_SELLER, "2-1", "撰写单品直播脚本", tf)))),
                    language);
            assertTrue(csv.startsWith(Csv.BOM + (language == Language.ZH ? "等级,职业方向," : "level,jobType,")), csv);
            readsBack(QuestionCsv.parse(csv), single, tf);
        }
    }

    private static void readsBack(QuestionCsv.Parsed p, QuestionContent single, QuestionContent tf) {
        assertEquals(List.of(), p.errors());
        assertEquals(2, p.lines().size());
        assertEquals(single, p.lines().get(0).content());
        assertNull(p.lines().get(0).level());
        assertEquals("1-2", p.lines().get(0).courseCode());
        assertEquals(tf, p.lines().get(1).content());
        assertEquals(Level.L5, p.lines().get(1).level());
        assertEquals(JobType.LIVE_SELLER, p.lines().get(1).jobType());
        assertEquals("line 4", p.lines().get(1).place(), "the first question's stem spans lines 2 and 3");
    }

    @Test
    void everyBadLineIsReportedBesideTheGoodOnes() {
        String csv = HEADER
                + ",,1-2,职业道德与职业守则,SINGLE_CHOICE,2,题干,甲,乙,,,,,B,\r\n"
                + ",,1-2,职业道德与职业守则,MULTIPLE_CHOICE,3,题干二,甲,乙,丙,,,,A,\r\n"
                + "L5,,2-1,单元,TRUE_FALSE,1,题干三,,,,,,,对,\r\n"
                + ",,1-2,职业道德与职业守则,ESSAY,9,,,,,,,,,\r\n"
                + ",,1-2,too,few\r\n";
        QuestionCsv.Parsed p = QuestionCsv.parse(csv);
        assertEquals(
                List.of("line 2"),
                p.lines().stream().map(QuestionCsv.Line::place).toList(),
                "the good line, to be checked against the catalogue");
        List<String> fields = p.errors().stream().map(FieldError::field).toList();
        assertTrue(fields.contains("line 3: answer"), fields.toString());
        assertTrue(fields.contains("line 4: level/jobType"), fields.toString());
        assertTrue(fields.contains("line 5: type"), fields.toString());
        assertTrue(fields.contains("line 5: difficulty"), fields.toString());
        assertTrue(fields.contains("line 5: stem"), fields.toString());
        assertTrue(fields.contains("line 6"), fields.toString());
        assertTrue(
                p.errors().stream().anyMatch(e -> e.message().contains("at least two right options")),
                p.errors().toString());
    }

    @Test
    void aWrongHeaderOrAnEmptyFileIsRefused() {
        assertEquals("line 1", QuestionCsv.parse("a,b,c\r\n").errors().get(0).field());
        assertEquals("line 2", QuestionCsv.parse(HEADER).errors().get(0).field());
        // A quote left open: at the line it opens on, in words (not the parser's).
        var open = QuestionCsv.parse(HEADER + ",,1-2,u,TRUE_FALSE,1,\"open")
                .errors()
                .get(0);
        assertEquals("line 2", open.field());
        assertEquals("带引号的字段缺少结尾的引号", open.words().zh());
    }

    @Test
    void choiceQuestionsNeedDistinctOptionsWithoutGapsAndTrueFalseNone() {
        assertTrue(QuestionContent.check("", "SINGLE_CHOICE", 1, "s", List.of("a", "", "c"), "A", null)
                .errors()
                .get(0)
                .message()
                .contains("no gap"));
        assertTrue(QuestionContent.check("", "SINGLE_CHOICE", 1, "s", List.of("a", "a"), "A", null)
                .errors()
                .get(0)
                .message()
                .contains("same text"));
        assertTrue(QuestionContent.check("", "TRUE_FALSE", 1, "s", List.of("a"), "T", null)
                .errors()
                .get(0)
                .message()
                .contains("no options"));
        QuestionContent ok = QuestionContent.check("", "single_choice", 1, " s ", List.of("a", "b", "", ""), "b", " ")
                .content();
        assertEquals(new QuestionContent(QuestionType.SINGLE_CHOICE, 1, "s", List.of("a", "b"), "B", null), ok);
    }
}
