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
