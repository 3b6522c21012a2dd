package cn.imtp.lms.cohort.control;

import cn.imtp.lms.application.ChinaTime;
import cn.imtp.lms.application.TimeFields;
import cn.imtp.lms.cohort.entity.LearnerQualification;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What entitles a learner to a plan above level 5: certificates (recorded by administrators) and teachers' approvals with
 * their reasons, read by the rules a class must meet to start.
 */
@ApplicationScoped
public class LearnerQualifications {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    /** Records a learner's certificate (administrators) or a teacher's approval for a level, with the reason. */
    @Transactional
    public LearnerQualification addQualification(long accountId, Requests.NewQualification n, Caller actor) {
        learnerSeenBy(accountId, actor);
        List<FieldError> errors = new ArrayList<>();
        if (n == null || n.kind() == null) {
            errors.add(new FieldError(
                    "kind", new Words("必填：CERTIFICATE 或 APPROVAL", "is required: CERTIFICATE or APPROVAL")));
        }
        if (n == null || n.level() == null) {
            errors.add(new FieldError("level", new Words("必填：L5 至 L1", "is required: L5 to L1")));
        }
        LocalDate dated = n == null ? null : TimeFields.date(n.dated(), "dated", false, errors);
        if (n == null
                || dated == null && errors.stream().noneMatch(e -> e.field().equals("dated"))
                || dated != null && dated.isAfter(ChinaTime.today())) {
            errors.add(new FieldError(
                    "dated",
                    new Words(
                            "请填写证书或批准的日期，且不能晚于今天",
                            "the certificate's or the approval's date is required and not in the future")));
        }
        if (n != null && n.kind() == LearnerQualification.Kind.CERTIFICATE) {
            if (actor.role() != Role.ADMINISTRATOR) {
                throw new PlatformException(
                        403,
                        "forbidden",
                        "Forbidden",
                        new Words("证书由管理员记录。", "Certificates are recorded by administrators."));
            }
            if (n.reference() == null || n.reference().isBlank()) {
                errors.add(new FieldError("reference", new Words("请填写证书编号", "the certificate number is required")));
            }
        }
        if (n != null
                && n.kind() == LearnerQualification.Kind.APPROVAL
                && (n.reason() == null || n.reason().isBlank())) {
            errors.add(new FieldError(
                    "reason",
                    new Words(
                            "批准须写明该学员为何具备参加此等级培训的资格", "an approval records why the learner qualifies for this level")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("未记录任何内容。", "Nothing was recorded."), errors);
        }
        LearnerQualification q = new LearnerQualification(
                accountId, n.kind(), n.level(), dated, blank(n.reference()), blank(n.reason()), actor.username());
        em.persist(q);
        em.flush();
        return q;
    }

    /** A learner's qualifications, to an administrator or a teacher of one of the learner's classes. */
    @Transactional
    public List<LearnerQualification> qualifications(long accountId, Caller caller) {
        learnerSeenBy(accountId, caller);
        return qualifications(accountId);
    }

    /**
     * The learner's account if the caller may deal with it: administrators any learner, teachers the learners of the
     * classes they teach (in any state: an approval may come before the class starts); otherwise 404.
     */
    private Account learnerSeenBy(long accountId, Caller caller) {
        Account a = em.find(Account.class, accountId);
        boolean allowed = a != null
                && a.role() == Role.LEARNER
                && (caller.role() == Role.ADMINISTRATOR
                        || (caller.role() == Role.TEACHER
                                && !em.createNativeQuery(
                                                "SELECT 1 FROM class_learner l JOIN class_teacher t"
                                                        + " ON t.class_id = l.class_id WHERE l.account_id = ? AND t.account_id = ?")
                                        .setParameter(1, accountId)
                                        .setParameter(2, caller.accountId())
                                        .getResultList()
                                        .isEmpty()));
        if (!allowed) {
            throw PlatformException.notFound(new Words("学员", "Learner"), accountId);
        }
        return a;
    }

    List<LearnerQualification> qualifications(long accountId) {
        return em.createQuery(
                        "SELECT q FROM LearnerQualification q WHERE q.accountId = :a ORDER BY q.dated",
                        LearnerQualification.class)
                .setParameter("a", accountId)
                .getResultList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
