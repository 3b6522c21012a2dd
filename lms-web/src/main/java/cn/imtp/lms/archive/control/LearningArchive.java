package cn.imtp.lms.archive.control;

import cn.imtp.lms.attendance.control.HoursLedger;
import cn.imtp.lms.attendance.control.LedgerRules;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.entity.DeliveryMode;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.exam.control.ExamResults;
import cn.imtp.lms.exam.control.Scores;
import cn.imtp.lms.identity.control.AccountView;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.lms.plan.entity.PlanKind;
import cn.imtp.lms.plan.entity.TrainingPlan;
import cn.imtp.lms.practical.control.PracticalResults;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A learner's learning archive (学习档案) in one class: who (identity masked), the class and the plan,
 * the hours per unit from the attendance ledger, the result of every exam and quiz, and the outcome
 * requirement by requirement. Read-only: it is computed from the records every time.
 */
@ApplicationScoped
public class LearningArchive {

    @JsonbNillable
    public record Archive(
            Instant generatedAt,
            AccountView learner,
            ClassFacts trainingClass,
            PlanFacts plan,
            LedgerRules.LearnerStatus hours,
            List<ExamResults.LearnerResult> assessments,
            List<PracticalResults.LearnerResult> practicals,
            Outcome.Verdict outcome) {}

    @JsonbNillable
    public record ClassFacts(
            long id,
            String name,
            DeliveryMode deliveryMode,
            LocalDate startsOn,
            LocalDate endsOn,
            boolean leadsToCertificate,
            Integer classHourMinutes) {}

    @JsonbNillable
    public record PlanFacts(long id, String name, Level level, JobType jobType, PlanKind kind, String edition) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    HoursLedger ledger;

    @Inject
    ExamResults exams;

    @Inject
    PracticalResults practicals;

    /** Learners see their own archive; teachers those of their classes; administrators all. */
    @Transactional
    public Archive of(long classId, long learnerId, Caller caller) {
        TrainingClass c = readable(classId, learnerId, caller);
        Map<Long, LedgerRules.LearnerStatus> hours = hours(c, caller);
        return archive(c, learnerId, hours.get(learnerId));
    }

    /**
     * The one rule of who may read a learner's records in a class (their archive, their certificates): the learner
     * themself, the class's teachers, administrators; anyone else, or a learner not in the class, 404. Cheap: no records read.
     */
    @Transactional
    public TrainingClass readable(long classId, long learnerId, Caller caller) {
        TrainingClass c = classes.visible(classId, caller);
        if ((caller.role() == Role.LEARNER && learnerId != caller.accountId())
                || !c.learnerIds().contains(learnerId)) {
            throw PlatformException.notFound(new Words(
                    "班级 " + classId + " 中没有学员 " + learnerId + "。",
                    "Learner " + learnerId + " in class " + classId + " does not exist."));
        }
        return c;
    }

