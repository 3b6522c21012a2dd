package cn.imtp.lms.certificate.control;

import cn.imtp.lms.archive.control.LearningArchive;
import cn.imtp.lms.archive.control.Outcome;
import cn.imtp.lms.attendance.control.ChainAudit;
import cn.imtp.lms.attendance.control.LedgerRules;
import cn.imtp.lms.catalogue.entity.CatalogueModule;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.certificate.entity.Certificate;
import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.exam.control.Scores;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Completion certificates (结业证明). Issued — by the learner, a teacher of the class or an administrator — only when
 * the learning archive's outcome is complete (every requirement met) and the class's attendance records verify (the
 * chain's hashes and every ledger figure against the records: a ledger raised in the database is refused); what it
 * states is the archive at that moment. When the records do not verify, only an administrator may issue, saying what
 * they checked (kept on the certificate and in the audit log). Asking again returns the certificate already issued. An administrator may
 * revoke one with a reason; after that only an administrator issues again. Anyone holding the code may confirm it:
 * the certificate's number, the masked name, class, level and job type, hours, date and whether it is valid — never
 * an ID number or contact data.
 */
@ApplicationScoped
public class Certificates {

    public static final int MAX_REASON = 200;
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    LearningArchive archives;

    @Inject
    ChainAudit chains;

    @Inject
    AuditLog audit;

    public enum Status {
        VALID(new Words("有效", "valid")),
        REVOKED(new Words("已撤销", "revoked"));

        public final Words words;

        Status(Words words) {
            this.words = words;
        }
    }

    /** A certificate as its holder and the class's staff see it. */
    public record View(
            long id,
            String number,
            String code,
            long classId,
            long learnerId,
            Instant issuedAt,
            Status status,
            Instant revokedAt,
            String revokeReason,
            String recordsNote,
            CertificateFacts facts) {}

    /** What an administrator checked when the class's attendance records do not verify; nothing otherwise. */
    public record IssueRequest(String recordsChecked) {}

    /** What the anonymous verification shows. */
    public record Verification(
            String number,
            String maskedName,
            String className,
            String planName,
            Level level,
            JobType jobType,
            String classroomClassHours,
            int classHourMinutes,
            long classroomSeconds,
            LocalDate startsOn,
            LocalDate endsOn,
            LocalDate issuedOn,
            Status status,
            LocalDate revokedOn) {}

    public record Revocation(String reason) {}

    /** The learner's certificates in the class, newest first (the caller may see the learner's archive, or 404). */
    @Transactional
    public List<View> of(long classId, long learnerId, Caller caller) {
        archives.readable(classId, learnerId, caller);
        return em
                .createQuery(
                        "SELECT c FROM Certificate c WHERE c.classId = :c AND c.learnerId = :l ORDER BY c.id DESC",
                        Certificate.class)
                .setParameter("c", classId)
                .setParameter("l", learnerId)
                .getResultList()
                .stream()
                .map(Certificates::view)
                .toList();
    }

    /** Issues the learner's certificate, or returns the valid one already issued ({@code created} false). */
    @Transactional
    public Issued issue(long classId, long learnerId, IssueRequest request, Caller caller, String clientAddress) {
        LearningArchive.Archive a = archives.of(classId, learnerId, caller);
        List<Certificate> held = em.createQuery(
                        "SELECT c FROM Certificate c WHERE c.classId = :c AND c.learnerId = :l ORDER BY c.id DESC",
                        Certificate.class)
                .setParameter("c", classId)
                .setParameter("l", learnerId)
                .getResultList();
        for (Certificate c : held) {
            if (c.revokedAt() == null) {
                return new Issued(view(c), false);
            }
        }
        if (!held.isEmpty() && caller.role() != Role.ADMINISTRATOR) {
            throw PlatformException.conflict(new Words(
                    "该学员的结业证明已被撤销，如需重新签发，请联系管理员。",
                    "This learner's certificate was revoked; only an administrator may issue another."));
        }
        if (!a.outcome().complete()) {
            List<Outcome.Check> open = a.outcome().checks().stream()
                    .filter(k -> k.state() != Outcome.State.MET)
                    .toList();
            throw PlatformException.conflict(new Words(
                    "尚未满足全部结业要求，暂不能签发结业证明："
                            + String.join(
                                    "；",
                                    open.stream()
                                            .map(k -> k.requirement().words.zh() + "（"
                                                    + k.state().words.zh() + "："
                                                    + k.detail().zh() + "）")
                                            .toList())
                            + "。",
                    "Not every requirement is met yet, so no certificate can be issued: "
                            + String.join(
                                    "; ",
                                    open.stream()
                                            .map(k -> k.requirement().words.en() + " ("
                                                    + k.state().words.en() + ": "
                                                    + k.detail().en() + ")")
                                            .toList())
                            + "."));
        }
        String note = request == null || request.recordsChecked() == null
                ? ""
                : request.recordsChecked().strip();
        if (note.length() > MAX_REASON) {
            throw PlatformException.invalid(
                    new Words(
                            "核查说明最多 " + MAX_REASON + " 字。",
                            "Say what was checked in at most " + MAX_REASON + " characters."),
                    List.of(new FieldError(
                            "recordsChecked",
                            new Words("最多 " + MAX_REASON + " 字", "at most " + MAX_REASON + " characters"))));
        }
        ChainAudit.Check chain = chains.verify(classId);
        if (!chain.intact() && (caller.role() != Role.ADMINISTRATOR || note.isEmpty())) {
            // What differs names other learners' records: administrators are told, others only that the records do not
            // verify.
            Words what = caller.role() == Role.ADMINISTRATOR
                    ? new Words(
                            "（" + chain.problem().zh() + "）",
                            " (" + chain.problem().en() + ")")
                    : new Words("", "");
            throw PlatformException.conflict(
                    new Words(
                            "本班考勤记录未通过校验" + what.zh() + "，暂不能签发结业证明；" + "管理员核查考勤记录后，可写明核查情况再签发。",
                            "The class's attendance records do not verify" + what.en()
                                    + ", so no certificate can be issued; an administrator who has checked them may issue it, saying what was checked."));
        }
        String recordsNote = chain.intact() ? null : note;
        Certificate c = new Certificate(
                CertificateFacts.newCode(),
                classId,
                learnerId,
                Instant.now(),
                caller.accountId(),
                JSON.toJson(facts(a)),
                recordsNote);
        em.persist(c);
        em.flush(); // a second valid certificate is refused here by the unique key (two requests at once: one
        // wins, the other is told 409)
        audit.record(
                caller,
                "CERTIFICATE_ISSUED",
                learnerId,
                "class " + classId + ": " + CertificateFacts.number(c.id(), c.issuedAt())
                        + (recordsNote == null
                                ? ""
                                : "; records did not verify (" + chain.problem().en() + "), checked: " + recordsNote),
                clientAddress);
        return new Issued(view(c), true);
    }

    public record Issued(View certificate, boolean created) {}

    /** One certificate (for its PDF), if the caller may see its learner's archive; otherwise 404. */
    @Transactional
    public View get(long id, Caller caller) {
        Certificate c = em.find(Certificate.class, id);
        if (c == null) {
            throw notFound(id);
        }
        try {
            archives.readable(c.classId(), c.learnerId(), caller);
        } catch (PlatformException e) {
            throw notFound(id);
        }
        return view(c);
    }

    /** Revokes a valid certificate (administrators), with the reason kept. */
    @Transactional
    public View revoke(long id, Revocation r, Caller caller, String clientAddress) {
        String reason = r == null || r.reason() == null ? "" : r.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw PlatformException.invalid(
                    new Words(
                            "请写明撤销原因（最多 " + MAX_REASON + " 字）。",
                            "Give the reason for the revocation (at most " + MAX_REASON + " characters)."),
                    List.of(new FieldError(
                            "reason",
                            new Words(
                                    "必填，最多 " + MAX_REASON + " 字", "required, at most " + MAX_REASON + " characters"))));
        }
        Certificate c = em.find(Certificate.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw notFound(id);
        }
        if (c.revokedAt() != null) {
            String on = ExportTable.chinaTime(c.revokedAt());
            throw PlatformException.conflict(new Words(
                    "该结业证明已于 " + on + "（北京时间）撤销。", "This certificate was revoked on " + on + " (China time)."));
        }
        c.revoke(Instant.now(), caller.accountId(), reason);
        audit.record(
                caller,
                "CERTIFICATE_REVOKED",
                c.learnerId(),
                CertificateFacts.number(c.id(), c.issuedAt()) + ": " + reason,
                clientAddress);
        return view(c);
    }

    /** The anonymous check of a code as typed: 422 when it cannot be a code, 404 when no certificate has it. */
    @Transactional
    public Verification verify(String typed) {
        String code = CertificateFacts.normalize(typed)
                .orElseThrow(() -> PlatformException.invalid(
                        new Words(
                                "验证码应为 16 位字母和数字（可带连字符），请核对结业证明上的验证码。",
                                "A verification code has 16 letters and digits (hyphens allowed); check it against the certificate."),
                        List.of(new FieldError("code", new Words("格式不正确", "not a verification code")))));
        List<Certificate> found = em.createQuery("SELECT c FROM Certificate c WHERE c.code = :code", Certificate.class)
                .setParameter("code", code)
                .getResultList();
        if (found.isEmpty()) {
            throw PlatformException.notFound(new Words(
                    "未找到该验证码对应的结业证明，请核对后重试。", "No certificate has this verification code; check it and try again."));
        }
        Certificate c = found.get(0);
        CertificateFacts f = facts(c);
        return new Verification(
                CertificateFacts.number(c.id(), c.issuedAt()),
                CertificateFacts.maskedName(f.fullName()),
                f.className(),
                f.planName(),
                f.level(),
                f.jobType(),
                f.classroomClassHours(),
                f.classHourMinutes(),
                f.classroomSeconds(),
                f.startsOn(),
                f.endsOn(),
                c.issuedAt().atZone(CertificateFacts.CHINA).toLocalDate(),
                c.revokedAt() == null ? Status.VALID : Status.REVOKED,
                c.revokedAt() == null
                        ? null
                        : c.revokedAt().atZone(CertificateFacts.CHINA).toLocalDate());
    }

    private static PlatformException notFound(long id) {
        return PlatformException.notFound(new Words("结业证明", "Certificate"), id);
    }

    private static View view(Certificate c) {
        return new View(
                c.id(),
                CertificateFacts.number(c.id(), c.issuedAt()),
                CertificateFacts.display(c.code()),
                c.classId(),
                c.learnerId(),
                c.issuedAt(),
                c.revokedAt() == null ? Status.VALID : Status.REVOKED,
                c.revokedAt(),
                c.revokeReason(),
                c.recordsNote(),
                facts(c));
    }

    private static CertificateFacts facts(Certificate c) {
        return JSON.fromJson(c.facts(), CertificateFacts.class);
    }

    /** The archive as the certificate states it: hours by module of the plan, each summative exam's counted score. */
    private CertificateFacts facts(LearningArchive.Archive a) {
        LedgerRules.LearnerStatus h = a.hours();
        Map<Long, CatalogueModule> modules = new LinkedHashMap<>();
        Map<Long, long[]> sums = new LinkedHashMap<>();
        for (LedgerRules.UnitStatus u : h.units()) {
            CatalogueModule m = em.find(LearningUnit.class, u.unitId()).course().module();
            modules.putIfAbsent(m.id(), m);
            long[] sum = sums.computeIfAbsent(m.id(), k -> new long[2]);
            sum[0] += Math.round(u.creditedMinutes() * 60);
            sum[1] += u.requiredMinutes();
        }
        List<CertificateFacts.ModuleHours> byModule = new ArrayList<>();
        modules.forEach((id, m) -> byModule.add(
                new CertificateFacts.ModuleHours(m.code(), m.name(), sums.get(id)[0], (int) sums.get(id)[1])));
        List<CertificateFacts.Score> scores = new ArrayList<>();
        a.assessments().stream()
                .filter(r -> !r.quiz() && r.counted() != null && r.counted().score() != null)
                .forEach(r -> scores.add(new CertificateFacts.Score(
                        false,
                        r.title(),
                        Scores.compact(r.counted().score(), r.counted().maxScore()))));
        a.practicals().stream()
                .filter(p -> p.total().score() != null)
                .forEach(p -> scores.add(new CertificateFacts.Score(
                        true,
                        p.title(),
                        String.format(Locale.ROOT, "%.1f/100", p.total().score()))));
        return new CertificateFacts(
                a.learner().fullName(),
                a.learner().idNumberMasked(),
                a.trainingClass().name(),
                a.plan().name(),
                a.plan().level(),
                a.plan().jobType(),
                a.trainingClass().startsOn(),
                a.trainingClass().endsOn(),
                a.trainingClass().classHourMinutes(),
                Math.round(h.classroomMinutes() * 60),
                h.minimumMinutes(),
                byModule,
                scores);
    }
}
