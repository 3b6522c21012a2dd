package cn.imtp.lms.archive.control;

import cn.imtp.lms.attendance.control.LedgerRules;
import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.documents.PdfFonts;
import cn.imtp.lms.exam.control.ExamResults;
import cn.imtp.lms.exam.control.Scores;
import cn.imtp.lms.practical.control.PracticalResults;
import cn.imtp.platform.text.Language;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A learning archive as a PDF for the institution's files, in Chinese or English, laid out like the archive
 * page: identity (masked), class and plan, the outcome requirement by requirement, hours per unit, exams and
 * quizzes, practical exams. Its text is set in Adobe's STSong-Light with the UniGB-UCS2-H encoding, a font every
 * PDF reader supplies for Chinese: nothing is embedded, so the server needs no CJK font file and the
 * document stays small. Only characters of GB 2312 and ASCII are used in the labels (a middle dot, for one, is
 * not in every reader's substitute font). Pure: the same archive gives the same document (but for the PDF's own timestamps).
 */
public final class ArchivePdf {

    private static final Color RULE = new Color(0xC8, 0xCE, 0xD6);
    private static final Color HEAD = new Color(0xEE, 0xF1, 0xF5);
    private static final Color MET = new Color(0x1B, 0x6E, 0x3A);
    private static final Color SHORT = new Color(0xA8, 0x32, 0x1E);

    /** Every label, Chinese then English. */
    private static final Map<String, String[]> TEXT = Map.ofEntries(
            Map.entry("title", new String[] {"学习档案", "Learning archive"}),
            Map.entry("colon", new String[] {"：", ": "}),
            Map.entry("to", new String[] {" 至 ", " to "}),
            Map.entry("name", new String[] {"姓名", "Name"}),
            Map.entry("id", new String[] {"证件", "Identity document"}),
            Map.entry("phone", new String[] {"手机", "Phone"}),
            Map.entry("class", new String[] {"班级", "Class"}),
            Map.entry("certificate", new String[] {"取证班", "Certificate class"}),
            Map.entry("plan", new String[] {"培训计划", "Training plan"}),
            Map.entry("edition", new String[] {"培训包版本", "Package edition"}),
            Map.entry("basicCourse", new String[] {"基础课程", "basic course"}),
            Map.entry("generated", new String[] {"生成时间（北京时间）", "Generated (China time)"}),
            Map.entry("outcome", new String[] {"结业情况", "Outcome"}),
            Map.entry("complete", new String[] {"已满足全部结业要求。", "Every requirement is met."}),
            Map.entry("incomplete", new String[] {"尚未满足全部结业要求。", "Not every requirement is met yet."}),
            Map.entry("hours", new String[] {"学时", "Hours"}),
            Map.entry("hoursLine", new String[] {
                "课堂学时 %s（计划 %s，最低 %s）；其他学时 %s；合计 %s。", "Classroom %s (plan %s, minimum %s); other %s; total %s."
            }),
            Map.entry("notStarted", new String[] {"班级尚未开班。", "The class has not started."}),
            Map.entry("unit", new String[] {"学习单元", "Learning unit"}),
            Map.entry("required", new String[] {"要求", "Required"}),
            Map.entry("credited", new String[] {"已计入", "Credited"}),
            Map.entry("met", new String[] {"达标", "Met"}),
            Map.entry("yes", new String[] {"是", "yes"}),
            Map.entry("no", new String[] {"否", "no"}),
            Map.entry("minutes", new String[] {"%s 分钟", "%s min"}),
            Map.entry("assessments", new String[] {"考核", "Assessments"}),
            Map.entry("exam", new String[] {"名称", "Title"}),
            Map.entry("kind", new String[] {"类别", "Kind"}),
            Map.entry("attempts", new String[] {"次数", "Attempts"}),
            Map.entry("score", new String[] {"成绩", "Score"}),
            Map.entry("modules", new String[] {"各模块得分", "Score per module"}),
            Map.entry("quiz", new String[] {"单元练习", "Quiz"}),
            Map.entry("summative", new String[] {"结业考试", "Exam"}),
            Map.entry("passed", new String[] {"通过", "passed"}),
            Map.entry("failed", new String[] {"未通过", "not passed"}),
            Map.entry("notSubmitted", new String[] {"未交卷", "not submitted"}),
            Map.entry("noAssessment", new String[] {"暂无考核记录。", "No assessment yet."}),
            Map.entry("practical", new String[] {"操作技能考核", "Practical exam"}),
            Map.entry("graded", new String[] {"已评 %d / %d 项", "%d of %d tasks graded"}),
            Map.entry("page", new String[] {
                "本档案由培训平台根据考勤与考核记录生成。", "Made by the training platform from its attendance and assessment records."
            }));