    /** Every learner of the class: hours, each summative exam, and the outcome, one line each (teachers, administrators). */
    @Transactional
    public ExportTable export(long classId, Caller caller) {
        TrainingClass c = classes.visible(classId, caller);
        Map<Long, LedgerRules.LearnerStatus> hours = hours(c, caller);
        List<Archive> archives = c.learnerIds().stream()
                .sorted()
                .map(id -> archive(c, id, hours.get(id)))
                .toList();
        List<String> exams = archives.isEmpty()
                ? List.of()
                : archives.get(0).assessments().stream()
                        .filter(r -> !r.quiz())
                        .map(ExamResults.LearnerResult::title)
                        .toList();
        List<Words> header = new ArrayList<>(List.of(
                new Words("学员账号", "username"),
                new Words("姓名", "full name"),
                new Words("证件号码", "ID number"),
                new Words("计入课堂学时（时:分:秒）", "classroom credited (h:mm:ss)"),
                new Words("计入课堂秒数", "classroom seconds"),
                new Words("计划分钟", "plan minutes"),
                new Words("最低要求分钟", "minimum minutes"),
                new Words("课堂学时是否达标", "meets hours"),
                new Words("其他学时分钟", "other hours minutes"),
                new Words("合计（时:分:秒）", "total (h:mm:ss)"),
                new Words("合计秒数", "total seconds")));
        List<String> practicalTitles = archives.isEmpty()
                ? List.of()
                : archives.get(0).practicals().stream()
                        .map(PracticalResults.LearnerResult::title)
                        .toList();
        exams.forEach(title -> header.add(new Words("理论考试 " + title, "exam " + title)));
        practicalTitles.forEach(title -> header.add(new Words("实操考核 " + title, "practical " + title)));
        header.addAll(List.of(new Words("是否结业", "complete"), new Words("结业要求", "outcome")));
        List<List<Object>> rows = new ArrayList<>();
        for (Archive a : archives) {
            LedgerRules.LearnerStatus h = a.hours();
            List<Object> row = new ArrayList<>(List.of(
                    a.learner().username(),
                    a.learner().fullName(),
                    a.learner().idNumberMasked() == null ? "" : a.learner().idNumberMasked()));
            row.addAll(
                    h == null
                            ? List.of("", "", "", "", "", "", "", "")
                            : List.of(
                                    ExportTable.Clock.ofMinutes(h.classroomMinutes()),
                                    Math.round(h.classroomMinutes() * 60),
                                    h.planMinutes(),
                                    h.minimumMinutes(),
                                    Words.yesNo(h.meetsHours()),
                                    h.otherMinutes(),
                                    ExportTable.Clock.ofMinutes(h.totalMinutes()),
                                    Math.round(h.totalMinutes() * 60)));
            a.assessments().stream()
                    .filter(r -> !r.quiz())
                    .forEach(r -> row.add(
                            r.counted() == null
                                    ? ""
                                    : passedOrNot(
                                            Scores.compact(
                                                    r.counted().score(),
                                                    r.counted().maxScore()),
                                            r.counted().passed())));
            a.practicals()
                    .forEach(r -> row.add(
                            r.total().score() == null
                                    ? new Words(
                                            "已评 " + r.total().graded() + "/"
                                                    + r.total().tasks() + " 项",
                                            r.total().graded() + "/" + r.total().tasks() + " tasks graded")
                                    : passedOrNot(
                                            r.total().score() + "/100",
                                            r.total().passed())));
            row.add(Words.yesNo(a.outcome().complete()));
            row.add(new Words(
                    String.join(
                            "；",
                            a.outcome().checks().stream()
                                    .map(k -> k.requirement().words.zh() + " "
                                            + k.state().words.zh() + "："
                                            + k.detail().zh())
                                    .toList()),
                    String.join(
                            "; ",
                            a.outcome().checks().stream()
                                    .map(k -> k.requirement().words.en() + " "
                                            + k.state().words.en() + ": "
                                            + k.detail().en())
                                    .toList())));
            rows.add(row);
        }
        return new ExportTable(new Words("学习档案", "Archives"), header, rows);
    }

    private static Words passedOrNot(String score, Boolean passed) {
        return Boolean.TRUE.equals(passed)
                ? new Words(score + " 及格", score + " passed")
                : new Words(score + " 不及格", score + " not passed");
    }

    private Map<Long, LedgerRules.LearnerStatus> hours(TrainingClass c, Caller caller) {
        if (c.classHourMinutes() == null) {
            return Map.of();
        }
        return ledger.ofClass(c.id(), caller).items().stream()
                .collect(Collectors.toMap(LedgerRules.LearnerStatus::learnerId, Function.identity()));
    }

    private Archive archive(TrainingClass c, long learnerId, LedgerRules.LearnerStatus hours) {
        List<ExamResults.LearnerResult> results = exams.resultsOf(c.id(), learnerId);
        List<Outcome.Exam> theory = results.stream()
                .filter(r -> !r.quiz())
                .map(r -> new Outcome.Exam(
                        r.title(),
                        r.counted() == null ? null : r.counted().passed(),
                        r.counted() == null || r.counted().score() == null
                                ? null
                                : r.counted().score().doubleValue(),
                        r.counted() == null ? 0 : r.counted().maxScore()))
                .toList();
        List<PracticalResults.LearnerResult> practical = practicals.resultsOf(c.id(), learnerId);
        Outcome.Verdict verdict = Outcome.judge(
                c.leadsToCertificate(),
                hours == null ? null : hours.meetsHours(),
                hours == null ? 0 : hours.shortMinutes(),
                theory,
                practical.stream()
                        .map(r -> new Outcome.Exam(
                                r.title(), r.total().passed(), r.total().score(), 100))
                        .toList());
        TrainingPlan p = c.plan();
        return new Archive(
                Instant.now(),
                AccountView.of(em.find(Account.class, learnerId)),
                new ClassFacts(
                        c.id(),
                        c.name(),
                        c.deliveryMode(),
                        c.startsOn(),
                        c.endsOn(),
                        c.leadsToCertificate(),
                        c.classHourMinutes()),
                new PlanFacts(
                        p.id(),
                        p.name(),
                        p.level(),
                        p.jobType(),
                        p.kind(),
                        p.edition().code()),
                hours,
                results,
                practical,
                verdict);
    }
}
