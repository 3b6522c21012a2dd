package cn.imtp.lms.questionbank.control;

import cn.imtp.lms.catalogue.control.Catalogue;
import cn.imtp.lms.catalogue.control.Integrity;
import cn.imtp.lms.catalogue.entity.CatalogueTable;
import cn.imtp.lms.catalogue.entity.Edition;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.LearningUnit;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.documents.Xlsx;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.questionbank.entity.Question;
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
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The theory question bank: teachers write, edit, retire, import and export questions, and papers are drawn from
 * what it gives ({@link #drawable}). Questions hang on learning units; for drawing, a unit is matched by its
 * table (level and job type), course code and name, so that questions written against one edition of
 * the package serve a later edition too.
 */
@ApplicationScoped
public class QuestionBank {

    /** A question neither retired nor replaced by a later version: what new exams and quizzes are set from. */
    private static final String LIVE = "q.retiredAt IS NULL AND q.replacedBy IS NULL";

    public record Draft(
            Long unitId,
            String type,
            Integer difficulty,
            String stem,
            List<String> options,
            String answer,
            String explanation) {}

    @JsonbNillable
    public record QuestionView(
            long id,
            long unitId,
            String unitName,
            String courseCode,
            String courseName,
            Level level,
            JobType jobType,
            QuestionType type,
            int difficulty,
            String stem,
            List<String> options,
            String answer,
            String explanation,
            Instant updatedAt,
            boolean retired,
            long lineageId,
            int version,
            Long replacedBy) {

        static QuestionView of(Question q) {
            LearningUnit u = q.unit();
            CatalogueTable t = u.course().module().table();
            return new QuestionView(
                    q.id(),
                    u.id(),
                    u.name(),
                    u.course().code(),
                    u.course().name(),
                    t.level(),
                    t.jobType(),
                    q.type(),
                    q.difficulty(),
                    q.stem(),
                    q.options(),
                    q.answer(),
                    q.explanation(),
                    q.updatedAt(),
                    q.retiredAt() != null,
                    q.lineage(),
                    q.version(),
                    q.replacedBy());
        }
    }

    public record Page(List<QuestionView> items, int page, int size, long total) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Catalogue catalogue;

    @Inject
    AuditLog audit;

    @Transactional
    public QuestionView create(Draft d, Caller caller, String address) {
        LearningUnit unit = unitOf(d);
        QuestionContent c = checked(d);
        Question q = new Question(unit, caller.accountId(), Instant.now());
        write(q, unit, c, caller);
        em.persist(q);
        em.flush();
        audit.record(caller, "QUESTION_CREATED", null, "question " + q.id() + " on unit " + unit.id(), address);
        return QuestionView.of(q);
    }

    /**
     * An edit makes the next version of the question (a new id of the same lineage); the edited version stays as it
     * was, so that exams already set and papers already drawn keep what they were set with.
     */
    @Transactional
    public QuestionView update(long id, Draft d, Caller caller, String address) {
        Question q = changeable(id, caller);
        if (q.retiredAt() != null) {
            throw PlatformException.conflict(new Words(
                    "试题 " + id + " 已停用，请另行出题。", "Question " + id + " is retired; write a new question instead."));
        }
        if (q.replacedBy() != null) {
            throw PlatformException.conflict(new Words(
                    "试题 " + id + " 是第 " + q.version() + " 版，已被试题 " + q.replacedBy() + " 取代，请修改当前版本。",
                    "Question " + id + " is version " + q.version() + ", already replaced by question " + q.replacedBy()
                            + "; edit the current version."));
        }
        LearningUnit unit = unitOf(d);
        Question next = q.nextVersion(caller.accountId(), Instant.now());
        write(next, unit, checked(d), caller);
        em.persist(next);
        em.flush();
        q.replacedBy(next);
        audit.record(
                caller,
                "QUESTION_EDITED",
                null,
                "question " + id + " → question " + next.id() + " (version " + next.version() + " of " + next.lineage()
                        + ")",
                address);
        return QuestionView.of(next);
    }

    /** Retired questions are not set in new exams; exams already set keep them, and earlier papers can be explained. */
    @Transactional
    public QuestionView retire(long id, Caller caller, String address) {
        Question q = changeable(id, caller);
        if (q.replacedBy() != null) {
            throw PlatformException.conflict(new Words(
                    "试题 " + id + " 是第 " + q.version() + " 版，已被试题 " + q.replacedBy() + " 取代，请停用当前版本。",
                    "Question " + id + " is version " + q.version() + ", already replaced by question " + q.replacedBy()
                            + "; retire the current version."));
        }
        if (q.retiredAt() == null) {
            q.retire(Instant.now());
            audit.record(caller, "QUESTION_RETIRED", null, "question " + id, address);
        }
        return QuestionView.of(q);
    }

    /** The bank is shared by every teacher, but only a question's author or an administrator edits or retires it. */
    private Question changeable(long id, Caller caller) {
        Question q = find(id);
        if (caller.role() != Role.ADMINISTRATOR && q.createdBy() != caller.accountId()) {
            throw new PlatformException(
                    403,
                    "forbidden",
                    "Forbidden",
                    new Words(
                            "只有题目作者或管理员可以修改或停用该题，请另行出题。",
                            "Only the question's author or an administrator may change it; write a new question instead."));
        }
        return q;
    }

    @Transactional
    public QuestionView get(long id) {
        return QuestionView.of(find(id));
    }

    /** The questions of one unit, or of one table (level and job type; neither for the basic course), newest first. */
    @Transactional
    public Page list(Long unitId, Level level, JobType jobType, boolean retired, int page, int size) {
        PlatformException.checkPage(page, size);
        String where = " WHERE " + (retired ? "1 = 1" : LIVE)
                + (unitId != null ? " AND q.unit.id = :unit" : tableFilter(level, jobType));
        TypedQuery<Question> items =
                em.createQuery("SELECT q FROM Question q" + where + " ORDER BY q.id DESC", Question.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(q) FROM Question q" + where, Long.class);
        bind(items, unitId, level, jobType);
        bind(count, unitId, level, jobType);
        return new Page(
                items.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                        .map(QuestionView::of)
                        .toList(),
                page,
                size,
                count.getSingleResult());
    }

    /** All or nothing: a file with a bad line adds no question, and every bad line is reported. */
    @Transactional
    public List<QuestionView> importCsv(String csv, Caller caller, String address) {
        return importLines(QuestionCsv.parse(csv), caller, address);
    }

    /** The same from an XLSX workbook (the template's, filled in): its first sheet, lines numbered as its rows. */
    @Transactional
    public List<QuestionView> importXlsx(byte[] workbook, Caller caller, String address) {
        return importLines(QuestionCsv.parse(Xlsx.read(workbook), true, row -> "line " + row), caller, address);
    }

    /** The same from a QTI 2.1 content package (as {@link QuestionQti} writes it): errors name the item files. */
    @Transactional
    public List<QuestionView> importQti(byte[] zip, Caller caller, String address) {
        QuestionQti.Read read = QuestionQti.read(zip);
        if (!read.errors().isEmpty()) {
            throw PlatformException.invalid(
                    new Words("未导入任何试题：无法读取该内容包。", "No question was imported: the package could not be read."),
                    read.errors());
        }
        return importLines(QuestionCsv.parse(read.records(), false, read::place), caller, address);
    }

    private List<QuestionView> importLines(QuestionCsv.Parsed parsed, Caller caller, String address) {
        List<FieldError> errors = new ArrayList<>(parsed.errors());
        Edition edition = catalogue.current();
        List<Question> created = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        Instant now = Instant.now();
        for (QuestionCsv.Line line : parsed.lines()) {
            Optional<LearningUnit> unit =
                    unitByName(edition, line.level(), line.jobType(), line.courseCode(), line.unit());
            if (unit.isEmpty()) {
                errors.add(new FieldError(
                        line.place() + ": unit",
                        new Words(
                                "课程 " + line.courseCode() + "（"
                                        + tableWords(line.level(), line.jobType())
                                                .zh() + "）中没有学习单元“" + line.unit() + "”（现有："
                                        + String.join("、", unitNames(edition, line)) + "）",
                                "no unit '" + line.unit() + "' in course " + line.courseCode() + " of "
                                        + tableName(line.level(), line.jobType()) + " (" + unitNames(edition, line)
                                        + ")")));
                continue;
            }
            String key = unit.get().id() + "\n" + line.content().stem().replace(" ", "");
            String earlier = seen.putIfAbsent(key, line.place());
            if (earlier != null) {
                errors.add(new FieldError(
                        line.place() + ": stem",
                        new Words("与" + placeZh(earlier) + "的试题相同", "the same question is on " + earlier)));
                continue;
            }
            Long existing = duplicate(unit.get(), line.content().stem());
            if (existing != null) {
                errors.add(new FieldError(
                        line.place() + ": stem",
                        new Words(
                                "题库中已有此题（试题 " + existing + "）",
                                "the bank has this question already (question " + existing + ")")));
                continue;
            }
            Question q = new Question(unit.get(), caller.accountId(), now);
            write(q, unit.get(), line.content(), caller);
            created.add(q);
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(
                    new Words(
                            "未导入任何试题：请改正以下各行后重新提交整个文件。",
                            "No question was imported: correct the lines below and send the whole file again."),
                    errors);
        }
        created.forEach(em::persist);
        em.flush();
        audit.record(caller, "QUESTIONS_IMPORTED", null, created.size() + " question(s)", address);
        return created.stream().map(QuestionView::of).toList();
    }

    /** The live questions of one table (or all when {@code all}), in the import format. */
    @Transactional
    public ExportTable export(Level level, JobType jobType, boolean all) {
        String where = " WHERE " + LIVE + (all ? "" : tableFilter(level, jobType));
        TypedQuery<Question> query =
                em.createQuery("SELECT q FROM Question q" + where + " ORDER BY q.id", Question.class);
        if (!all) {
            bind(query, null, level, jobType);
        }
        List<List<Object>> rows = query.getResultStream()
                .map(q -> {
                    LearningUnit u = q.unit();
                    CatalogueTable t = u.course().module().table();
                    return QuestionCsv.row(
                            t.level(),
                            t.jobType(),
                            u.course().code(),
                            u.name(),
                            new QuestionContent(
                                    q.type(), q.difficulty(), q.stem(), q.options(), q.answer(), q.explanation()));
                })
                .toList();
        return new ExportTable(new Words("试题", "questions"), QuestionCsv.headings(), rows);
    }

    /**
     * A table's questions (both null: the basic course), whichever edition their unit belongs to: those of
     * {@code setWith} (the questions an exam was set with), or the live ones when {@code setWith} is null.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DrawableQuestion> drawable(Level level, JobType jobType, Collection<Long> setWith) {
        if (setWith != null && setWith.isEmpty()) {
            return List.of();
        }
        TypedQuery<DrawableQuestion> q = em.createQuery(
                "SELECT NEW cn.imtp.lms.questionbank.control.DrawableQuestion(q.id, q.type,"
                        + " q.unit.course.code, q.unit.name) FROM Question q WHERE "
                        + (setWith == null ? LIVE : "q.id IN :setWith")
                        + tableFilter(level, jobType),
                DrawableQuestion.class);
        bind(q, null, level, jobType);
        if (setWith != null) {
            q.setParameter("setWith", setWith);
        }
        return q.getResultList();
    }

    /** The learning units these questions assess. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Long> unitIds(Collection<Long> questionIds) {
        if (questionIds.isEmpty()) {
            return Set.of();
        }
        return em.createQuery("SELECT DISTINCT q.unit.id FROM Question q WHERE q.id IN :ids", Long.class)
                .setParameter("ids", questionIds)
                .getResultStream()
                .collect(Collectors.toSet());
    }

    private static String tableFilter(Level level, JobType jobType) {
        return level == null
                ? " AND q.unit.course.module.table.level IS NULL AND q.unit.course.module.table.jobType IS NULL"
                : " AND q.unit.course.module.table.level = :level AND q.unit.course.module.table.jobType = :jobType";
    }

    private static void bind(TypedQuery<?> q, Long unitId, Level level, JobType jobType) {
        if (unitId != null) {
            q.setParameter("unit", unitId);
        } else if (level != null) {
            q.setParameter("level", level).setParameter("jobType", jobType);
        }
    }

    /** A table's name in English: "L5 LIVE_SELLER", or "the basic course" when both are null. */
    public static String tableName(Level level, JobType jobType) {
        return tableWords(level, jobType).en();
    }

    /** A line's place as a Chinese reader reads it ("line 7": 第 7 行); an item file's name as it is. */
    private static String placeZh(String place) {
        return place.startsWith("line ") ? "第 " + place.substring(5) + " 行" : " " + place + " ";
    }

    /** A table's name in both languages. */
    public static Words tableWords(Level level, JobType jobType) {
        return level == null
                ? new Words("基础课程", "the basic course")
                : new Words(level + " " + jobType, level + " " + jobType);
    }

    private Optional<LearningUnit> unitByName(Edition e, Level level, JobType jobType, String courseCode, String name) {
        return e.tables().stream()
                .filter(t -> t.level() == level && t.jobType() == jobType)
                .flatMap(t -> t.modules().stream())
                .flatMap(m -> m.courses().stream())
                .filter(c -> c.code().equals(courseCode))
                .flatMap(c -> c.units().stream())
                .filter(u -> Integrity.same(u.name(), name))
                .findFirst();
    }

    private static List<String> unitNames(Edition e, QuestionCsv.Line line) {
        return e.tables().stream()
                .filter(t -> t.level() == line.level() && t.jobType() == line.jobType())
                .flatMap(t -> t.modules().stream())
                .flatMap(m -> m.courses().stream())
                .filter(c -> c.code().equals(line.courseCode()))
                .flatMap(c -> c.units().stream())
                .map(LearningUnit::name)
                .toList();
    }

    private Long duplicate(LearningUnit unit, String stem) {
        return em.createQuery(
                        "SELECT q.id FROM Question q WHERE q.unit = :unit AND q.stem = :stem AND " + LIVE, Long.class)
                .setParameter("unit", unit)
                .setParameter("stem", stem)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private LearningUnit unitOf(Draft d) {
        if (d == null) {
            throw PlatformException.invalid(
                    new Words(
                            "请以 JSON 格式发送试题：学习单元、题型、难度、题干、选项、答案和解析。",
                            "Send {\"unitId\", \"type\", \"difficulty\", \"stem\", \"options\", \"answer\", \"explanation\"}."),
                    List.of());
        }
        LearningUnit unit = d.unitId() == null ? null : em.find(LearningUnit.class, d.unitId());
        if (unit == null) {
            throw PlatformException.invalid(
                    new Words("试题须考核课程目录中的某个学习单元。", "The question must assess a learning unit of the catalogue."),
                    List.of(new FieldError(
                            "unitId",
                            new Words("须为学习单元的编号（见课程目录）", "the id of a learning unit (GET /api/catalogue/tables/…)"))));
        }
        return unit;
    }

    private static QuestionContent checked(Draft d) {
        QuestionContent.Checked c =
                QuestionContent.check("", d.type(), d.difficulty(), d.stem(), d.options(), d.answer(), d.explanation());
        if (!c.errors().isEmpty()) {
            throw PlatformException.invalid(new Words("试题未保存。", "The question was not saved."), c.errors());
        }
        return c.content();
    }

    private static void write(Question q, LearningUnit unit, QuestionContent c, Caller caller) {
        q.write(
                unit,
                c.type(),
                c.difficulty(),
                c.stem(),
                c.options(),
                c.answer(),
                c.explanation(),
                caller.accountId(),
                Instant.now());
    }

    private Question find(long id) {
        Question q = em.find(Question.class, id);
        if (q == null) {
            throw PlatformException.notFound(new Words("试题", "Question"), id);
        }
        return q;
    }
}
