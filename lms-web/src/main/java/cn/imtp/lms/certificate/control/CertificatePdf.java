package cn.imtp.lms.certificate.control;

import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.documents.PdfFonts;
import cn.imtp.platform.text.Language;
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
import java.util.Locale;

/**
 * A completion certificate (结业证明) as an A4 PDF in Chinese or English: who completed which training of which
 * institution, the classroom hours against the requirement, by module, the exams' scores, the number, the date and the
 * verification code with where to check it. A revoked certificate says so above everything else. Pure.
 */
public final class CertificatePdf {

    private static final Color RULE = new Color(0xC8, 0xCE, 0xD6);
    private static final Color REVOKED = new Color(0xA8, 0x32, 0x1E);

    private final Language lang;
    private final Font body = PdfFonts.song(11, Font.NORMAL);
    private final Font small = PdfFonts.song(9, Font.NORMAL, Color.DARK_GRAY);
    private final Font bold = PdfFonts.song(11, Font.BOLD);
    private final Font title = PdfFonts.song(26, Font.BOLD);

    private CertificatePdf(Language lang) {
        this.lang = lang;
    }

    /** @param verifyUrl where anyone confirms the code (the platform's verification page) */
    public static byte[] render(Certificates.View c, String institution, String verifyUrl, Language lang) {
        return new CertificatePdf(lang).document(c, institution, verifyUrl);
    }

    private String pick(String zh, String en) {
        return lang.pick(zh, en);
    }

    private byte[] document(Certificates.View c, String institution, String verifyUrl) {
        CertificateFacts f = c.facts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 64, 56);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(pick("结业证明", "Certificate of completion") + " " + c.number());
            doc.addCreator("imtp lms");
            doc.open();
            if (c.status() == Certificates.Status.REVOKED) {
                doc.add(centered(
                        pick(
                                "本证明已于 " + ExportTable.chinaTime(c.revokedAt()) + " 撤销，不再有效。",
                                "This certificate was revoked on " + ExportTable.chinaTime(c.revokedAt())
                                        + " and is no longer valid."),
                        PdfFonts.song(13, Font.BOLD, REVOKED),
                        10));
            }
            doc.add(centered(pick("结 业 证 明", "Certificate of Completion"), title, 6));
            doc.add(centered(pick("证书编号：", "No. ") + c.number(), small, 22));
            String level = f.level() == null
                    ? pick("基础课程", "basic course")
                    : f.level().words().in(lang)
                            + (f.jobType() == null
                                    ? ""
                                    : " " + f.jobType().words().in(lang));
            String id = f.idNumberMasked() == null
                    ? ""
                    : pick("（证件号码 " + f.idNumberMasked() + "）", " (ID " + f.idNumberMasked() + ")");
            Paragraph text = new Paragraph(
                    pick(
                            "兹证明 " + f.fullName() + id + " 于 " + f.startsOn() + " 至 " + f.endsOn() + " 参加" + institution
                                    + "举办的“" + f.className()
                                    + "”培训（互联网营销师 " + level + "，培训计划：" + f.planName() + "），完成课堂学时 "
                                    + f.classroomClassHours()
                                    + " 学时（要求不少于 " + f.minimumClassHours() + " 学时，每学时 " + f.classHourMinutes()
                                    + " 分钟），考核合格，准予结业。",
                            "This certifies that " + f.fullName() + id + " attended the training \"" + f.className()
                                    + "\" held by " + institution
                                    + " from " + f.startsOn() + " to " + f.endsOn()
                                    + " (internet marketing specialist, " + level + "; plan: " + f.planName()
                                    + "), completed " + f.classroomClassHours()
                                    + " class hours of classroom study (at least " + f.minimumClassHours()
                                    + " required, " + f.classHourMinutes()
                                    + " minutes each), passed the assessments and has completed the training."),
                    body);
            text.setLeading(22);
            text.setSpacingAfter(16);
            doc.add(text);

            PdfPTable modules = table(new float[] {4f, 1.4f, 1.4f});
            head(
                    modules,
                    pick("模块", "Module"),
                    pick("要求（学时）", "Required (class hours)"),
                    pick("完成（时:分:秒）", "Completed (h:mm:ss)"));
            for (CertificateFacts.ModuleHours m : f.modules()) {
                cell(modules, m.code() + " " + m.name());
                cell(modules, String.format(Locale.ROOT, "%.1f", m.requiredMinutes() / (double) f.classHourMinutes()));
                cell(modules, ExportTable.Clock.ofMinutes(m.seconds() / 60.0).toString());
            }
            doc.add(modules);
            if (!f.scores().isEmpty()) {
                PdfPTable scores = table(new float[] {1.6f, 4f, 1.2f});
                head(scores, pick("考核", "Assessment"), pick("名称", "Title"), pick("成绩", "Score"));
                for (CertificateFacts.Score s : f.scores()) {
                    cell(scores, s.practical() ? pick("操作技能考核", "Practical") : pick("理论知识考核", "Theory"));
                    cell(scores, s.title());
                    cell(scores, s.score());
                }
                doc.add(scores);
            }
            Paragraph issuer = new Paragraph(institution, bold);
            issuer.setAlignment(Element.ALIGN_RIGHT);
            issuer.setSpacingBefore(24);
            doc.add(issuer);
            Paragraph date = new Paragraph(
                    pick("签发日期：", "Issued: ")
                            + c.issuedAt().atZone(CertificateFacts.CHINA).toLocalDate(),
                    body);
            date.setAlignment(Element.ALIGN_RIGHT);
            doc.add(date);
            Paragraph check = new Paragraph(
                    pick("验证码：", "Verification code: ")
                            + c.code()
                            + pick("。查验真伪请访问 ", ". Check it at ")
                            + verifyUrl
                            + pick(
                                    "（只显示脱敏姓名、班级、等级、学时和有效状态）。",
                                    " (shows the masked name, class, level, hours and whether it is valid)."),
                    small);
            check.setSpacingBefore(28);
            doc.add(check);
            doc.close();
        } catch (DocumentException e) {
            throw new UncheckedIOException(new IOException("The certificate could not be laid out as a PDF", e));
        }
        return out.toByteArray();
    }

    private static Paragraph centered(String text, Font font, float after) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(after);
        return p;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingAfter(10);
        return t;
    }

    private void head(PdfPTable t, String... labels) {
        for (String l : labels) {
            PdfPCell cell = new PdfPCell(new Phrase(l, bold));
            cell.setBorderColor(RULE);
            cell.setPadding(4);
            t.addCell(cell);
        }
    }

    private void cell(PdfPTable t, String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, body));
        cell.setBorderColor(RULE);
        cell.setPadding(4);
        t.addCell(cell);
    }
}
