package cn.imtp.lms.exam.control;

import cn.imtp.lms.application.TimeFields;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.exam.entity.Exam;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.plan.entity.TrainingPlan;
import cn.imtp.lms.questionbank.entity.QuestionType;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Theory exams of a class as teachers set them up: an exam is created only when the bank already covers its
 * blueprint (or, for a quiz, its unit), a teacher may grant a learner another attempt or release the answers,
 * and everyone of the class sees the exam with, for a learner, their own attempts. The attempts themselves are
 * {@link Attempts}; the results {@link ExamResults}.
 */
@ApplicationScoped
public class Exams {

    static final int MAX_QUIZ_QUESTIONS = 100;

    /**
     * {@code unitId} and {@code questionCount} for a formative quiz ({@code blueprint} UNIT) only; {@code opensAt} and
     * {@code closesAt} as the page's fields give them (China time) or with an offset ({@link TimeFields#instant}).
     */
    public record NewExam(
            String title,
            String blueprint,
            String opensAt,
            String closesAt,
            Integer durationMinutes,
            Integer pointsSingleChoice,
            Integer pointsMultipleChoice,
            Integer pointsTrueFalse,
            Integer passMark,
            Long unitId,
            Integer questionCount) {}

    @JsonbNillable
    /** {@code attemptsAllowed} is null when unlimited (a quiz); {@code unitId}, {@code unitName} and {@code questionCount} belong to quizzes. */
    public record ExamView(
            long id,
            long classId,
            String className,
            String title,
            Exam.Blueprint blueprint,
            Level level,
            JobType jobType,
            Long unitId,
            String unitName,
            Integer questionCount,
            Instant opensAt,
            Instant closesAt,
            int durationMinutes,
            PaperDrawer.Points points,
            int passMark,
            boolean answersReleased,
            Integer attemptsAllowed,
            List<ExamResults.AttemptSummary> myAttempts) {}

    public record Grant(Long learnerId, String reason) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    Blueprints blueprints;

    @Inject
    AssessmentSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    ExamStore store;

