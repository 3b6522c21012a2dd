package cn.imtp.lms.assessment.control;

import cn.imtp.lms.identity.control.AccountTurns;
import cn.imtp.lms.assessment.entity.Attempt;
import cn.imtp.lms.assessment.entity.AttemptItem;
import cn.imtp.lms.assessment.entity.Exam;
import cn.imtp.lms.assessment.entity.Question;
import cn.imtp.lms.assessment.entity.QuestionType;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.entity.ClassStatus;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.lms.documents.ExportTable;
import cn.imtp.platform.text.Words;
import cn.imtp.lms.plan.entity.TrainingPlan;
import cn.imtp.lms.resourcepack.control.ResourcePacks;
import cn.imtp.lms.resourcepack.control.ResourceView;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Theory exams of a class: a teacher sets one up (the bank must already cover its blueprint), each
 * learner starts an attempt that draws their own paper, answers are saved one by one on the server, the
 * server's clock ends the attempt, and grading is automatic with the score per module.
 */
@ApplicationScoped
public class Exams {

    /** An answer that arrives this long after the deadline (network latency) still counts. */
    static final Duration ANSWER_GRACE = Duration.ofSeconds(3);

    static final int MAX_QUIZ_QUESTIONS = 100;

    /** {@code unitId} and {@code questionCount} for a formative quiz ({@code blueprint} UNIT) only. */
    public record NewExam(String title, String blueprint, Instant opensAt, Instant closesAt, Integer durationMinutes,
                          Integer pointsSingleChoice, Integer pointsMultipleChoice, Integer pointsTrueFalse, Integer passMark, Long unitId,
                          Integer questionCount) {
    }

    @JsonbNillable
    /** {@code attemptsAllowed} is null when unlimited (a quiz); {@code unitId}, {@code unitName} and {@code questionCount} belong to quizzes. */
    public record ExamView(long id, long classId, String className, String title, Exam.Blueprint blueprint, Level level, JobType jobType,
                           Long unitId, String unitName, Integer questionCount, Instant opensAt, Instant closesAt, int durationMinutes,
                           PaperDrawer.Points points, int passMark, boolean answersReleased, Integer attemptsAllowed,
                           List<AttemptSummary> myAttempts) {
    }

    @JsonbNillable
    public record AttemptSummary(long id, int number, Instant startedAt, Instant deadline, Instant submittedAt, Attempt.SubmittedBy submittedBy,
                                 Integer score, int maxScore, Boolean passed) {

        static AttemptSummary of(Attempt a) {
            return new AttemptSummary(a.id(), a.number(), a.startedAt(), a.deadline(), a.submittedAt(), a.submittedBy(), a.score(), a.maxScore(),
                    a.open() ? null : Exams.passed(a));
        }
    }

    @JsonbNillable
    public record ItemView(int position, QuestionType type, String moduleCode, String courseCode, String stem, List<String> options, int points,
                           String answer, String correctAnswer, String explanation, Integer awarded) {
    }

    public record ModuleScore(String code, String name, int awarded, int points) {
    }

    @JsonbNillable
    public record Result(int score, int maxScore, int percent, boolean passed, int passMark, List<ModuleScore> modules) {
    }

    @JsonbNillable
    public record AttemptView(long id, long examId, String title, long learnerId, int number, Instant startedAt, Instant deadline,
                              long remainingSeconds, Instant submittedAt, Attempt.SubmittedBy submittedBy, boolean answersShown,
                              List<ItemView> items, Result result) {
    }

    public record Answer(String answer) {
    }

    public record Grant(Long learnerId, String reason) {
    }

    /** A learner's standing in one exam or quiz of the class: the attempt that counts is the last one submitted. */
    @JsonbNillable
    public record LearnerResult(long examId, String title, Exam.Blueprint blueprint, boolean quiz, int attempts, AttemptSummary counted,
                                List<ModuleScore> modules) {
    }

