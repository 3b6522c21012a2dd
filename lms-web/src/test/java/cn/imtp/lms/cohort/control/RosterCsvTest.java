package cn.imtp.lms.cohort.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.identity.entity.IdDocumentType;
import cn.imtp.platform.problem.FieldError;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterCsvTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final String HEADER = "username,fullName,idType,idNumber,phone\n";

    @Test
    void aGoodRosterWithChineseNamesAndABom() {
        RosterCsv.Result r = RosterCsv.parse(
                "\uFEFF" + HEADER
                        + "wang.fang,王芳,,11010519491231002X,13800001111\r\n"
                        + "li.lei,李雷,PASSPORT,E12345678,13900002222\r\n",
                TODAY);
        assertEquals(List.of(), r.errors());
        assertEquals(2, r.rows().size());
        assertEquals("王芳", r.rows().get(0).fullName());
        assertEquals(IdDocumentType.MAINLAND_ID_CARD, r.rows().get(0).idType());
        assertEquals(3, r.rows().get(1).line());
    }

    @Test
    void everyBadRowIsReportedByLineAndNothingIsReturned() {
        RosterCsv.Result r = RosterCsv.parse(
                HEADER
                        + "wang.fang,王芳,,11010519491231002X,13800001111\n"
                        + "zhao,赵六,,110105194912310021,13800001111\n"
                        + "wang.fang,王芳二,,440106198609021285,1380000\n"
                        + "x,,VISA,123,13800001111\n"
                        + "too,many,fields,here,13800001111,extra\n",
                TODAY);
        assertEquals(List.of(), r.rows());
        assertEquals(
                List.of("line 3", "line 4", "line 5", "line 6"),
                r.errors().stream().map(FieldError::field).toList());
        assertTrue(
                r.errors().get(0).message().contains("check digit"),
                r.errors().get(0).message());
        assertTrue(r.errors().get(1).message().contains("appears already on line 2"));
        assertTrue(r.errors().get(1).message().contains("phone"));
        assertTrue(r.errors().get(2).message().contains("username")
                && r.errors().get(2).message().contains("fullName")
                && r.errors().get(2).message().contains("idType 'VISA'"));
        assertTrue(r.errors().get(3).message().contains("expected 5"));
    }

    @Test
    void aChineseHeaderAndTypesNamedInWordsAreTaken() {
        RosterCsv.Result r = RosterCsv.parse(
                "用户名, 姓名,证件类型,证件号码,手机号码\n"
                        + "wang.fang,王芳,居民身份证,11010519491231002X,13800001111\n"
                        + "li.lei,李雷,护照,E12345678,13900002222\n"
                        + "chen.yu,陈雨,Taiwan travel permit,12345678,13900003333\n"
                        + "lin.an,林安,台胞证,87654321,13900004444\n"
                        + "he.ping,何平,身份证,440106198609021285,13900005555\n",
                TODAY);
        assertEquals(List.of(), r.errors());
        assertEquals(
                List.of(
                        IdDocumentType.MAINLAND_ID_CARD,
                        IdDocumentType.PASSPORT,
                        IdDocumentType.TAIWAN_TRAVEL_PERMIT,
                        IdDocumentType.TAIWAN_TRAVEL_PERMIT,
                        IdDocumentType.MAINLAND_ID_CARD),
                r.rows().stream().map(RosterCsv.Row::idType).toList());
    }

    @Test
    void theChineseMessagesNameTheColumnsAndTypesInChinese() {
        RosterCsv.Result r = RosterCsv.parse("用户名,姓名,证件类型,证件号码,手机号码\nx,,签证,123,13800001111\nonly,two\n", TODAY);
        String zh = r.errors().stream().map(e -> e.words().zh()).reduce("", String::concat);
        assertTrue(zh.contains("护照") && zh.contains("居民身份证") && zh.contains("用户名,姓名"), zh);
        assertTrue(!zh.contains("PASSPORT") && !zh.contains("fullName"), zh);
        assertTrue(RosterCsv.parse("name,id\nx,y\n", TODAY)
                .errors()
                .get(0)
                .words()
                .zh()
                .contains(RosterCsv.HEADER_ZH));
    }

    /**
     * A type cell that mixes scripts, names two types, or hides characters is refused at its line, never mapped to a
     * type: not even the look-alikes Java's case folding maps to ASCII letters (ſ to S, the Kelvin sign to k, ı to I).
     */
    @Test
    void aTypeCellThatMixesScriptsNamesTwoTypesOrHidesCharactersIsRefusedAtItsLine() {
        List<String> cells = List.of(
                "身份证/护照",
                "居民身份证 passport",
                "PASSPORT 护照",
                "ＰＡＳＳＰＯＲＴ",
                "护\u200B照",
                "\uFEFFPASSPORT",
                "居民\u200D身份证",
                "PAſSPORT",
                "H\u212A_MACAO_TRAVEL_PERMIT",
                "resident ıd card",
                "护照\u3000台胞证",
                "пassport");
        StringBuilder csv = new StringBuilder(HEADER).append("wang.fang,王芳,,11010519491231002X,13800001111\n");
        for (int i = 0; i < cells.size(); i++) {
            csv.append("user")
                    .append(i)
                    .append(",某人,\"")
                    .append(cells.get(i))
                    .append("\",E1234567")
                    .append(i)
                    .append(",1390000")
                    .append(String.format("%04d", i))
                    .append('\n');
        }
        RosterCsv.Result r = RosterCsv.parse(csv.toString(), TODAY);
        assertEquals(List.of(), r.rows(), "nothing is taken while a row is bad");
        assertEquals(cells.size(), r.errors().size(), r.errors().toString());
        for (int i = 0; i < cells.size(); i++) {
            FieldError e = r.errors().get(i);
            assertEquals("line " + (i + 3), e.field(), cells.get(i));
            assertTrue(e.message().startsWith("idType '"), e.message());
            assertTrue(e.words().zh().startsWith("证件类型“"), e.words().zh());
        }
        assertTrue(r.errors().get(0).message().contains("names more than one type (MAINLAND_ID_CARD, PASSPORT)"));
        assertTrue(r.errors().get(0).words().zh().contains("写了不止一种证件（居民身份证、护照）"));
        assertTrue(r.errors().get(1).message().contains("names more than one type"));
        // One type in two languages is no name of it either.
        assertTrue(
                r.errors().get(2).message().contains("idType 'PASSPORT 护照' is not one of"),
                r.errors().get(2).message());
        assertTrue(r.errors().get(3).message().contains("full-width, look-alike or invisible characters (U+FF30"));
        // What cannot be seen is shown by its code, in the cell and in the list.
        assertTrue(
                r.errors()
                        .get(4)
                        .message()
                        .contains("idType '护U+200B照' has full-width, look-alike or invisible" + " characters (U+200B)"),
                r.errors().get(4).message());
        assertTrue(r.errors().get(4).words().zh().contains("“护U+200B照”含有全角、形似或不可见的字符（U+200B）"));
        assertTrue(
                r.errors().get(5).message().contains("(U+FEFF)"),
                r.errors().get(5).message());
        assertTrue(r.errors().get(6).message().contains("(U+200D)"));
        assertTrue(
                r.errors().get(7).message().contains("(U+017F)"),
                r.errors().get(7).message());
        assertTrue(r.errors().get(8).message().contains("(U+212A)"));
        assertTrue(r.errors().get(9).message().contains("(U+0131)"));
        assertTrue(
                r.errors().get(10).message().contains("护照U+3000台胞证"),
                r.errors().get(10).message());
        assertTrue(
                r.errors().get(11).message().contains("(U+043F)"),
                "a Cyrillic п: " + r.errors().get(11));
    }

    @Test
    void aWrongHeaderIsRefused() {
        assertEquals(
                "line 1",
                RosterCsv.parse("name,id\nx,y\n", TODAY).errors().get(0).field());
    }

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        RosterCsv.Result r =
                RosterCsv.parse(HEADER + "\"li.lei\",\"Lei, \"\"Ray\"\" Li\",PASSPORT,E12345678,13900002222\n", TODAY);
        assertEquals(List.of(), r.errors());
        assertEquals("Lei, \"Ray\" Li", r.rows().get(0).fullName());
        RosterCsv.Result open = RosterCsv.parse(HEADER + "li.lei,\"李雷,PASSPORT,E12345678,13900002222\n", TODAY);
        assertEquals("line 2", open.errors().get(0).field());
    }
}
