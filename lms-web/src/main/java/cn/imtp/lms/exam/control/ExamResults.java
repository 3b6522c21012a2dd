package cn.imtp.lms.exam.control;

import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.exam.entity.Attempt;
import cn.imtp.lms.exam.entity.AttemptItem;
import cn.imtp.lms.exam.entity.Exam;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Theory exam results: an attempt's score per module and pass or fail, every learner's standing in an exam (the
 * attempt that counts is the last one submitted) as a table and an export, and a learner's results in every exam
 * and quiz of a class for the learning archive.
 */
@ApplicationScoped
public class ExamResults {

    @JsonbNillable
    public record AttemptSummary(
            long id,
            int number,
            Instant startedAt,
            Instant deadline,
            Instant submittedAt,
            Attempt.SubmittedBy submittedBy,
            Integer score,
            int maxScore,
            Boolean passed) {

        static AttemptSummary of(Attempt a) {
            return new AttemptSummary(
                    a.id(),
                    a.number(),
                    a.startedAt(),
                    a.deadline(),
                    a.submittedAt(),
                    a.submittedBy(),
                    a.score(),
                    a.maxScore(),
                    a.open() ? null : ExamResults.passed(a));
        }
    }

    public record ModuleScore(String code, String name, int awarded, int points) {}

    /** A learner's standing in one exam or quiz of the class: the attempt that counts is the last one submitted. */
    @JsonbNillable
    public record LearnerResult(
            long examId,
            String title,
            Exam.Blueprint blueprint,
            boolean quiz,
            int attempts,
            AttemptSummary counted,
            List<ModuleScore> modules) {}

    @JsonbNillable
    public record ResultRow(
            long learnerId,
            String username,
            String fullName,
            int attempts,
            AttemptSummary counted,
            List<ModuleScore> modules) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Exams exams;

    @Inject
    ExamStore store;

    /** Every learner of the class with the attempt that counts (the last one submitted) and its score per module. */
    @Transactional
    public List<ResultRow> results(long examId, Caller caller) {
        Exam exam = exams.visible(examId, caller);
        Map<Long, List<Attempt>> byLearner = new LinkedHashMap<>();
        em.createQuery("SELECT a FROM Attempt a WHERE a.exam.id = :e ORDER BY a.learnerId, a.number", Attempt.class)
                .setParameter("e", examId)
                .getResultStream()
                .forEach(a -> byLearner
                        .computeIfAbsent(a.learnerId(), k -> new ArrayList<>())
                        .add(a));
        return exam.trainingClass().learnerIds().stream()
                .sorted()
                .map(id -> {
                    Account acc = em.find(Account.class, id);
                    List<Attempt> list = byLearner.getOrDefault(id, List.of());
                    Attempt counted = list.stream()
                            .filter(a -> !a.open())
                            .reduce((x, y) -> y)
                            .orElse(null);
                    return new ResultRow(
                            id,
                            acc.username(),
                            acc.fullName(),
                            list.size(),
                            counted == null ? null : AttemptSummary.of(counted),
                            counted == null ? List.of() : modules(counted));
                })
                .toList();
    }

    /** The learner's result in every exam and quiz of the class, earliest first; the caller's right to see it is checked by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LearnerResult> resultsOf(long classId, long learnerId) {
        List<LearnerResult> out = new ArrayList<>();
        for (Exam e : em.createQuery(
                        "SELECT e FROM Exam e WHERE e.trainingClass.id = :c ORDER BY e.opensAt, e.id", Exam.class)
                .setParameter("c", classId)
                .getResultList()) {
            List<Attempt> list = store.attempts(e.id(), learnerId);
            Attempt counted =
                    list.stream().filter(a -> !a.open()).reduce((x, y) -> y).orElse(null);
            out.add(new LearnerResult(
                    e.id(),
                    e.title(),
                    e.blueprint(),
                    e.quiz(),
                    list.size(),
                    counted == null ? null : AttemptSummary.of(counted),
                    counted == null ? List.of() : modules(counted)));
        }
        return out;
    }

    @Transactional
    public ExportTable export(long examId, Caller caller) {
        Exam exam = exams.visible(examId, caller);
        List<ResultRow> rows = results(examId, caller);
        Map<String, String> modules = new TreeMap<>();
        rows.forEach(r -> r.modules().forEach(m -> modules.put(m.code(), m.name())));
        List<Words> header = new ArrayList<>(List.of(
                new Words("学员编号", "learner ID"),
                new Words("学员账号", "username"),
                new Words("姓名", "full name"),
                new Words("作答次数", "attempts"),
                new Words("计分的作答", "counted attempt"),
                new Words("开始时间", "started at"),
                new Words("交卷时间", "submitted at"),
                new Words("交卷方式", "submitted by"),
                new Words("得分", "score"),
                new Words("满分", "maximum"),
                new Words("是否及格", "passed")));
        modules.forEach(
                (code, name) -> header.add(new Words("模块 " + code + " " + name, "module " + code + " " + name)));
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
                row.add(r.modules().stream()
                        .filter(m -> m.code().equals(code))
                        .map(m -> m.awarded() + "/" + m.points())
                        .findFirst()
                        .orElse(""));
            }
            out.add(row);
        }
        return new ExportTable(
                new Words("考试 " + exam.id() + " " + exam.title(), "exam " + exam.id() + " " + exam.title()),
                header,
                out);
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

    static boolean passed(Attempt a) {
        return a.score() != null
                && a.maxScore() > 0
                && a.score() * 100 >= a.exam().passMark() * a.maxScore();
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
        return sums.entrySet().stream()
                .map(e -> new ModuleScore(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .toList();
    }
}
