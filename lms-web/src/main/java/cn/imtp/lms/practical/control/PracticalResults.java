package cn.imtp.lms.practical.control;

import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.practical.control.Practicals.TaskView;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Practical exam results: every learner of the class with their work per task and their score on 100 (as a table
 * and an export), and a learner's standing in each practical exam of a class for the learning archive.
 */
@ApplicationScoped
public class PracticalResults {

    /** One learner's line in the grading table: their work per task (in task order) and the total. */
    public record LearnerRow(
            long learnerId, String username, String fullName, List<Work> tasks, PracticalScore.Total total) {}

    /** A learner's standing in one practical exam of the class, for the learning archive. */
    public record LearnerResult(long examId, String title, PracticalScore.Total total) {}

    @Inject
    Practicals practicals;

    @Inject
    PracticalStore store;

    /** Every learner of the class with their work per task and their score (teachers of the class, administrators). */
    @Transactional
    public List<LearnerRow> results(long examId, Caller caller) {
        TrainingClass c = practicals.exam(examId, caller);
        if (caller.role() == Role.LEARNER) {
            throw new PlatformException(
                    403,
                    "forbidden",
                    "Forbidden",
                    new Words("学员请在考核页面中查看自己的作答。", "Learners see their own work in the exam itself."));
        }
        List<TaskView> tasks = practicals.tasks(examId, null);
        Map<Long, Map<Long, Work>> works = store.works(examId, null);
        int passMark = store.passMark(examId);
        return store.learners(c.learnerIds()).stream()
                .map(l -> {
                    long id = l.id();
                    Map<Long, Work> mine = works.getOrDefault(id, Map.of());
                    List<Work> row = tasks.stream()
                            .map(t -> mine.getOrDefault(t.id(), new Work(t.id(), id, null, null)))
                            .toList();
                    return new LearnerRow(id, l.username(), l.fullName(), row, Practicals.total(tasks, mine, passMark));
                })
                .toList();
    }

    /** The results as a table: one line per learner, the points per task, the score and pass or fail. */
    @Transactional
    public ExportTable export(long examId, Caller caller) {
        List<LearnerRow> rows = results(examId, caller);
        List<TaskView> tasks = practicals.tasks(examId, null);
        List<Words> header = new ArrayList<>(List.of(new Words("学员账号", "username"), new Words("姓名", "full name")));
        tasks.forEach(t -> {
            String task = t.contentCode() + " " + t.contentName() + " (" + t.weight() + "%)";
            header.add(new Words(task, task));
        });
        header.addAll(List.of(new Words("得分（百分制）", "score (of 100)"), new Words("是否及格", "passed")));
        List<List<Object>> out = new ArrayList<>();
        for (LearnerRow r : rows) {
            List<Object> line = new ArrayList<>(List.of(r.username(), r.fullName()));
            r.tasks()
                    .forEach(w -> line.add(
                            w.grade() == null
                                    ? (w.submission() == null ? "" : new Words("已提交，待评分", "handed in"))
                                    : w.grade().awarded() + "/" + w.grade().maxPoints()));
            line.add(r.total().score() == null ? "" : r.total().score());
            line.add(r.total().passed() == null ? "" : Words.yesNo(r.total().passed()));
            out.add(line);
        }
        String title = store.title(examId);
        return new ExportTable(
                new Words("实操考核 " + examId + " " + title, "practical " + examId + " " + title), header, out);
    }

    /** The learner's standing in each practical exam of the class (the learning archive). */
    @Transactional
    public List<LearnerResult> resultsOf(long classId, long learnerId) {
        return store.examsOf(classId).stream()
                .map(e -> {
                    long id = e.id();
                    List<TaskView> tasks = practicals.tasks(id, null);
                    return new LearnerResult(
                            id,
                            e.title(),
                            Practicals.total(
                                    tasks, store.works(id, learnerId).getOrDefault(learnerId, Map.of()), e.passMark()));
                })
                .toList();
    }
}
