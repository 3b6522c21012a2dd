package cn.imtp.lms.practical.control;

import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.practical.control.PracticalScore.Criterion;
import cn.imtp.platform.json.Jsonp;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Teachers' grades of learners' work on a practical exam's tasks: by the task's rubric, one number per criterion,
 * with a comment; the first grade fixes the rubric, and every grade and regrade is audited.
 */
@ApplicationScoped
public class Grading {

    public record Grade(List<Integer> points, String comment) {}

    @Inject
    Practicals practicals;

    @Inject
    PracticalStore store;

    @Inject
    AuditLog audit;

    /** Grades (or regrades) a learner's work on a task by its rubric (teachers of the class, administrators); audited. */
    @Transactional
    public Work grade(long examId, long taskId, long learnerId, Grade g, Caller caller, String address) {
        TrainingClass c = practicals.exam(examId, caller);
        if (caller.role() == Role.LEARNER) {
            throw new PlatformException(
                    403,
                    "forbidden",
                    "Forbidden",
                    new Words("只有该班级的教师和管理员可以评分。", "Only the class's teachers and administrators grade."));
        }
        List<Criterion> rubric = practicals.lockTask(examId, taskId).rubric();
        if (!c.learnerIds().contains(learnerId)) {
            throw PlatformException.notFound(new Words(
                    "班级 " + c.id() + " 中没有学员 " + learnerId + "。",
                    "Learner " + learnerId + " in class " + c.id() + " does not exist."));
        }
        if (g == null) {
            throw PlatformException.invalid(
                    new Words(
                            "请以 JSON 格式发送评分：每条评分标准一个分数，以及评语。", "Send {\"points\": [one per criterion], \"comment\"}."),
                    List.of());
        }
        List<FieldError> errors = new ArrayList<>(PracticalScore.check(rubric, g.points()));
        if (g.comment() != null && g.comment().length() > 2000) {
            errors.add(new FieldError("comment", new Words("最多 2000 个字符", "at most 2000 characters")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(
                    new Words(
                            "评分未保存；该评分标准共有 " + rubric.size() + " 条。",
                            "The grade was not saved; the rubric has " + rubric.size() + " criteria."),
                    errors);
        }
        Work before = store.work(taskId, learnerId);
        int awarded = g.points().stream().mapToInt(Integer::intValue).sum();
        JsonArrayBuilder points = Jsonp.array();
        g.points().forEach(points::add);
        store.saveGrade(
                taskId,
                learnerId,
                points.build().toString(),
                awarded,
                PracticalScore.maxPoints(rubric),
                g.comment() == null || g.comment().isBlank()
                        ? null
                        : g.comment().strip(),
                caller.accountId());
        audit.record(
                caller,
                before.grade() == null ? "PRACTICAL_GRADED" : "PRACTICAL_REGRADED",
                learnerId,
                "practical exam " + examId + ", task "
                        + taskId + ": " + awarded + "/" + PracticalScore.maxPoints(rubric)
                        + (before.grade() == null
                                ? ""
                                : " (was " + before.grade().awarded() + ")"),
                address);
        return store.work(taskId, learnerId);
    }
}
