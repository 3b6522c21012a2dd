package cn.imtp.lms.presence.control;

import cn.imtp.lms.attendance.control.CreditHolds;
import cn.imtp.lms.attendance.control.HoursLedger;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.entity.Lesson;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.lms.presence.entity.CheckState;
import cn.imtp.lms.presence.entity.FaceEnrolment;
import cn.imtp.lms.presence.entity.PresenceCheck;
import cn.imtp.lms.presence.entity.PresenceWaiver;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What people decide about presence checks: the class's teachers and administrators review the checks that withheld
 * credit (the reference photo and the kept frames side by side) and approve (the seconds are credited again) or reject
 * them with a reason; an administrator records another verification for a learner who cannot do face checks. Every
 * decision is audited and enters the attendance chain.
 */
@ApplicationScoped
public class PresenceReviews {

    /**
     * A check as a reviewer sees it; {@code kind} says whether it was asked while watching a lesson video or in a live
     * lesson (then {@code lessonId} and when that lesson began).
     */
    public record CheckView(
            String checkId,
            long learnerId,
            String learnerName,
            String username,
            long unitId,
            String unitName,
            HoursLedger.Kind kind,
            Long lessonId,
            Instant lessonStartsAt,
            String sessionId,
            Instant dueAt,
            Instant decidedAt,
            CheckState state,
            String outcome,
            int attempts,
            Double distance,
            Double motion,
            int withheldSeconds,
            boolean framesKept,
            boolean referenceKept,
            String reviewedBy,
            Instant reviewedAt,
            String reviewNote) {}

    /** A reviewer's decision: {@code approve} gives the withheld seconds back; a rejection needs a reason. */
    public record Decision(Boolean approve, String note) {}

    public record Waiver(String method) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    CreditHolds holds;

    @Inject
    FaceService faces;

    @Inject
    AuditLog audit;

    /** The class's checks that withheld credit (all decided ones with {@code all}), newest first; its teachers and administrators only. */
    @Transactional
    public List<CheckView> list(long classId, boolean all, Caller caller) {
        reviewer(classId, caller);
        List<CheckState> states = all
                ? List.of(
                        CheckState.FAILED,
                        CheckState.MISSED,
                        CheckState.APPROVED,
                        CheckState.REJECTED,
                        CheckState.PASSED)
                : List.of(CheckState.FAILED, CheckState.MISSED);
        return em
                .createQuery(
                        "SELECT c FROM PresenceCheck c WHERE c.classId = :c AND c.state IN :s ORDER BY c.dueAt DESC",
                        PresenceCheck.class)
                .setParameter("c", classId)
                .setParameter("s", states)
                .setMaxResults(500)
                .getResultList()
                .stream()
                .map(this::view)
                .toList();
    }

    @Transactional
    public CheckView decide(String checkId, Decision d, Caller caller, String address) {
        PresenceCheck c = em.find(PresenceCheck.class, checkId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw PlatformException.notFound(new Words("人脸核验记录", "Presence check"), checkId);
        }
        reviewer(c.classId(), caller);
        if (d == null || d.approve() == null) {
            throw PlatformException.invalid(
                    new Words("请选择通过或不通过。", "Say whether to approve."),
                    List.of(new FieldError("approve", new Words("必填：true 或 false", "required: true or false"))));
        }
        String note = d.note() == null ? "" : d.note().trim();
        if (!d.approve() && note.isEmpty()) {
            throw PlatformException.invalid(
                    new Words("不通过时请写明理由，学员会看到。", "A rejection needs a reason, which the learner sees."),
                    List.of(new FieldError("note", new Words("不通过时必填", "required when rejecting"))));
        }
        if (note.length() > 500) {
            throw PlatformException.invalid(
                    new Words("理由最多 500 字。", "The reason has at most 500 characters."),
                    List.of(new FieldError("note", new Words("最多 500 字", "at most 500"))));
        }
        if (!c.state().awaitsReview()) {
            throw PlatformException.conflict(new Words(
                    "这次核验不需要审核，或已由他人审核（" + c.state() + "）。", "This check awaits no review (" + c.state() + ")."));
        }
        Instant now = Instant.now();
        int given = 0;
        if (d.approve() && c.withheldSeconds() > 0) {
            given = holds.restore(
                    c.kind(), c.sessionId(), c.withheldSpans(), "check " + c.id() + " by " + caller.username(), now);
        }
        c.reviewed(d.approve(), caller.accountId(), note.isEmpty() ? null : note, now);
        audit.record(
                caller,
                d.approve() ? "PRESENCE_APPROVE" : "PRESENCE_REJECT",
                c.learnerId(),
                "check " + c.id() + ", " + c.withheldSeconds() + " s withheld"
                        + (d.approve() ? ", " + given + " s credited again" : "")
                        + (note.isEmpty() ? "" : ": " + shortened(note)),
                address);
        return view(c);
    }