    @Transactional
    public ExamView create(long classId, NewExam n, Caller caller, String address) {
        TrainingClass c = classes.visible(classId, caller);
        if (n == null) {
            throw PlatformException.invalid(
                    new Words(
                            "请以 JSON 格式发送考试信息：标题、组卷方式、开始时间、结束时间和考试时长。",
                            "Send {\"title\", \"blueprint\", \"opensAt\", \"closesAt\", \"durationMinutes\"}."),
                    List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        if (n.title() == null || n.title().isBlank() || n.title().length() > 200) {
            errors.add(new FieldError("title", new Words("必填，最多 200 个字符", "required, at most 200 characters")));
        }
        Exam.Blueprint blueprint = null;
        try {
            blueprint = n.blueprint() == null ? null : Exam.Blueprint.valueOf(n.blueprint());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (blueprint == null) {
            errors.add(new FieldError(
                    "blueprint",
                    new Words(
                            "须为 BASIC（职业基本素质，第 2.3.1 节）、SKILL（培训计划的等级和职业方向）或 UNIT（针对一个学习单元的练习测验）",
                            "BASIC (职业基本素质, section 2.3.1), SKILL (the plan's level and job type) or UNIT"
                                    + " (a formative quiz on one unit)")));
        }
        Instant now = Instant.now();
        Instant opensAt = TimeFields.instant(n.opensAt(), "opensAt", true, errors);
        Instant closesAt = TimeFields.instant(n.closesAt(), "closesAt", true, errors);
        boolean window = opensAt != null && closesAt != null;
        if (window && !opensAt.isBefore(closesAt)) {
            errors.add(new FieldError("closesAt", new Words("须晚于开始时间", "must be after opensAt")));
            window = false;
        } else if (closesAt != null && !closesAt.isAfter(now)) {
            errors.add(new FieldError("closesAt", new Words("须晚于现在", "must be in the future")));
            window = false;
        }
        if (n.durationMinutes() == null || n.durationMinutes() < 5 || n.durationMinutes() > 600) {
            errors.add(new FieldError("durationMinutes", new Words("须为 5 至 600", "from 5 to 600")));
        } else if (window && Duration.between(opensAt, closesAt).toMinutes() < n.durationMinutes()) {
            errors.add(new FieldError(
                    "durationMinutes",
                    new Words("考试时长超过了开始时间至结束时间的开放时段", "longer than the window from opensAt to closesAt")));
        }
        PaperDrawer.Points defaults = settings.defaultPoints();
        PaperDrawer.Points points = new PaperDrawer.Points(
                or(n.pointsSingleChoice(), defaults.singleChoice()),
                or(n.pointsMultipleChoice(), defaults.multipleChoice()),
                or(n.pointsTrueFalse(), defaults.trueFalse()));
        for (QuestionType t : QuestionType.values()) {
            if (points.of(t) < 1 || points.of(t) > 10) {
                errors.add(new FieldError("points" + camel(t), new Words("须为 1 至 10", "from 1 to 10")));
            }
        }
        int passMark = or(n.passMark(), settings.passMark());
        if (passMark < 1 || passMark > 100) {
            errors.add(new FieldError(
                    "passMark", new Words("须为 1 至 100（占试卷总分的百分比）", "from 1 to 100 (% of the paper's points)")));
        }
        TrainingPlan plan = c.plan();
        if (blueprint == Exam.Blueprint.SKILL && plan.level() == null) {
            errors.add(new FieldError(
                    "blueprint",
                    new Words("该班级的培训计划没有等级和职业方向，请使用 BASIC", "the class's plan has no level and job type; use BASIC")));
        }
        LearningUnit unit = null;
        if (blueprint == Exam.Blueprint.UNIT) {
            unit = n.unitId() == null
                    ? null
                    : plan.units().stream()
                            .filter(u -> u.id().equals(n.unitId()))
                            .findFirst()
                            .orElse(null);
            if (unit == null) {
                errors.add(new FieldError("unitId", new Words("须为该班级培训计划中的学习单元", "a unit of the class's plan")));
            }
            if (n.questionCount() == null || n.questionCount() < 1 || n.questionCount() > MAX_QUIZ_QUESTIONS) {
                errors.add(new FieldError(
                        "questionCount", new Words("须为 1 至 " + MAX_QUIZ_QUESTIONS, "from 1 to " + MAX_QUIZ_QUESTIONS)));
            }
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("考试未创建。", "The exam was not created."), errors);
        }
        Exam exam = new Exam(
                c,
                n.title().strip(),
                blueprint,
                opensAt,
                closesAt,
                n.durationMinutes(),
                points.singleChoice(),
                points.multipleChoice(),
                points.trueFalse(),
                passMark,
                caller.accountId(),
                now);
        if (unit != null) {
            exam.quizOn(unit, n.questionCount());
        }
        List<PaperDrawer.CourseSlot> live = slots(exam, null);
        PaperDrawer.Result trial = draw(exam, live, 0);
        if (!trial.complete()) {
            throw PlatformException.invalid(
                    new Words(
                            "题库中的试题还不足以组成这份" + (exam.quiz() ? "练习" : "试卷") + "：请先补充下列试题，再创建。",
                            "The question bank cannot fill this " + (exam.quiz() ? "quiz" : "blueprint")
                                    + " yet: add the questions below, then create it."),
                    trial.lacks().stream()
                            .map(l -> new FieldError("bank", l.words()))
                            .toList());
        }
        exam.setWith(live.stream()
                .flatMap(s -> s.units().stream())
                .flatMap(u -> u.candidates().stream())
                .map(PaperDrawer.Candidate::questionId)
                .toList());
        em.persist(exam);
        em.flush();
        audit.record(
                caller,
                "EXAM_CREATED",
                null,
                "class " + classId + ", exam " + exam.id() + ": " + exam.title(),
                address);
        return view(exam, caller);
    }

    @Transactional
    public List<ExamView> ofClass(long classId, Caller caller) {
        classes.visible(classId, caller);
        return em.createQuery(
                        "SELECT e FROM Exam e WHERE e.trainingClass.id = :c ORDER BY e.opensAt DESC, e.id DESC",
                        Exam.class)
                .setParameter("c", classId)
                .getResultStream()
                .map(e -> view(e, caller))
                .toList();
    }

    @Transactional
    public ExamView get(long examId, Caller caller) {
        return view(visible(examId, caller), caller);
    }

    @Transactional
    public ExamView grant(long examId, Grant g, Caller caller, String address) {
        Exam exam = visible(examId, caller);
        if (exam.quiz()) {
            throw PlatformException.conflict(new Words(
                    "练习测验不限作答次数，无需准予补考。",
                    "A practice quiz allows any number of attempts; there is no attempt to grant."));
        }
        List<FieldError> errors = new ArrayList<>();
        if (g == null
                || g.learnerId() == null
                || !exam.trainingClass().learnerIds().contains(g.learnerId())) {
            errors.add(new FieldError("learnerId", new Words("须为该考试所属班级的学员", "must be a learner of the exam's class")));
        }
        if (g == null
                || g.reason() == null
                || g.reason().isBlank()
                || g.reason().length() > 500) {
            errors.add(new FieldError(
                    "reason",
                    new Words(
                            "请说明准予补考的理由（最多 500 个字符）", "say why another attempt is granted (at most 500 characters)")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("未准予补考。", "No attempt was granted."), errors);
        }
        store.grant(examId, g.learnerId(), g.reason().strip(), caller.accountId(), Instant.now());
        audit.record(
                caller,
                "EXAM_ATTEMPT_GRANTED",
                g.learnerId(),
                "exam " + examId + ": " + g.reason().strip(),
                address);
        return view(exam, caller);
    }

    /** From now on learners see, in their submitted attempts, the right answers and the explanations. */
    @Transactional
    public ExamView releaseAnswers(long examId, Caller caller, String address) {
        Exam exam = visible(examId, caller);
        if (exam.answersReleasedAt() == null) {
            exam.releaseAnswers(Instant.now());
            audit.record(caller, "EXAM_ANSWERS_RELEASED", null, "exam " + examId, address);
        }
        return view(exam, caller);
    }

    /** The slots the exam's papers are drawn from: the questions {@code setWith} was set with, or the bank's live ones (null). */
    public List<PaperDrawer.CourseSlot> slots(Exam exam, Exam setWith) {
        TrainingPlan plan = exam.trainingClass().plan();
        return switch (exam.blueprint()) {
            case BASIC -> blueprints.slots(plan.edition(), null, null, setWith);
            case SKILL -> blueprints.slots(plan.edition(), plan.level(), plan.jobType(), setWith);
            case UNIT -> List.of(blueprints.unitSlot(exam.unit(), setWith));
        };
    }

    /** The paper drawn for the exam from these slots with this seed. */
    static PaperDrawer.Result draw(Exam exam, List<PaperDrawer.CourseSlot> slots, long seed) {
        return exam.quiz()
                ? PaperDrawer.quiz(slots.get(0), exam.questionCount(), points(exam), seed)
                : PaperDrawer.draw(slots, points(exam), seed);
    }

    /** The exam if the caller may see it (its class's learners and teachers, administrators); otherwise 404. */
    public Exam visible(long examId, Caller caller) {
        Exam exam = em.find(Exam.class, examId);
        if (exam == null) {
            throw PlatformException.notFound(new Words("考试", "Exam"), examId);
        }
        try {
            classes.visible(exam.trainingClass().id(), caller);
        } catch (PlatformException notVisible) {
            throw PlatformException.notFound(new Words("考试", "Exam"), examId);
        }
        return exam;
    }

    /** One attempt and those granted; a quiz any number. */
    public int allowed(Exam exam, long learnerId) {
        if (exam.quiz()) {
            return Integer.MAX_VALUE;
        }
        return 1 + store.grants(exam.id(), learnerId);
    }

    /** The points per question type the exam was set with. */
    static PaperDrawer.Points points(Exam e) {
        return new PaperDrawer.Points(
                e.pointsOf(QuestionType.SINGLE_CHOICE),
                e.pointsOf(QuestionType.MULTIPLE_CHOICE),
                e.pointsOf(QuestionType.TRUE_FALSE));
    }

    private ExamView view(Exam e, Caller caller) {
        TrainingPlan plan = e.trainingClass().plan();
        boolean skill = e.blueprint() == Exam.Blueprint.SKILL;
        List<ExamResults.AttemptSummary> mine = caller.role() == Role.LEARNER
                ? store.attempts(e.id(), caller.accountId()).stream()
                        .map(ExamResults.AttemptSummary::of)
                        .toList()
                : List.of();
        Integer allowed = e.quiz() ? null : caller.role() == Role.LEARNER ? allowed(e, caller.accountId()) : 1;
        return new ExamView(
                e.id(),
                e.trainingClass().id(),
                e.trainingClass().name(),
                e.title(),
                e.blueprint(),
                skill ? plan.level() : null,
                skill ? plan.jobType() : null,
                e.quiz() ? e.unit().id() : null,
                e.quiz() ? e.unit().name() : null,
                e.questionCount(),
                e.opensAt(),
                e.closesAt(),
                e.durationMinutes(),
                points(e),
                e.passMark(),
                e.answersReleasedAt() != null,
                allowed,
                mine);
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static String camel(QuestionType t) {
        return switch (t) {
            case SINGLE_CHOICE -> "SingleChoice";
            case MULTIPLE_CHOICE -> "MultipleChoice";
            case TRUE_FALSE -> "TrueFalse";
        };
    }
}
