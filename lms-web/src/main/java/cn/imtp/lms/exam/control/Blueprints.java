package cn.imtp.lms.exam.control;

import cn.imtp.lms.catalogue.control.Catalogue;
import cn.imtp.lms.catalogue.entity.BlueprintCourseEntry;
import cn.imtp.lms.catalogue.entity.CatalogueCourse;
import cn.imtp.lms.catalogue.entity.CatalogueTable;
import cn.imtp.lms.catalogue.entity.Edition;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.exam.entity.Exam;
import cn.imtp.lms.questionbank.control.DrawableQuestion;
import cn.imtp.lms.questionbank.control.QuestionBank;
import cn.imtp.lms.questionbank.entity.QuestionType;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The theory blueprints of section 2.3 as the slots papers are drawn from ({@link PaperDrawer}), filled with the
 * bank's questions, and how far the bank covers a blueprint. A unit is matched to the bank by its table, course
 * code and name, so that questions written against one edition of the package serve a later edition too.
 */
@ApplicationScoped
public class Blueprints {

    /** How a blueprint's units are covered: per unit its share of points and the live questions by type. */
    @JsonbNillable
    public record Coverage(
            Level level,
            JobType jobType,
            PaperDrawer.Points points,
            int paperPoints,
            List<CoveredUnit> units,
            List<Words> lacks) {}

    public record CoveredUnit(
            String moduleCode,
            String courseCode,
            String courseName,
            String unit,
            int sharePoints,
            int singleChoice,
            int multipleChoice,
            int trueFalse) {}

    @Inject
    Catalogue catalogue;

    @Inject
    QuestionBank bank;

    /** The blueprint's slots with what the bank holds, and what it lacks for a paper with these points. */
    @Transactional
    public Coverage coverage(Level level, JobType jobType, PaperDrawer.Points points) {
        List<PaperDrawer.CourseSlot> slots = slots(catalogue.current(), level, jobType, null);
        PaperDrawer.Result trial = PaperDrawer.draw(slots, points, 0);
        List<CoveredUnit> units = new ArrayList<>();
        for (PaperDrawer.CourseSlot s : slots) {
            int[] shares = PaperDrawer.shares(
                    s.weight(),
                    s.units().stream().mapToInt(PaperDrawer.UnitPool::hours).toArray());
            for (int i = 0; i < shares.length; i++) {
                PaperDrawer.UnitPool u = s.units().get(i);
                units.add(new CoveredUnit(
                        s.moduleCode(),
                        s.courseCode(),
                        s.courseName(),
                        u.name(),
                        shares[i],
                        count(u, QuestionType.SINGLE_CHOICE),
                        count(u, QuestionType.MULTIPLE_CHOICE),
                        count(u, QuestionType.TRUE_FALSE)));
            }
        }
        return new Coverage(
                level,
                jobType,
                points,
                slots.stream().mapToInt(PaperDrawer.CourseSlot::weight).sum(),
                units,
                trial.lacks().stream().map(PaperDrawer.Lack::words).toList());
    }

    /**
     * The theory blueprint of {@code edition} for a table (both null: the basic course) as slots to draw
     * from: each assessed course with its weight and its units' hours and questions: the questions {@code exam} was
     * set with, or the bank's live ones when {@code exam} is null (an exam being set, the coverage report).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PaperDrawer.CourseSlot> slots(Edition edition, Level level, JobType jobType, Exam exam) {
        List<BlueprintCourseEntry> entries = edition.blueprints().stream()
                .filter(b -> "THEORY".equals(b.kind()) && b.level() == level && b.jobType() == jobType)
                .toList();
        if (entries.isEmpty()) {
            throw PlatformException.notFound(new Words(
                    "版本 " + edition.code() + " 中没有以下课程的理论考试方案："
                            + QuestionBank.tableWords(level, jobType).zh() + "。",
                    "Theory blueprint of " + QuestionBank.tableName(level, jobType) + " in edition " + edition.code()
                            + " does not exist."));
        }
        CatalogueTable table = edition.tables().stream()
                .filter(t -> t.level() == level && t.jobType() == jobType)
                .findFirst()
                .orElse(null);
        Map<String, List<PaperDrawer.Candidate>> bank = bank(level, jobType, exam);
        List<PaperDrawer.CourseSlot> slots = new ArrayList<>();
        for (BlueprintCourseEntry b : entries) {
            Optional<CatalogueCourse> course = table == null
                    ? Optional.empty()
                    : table.modules().stream()
                            .flatMap(m -> m.courses().stream())
                            .filter(c -> c.code().equals(b.courseCode()))
                            .findFirst();
            List<PaperDrawer.UnitPool> units = course.isPresent()
                    ? course.get().units().stream()
                            .map(u -> new PaperDrawer.UnitPool(
                                    u.name(), u.hours(), bank.getOrDefault(key(b.courseCode(), u.name()), List.of())))
                            .toList()
                    : b.assessedUnits().stream()
                            .map(n -> new PaperDrawer.UnitPool(
                                    n, 1, bank.getOrDefault(key(b.courseCode(), n), List.of())))
                            .toList();
            slots.add(new PaperDrawer.CourseSlot(
                    b.moduleCode(), b.moduleName(), b.courseCode(), b.courseName(), b.courseWeight(), units));
        }
        return slots;
    }

    /**
     * One unit as the slot a formative quiz draws from: the unit's questions the quiz was set with (the live ones when
     * {@code exam} is null), whichever edition they were written against.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PaperDrawer.CourseSlot unitSlot(LearningUnit unit, Exam exam) {
        CatalogueCourse course = unit.course();
        CatalogueTable table = course.module().table();
        List<PaperDrawer.Candidate> candidates =
                bank(table.level(), table.jobType(), exam).getOrDefault(key(course.code(), unit.name()), List.of());
        return new PaperDrawer.CourseSlot(
                course.module().code(),
                course.module().name(),
                course.code(),
                course.name(),
                0,
                List.of(new PaperDrawer.UnitPool(unit.name(), unit.hours(), candidates)));
    }

    /**
     * A table's questions by course code and unit name, whichever edition their unit belongs to: those {@code exam} was
     * set with, or the live ones.
     */
    private Map<String, List<PaperDrawer.Candidate>> bank(Level level, JobType jobType, Exam exam) {
        Map<String, List<PaperDrawer.Candidate>> out = new HashMap<>();
        for (DrawableQuestion q : this.bank.drawable(level, jobType, exam == null ? null : exam.questionIds())) {
            out.computeIfAbsent(key(q.courseCode(), q.unitName()), k -> new ArrayList<>())
                    .add(new PaperDrawer.Candidate(q.id(), q.type()));
        }
        return out;
    }

    private static String key(String courseCode, String unitName) {
        return courseCode + "\n" + unitName.replace(" ", "");
    }

    private static int count(PaperDrawer.UnitPool u, QuestionType t) {
        return (int) u.candidates().stream().filter(c -> c.type() == t).count();
    }
}