    /** The learner's reference photo ({@code frame} null) or a kept frame of the check, for its reviewer. */
    @Transactional
    public byte[] photo(String checkId, Integer frame, Caller caller) {
        PresenceCheck c = em.find(PresenceCheck.class, checkId);
        if (c == null) {
            throw PlatformException.notFound(new Words("人脸核验记录", "Presence check"), checkId);
        }
        reviewer(c.classId(), caller);
        if (frame == null) {
            FaceEnrolment e = em.find(FaceEnrolment.class, c.learnerId());
            if (e == null) {
                throw PlatformException.notFound(new Words(
                        "学员 " + c.learnerId() + " 没有登记参照照片。", "Reference photo " + c.learnerId() + " does not exist."));
            }
            return faces.photo(e.subject(), null, 0, caller);
        }
        if (!c.framesKept() || c.subject() == null) {
            throw PlatformException.notFound(
                    new Words("核验 " + checkId + " 没有保留的画面。", "Frames of check " + checkId + " does not exist."));
        }
        return faces.photo(UUID.fromString(c.subject()), c.id(), frame, caller);
    }

    /** Records another verification for a learner of the class (administrators): checks are no longer asked of them there. */
    @Transactional
    public void waive(long classId, long learnerId, Waiver w, Caller admin, String address) {
        TrainingClass c = classes.visible(classId, admin);
        if (!c.learnerIds().contains(learnerId)) {
            throw PlatformException.notFound(new Words(
                    "班级 " + classId + " 中没有学员 " + learnerId + "。",
                    "Learner of class " + classId + " " + learnerId + " does not exist."));
        }
        String method = w == null || w.method() == null ? "" : w.method().trim();
        if (method.isEmpty() || method.length() > 500) {
            throw PlatformException.invalid(
                    new Words(
                            "请写明以何种方式核验了本人（如：现场核验身份证原件），最多 500 字。",
                            "Say how the learner's identity was verified (e.g. in person, with the ID card), in at most 500 characters."),
                    List.of(new FieldError(
                            "method",
                            method.isEmpty()
                                    ? new Words("必填", "required")
                                    : new Words("最多 500 个字符", "at most 500 characters"))));
        }
        PresenceWaiver existing = em.find(PresenceWaiver.class, new PresenceWaiver.Key(classId, learnerId));
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        em.persist(new PresenceWaiver(classId, learnerId, method, admin.accountId(), Instant.now()));
        audit.record(admin, "PRESENCE_WAIVER", learnerId, "class " + classId + ": " + shortened(method), address);
    }

    @Transactional
    public void unwaive(long classId, long learnerId, Caller admin, String address) {
        classes.visible(classId, admin);
        PresenceWaiver existing = em.find(PresenceWaiver.class, new PresenceWaiver.Key(classId, learnerId));
        if (existing == null) {
            throw PlatformException.notFound(new Words(
                    "班级 " + classId + " 中没有为学员 " + learnerId + " 登记的其他核验方式。",
                    "Other verification of learner " + learnerId + " in class " + classId + " does not exist."));
        }
        em.remove(existing);
        audit.record(admin, "PRESENCE_WAIVER_REVOKED", learnerId, "class " + classId, address);
    }

    /** Free text as the audit entry holds it (its detail has at most 500 characters). */
    private static String shortened(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    /** 404 unless the caller teaches the class or is an administrator (learners never review). */
    private void reviewer(long classId, Caller caller) {
        if (caller.role() == Role.LEARNER) {
            throw PlatformException.notFound(new Words("班级", "Class"), classId);
        }
        classes.visible(classId, caller);
    }

    private CheckView view(PresenceCheck c) {
        Account learner = em.find(Account.class, c.learnerId());
        LearningUnit unit = em.find(LearningUnit.class, c.unitId());
        Account reviewer = c.reviewedBy() == null ? null : em.find(Account.class, c.reviewedBy());
        Lesson lesson = c.lessonId() == null ? null : em.find(Lesson.class, c.lessonId());
        return new CheckView(
                c.id(),
                c.learnerId(),
                learner.fullName(),
                learner.username(),
                c.unitId(),
                unit == null ? null : unit.name(),
                c.kind(),
                c.lessonId(),
                lesson == null ? null : lesson.startsAt(),
                c.sessionId(),
                c.dueAt(),
                c.decidedAt(),
                c.state(),
                c.outcome(),
                c.attempts(),
                c.distance(),
                c.motion(),
                c.withheldSeconds(),
                c.framesKept(),
                em.find(FaceEnrolment.class, c.learnerId()) != null,
                reviewer == null ? null : reviewer.fullName(),
                c.reviewedAt(),
                c.reviewNote());
    }
}
