package cn.imtp.lms.archive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.attendance.control.LedgerRules;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.cohort.entity.DeliveryMode;
import cn.imtp.lms.exam.control.ExamResults;
import cn.imtp.lms.exam.entity.Attempt;
import cn.imtp.lms.exam.entity.Exam;
import cn.imtp.lms.identity.control.AccountView;
import cn.imtp.lms.identity.entity.IdDocumentType;
import cn.imtp.lms.plan.entity.PlanKind;
import cn.imtp.lms.practical.control.PracticalResults;
import cn.imtp.lms.practical.control.PracticalScore;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import com.lowagie.text.pdf.PdfReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchivePdfTest {

    static LearningArchive.Archive archive(int units) {
        Instant t = Instant.parse("2026-11-20T02:00:00Z");
        List<LedgerRules.UnitStatus> lines = java.util.stream.IntStream.rangeClosed(1, units)
                .mapToObj(i -> new LedgerRules.UnitStatus(
                        i, "撰写单品直播脚本 " + i, 90, i % 2 == 0 ? 90 : 45.5, 2730, 0, i % 2 == 0, i % 2 == 0 ? 0 : 44.5, 0))
                .toList();
        var hours = new LedgerRules.LearnerStatus(
                7, "learner07", "王小明", 1200.5, 5040, 5040, false, 3839.5, 0, 30, 0, 1230.5, lines, 0);
        var counted = new ExamResults.AttemptSummary(
                1, 1, t, t.plusSeconds(3600), t.plusSeconds(3000), Attempt.SubmittedBy.LEARNER, 82, 100, true);
        var exam = new ExamResults.LearnerResult(
                3,
                "五级直播销售员理论考试",
                Exam.Blueprint.SKILL,
                false,
                1,
                counted,
                List.of(new ExamResults.ModuleScore("2", "直播运营", 40, 48)));
        var practical =
                new PracticalResults.LearnerResult(4, "五级直播销售员操作技能考核", new PracticalScore.Total(null, 2, 5, null));
        var verdict = new Outcome.Verdict(
                false,
                List.of(
                        new Outcome.Check(
                                Outcome.Requirement.HOURS,
                                Outcome.State.NOT_MET,
                                new Words("课堂学时还差 63:59:30（时:分:秒）", "short by 63:59:30 (h:mm:ss)")),
                        new Outcome.Check(
                                Outcome.Requirement.THEORY,
                                Outcome.State.MET,
                                new Words("已通过：82/100", "passed: 82/100"))));
        return new LearningArchive.Archive(
                t,
                new AccountView(
                        7,
                        "learner07",
                        Role.LEARNER,
                        "王小明",
                        IdDocumentType.MAINLAND_ID_CARD,
                        "1101**********1234",
                        "138****0000",
                        false,
                        false,
                        t),
                new LearningArchive.ClassFacts(
                        1,
                        "2026 年第 1 期直播销售员（五级）线上班",
                        DeliveryMode.ONLINE,
                        LocalDate.of(2026, 11, 2),
                        LocalDate.of(2026, 12, 20),
                        true,
                        45),
                new LearningArchive.PlanFacts(
                        2, "直播销售员五级新入职", Level.L5, JobType.LIVE_SELLER, PlanKind.NEW_ENTRANT, "2021"),
                hours,
                List.of(exam),
                List.of(practical),
                verdict);
    }

    static String text(byte[] pdf) throws Exception {
        return cn.imtp.lms.documents.PdfText.of(pdf);
    }

    @Test
    void theChineseArchiveSaysWhatThePageSays() throws Exception {
        byte[] pdf = ArchivePdf.render(archive(6), Language.ZH);
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        String text = text(pdf);
        for (String expected : List.of(
                "学习档案",
                "王小明（learner07）",
                "1101**********1234",
                "五级/初级",
                "直播销售员",
                "结业情况",
                "尚未满足全部结业要求。",
                "课堂学时：未达标",
                "理论知识考核：已达标",
                "撰写单品直播脚本 6",
                "45.5 分钟",
                "82 / 100 通过",
                "2 直播运营 40/48",
                "已评 2 / 5 项",
                "2026-11-20 10:00")) {
            assertTrue(text.contains(expected), "the PDF says '" + expected + "':\n" + text);
        }
        assertFalse(text.contains("Learning archive"));
    }

    @Test
    void aPaperNotOutOf100IsScoredOnTheScaleOfItsPassMark() throws Exception {
        LearningArchive.Archive a = archive(6);
        var sixOfTen = new ExamResults.AttemptSummary(
                1,
                1,
                a.generatedAt(),
                a.generatedAt().plusSeconds(3600),
                a.generatedAt().plusSeconds(3000),
                Attempt.SubmittedBy.LEARNER,
                6,
                10,
                true);
        var exam = new ExamResults.LearnerResult(3, "单元练习：直播脚本", Exam.Blueprint.SKILL, true, 1, sixOfTen, List.of());
        LearningArchive.Archive withQuiz = new LearningArchive.Archive(
                a.generatedAt(),
                a.learner(),
                a.trainingClass(),
                a.plan(),
                a.hours(),
                List.of(exam),
                a.practicals(),
                a.outcome());
        // (Spaces as the narrow column wraps them: compared without.)
        String zh = text(ArchivePdf.render(withQuiz, Language.ZH)).replaceAll("\\s", "");
        assertTrue(zh.contains("60/100（6/10分）通过"), zh);
        assertFalse(zh.contains("6/10通过"), zh);
        String en = text(ArchivePdf.render(withQuiz, Language.EN)).replaceAll("\\s", "");
        assertTrue(en.contains("60/100(6of10points)passed"), en);
        Outcome.Verdict v = Outcome.judge(true, true, 0, List.of(new Outcome.Exam("理论考试", true, 6.0, 10)), List.of());
        assertEquals("已通过：理论考试 60/100 (6/10)", v.checks().get(1).detail().zh());
    }

    @Test
    void inEnglishOnRequest() throws Exception {
        String text = text(ArchivePdf.render(archive(2), Language.EN));
        for (String expected : List.of(
                "Learning archive",
                "Outcome",
                "Classroom hours: not met",
                "level 5 (junior) / live seller",
                "2 of 5 tasks graded",
                "90 min")) {
            assertTrue(text.contains(expected), "the PDF says '" + expected + "':\n" + text);
        }
    }

    @Test
    void aLongPlanRunsOverPagesWithItsHeaderRepeated() throws Exception {
        byte[] pdf = ArchivePdf.render(archive(80), Language.ZH);
        PdfReader reader = new PdfReader(pdf);
        assertTrue(reader.getNumberOfPages() >= 2, "80 units take more than a page");
        String text = text(pdf);
        assertEquals(
                reader.getNumberOfPages(),
                text.split("学习单元", -1).length - 1,
                "the units' header starts every page: " + text);
        // Nothing is embedded: the document stays small whatever its length.
        assertTrue(pdf.length < 60_000, pdf.length + " bytes");
    }
}
