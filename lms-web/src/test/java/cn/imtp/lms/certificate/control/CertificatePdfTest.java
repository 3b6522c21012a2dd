package cn.imtp.lms.certificate.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.documents.PdfText;
import cn.imtp.platform.text.Language;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificatePdfTest {

    static Certificates.View certificate(Instant revokedAt) {
        CertificateFacts f = new CertificateFacts(
                "王梓涵",
                "310************106",
                "2026 年第 1 期直播销售员（五级）线上班",
                "直播销售员五级新入职",
                Level.L5,
                JobType.LIVE_SELLER,
                LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 12, 20),
                45,
                216_000,
                3600,
                List.of(
                        new CertificateFacts.ModuleHours("1", "职业道德与基础知识", 54_000, 900),
                        new CertificateFacts.ModuleHours("2", "直播营销", 162_000, 2700)),
                List.of(
                        new CertificateFacts.Score(false, "五级直播销售员理论考试", "82/100"),
                        new CertificateFacts.Score(true, "五级直播销售员操作技能考核", "75.5/100")));
        return new Certificates.View(
                12,
                "JY2026-000012",
                "ABCD-EFGH-JKMN-PQRS",
                1,
                7,
                Instant.parse("2026-12-21T02:00:00Z"),
                revokedAt == null ? Certificates.Status.VALID : Certificates.Status.REVOKED,
                revokedAt,
                revokedAt == null ? null : "成绩录入错误",
                null,
                f);
    }

    @Test
    void theChineseCertificateStatesWhoCompletedWhatWithHowToCheckIt() throws Exception {
        byte[] pdf = CertificatePdf.render(
                certificate(null),
                "互联网营销师职业技能培训中心",
                "https://lms.example.cn/verify/?code=ABCDEFGHJKMNPQRS",
                Language.ZH);
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        String text = PdfText.of(pdf).replaceAll("\\s", ""); // lines wrap at spaces: compared without any
        for (String expected : List.of(
                "结 业 证 明",
                "证书编号：JY2026-000012",
                "兹证明 王梓涵（证件号码 310************106）",
                "2026-11-02 至 2026-12-20",
                "互联网营销师职业技能培训中心",
                "五级/初级 直播销售员",
                "完成课堂学时 80.0 学时",
                "要求不少于 80.0 学时，每学时 45 分钟",
                "准予结业",
                "1 职业道德与基础知识",
                "20.0",
                "15:00:00",
                "2 直播营销",
                "45:00:00",
                "82/100",
                "75.5/100",
                "签发日期：2026-12-21",
                "验证码：ABCD-EFGH-JKMN-PQRS",
                "https://lms.example.cn/verify/?code=ABCDEFGHJKMNPQRS")) {
            assertTrue(
                    text.contains(expected.replaceAll("\\s", "")), "the certificate says '" + expected + "':\n" + text);
        }
        assertFalse(text.contains("撤销，不再有效") || text.contains("Certificate"), text);
    }

    @Test
    void inEnglishAndMarkedWhenRevoked() throws Exception {
        String text = PdfText.of(CertificatePdf.render(
                        certificate(Instant.parse("2027-01-05T01:00:00Z")),
                        "IMS Training Centre",
                        "https://lms.example.cn/verify/",
                        Language.EN))
                .replaceAll("\\s", "");
        for (String expected : List.of(
                "This certificate was revoked on 2027-01-05 09:00",
                "Certificate of Completion",
                "No. JY2026-000012",
                "This certifies that 王梓涵",
                "level 5 (junior) live seller",
                "completed 80.0 class hours",
                "Verification code: ABCD-EFGH-JKMN-PQRS")) {
            assertTrue(
                    text.contains(expected.replaceAll("\\s", "")), "the certificate says '" + expected + "':\n" + text);
        }
        String chinese = PdfText.of(
                CertificatePdf.render(certificate(Instant.parse("2027-01-05T01:00:00Z")), "中心", "u", Language.ZH));
        assertTrue(chinese.replaceAll("\\s", "").contains("本证明已于2027-01-0509:00"), chinese);
    }
}