    private final Language lang;
    private final Font body;
    private final Font small;
    private final Font bold;
    private final Font heading;
    private final Font title;

    private ArchivePdf(Language lang) {
        this.lang = lang;
        body = PdfFonts.song(10, Font.NORMAL);
        small = PdfFonts.song(8, Font.NORMAL, Color.DARK_GRAY);
        bold = PdfFonts.song(10, Font.BOLD);
        heading = PdfFonts.song(13, Font.BOLD);
        title = PdfFonts.song(18, Font.BOLD);
    }

    /** The archive as an A4 PDF. */
    public static byte[] render(LearningArchive.Archive a, Language lang) {
        return new ArchivePdf(lang).document(a);
    }

    private byte[] document(LearningArchive.Archive a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 56, 56);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(t("title") + t("colon") + a.learner().fullName());
            doc.addCreator("imtp lms");
            doc.open();
            Paragraph head = new Paragraph(t("title") + t("colon") + a.learner().fullName(), title);
            head.setSpacingAfter(8);
            doc.add(head);
            doc.add(facts(a));
            outcome(doc, a.outcome());
            hours(doc, a.hours());
            assessments(doc, a.assessments(), a.practicals());
            Paragraph foot = new Paragraph(t("page"), small);
            foot.setSpacingBefore(14);
            doc.add(foot);
            doc.close();
        } catch (DocumentException e) {
            throw new UncheckedIOException(new IOException("The archive could not be laid out as a PDF", e));
        }
        return out.toByteArray();
    }

    private PdfPTable facts(LearningArchive.Archive a) {
        PdfPTable table = table(new float[] {1.2f, 4f});
        var c = a.trainingClass();
        var p = a.plan();
        fact(table, "name", a.learner().fullName() + "（" + a.learner().username() + "）");
        fact(
                table,
                "id",
                a.learner().idNumberMasked() == null ? "—" : a.learner().idNumberMasked());
        fact(
                table,
                "phone",
                a.learner().phoneMasked() == null ? "—" : a.learner().phoneMasked());
        fact(table, "class", c.name() + " / " + c.startsOn() + t("to") + c.endsOn());
        fact(table, "certificate", t(c.leadsToCertificate() ? "yes" : "no"));
        String level = p.level() == null ? t("basicCourse") : p.level().words().in(lang);
        String job = p.jobType() == null ? "" : " / " + p.jobType().words().in(lang);
        fact(table, "plan", p.name() + " / " + level + job);
        fact(table, "edition", p.edition());
        fact(table, "generated", ExportTable.chinaTime(a.generatedAt()));
        return table;
    }

    private void outcome(Document doc, Outcome.Verdict v) throws DocumentException {
        section(doc, "outcome");
        doc.add(new Paragraph(t(v.complete() ? "complete" : "incomplete"), colored(bold, v.complete())));
        for (Outcome.Check k : v.checks()) {
            Paragraph line = new Paragraph();
            line.add(new Chunk(k.requirement().words.in(lang) + t("colon"), body));
            line.add(new Chunk(k.state().words.in(lang), colored(bold, k.state() == Outcome.State.MET)));
            line.add(new Chunk(" — " + k.detail().in(lang), small));
            doc.add(line);
        }
    }

    private void hours(Document doc, LedgerRules.LearnerStatus h) throws DocumentException {
        section(doc, "hours");
        if (h == null) {
            doc.add(new Paragraph(t("notStarted"), body));
            return;
        }
        Paragraph line = new Paragraph(
                String.format(
                        Locale.ROOT,
                        t("hoursLine"),
                        minutes(h.classroomMinutes()),
                        minutes(h.planMinutes()),
                        minutes(h.minimumMinutes()),
                        minutes(h.otherMinutes()),
                        minutes(h.totalMinutes())),
                body);
        line.setSpacingAfter(6);
        doc.add(line);
        PdfPTable units = table(new float[] {4f, 1.2f, 1.2f, 0.8f});
        header(units, "unit", "required", "credited", "met");
        for (LedgerRules.UnitStatus u : h.units()) {
            cell(units, u.name(), body);
            cell(units, minutes(u.requiredMinutes()), body);
            cell(units, minutes(u.creditedMinutes()), body);
            cell(units, t(u.met() ? "yes" : "no"), colored(body, u.met()));
        }
        doc.add(units);
    }

    private void assessments(
            Document doc, List<ExamResults.LearnerResult> exams, List<PracticalResults.LearnerResult> practicals)
            throws DocumentException {
        section(doc, "assessments");
        if (exams.isEmpty() && practicals.isEmpty()) {
            doc.add(new Paragraph(t("noAssessment"), body));
            return;
        }
        if (!exams.isEmpty()) {
            PdfPTable table = table(new float[] {2.6f, 1f, 0.8f, 1.4f, 3f});
            header(table, "exam", "kind", "attempts", "score", "modules");
            for (ExamResults.LearnerResult r : exams) {
                cell(table, r.title(), body);
                cell(table, t(r.quiz() ? "quiz" : "summative"), body);
                cell(table, Integer.toString(r.attempts()), body);
                var counted = r.counted();
                if (counted == null || counted.score() == null) {
                    cell(table, t("notSubmitted"), body);
                } else {
                    boolean passed = Boolean.TRUE.equals(counted.passed());
                    cell(
                            table,
                            Scores.shown(counted.score(), counted.maxScore()).in(lang) + " "
                                    + t(passed ? "passed" : "failed"),
                            colored(body, passed));
                }
                cell(
                        table,
                        r.modules().stream()
                                .map(m -> m.code() + " " + m.name() + " " + m.awarded() + "/" + m.points())
                                .collect(Collectors.joining("；")),
                        small);
            }
            doc.add(table);
        }
        if (!practicals.isEmpty()) {
            PdfPTable table = table(new float[] {4f, 3f});
            table.setSpacingBefore(8);
            header(table, "practical", "score");
            for (PracticalResults.LearnerResult r : practicals) {
                cell(table, r.title(), body);
                var total = r.total();
                if (total.score() == null) {
                    cell(table, String.format(Locale.ROOT, t("graded"), total.graded(), total.tasks()), body);
                } else {
                    boolean passed = Boolean.TRUE.equals(total.passed());
                    cell(
                            table,
                            String.format(Locale.ROOT, "%.1f / 100 %s", total.score(), t(passed ? "passed" : "failed")),
                            colored(body, passed));
                }
            }
            doc.add(table);
        }
    }

    private String t(String key) {
        return TEXT.get(key)[lang.ordinal()];
    }

    private String minutes(double value) {
        double rounded = Math.round(Math.max(0, value) * 10) / 10.0;
        String n = rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
        return String.format(Locale.ROOT, t("minutes"), n);
    }

    private void section(Document doc, String key) throws DocumentException {
        Paragraph p = new Paragraph(t(key), heading);
        p.setSpacingBefore(14);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static Font colored(Font f, boolean good) {
        return new Font(f.getBaseFont(), f.getSize(), f.getStyle(), good ? MET : SHORT);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private void fact(PdfPTable table, String key, String value) {
        cell(table, t(key), bold);
        cell(table, value, body);
    }

    /** The table's first row, repeated on every page the table runs over. */
    private void header(PdfPTable table, String... keys) {
        for (String key : keys) {
            cell(table, t(key), bold, HEAD);
        }
        table.setHeaderRows(1);
    }

    private static void cell(PdfPTable table, String text, Font font) {
        cell(table, text, font, null);
    }

    private static void cell(PdfPTable table, String text, Font font, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "—" : text, font));
        c.setBorderColor(RULE);
        c.setPadding(4);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        table.addCell(c);
    }
}
