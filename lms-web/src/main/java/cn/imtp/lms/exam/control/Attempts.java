package cn.imtp.lms.exam.control;

import cn.imtp.lms.application.ChinaTime;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.entity.ClassStatus;
import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.exam.entity.Attempt;
import cn.imtp.lms.exam.entity.AttemptItem;
import cn.imtp.lms.exam.entity.Exam;
import cn.imtp.lms.identity.control.AccountTurns;
import cn.imtp.lms.questionbank.control.Answers;
import cn.imtp.lms.questionbank.control.QuestionBank;
import cn.imtp.lms.questionbank.control.Refused;
import cn.imtp.lms.questionbank.entity.Question;
import cn.imtp.lms.questionbank.entity.QuestionType;
import cn.imtp.lms.resourcepack.control.ResourcePacks;
import cn.imtp.lms.resourcepack.control.ResourceView;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Learners' attempts at a theory exam: each learner starts an attempt that draws their own paper, answers are
 * saved one by one on the server, the server's clock ends the attempt (the sweep submits those nobody submitted),
 * and grading is automatic with the score per module. Each attempt's row is locked while it changes.
 */
@ApplicationScoped
public class Attempts {

    /** An answer that arrives this long after the deadline (network latency) still counts. */
    static final Duration ANSWER_GRACE = Duration.ofSeconds(3);

    @JsonbNillable
    public record ItemView(
            int position,
            QuestionType type,
            String moduleCode,
            String courseCode,
            String stem,
            List<String> options,
            int points,
            String answer,
            String correctAnswer,
            String explanation,
            Integer awarded) {}

    @JsonbNillable
    public record Result(
            int score,
            int maxScore,
            int percent,
            boolean passed,
            int passMark,
            List<ExamResults.ModuleScore> modules) {}

    @JsonbNillable
    public record AttemptView(
            long id,
            long examId,
            String title,
            long learnerId,
            int number,
            Instant startedAt,
            Instant deadline,
            long remainingSeconds,
            Instant submittedAt,
            Attempt.SubmittedBy submittedBy,
            boolean answersShown,
            List<ItemView> items,
            Result result) {}

    public record Answer(String answer) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    AccountTurns turns;

    @Inject
    ResourcePacks packs;

    @Inject
    Classes classes;

    @Inject
    QuestionBank bank;

    @Inject
    Exams exams;

    @Inject
    ExamStore store;

    private final SecureRandom seeds = new SecureRandom();

    /**
     * Starts the learner's attempt, or resumes the open one: a learner who lost the connection comes back
     * to the same paper and answers, within the same deadline.
     */
    @Transactional
    public AttemptView start(long examId, Caller caller) {
        Exam exam = exams.visible(examId, caller);
        turns.take(caller.accountId());
        Instant now = Instant.now();
        List<Attempt> mine = store.attempts(examId, caller.accountId());
        for (Attempt listed : mine) {
            if (listed.open()) {
                Attempt a = store.locked(listed.id());
                if (!a.open()) {
                    continue;
                }
                if (expired(a, now)) {
                    a.submit(Attempt.SubmittedBy.TIME_UP, a.deadline());
                } else {
                    return view(a, now, false);
                }
            }
        }
        if (exam.trainingClass().status() != ClassStatus.ACTIVE) {
            throw PlatformException.conflict(
                    new Words("该班级不在进行中，不能参加其考试。", "The class is not active; its exams cannot be sat."));
        }
        if (now.isBefore(exam.opensAt())) {
            throw PlatformException.conflict(new Words(
                    "考试将于 " + ExportTable.chinaTime(exam.opensAt()) + "（北京时间）开始。",
                    "The exam opens at " + ExportTable.chinaTime(exam.opensAt()) + " (China time)."));
        }
        if (!now.isBefore(exam.closesAt())) {
            throw PlatformException.conflict(new Words(
                    "考试已于 " + ExportTable.chinaTime(exam.closesAt()) + "（北京时间）结束。",
                    "The exam closed at " + ExportTable.chinaTime(exam.closesAt()) + " (China time)."));
        }
        int allowed = exams.allowed(exam, caller.accountId());
        if (mine.size() >= allowed) {
            throw PlatformException.conflict(new Words(
                    "您已参加本考试 " + mine.size() + " 次，已达允许的次数；如需再考，请联系教师准予补考。",
                    "You have sat this exam " + mine.size() + " time(s), as many as allowed; a teacher can grant"
                            + " another attempt."));
        }
        long seed = seeds.nextLong();
        PaperDrawer.Result paper = Exams.draw(exam, exams.slots(exam, exam), seed);
        if (!paper.complete()) {
            throw PlatformException.conflict(new Words(
                    "本考试设定的试题不足以组卷，请联系教师。"
                            + String.join(
                                    "；",
                                    paper.lacks().stream()
                                            .map(l -> l.words().zh())
                                            .toList()),
                    "The questions this exam was set with do not fill its blueprint; ask your teacher. "
                            + String.join(
                                    "; ",
                                    paper.lacks().stream()
                                            .map(PaperDrawer.Lack::message)
                                            .toList())));
        }
        Instant deadline = now.plus(Duration.ofMinutes(exam.durationMinutes()));
        Attempt a = new Attempt(
                exam,
                caller.accountId(),
                mine.size() + 1,
                seed,
                now,
                deadline.isAfter(exam.closesAt()) ? exam.closesAt() : deadline);
        int position = 1;
        for (PaperDrawer.Drawn d : paper.paper()) {
            a.add(new AttemptItem(
                    a,
                    position++,
                    em.find(Question.class, d.questionId()),
                    d.course().moduleCode(),
                    d.course().moduleName(),
                    d.course().courseCode(),
                    d.unitName(),
                    d.points()));
        }
        em.persist(a);
        em.flush();
        return view(a, now, false);
    }

