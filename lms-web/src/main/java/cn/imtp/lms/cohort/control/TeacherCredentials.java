package cn.imtp.lms.cohort.control;

import cn.imtp.lms.application.ChinaTime;
import cn.imtp.lms.application.TimeFields;
import cn.imtp.lms.cohort.entity.CredentialKind;
import cn.imtp.lms.cohort.entity.TeacherCredential;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Teachers' certificates and professional titles: recorded by administrators, read by the rules a class must meet to start. */
@ApplicationScoped
public class TeacherCredentials {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Transactional
    public TeacherCredential addCredential(long accountId, Requests.NewCredential n) {
        Account a = em.find(Account.class, accountId);
        if (a == null || a.role() != Role.TEACHER) {
            throw PlatformException.notFound(new Words("教师", "Teacher"), accountId);
        }
        List<FieldError> errors = new ArrayList<>();
        if (n == null || n.kind() == null) {
            errors.add(
                    new FieldError("kind", new Words("必填：CERTIFICATE 或 TITLE", "is required: CERTIFICATE or TITLE")));
        } else if (n.kind() == CredentialKind.CERTIFICATE && n.level() == null) {
            errors.add(new FieldError("level", new Words("证书须有等级（L5 至 L1）", "a certificate has a level, L5 to L1")));
        } else if (n.kind() == CredentialKind.TITLE && n.titleGrade() == null) {
            errors.add(new FieldError(
                    "titleGrade",
                    new Words("职称须有级别：INTERMEDIATE 或 SENIOR", "a title has a grade: INTERMEDIATE or SENIOR")));
        }
        LocalDate issuedOn = n == null ? null : TimeFields.date(n.issuedOn(), "issuedOn", false, errors);
        if (n == null
                || issuedOn == null && errors.stream().noneMatch(e -> e.field().equals("issuedOn"))
                || issuedOn != null && issuedOn.isAfter(ChinaTime.today())) {
            errors.add(new FieldError("issuedOn", new Words("必填，且不能晚于今天", "is required and not in the future")));
        }
        if (n == null || n.reference() == null || n.reference().isBlank()) {
            errors.add(new FieldError(
                    "reference", new Words("请填写证书或职称编号", "the certificate or title number is required")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("资质未记录。", "The credential was not recorded."), errors);
        }
        boolean certificate = n.kind() == CredentialKind.CERTIFICATE;
        TeacherCredential t = new TeacherCredential(
                accountId,
                n.kind(),
                certificate ? n.level() : null,
                certificate ? null : n.titleGrade(),
                issuedOn,
                n.reference().trim());
        em.persist(t);
        em.flush();
        return t;
    }

    @Transactional
    public List<TeacherCredential> credentials(long accountId) {
        return em.createQuery(
                        "SELECT t FROM TeacherCredential t WHERE t.accountId = :a ORDER BY t.issuedOn",
                        TeacherCredential.class)
                .setParameter("a", accountId)
                .getResultList();
    }
}
