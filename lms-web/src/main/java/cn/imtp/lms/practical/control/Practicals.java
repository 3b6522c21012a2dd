package cn.imtp.lms.practical.control;

import cn.imtp.lms.application.TimeFields;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.catalogue.entity.PracticalContentEntry;
import cn.imtp.lms.catalogue.entity.PracticalContentEntry.Form;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.plan.entity.TrainingPlan;
import cn.imtp.lms.practical.control.PracticalScore.Criterion;
import cn.imtp.lms.practical.control.Work.GradeView;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Practical exams (操作技能考核) of a class as teachers set them up, and as everyone of the class sees them: one task
 * per row of the practical blueprint of section 2.3 for the class plan's level and job type (content, form, minutes,
 * importance X/Y, weight), each with instructions and a rubric that teachers write; the rubric is fixed by the task's
 * first grade. A learner sees their own work and grades in each exam. The hand-ins are {@link HandIns}, the grades
 * {@link Grading}, the results {@link PracticalResults}.
 */
@ApplicationScoped
public class Practicals {

    /** {@code opensAt} and {@code closesAt} as the page's fields give them (China time) or with an offset ({@link TimeFields#instant}). */
    public record NewPractical(String title, String opensAt, String closesAt, Integer passMark) {}

    public record TaskEdit(String instructions, List<Criterion> rubric) {}

    @JsonbNillable
    public record TaskView(
            long id,
            int position,
            String moduleCode,
            String moduleName,
            int moduleWeight,
            String contentCode,
            String contentName,
            int weight,
            Form form,
            int minutes,
            String importance,
            String instructions,
            List<Criterion> rubric,
            int maxPoints,
            boolean rubricFixed,
            Work mine) {}

    @JsonbNillable
    public record PracticalView(
            long id,
            long classId,
            String className,
            String title,
            String section,
            Level level,
            JobType jobType,
            Instant opensAt,
            Instant closesAt,
            boolean open,
            int passMark,
            int totalMinutes,
            List<TaskView> tasks,
            PracticalScore.Total myTotal) {}

    @Inject
    Classes classes;

    @Inject
    AuditLog audit;

    @Inject
    PracticalStore store;

    /** The pass mark when an exam does not set its own (the theory exams' setting). */
    @Inject
    @ConfigProperty(name = "lms.assessment.pass-mark")
    int defaultPassMark;