    /** Saves one answer (null or blank clears it) while the attempt is open; the server's clock decides. */
    @Transactional
    public ItemView answer(long attemptId, int position, Answer answer, Caller caller) {
        Attempt a = own(attemptId, caller);
        Instant now = Instant.now();
        if (!a.open()) {
            throw PlatformException.conflict(new Words(
                    "本次作答已于 " + ChinaTime.inWords(a.submittedAt()).zh() + " 交卷，答案不能再修改。",
                    "This attempt was submitted at "
                            + ChinaTime.inWords(a.submittedAt()).en() + "; answers can no longer change."));
        }
        if (now.isAfter(a.deadline().plus(ANSWER_GRACE))) {
            throw PlatformException.conflict(new Words(
                    "作答时间已到（截止时间为 " + a.deadline() + "），已按截止前保存的答案交卷。",
                    "The time is up (the deadline was " + a.deadline() + "); the attempt is submitted with the answers"
                            + " saved before it."));
        }
        AttemptItem item = em.createQuery(
                        "SELECT i FROM AttemptItem i WHERE i.attempt = :a AND i.position = :p", AttemptItem.class)
                .setParameter("a", a)
                .setParameter("p", position)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> PlatformException.notFound(new Words(
                        "作答记录 " + attemptId + " 中没有第 " + position + " 题。",
                        "Question " + position + " of attempt " + attemptId + " does not exist.")));
        String raw = answer == null ? null : answer.answer();
        String canonical = null;
        if (raw != null && !raw.isBlank()) {
            try {
                canonical = Answers.canonical(item.type(), item.options().size(), raw);
            } catch (IllegalArgumentException e) {
                throw PlatformException.invalid(
                        new Words("答案未保存。", "The answer was not saved."),
                        List.of(new FieldError("answer", Refused.of(e))));
            }
        }
        item.answer(canonical, now);
        return item(item, false, false);
    }

    @Transactional
    public AttemptView submit(long attemptId, Caller caller) {
        Attempt a = own(attemptId, caller);
        Instant now = Instant.now();
        if (a.open()) {
            if (expired(a, now)) {
                a.submit(Attempt.SubmittedBy.TIME_UP, a.deadline());
            } else {
                a.submit(Attempt.SubmittedBy.LEARNER, now);
            }
        }
        return view(a, now, answersShown(a, caller));
    }

    /** The attempt as its learner (answers and explanations once released) or a teacher sees it. */
    @Transactional
    public AttemptView attempt(long attemptId, Caller caller) {
        Attempt a = store.locked(attemptId);
        if (a == null || (caller.role() == Role.LEARNER && a.learnerId() != caller.accountId())) {
            throw PlatformException.notFound(new Words("作答记录", "Attempt"), attemptId);
        }
        classes.visible(a.exam().trainingClass().id(), caller);
        Instant now = Instant.now();
        if (a.open() && expired(a, now)) {
            a.submit(Attempt.SubmittedBy.TIME_UP, a.deadline());
        }
        return view(a, now, answersShown(a, caller));
    }

    /**
     * The exam materials of the learner's own open attempt: the published assessment resources (case material, a
     * product video…) of the units its paper draws on. 409 once the attempt is over: assessment resources reach a
     * learner only inside an open attempt.
     */
    @Transactional
    public List<ResourceView> materials(long attemptId, Caller caller) {
        Attempt a = openOwn(attemptId, caller);
        return packs.assessmentMaterials(a.exam().trainingClass().id(), units(a));
    }

    /** The grant to one of those materials, under the same conditions (404 for any other resource). */
    @Transactional
    public ResourcePacks.AccessTicket material(long attemptId, long resourceId, Caller caller) {
        Attempt a = openOwn(attemptId, caller);
        return packs.examAccess(resourceId, a.exam().trainingClass().id(), units(a), caller);
    }

    private Attempt openOwn(long attemptId, Caller caller) {
        Attempt a = own(attemptId, caller);
        if (!a.open() || expired(a, Instant.now())) {
            throw PlatformException.conflict(new Words(
                    "本次作答已结束，考试资料仅在作答期间提供。",
                    "This attempt is over; its exam materials were available only while it was open."));
        }
        return a;
    }

    /** The units the attempt's paper draws on. */
    private Set<Long> units(Attempt a) {
        return bank.unitIds(a.items().stream().map(AttemptItem::questionId).toList());
    }

    /** Submits, as their deadline passed, the attempts nobody submitted; returns the ids of those this call submitted. */
    @Transactional
    public List<Long> submitExpired() {
        Instant now = Instant.now();
        List<Long> ids = em.createQuery(
                        "SELECT a.id FROM Attempt a WHERE a.submittedAt IS NULL AND a.deadline < :cut", Long.class)
                .setParameter("cut", now.minus(ANSWER_GRACE))
                .setMaxResults(500)
                .getResultList();
        List<Long> submitted = new ArrayList<>();
        for (Long id : ids) {
            Attempt a = store.locked(id);
            if (a != null && a.open()) {
                a.submit(Attempt.SubmittedBy.TIME_UP, a.deadline());
                submitted.add(id);
            }
        }
        return submitted;
    }

    private Attempt own(long attemptId, Caller caller) {
        Attempt a = store.locked(attemptId);
        if (a == null || a.learnerId() != caller.accountId()) {
            throw PlatformException.notFound(new Words("作答记录", "Attempt"), attemptId);
        }
        return a;
    }

    private static boolean expired(Attempt a, Instant now) {
        return now.isAfter(a.deadline().plus(ANSWER_GRACE));
    }

    private static boolean answersShown(Attempt a, Caller caller) {
        return caller.role() != Role.LEARNER
                || (!a.open() && (a.exam().quiz() || a.exam().answersReleasedAt() != null));
    }

    private static AttemptView view(Attempt a, Instant now, boolean answersShown) {
        Result result = null;
        if (!a.open()) {
            int percent = a.maxScore() == 0 ? 0 : a.score() * 100 / a.maxScore();
            result = new Result(
                    a.score(),
                    a.maxScore(),
                    percent,
                    ExamResults.passed(a),
                    a.exam().passMark(),
                    ExamResults.modules(a));
        }
        long remaining =
                a.open() ? Math.max(0, Duration.between(now, a.deadline()).toSeconds()) : 0;
        return new AttemptView(
                a.id(),
                a.exam().id(),
                a.exam().title(),
                a.learnerId(),
                a.number(),
                a.startedAt(),
                a.deadline(),
                remaining,
                a.submittedAt(),
                a.submittedBy(),
                answersShown,
                a.items().stream().map(i -> item(i, answersShown, !a.open())).toList(),
                result);
    }

    private static ItemView item(AttemptItem i, boolean answersShown, boolean graded) {
        return new ItemView(
                i.position(),
                i.type(),
                i.moduleCode(),
                i.courseCode(),
                i.stem(),
                i.options(),
                i.points(),
                i.answer(),
                answersShown ? i.correctAnswer() : null,
                answersShown ? i.explanation() : null,
                answersShown && graded ? i.awarded() : null);
    }
}