    @JsonbNillable
    public record ResultRow(long learnerId, String username, String fullName, int attempts, AttemptSummary counted, List<ModuleScore> modules) {
    }

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
    AssessmentSettings settings;

    @Inject
    AuditLog audit;

    private final SecureRandom seeds = new SecureRandom();

    @Transactional
    public ExamView create(long classId, NewExam n, Caller caller, String address) {
        TrainingClass c = classes.visible(classId, caller);
        if (n == null) {
            throw PlatformException.invalid(new Words("请以 JSON 格式发送考试信息：标题、组卷方式、开始时间、结束时间和考试时长。",
                    "Send {\"title\", \"blueprint\", \"opensAt\", \"closesAt\", \"durationMinutes\"}."), List.of());
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
            errors.add(new FieldError("blueprint", new Words("须为 BASIC（职业基本素质，第 2.3.1 节）、SKILL（培训计划的等级和职业方向）或 UNIT（针对一个学习单元的练习测验）",
                    "BASIC (职业基本素质, section 2.3.1), SKILL (the plan's level and job type) or UNIT"
                    + " (a formative quiz on one unit)")));
        }
        Instant now = Instant.now();
        if (n.opensAt() == null || n.closesAt() == null || !n.opensAt().isBefore(n.closesAt()) || !n.closesAt().isAfter(now)) {
            errors.add(new FieldError("closesAt", new Words("请填写开始时间和结束时间（ISO-8601 格式），开始时间须早于结束时间，结束时间须在将来",
                    "opensAt and closesAt (ISO-8601 instants) with opensAt before closesAt, closesAt in the future")));
        }
        if (n.durationMinutes() == null || n.durationMinutes() < 5 || n.durationMinutes() > 600) {
            errors.add(new FieldError("durationMinutes", new Words("须为 5 至 600", "from 5 to 600")));
        } else if (n.opensAt() != null && n.closesAt() != null
                && Duration.between(n.opensAt(), n.closesAt()).toMinutes() < n.durationMinutes()) {
            errors.add(new FieldError("durationMinutes", new Words("考试时长超过了开始时间至结束时间的开放时段", "longer than the window from opensAt to closesAt")));
        }
        PaperDrawer.Points defaults = settings.defaultPoints();
        PaperDrawer.Points points = new PaperDrawer.Points(or(n.pointsSingleChoice(), defaults.singleChoice()),
                or(n.pointsMultipleChoice(), defaults.multipleChoice()), or(n.pointsTrueFalse(), defaults.trueFalse()));
        for (QuestionType t : QuestionType.values()) {
            if (points.of(t) < 1 || points.of(t) > 10) {
                errors.add(new FieldError("points" + camel(t), new Words("须为 1 至 10", "from 1 to 10")));
            }
        }
        int passMark = or(n.passMark(), settings.passMark());
        if (passMark < 1 || passMark > 100) {
            errors.add(new FieldError("passMark", new Words("须为 1 至 100（占试卷总分的百分比）", "from 1 to 100 (% of the paper's points)")));
        }
        TrainingPlan plan = c.plan();
        if (blueprint == Exam.Blueprint.SKILL && plan.level() == null) {
            errors.add(new FieldError("blueprint", new Words("该班级的培训计划没有等级和职业方向，请使用 BASIC", "the class's plan has no level and job type; use BASIC")));
        }
        LearningUnit unit = null;
        if (blueprint == Exam.Blueprint.UNIT) {
            unit = n.unitId() == null ? null : plan.units().stream().filter(u -> u.id().equals(n.unitId())).findFirst().orElse(null);
            if (unit == null) {
                errors.add(new FieldError("unitId", new Words("须为该班级培训计划中的学习单元", "a unit of the class's plan")));
            }
            if (n.questionCount() == null || n.questionCount() < 1 || n.questionCount() > MAX_QUIZ_QUESTIONS) {
                errors.add(new FieldError("questionCount", new Words("须为 1 至 " + MAX_QUIZ_QUESTIONS, "from 1 to " + MAX_QUIZ_QUESTIONS)));
            }
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("考试未创建。", "The exam was not created."), errors);
        }
        Exam exam = new Exam(c, n.title().strip(), blueprint, n.opensAt(), n.closesAt(), n.durationMinutes(), points.singleChoice(),
                points.multipleChoice(), points.trueFalse(), passMark, caller.accountId(), now);
        if (unit != null) {
            exam.quizOn(unit, n.questionCount());
        }
        List<PaperDrawer.CourseSlot> live = slots(exam, null);
        PaperDrawer.Result trial = draw(exam, live, 0);
        if (!trial.complete()) {
            throw PlatformException.invalid(new Words("题库中的试题还不足以组成这份" + (exam.quiz() ? "练习" : "试卷") + "：请先补充下列试题，再创建。",
                    "The question bank cannot fill this " + (exam.quiz() ? "quiz" : "blueprint") + " yet: add the questions below, then create it."),
                    trial.lacks().stream().map(l -> new FieldError("bank", l.words())).toList());
        }
        exam.setWith(live.stream().flatMap(s -> s.units().stream()).flatMap(u -> u.candidates().stream()).map(PaperDrawer.Candidate::questionId)
                .toList());
        em.persist(exam);
        em.flush();
        audit.record(caller, "EXAM_CREATED", null, "class " + classId + ", exam " + exam.id() + ": " + exam.title(), address);
        return view(exam, caller);
    }

    @Transactional
    public List<ExamView> ofClass(long classId, Caller caller) {
        classes.visible(classId, caller);
        return em.createQuery("SELECT e FROM Exam e WHERE e.trainingClass.id = :c ORDER BY e.opensAt DESC, e.id DESC", Exam.class)
                .setParameter("c", classId).getResultStream().map(e -> view(e, caller)).toList();
    }

    @Transactional
    public ExamView get(long examId, Caller caller) {
        return view(visible(examId, caller), caller);
    }

    /**
     * Starts the learner's attempt, or resumes the open one: a learner who lost the connection comes back
     * to the same paper and answers, within the same deadline.
     */
    @Transactional
    public AttemptView start(long examId, Caller caller) {
        Exam exam = visible(examId, caller);
        turns.take(caller.accountId());
        Instant now = Instant.now();
        List<Attempt> mine = attempts(examId, caller.accountId());
        for (Attempt listed : mine) {
            if (listed.open()) {
                Attempt a = locked(listed.id());
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
            throw PlatformException.conflict(new Words("该班级不在进行中，不能参加其考试。", "The class is not active; its exams cannot be sat."));
        }
        if (now.isBefore(exam.opensAt())) {
            throw PlatformException.conflict(new Words("考试将于 " + exam.opensAt() + " 开始。", "The exam opens at " + exam.opensAt() + "."));
        }
        if (!now.isBefore(exam.closesAt())) {
            throw PlatformException.conflict(new Words("考试已于 " + exam.closesAt() + " 结束。", "The exam closed at " + exam.closesAt() + "."));
        }
        int allowed = allowed(exam, caller.accountId());
        if (mine.size() >= allowed) {
            throw PlatformException.conflict(new Words("您已参加本考试 " + mine.size() + " 次，已达允许的次数；如需再考，请联系教师准予补考。",
                    "You have sat this exam " + mine.size() + " time(s), as many as allowed; a teacher can grant"
                    + " another attempt."));
        }
        long seed = seeds.nextLong();
        PaperDrawer.Result paper = draw(exam, slots(exam, exam), seed);
        if (!paper.complete()) {
            throw PlatformException.conflict(new Words("本考试设定的试题不足以组卷，请联系教师。" + String.join("；", paper.lacks().stream()
                    .map(l -> l.words().zh()).toList()), "The questions this exam was set with do not fill its blueprint; ask your teacher. "
                    + String.join("; ", paper.lacks().stream().map(PaperDrawer.Lack::message).toList())));
        }
        Instant deadline = now.plus(Duration.ofMinutes(exam.durationMinutes()));
        Attempt a = new Attempt(exam, caller.accountId(), mine.size() + 1, seed, now, deadline.isAfter(exam.closesAt()) ? exam.closesAt() : deadline);
        int position = 1;
        for (PaperDrawer.Drawn d : paper.paper()) {
            a.add(new AttemptItem(a, position++, em.find(Question.class, d.questionId()), d.course().moduleCode(), d.course().moduleName(),
                    d.course().courseCode(), d.unitName(), d.points()));
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
            throw PlatformException.conflict(new Words("本次作答已于 " + a.submittedAt() + " 交卷，答案不能再修改。",
                    "This attempt was submitted at " + a.submittedAt() + "; answers can no longer change."));
        }
        if (now.isAfter(a.deadline().plus(ANSWER_GRACE))) {
            throw PlatformException.conflict(new Words("作答时间已到（截止时间为 " + a.deadline() + "），已按截止前保存的答案交卷。",
                    "The time is up (the deadline was " + a.deadline() + "); the attempt is submitted with the answers"
                    + " saved before it."));
        }
        AttemptItem item = em.createQuery("SELECT i FROM AttemptItem i WHERE i.attempt = :a AND i.position = :p", AttemptItem.class)
                .setParameter("a", a).setParameter("p", position).getResultStream().findFirst()
                .orElseThrow(() -> PlatformException.notFound(new Words("作答记录 " + attemptId + " 中没有第 " + position + " 题。",
                        "Question " + position + " of attempt " + attemptId + " does not exist.")));
        String raw = answer == null ? null : answer.answer();
        String canonical = null;
        if (raw != null && !raw.isBlank()) {
            try {
                canonical = Answers.canonical(item.type(), item.options().size(), raw);
            } catch (IllegalArgumentException e) {
                throw PlatformException.invalid(new Words("答案未保存。", "The answer was not saved."), List.of(new FieldError("answer", Refused.of(e))));
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
        Attempt a = locked(attemptId);
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
            throw PlatformException.conflict(new Words("本次作答已结束，考试资料仅在作答期间提供。",
                    "This attempt is over; its exam materials were available only while it was open."));
        }
        return a;
    }

    /** The units the attempt's paper draws on. */
    private Set<Long> units(Attempt a) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT DISTINCT q.unit_id FROM assessment_attempt_item i JOIN assessment_question q"
                + " ON q.id = i.question_id WHERE i.attempt_id = ?").setParameter(1, a.id()).getResultList();
        return ids.stream().map(Number::longValue).collect(java.util.stream.Collectors.toSet());
    }

    /** Submits, as their deadline passed, the attempts nobody submitted; returns the ids of those this call submitted. */
    @Transactional
    public List<Long> submitExpired() {
        Instant now = Instant.now();
        List<Long> ids = em.createQuery("SELECT a.id FROM Attempt a WHERE a.submittedAt IS NULL AND a.deadline < :cut", Long.class)
                .setParameter("cut", now.minus(ANSWER_GRACE)).setMaxResults(500).getResultList();
        List<Long> submitted = new ArrayList<>();
        for (Long id : ids) {
            Attempt a = locked(id);
            if (a != null && a.open()) {
                a.submit(Attempt.SubmittedBy.TIME_UP, a.deadline());
                submitted.add(id);
            }
        }
        return submitted;
    }

    @Transactional
    public ExamView grant(long examId, Grant g, Caller caller, String address) {
        Exam exam = visible(examId, caller);
        if (exam.quiz()) {
            throw PlatformException.conflict(new Words("练习测验不限作答次数，无需准予补考。",
                    "A practice quiz allows any number of attempts; there is no attempt to grant."));
        }
        List<FieldError> errors = new ArrayList<>();
        if (g == null || g.learnerId() == null || !exam.trainingClass().learnerIds().contains(g.learnerId())) {
            errors.add(new FieldError("learnerId", new Words("须为该考试所属班级的学员", "must be a learner of the exam's class")));
        }
        if (g == null || g.reason() == null || g.reason().isBlank() || g.reason().length() > 500) {
            errors.add(new FieldError("reason", new Words("请说明准予补考的理由（最多 500 个字符）", "say why another attempt is granted (at most 500 characters)")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("未准予补考。", "No attempt was granted."), errors);
        }
        em.createNativeQuery("INSERT INTO assessment_attempt_grant (exam_id, learner_id, reason, granted_by, granted_at) VALUES (?,?,?,?,?)")
                .setParameter(1, examId).setParameter(2, g.learnerId()).setParameter(3, g.reason().strip()).setParameter(4, caller.accountId())
                .setParameter(5, java.sql.Timestamp.from(Instant.now())).executeUpdate();
        audit.record(caller, "EXAM_ATTEMPT_GRANTED", g.learnerId(), "exam " + examId + ": " + g.reason().strip(), address);
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

    /** Every learner of the class with the attempt that counts (the last one submitted) and its score per module. */
    @Transactional
    public List<ResultRow> results(long examId, Caller caller) {
        Exam exam = visible(examId, caller);
        Map<Long, List<Attempt>> byLearner = new LinkedHashMap<>();
        em.createQuery("SELECT a FROM Attempt a WHERE a.exam.id = :e ORDER BY a.learnerId, a.number", Attempt.class).setParameter("e", examId)
                .getResultStream().forEach(a -> byLearner.computeIfAbsent(a.learnerId(), k -> new ArrayList<>()).add(a));
        return exam.trainingClass().learnerIds().stream().sorted().map(id -> {
            Account acc = em.find(Account.class, id);
            List<Attempt> list = byLearner.getOrDefault(id, List.of());
            Attempt counted = list.stream().filter(a -> !a.open()).reduce((x, y) -> y).orElse(null);
            return new ResultRow(id, acc.username(), acc.fullName(), list.size(), counted == null ? null : AttemptSummary.of(counted),
                    counted == null ? List.of() : modules(counted));
        }).toList();
    }

    /** The learner's result in every exam and quiz of the class, earliest first; the caller's right to see it is checked by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LearnerResult> resultsOf(long classId, long learnerId) {
        List<LearnerResult> out = new ArrayList<>();
        for (Exam e : em.createQuery("SELECT e FROM Exam e WHERE e.trainingClass.id = :c ORDER BY e.opensAt, e.id", Exam.class)
                .setParameter("c", classId).getResultList()) {
            List<Attempt> list = attempts(e.id(), learnerId);
            Attempt counted = list.stream().filter(a -> !a.open()).reduce((x, y) -> y).orElse(null);
            out.add(new LearnerResult(e.id(), e.title(), e.blueprint(), e.quiz(), list.size(), counted == null ? null : AttemptSummary.of(counted),
                    counted == null ? List.of() : modules(counted)));
        }
        return out;
    }

    @Transactional
    public ExportTable export(long examId, Caller caller) {
        Exam exam = visible(examId, caller);
        List<ResultRow> rows = results(examId, caller);
        Map<String, String> modules = new TreeMap<>();
        rows.forEach(r -> r.modules().forEach(m -> modules.put(m.code(), m.name())));
        List<Words> header = new ArrayList<>(List.of(new Words("学员编号", "learner ID"), new Words("学员账号", "username"), new Words("姓名", "full name"),
                new Words("作答次数", "attempts"), new Words("计分的作答", "counted attempt"), new Words("开始时间", "started at"),
                new Words("交卷时间", "submitted at"), new Words("交卷方式", "submitted by"), new Words("得分", "score"), new Words("满分", "maximum"),
                new Words("是否及格", "passed")));
        modules.forEach((code, name) -> header.add(new Words("模块 " + code + " " + name, "module " + code + " " + name)));
        List<List<Object>> out = new ArrayList<>();
        for (ResultRow r : rows) {
            AttemptSummary a = r.counted();
            List<Object> row = new ArrayList<>(List.of(r.learnerId(), r.username(), r.fullName(), r.attempts()));
            row.add(a == null ? "" : a.number());
            row.add(a == null ? "" : ExportTable.chinaTime(a.startedAt()));
            row.add(a == null ? "" : ExportTable.chinaTime(a.submittedAt()));
            row.add(a == null ? "" : submittedBy(a.submittedBy()));
            row.add(a == null ? "" : a.score());
            row.add(a == null ? "" : a.maxScore());
            row.add(a == null || a.passed() == null ? "" : Words.yesNo(a.passed()));
            for (String code : modules.keySet()) {
                row.add(r.modules().stream().filter(m -> m.code().equals(code)).map(m -> m.awarded() + "/" + m.points()).findFirst().orElse(""));
            }
            out.add(row);
        }
        return new ExportTable(new Words("考试 " + exam.id() + " " + exam.title(), "exam " + exam.id() + " " + exam.title()), header, out);
    }

    private static Object submittedBy(Attempt.SubmittedBy by) {
        if (by == null) {
            return "";
        }
        return switch (by) {
            case LEARNER -> new Words("学员交卷", "by the learner");
            case TIME_UP -> new Words("时间到自动交卷", "time up");
        };
    }

    /** The slots the exam's papers are drawn from: the questions {@code setWith} was set with, or the bank's live ones (null). */
    private List<PaperDrawer.CourseSlot> slots(Exam exam, Exam setWith) {
        TrainingPlan plan = exam.trainingClass().plan();
        return switch (exam.blueprint()) {
            case BASIC -> bank.slots(plan.edition(), null, null, setWith);
            case SKILL -> bank.slots(plan.edition(), plan.level(), plan.jobType(), setWith);
            case UNIT -> List.of(bank.unitSlot(exam.unit(), setWith));
        };
    }

    private PaperDrawer.Result draw(Exam exam, List<PaperDrawer.CourseSlot> slots, long seed) {
        return exam.quiz() ? PaperDrawer.quiz(slots.get(0), exam.questionCount(), points(exam), seed) : PaperDrawer.draw(slots, points(exam), seed);
    }

    private Exam visible(long examId, Caller caller) {
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

    private Attempt own(long attemptId, Caller caller) {
        Attempt a = locked(attemptId);
        if (a == null || a.learnerId() != caller.accountId()) {
            throw PlatformException.notFound(new Words("作答记录", "Attempt"), attemptId);
        }
        return a;
    }

    /**
     * The attempt, its row locked until the transaction ends, so that answers, submission and the sweep
     * take turns. The lock is taken in SQL, then the entity is read afresh (attempts are not in the
     * shared cache): with a JPA pessimistic find on a cached entity, a learner's answers sent at once
     * waited on each other until the lock wait timed out (seen in ExamPagesIT).
     */
    private Attempt locked(long attemptId) {
        if (em.createNativeQuery("SELECT id FROM assessment_attempt WHERE id = ? FOR UPDATE").setParameter(1, attemptId).getResultList().isEmpty()) {
            return null;
        }
        Attempt a = em.find(Attempt.class, attemptId);
        em.refresh(a);
        return a;
    }

    private List<Attempt> attempts(long examId, long learnerId) {
        return em.createQuery("SELECT a FROM Attempt a WHERE a.exam.id = :e AND a.learnerId = :l ORDER BY a.number", Attempt.class)
                .setParameter("e", examId).setParameter("l", learnerId).getResultList();
    }

    /** One attempt and those granted; a quiz any number. */
    private int allowed(Exam exam, long learnerId) {
        if (exam.quiz()) {
            return Integer.MAX_VALUE;
        }
        return 1 + ((Number) em.createNativeQuery("SELECT COUNT(*) FROM assessment_attempt_grant WHERE exam_id = ? AND learner_id = ?")
                .setParameter(1, exam.id()).setParameter(2, learnerId).getSingleResult()).intValue();
    }

    private static boolean expired(Attempt a, Instant now) {
        return now.isAfter(a.deadline().plus(ANSWER_GRACE));
    }

    private static boolean answersShown(Attempt a, Caller caller) {
        return caller.role() != Role.LEARNER || (!a.open() && (a.exam().quiz() || a.exam().answersReleasedAt() != null));
    }

    private static PaperDrawer.Points points(Exam e) {
        return new PaperDrawer.Points(e.pointsOf(QuestionType.SINGLE_CHOICE), e.pointsOf(QuestionType.MULTIPLE_CHOICE),
                e.pointsOf(QuestionType.TRUE_FALSE));
    }

    static boolean passed(Attempt a) {
        return a.score() != null && a.maxScore() > 0 && a.score() * 100 >= a.exam().passMark() * a.maxScore();
    }

    static List<ModuleScore> modules(Attempt a) {
        Map<String, int[]> sums = new TreeMap<>(Comparator.naturalOrder());
        Map<String, String> names = new LinkedHashMap<>();
        for (AttemptItem i : a.items()) {
            int[] s = sums.computeIfAbsent(i.moduleCode(), k -> new int[2]);
            s[0] += i.awarded();
            s[1] += i.points();
            names.putIfAbsent(i.moduleCode(), i.moduleName());
        }
        return sums.entrySet().stream().map(e -> new ModuleScore(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1])).toList();
    }

    private ExamView view(Exam e, Caller caller) {
        TrainingPlan plan = e.trainingClass().plan();
        boolean skill = e.blueprint() == Exam.Blueprint.SKILL;
        List<AttemptSummary> mine = caller.role() == Role.LEARNER
                ? attempts(e.id(), caller.accountId()).stream().map(AttemptSummary::of).toList() : List.of();
        Integer allowed = e.quiz() ? null : caller.role() == Role.LEARNER ? allowed(e, caller.accountId()) : 1;
        return new ExamView(e.id(), e.trainingClass().id(), e.trainingClass().name(), e.title(), e.blueprint(), skill ? plan.level() : null,
                skill ? plan.jobType() : null, e.quiz() ? e.unit().id() : null, e.quiz() ? e.unit().name() : null, e.questionCount(), e.opensAt(),
                e.closesAt(), e.durationMinutes(), points(e), e.passMark(), e.answersReleasedAt() != null, allowed, mine);
    }

    private static AttemptView view(Attempt a, Instant now, boolean answersShown) {
        Result result = null;
        if (!a.open()) {
            int percent = a.maxScore() == 0 ? 0 : a.score() * 100 / a.maxScore();
            result = new Result(a.score(), a.maxScore(), percent, passed(a), a.exam().passMark(), modules(a));
        }
        long remaining = a.open() ? Math.max(0, Duration.between(now, a.deadline()).toSeconds()) : 0;
        return new AttemptView(a.id(), a.exam().id(), a.exam().title(), a.learnerId(), a.number(), a.startedAt(), a.deadline(), remaining,
                a.submittedAt(), a.submittedBy(), answersShown, a.items().stream().map(i -> item(i, answersShown, !a.open())).toList(), result);
    }

    private static ItemView item(AttemptItem i, boolean answersShown, boolean graded) {
        return new ItemView(i.position(), i.type(), i.moduleCode(), i.courseCode(), i.stem(), i.options(), i.points(), i.answer(),
                answersShown ? i.correctAnswer() : null, answersShown ? i.explanation() : null,
                answersShown && graded ? i.awarded() : null);
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