    /** Sets up a practical exam from the blueprint of the class plan's level and job type (teachers of the class, administrators). */
    @Transactional
    public PracticalView create(long classId, NewPractical n, Caller caller, String address) {
        TrainingClass c = classes.visible(classId, caller);
        if (n == null) {
            throw PlatformException.invalid(
                    new Words(
                            "请以 JSON 格式发送操作技能考核信息：标题、开始时间、结束时间和及格分。",
                            "Send {\"title\", \"opensAt\", \"closesAt\", \"passMark\"}."),
                    List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        if (n.title() == null || n.title().isBlank() || n.title().length() > 200) {
            errors.add(new FieldError("title", new Words("必填，最多 200 个字符", "required, at most 200 characters")));
        }
        Instant opensAt = TimeFields.instant(n.opensAt(), "opensAt", true, errors);
        Instant closesAt = TimeFields.instant(n.closesAt(), "closesAt", true, errors);
        if (opensAt != null && closesAt != null && !opensAt.isBefore(closesAt)) {
            errors.add(new FieldError("closesAt", new Words("须晚于开始时间", "must be after opensAt")));
        } else if (closesAt != null && !closesAt.isAfter(Instant.now())) {
            errors.add(new FieldError("closesAt", new Words("须晚于现在", "must be in the future")));
        }
        int passMark = n.passMark() == null ? defaultPassMark : n.passMark();
        if (passMark < 1 || passMark > 100) {
            errors.add(new FieldError(
                    "passMark",
                    new Words(
                            "须为 1 至 100（操作技能考核百分制成绩的分数）", "from 1 to 100 (points of the 100-point practical score)")));
        }
        TrainingPlan plan = c.plan();
        List<PracticalContentEntry> rows = plan.level() == null
                ? List.of()
                : plan.edition().practicals().stream()
                        .filter(p -> p.level() == plan.level() && p.jobType() == plan.jobType())
                        .toList();
        if (rows.isEmpty()) {
            errors.add(
                    new FieldError(
                            "classId",
                            new Words(
                                    "该班级的培训计划没有操作技能考核方案（第 2.3 节按等级和职业方向各给出一套，基础课程没有）：" + "只有培训计划为技能课程的班级才能设置操作技能考核",
                                    "the class's plan has no practical blueprint (section 2.3 gives one per level and job type;"
                                            + " the basic course has none): practical exams belong to classes whose plan is a skill course")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("操作技能考核未创建。", "The practical exam was not created."), errors);
        }
        Instant now = Instant.now();
        long id = store.createExam(
                classId,
                n.title().strip(),
                rows.get(0).section(),
                opensAt,
                closesAt,
                passMark,
                caller.accountId(),
                now);
        int position = 0;
        for (PracticalContentEntry r : rows.stream()
                .sorted(Comparator.comparingInt(PracticalContentEntry::position))
                .toList()) {
            // A first rubric the teacher refines: the content as one criterion worth its weight.
            List<Criterion> rubric =
                    List.of(new Criterion("完成「" + r.contentName() + "」", r.contentWeight(), "按操作技能考核规范完成该项内容"));
            store.createTask(id, ++position, r, rubric);
        }
        audit.record(
                caller,
                "PRACTICAL_EXAM_CREATED",
                null,
                "class " + classId + ", practical exam " + id + ": " + n.title().strip(),
                address);
        return view(id, caller, c);
    }

    /** The class's practical exams, newest first; a learner sees their own work and grades in each. */
    @Transactional
    public List<PracticalView> ofClass(long classId, Caller caller) {
        TrainingClass c = classes.visible(classId, caller);
        return store.examIds(classId).stream().map(id -> view(id, caller, c)).toList();
    }

    @Transactional
    public PracticalView get(long examId, Caller caller) {
        return view(examId, caller, exam(examId, caller));
    }

    /** Changes a task's instructions and rubric (teachers of the class, administrators) until the task's first grade. */
    @Transactional
    public TaskView editTask(long examId, long taskId, TaskEdit e, Caller caller, String address) {
        exam(examId, caller);
        lockTask(examId, taskId);
        if (e == null) {
            throw PlatformException.invalid(
                    new Words(
                            "请以 JSON 格式发送考核任务的说明和评分标准（每条含评分项、分值和评分说明）。",
                            "Send {\"instructions\", \"rubric\": [{\"criterion\", \"points\", \"descriptor\"}]}."),
                    List.of());
        }
        List<FieldError> errors = new ArrayList<>(PracticalScore.check(e.rubric()));
        if (e.instructions() != null && e.instructions().length() > 4000) {
            errors.add(new FieldError("instructions", new Words("最多 4000 个字符", "at most 4000 characters")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("考核任务未修改。", "The task was not changed."), errors);
        }
        Number graded = store.gradeCount(taskId);
        if (graded.intValue() > 0) {
            throw PlatformException.conflict(
                    new Words(
                            "考核任务 " + taskId + " 已按其评分标准评分 " + graded + " 次，为使每位学员按同一标准评分，评分标准已不能修改。"
                                    + "如需使用其他评分标准，请新建一场操作技能考核。",
                            "Task " + taskId + " has been graded with its rubric " + graded
                                    + " time(s); the rubric is fixed"
                                    + " so that every learner is graded alike. Set up a new practical exam to use another rubric."));
        }
        store.editTask(taskId, e.instructions() == null ? "" : e.instructions().strip(), e.rubric());
        audit.record(caller, "PRACTICAL_TASK_EDITED", null, "practical exam " + examId + ", task " + taskId, address);
        return tasks(examId, null).stream()
                .filter(t -> t.id() == taskId)
                .findFirst()
                .orElseThrow();
    }

    /** The exam's class if the caller may see it (its learners, teachers, administrators); otherwise 404. */
    public TrainingClass exam(long examId, Caller caller) {
        Long classId = store.classOf(examId);
        if (classId == null) {
            throw PlatformException.notFound(new Words("操作技能考核", "Practical exam"), examId);
        }
        try {
            return classes.visible(classId, caller);
        } catch (PlatformException e) {
            throw PlatformException.notFound(new Words("操作技能考核", "Practical exam"), examId);
        }
    }

    /** The task's form; 404 when the exam has no such task. */
    public Form task(long examId, long taskId) {
        Form form = store.form(examId, taskId);
        if (form == null) {
            throw PlatformException.notFound(
                    new Words("操作技能考核 " + examId + " 的考核任务", "Task of practical exam " + examId), taskId);
        }
        return form;
    }

    /** Locks the task (hand-ins, grades and rubric changes of a task take turns) and gives its rubric and form; 404 when there is no such task. */
    public PracticalStore.LockedTask lockTask(long examId, long taskId) {
        PracticalStore.LockedTask task = store.lockTask(examId, taskId);
        if (task == null) {
            throw PlatformException.notFound(
                    new Words("操作技能考核 " + examId + " 的考核任务", "Task of practical exam " + examId), taskId);
        }
        return task;
    }

    /** The exam as the caller sees it; {@code c}: its class, whose visibility the caller has already checked. */
    private PracticalView view(long examId, Caller caller, TrainingClass c) {
        PracticalStore.ExamRow e = store.exam(examId);
        TrainingPlan plan = c.plan();
        Long learner = caller.role() == Role.LEARNER ? caller.accountId() : null;
        List<TaskView> tasks = tasks(examId, learner);
        Instant opens = e.opensAt();
        Instant closes = e.closesAt();
        Instant now = Instant.now();
        int passMark = e.passMark();
        PracticalScore.Total mine = learner == null
                ? null
                : total(tasks, tasks.stream().collect(Collectors.toMap(TaskView::id, TaskView::mine)), passMark);
        return new PracticalView(
                examId,
                c.id(),
                c.name(),
                e.title(),
                e.section(),
                plan.level(),
                plan.jobType(),
                opens,
                closes,
                !now.isBefore(opens) && now.isBefore(closes),
                passMark,
                tasks.stream().mapToInt(TaskView::minutes).sum(),
                tasks,
                mine);
    }

    /** The exam's tasks in blueprint order; with {@code learner}, each with that learner's work. */
    public List<TaskView> tasks(long examId, Long learner) {
        List<PracticalStore.TaskRow> rows = store.tasks(examId);
        Map<Long, Work> mine =
                learner == null ? Map.of() : store.works(examId, learner).getOrDefault(learner, Map.of());
        return rows.stream()
                .map(r -> new TaskView(
                        r.id(),
                        r.position(),
                        r.moduleCode(),
                        r.moduleName(),
                        r.moduleWeight(),
                        r.contentCode(),
                        r.contentName(),
                        r.weight(),
                        r.form(),
                        r.minutes(),
                        r.importance(),
                        r.instructions(),
                        r.rubric(),
                        PracticalScore.maxPoints(r.rubric()),
                        r.grades() > 0,
                        learner == null ? null : mine.getOrDefault(r.id(), new Work(r.id(), learner, null, null))))
                .toList();
    }

    /** A learner's score on 100 from their work on the exam's tasks. */
    static PracticalScore.Total total(List<TaskView> tasks, Map<Long, Work> work, int passMark) {
        return PracticalScore.total(
                tasks.stream()
                        .map(t -> {
                            GradeView g =
                                    work.containsKey(t.id()) ? work.get(t.id()).grade() : null;
                            return new PracticalScore.Task(
                                    t.weight(),
                                    g == null ? null : g.awarded(),
                                    g == null ? t.maxPoints() : g.maxPoints());
                        })
                        .toList(),
                passMark);
    }
}
