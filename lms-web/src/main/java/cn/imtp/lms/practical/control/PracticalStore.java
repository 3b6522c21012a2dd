package cn.imtp.lms.practical.control;

import cn.imtp.lms.catalogue.entity.PracticalContentEntry;
import cn.imtp.lms.catalogue.entity.PracticalContentEntry.Form;
import cn.imtp.lms.documents.Document;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.lms.practical.control.PracticalScore.Criterion;
import cn.imtp.lms.practical.control.Work.DocumentInfo;
import cn.imtp.lms.practical.control.Work.GradeView;
import cn.imtp.lms.practical.control.Work.RecordingInfo;
import cn.imtp.lms.practical.control.Work.SubmissionView;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where practical exams are kept: every SQL statement of the feature (its tables, {@code practical_exam},
 * {@code practical_task}, {@code practical_submission} and {@code practical_grade}, have no entities), each row
 * read by column name into a named record, and the rubric's JSON form in its column. The callers hold the rules;
 * this class only reads and writes.
 */
@ApplicationScoped
public class PracticalStore {

    /** What an exam's view shows of its row. */
    public record ExamRow(String title, String section, Instant opensAt, Instant closesAt, int passMark) {}

    /** A practical exam of a class, as the learning archive lists it. */
    public record ClassExam(long id, String title, int passMark) {}

    /** A task: its row of the blueprint, its instructions and rubric, and how many grades it has been given. */
    public record TaskRow(
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
            int grades) {}

    /** A task as locked for a change: its rubric and its form. */
    public record LockedTask(List<Criterion> rubric, Form form) {}

    /** When an exam is open for hand-ins. */
    public record Window(Instant opensAt, Instant closesAt) {}

    /** A learner, as the grading table names them. */
    public record Learner(long id, String username, String fullName) {}

    /** A learner's work on a task as stored: the submission's row. */
    private record SubmissionRow(long taskId, long learnerId, SubmissionView submission) {}

    /** A grade as stored, with who gave it (named once the graders are known). */
    private record GradeRow(
            long taskId,
            long learnerId,
            List<Integer> points,
            int awarded,
            int maxPoints,
            String comment,
            Instant gradedAt,
            long gradedBy) {}

    static final String SUBMISSION_COLUMNS =
            "x.answer_text, x.file_name, x.content_type, x.size_bytes, x.sha256, x.revision, x.submitted_at,"
                    + " x.recording_asset_id, x.recording_file_name";

    private static final String GRADE_COLUMNS =
            "x.task_id, x.learner_id, x.points, x.awarded, x.max_points, x.comment, x.graded_at, x.graded_by";

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    // ---- exams and tasks

    /** A new exam of the class; its id. */
    public long createExam(
            long classId,
            String title,
            String section,
            Instant opensAt,
            Instant closesAt,
            int passMark,
            long createdBy,
            Instant createdAt) {
        em.createNativeQuery(
                        "INSERT INTO practical_exam (class_id, title, section, opens_at, closes_at, pass_mark, created_by, created_at)"
                                + " VALUES (?,?,?,?,?,?,?,?)")
                .setParameter(1, classId)
                .setParameter(2, title)
                .setParameter(3, section)
                .setParameter(4, Timestamp.from(opensAt))
                .setParameter(5, Timestamp.from(closesAt))
                .setParameter(6, passMark)
                .setParameter(7, createdBy)
                .setParameter(8, Timestamp.from(createdAt))
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    }

    /** A task of the exam for one row of the blueprint, with empty instructions and this rubric. */
    public void createTask(long examId, int position, PracticalContentEntry r, List<Criterion> rubric) {
        em.createNativeQuery(
                        "INSERT INTO practical_task (exam_id, position, module_code, module_name, module_weight, content_code,"
                                + " content_name, weight, form, minutes, importance, instructions, rubric) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .setParameter(1, examId)
                .setParameter(2, position)
                .setParameter(3, r.moduleCode())
                .setParameter(4, r.moduleName())
                .setParameter(5, r.moduleWeight())
                .setParameter(6, r.contentCode())
                .setParameter(7, r.contentName())
                .setParameter(8, r.contentWeight())
                .setParameter(9, r.form().name())
                .setParameter(10, r.minutes())
                .setParameter(11, r.importance())
                .setParameter(12, "")
                .setParameter(13, rubricJson(rubric))
                .executeUpdate();
    }

    /** The ids of the class's practical exams, newest first. */
    public List<Long> examIds(long classId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM practical_exam WHERE class_id = ? ORDER BY id DESC")
                .setParameter(1, classId)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** The class's practical exams, earliest first. */
    public List<ClassExam> examsOf(long classId) {
        return Bulk.on(em)
                .select(
                        "SELECT id, title, pass_mark FROM practical_exam WHERE class_id = ? ORDER BY id",
                        List.of(classId),
                        r -> new ClassExam(r.getLong("id"), r.getString("title"), r.getInt("pass_mark")));
    }

    /** The class of the exam; null when there is no such exam. */
    public Long classOf(long examId) {
        List<?> rows = em.createNativeQuery("SELECT class_id FROM practical_exam WHERE id = ?")
                .setParameter(1, examId)
                .getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    /** The exam's row (it exists). */
    public ExamRow exam(long examId) {
        return Bulk.on(em)
                .select(
                        "SELECT title, section, opens_at, closes_at, pass_mark FROM practical_exam WHERE id = ?",
                        List.of(examId),
                        r -> new ExamRow(
                                r.getString("title"),
                                r.getString("section"),
                                r.getTimestamp("opens_at").toInstant(),
                                r.getTimestamp("closes_at").toInstant(),
                                r.getInt("pass_mark")))
                .get(0);
    }

    /** When the exam (it exists) is open for hand-ins. */
    public Window window(long examId) {
        return Bulk.on(em)
                .select(
                        "SELECT opens_at, closes_at FROM practical_exam WHERE id = ?",
                        List.of(examId),
                        r -> new Window(
                                r.getTimestamp("opens_at").toInstant(),
                                r.getTimestamp("closes_at").toInstant()))
                .get(0);
    }

    public int passMark(long examId) {
        return ((Number) em.createNativeQuery("SELECT pass_mark FROM practical_exam WHERE id = ?")
                        .setParameter(1, examId)
                        .getSingleResult())
                .intValue();
    }

    public String title(long examId) {
        return (String) em.createNativeQuery("SELECT title FROM practical_exam WHERE id = ?")
                .setParameter(1, examId)
                .getSingleResult();
    }

    /** The exam's tasks in blueprint order. */
    public List<TaskRow> tasks(long examId) {
        return Bulk.on(em)
                .select(
                        "SELECT t.id, t.position, t.module_code, t.module_name, t.module_weight, t.content_code,"
                                + " t.content_name, t.weight, t.form, t.minutes, t.importance, t.instructions, t.rubric,"
                                + " (SELECT COUNT(*) FROM practical_grade g WHERE g.task_id = t.id) AS grades FROM practical_task t WHERE t.exam_id = ?"
                                + " ORDER BY t.position",
                        List.of(examId),
                        r -> new TaskRow(
                                r.getLong("id"),
                                r.getInt("position"),
                                r.getString("module_code"),
                                r.getString("module_name"),
                                r.getInt("module_weight"),
                                r.getString("content_code"),
                                r.getString("content_name"),
                                r.getInt("weight"),
                                Form.valueOf(r.getString("form")),
                                r.getInt("minutes"),
                                r.getString("importance"),
                                r.getString("instructions"),
                                rubric(r.getString("rubric")),
                                r.getInt("grades")));
    }

    /** The task's form; null when the exam has no such task. */
    public Form form(long examId, long taskId) {
        List<?> rows = em.createNativeQuery("SELECT form FROM practical_task WHERE id = ? AND exam_id = ?")
                .setParameter(1, taskId)
                .setParameter(2, examId)
                .getResultList();
        return rows.isEmpty() ? null : Form.valueOf((String) rows.get(0));
    }

    /** Locks the task's row until the transaction ends and gives its rubric and form; null when the exam has no such task. */
    public LockedTask lockTask(long examId, long taskId) {
        List<LockedTask> rows = Bulk.on(em)
                .select(
                        "SELECT rubric, form FROM practical_task WHERE id = ? AND exam_id = ? FOR UPDATE",
                        List.of(taskId, examId),
                        r -> new LockedTask(rubric(r.getString("rubric")), Form.valueOf(r.getString("form"))));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** How many learners' work on the task has been graded. */
    public Number gradeCount(long taskId) {
        return (Number) em.createNativeQuery("SELECT COUNT(*) FROM practical_grade WHERE task_id = ?")
                .setParameter(1, taskId)
                .getSingleResult();
    }

    public void editTask(long taskId, String instructions, List<Criterion> rubric) {
        em.createNativeQuery("UPDATE practical_task SET instructions = ?, rubric = ? WHERE id = ?")
                .setParameter(1, instructions)
                .setParameter(2, rubricJson(rubric))
                .setParameter(3, taskId)
                .executeUpdate();
    }

    // ---- learners' work

    /** The learner's text answer (a new revision of their work on the task). */
    public void saveAnswer(long taskId, long learnerId, String text) {
        em.createNativeQuery(
                        "INSERT INTO practical_submission (task_id, learner_id, answer_text, revision, submitted_at) VALUES (?,?,?,1,?)"
                                + " ON DUPLICATE KEY UPDATE answer_text = VALUES(answer_text), revision = revision + 1, submitted_at = VALUES(submitted_at)")
                .setParameter(1, taskId)
                .setParameter(2, learnerId)
                .setParameter(3, text)
                .setParameter(4, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    /** The learner's document (a new revision of their work on the task). */
    public void saveDocument(long taskId, long learnerId, Document d, byte[] content) {
        em.createNativeQuery(
                        "INSERT INTO practical_submission (task_id, learner_id, file_name, content_type, size_bytes, sha256, content, revision,"
                                + " submitted_at) VALUES (?,?,?,?,?,?,?,1,?) ON DUPLICATE KEY UPDATE file_name = VALUES(file_name),"
                                + " content_type = VALUES(content_type), size_bytes = VALUES(size_bytes), sha256 = VALUES(sha256), content = VALUES(content),"
                                + " revision = revision + 1, submitted_at = VALUES(submitted_at)")
                .setParameter(1, taskId)
                .setParameter(2, learnerId)
                .setParameter(3, d.fileName())
                .setParameter(4, d.contentType())
                .setParameter(5, content.length)
                .setParameter(6, d.sha256())
                .setParameter(7, content)
                .setParameter(8, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    /** The learner's handed-in document for the task; null when there is none. */
    public Document document(long taskId, long learnerId) {
        List<Document> rows = Bulk.on(em)
                .select(
                        "SELECT file_name, content_type, content, sha256 FROM practical_submission"
                                + " WHERE task_id = ? AND learner_id = ? AND content IS NOT NULL",
                        List.of(taskId, learnerId),
                        r -> new Document(
                                r.getString("file_name"),
                                r.getString("content_type"),
                                r.getBytes("content"),
                                r.getString("sha256")));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The media asset of the learner's current recording for the task, if any. */
    public List<String> recordingAssets(long taskId, long learnerId) {
        @SuppressWarnings("unchecked")
        List<String> assets = em.createNativeQuery("SELECT recording_asset_id FROM practical_submission"
                        + " WHERE task_id = ? AND learner_id = ? AND recording_asset_id IS NOT NULL")
                .setParameter(1, taskId)
                .setParameter(2, learnerId)
                .getResultList();
        return assets;
    }

    /** The learner's recording (a new revision of their work on the task), replacing the earlier one. */
    public void saveRecording(long taskId, long learnerId, String assetId, String fileName) {
        em.createNativeQuery(
                        "INSERT INTO practical_submission (task_id, learner_id, recording_asset_id, recording_file_name, revision, submitted_at)"
                                + " VALUES (?,?,?,?,1,?) ON DUPLICATE KEY UPDATE recording_asset_id = VALUES(recording_asset_id),"
                                + " recording_file_name = VALUES(recording_file_name), revision = revision + 1, submitted_at = VALUES(submitted_at)")
                .setParameter(1, taskId)
                .setParameter(2, learnerId)
                .setParameter(3, assetId)
                .setParameter(4, fileName)
                .setParameter(5, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    /**
     * The bytes the learner's current recordings of the other tasks take (those still uploading, processing or ready).
     *
     * <p>Still read from media-service's {@code media_asset} (its declared size and its state): lms-web keeps neither,
     * and {@code MediaStates}, lms-web's one HTTP call to media-service, answers an asset's state only, one asset per
     * call, with a 503 when media-service cannot say, where this statement always answers.
     */
    public long recordingBytes(long learnerId, long exceptTaskId) {
        return ((Number) em.createNativeQuery("SELECT COALESCE(SUM(a.declared_bytes), 0) FROM practical_submission s"
                                + " JOIN media_asset a ON a.id = s.recording_asset_id WHERE s.learner_id = ? AND s.task_id <> ?"
                                + " AND a.state IN ('UPLOADING', 'PROCESSING', 'READY')")
                        .setParameter(1, learnerId)
                        .setParameter(2, exceptTaskId)
                        .getSingleResult())
                .longValue();
    }

    /** Grades (or regrades) the learner's work on the task. */
    public void saveGrade(
            long taskId, long learnerId, String points, int awarded, int maxPoints, String comment, long gradedBy) {
        em.createNativeQuery(
                        "INSERT INTO practical_grade (task_id, learner_id, points, awarded, max_points, comment, graded_by, graded_at)"
                                + " VALUES (?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE points = VALUES(points), awarded = VALUES(awarded),"
                                + " max_points = VALUES(max_points), comment = VALUES(comment), graded_by = VALUES(graded_by), graded_at = VALUES(graded_at)")
                .setParameter(1, taskId)
                .setParameter(2, learnerId)
                .setParameter(3, points)
                .setParameter(4, awarded)
                .setParameter(5, maxPoints)
                .setParameter(6, comment)
                .setParameter(7, gradedBy)
                .setParameter(8, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    /** Work on the exam's tasks, by learner and task ({@code learner} null: every learner). */
    public Map<Long, Map<Long, Work>> works(long examId, Long learner) {
        String who = learner == null ? "" : " AND x.learner_id = ?";
        List<Object> params = learner == null ? List.of(examId) : List.of(examId, learner);
        Bulk sql = Bulk.on(em);
        List<SubmissionRow> subs = sql.select(
                "SELECT x.task_id, x.learner_id, " + SUBMISSION_COLUMNS
                        + " FROM practical_submission x JOIN practical_task t ON t.id = x.task_id WHERE t.exam_id = ?"
                        + who,
                params,
                r -> new SubmissionRow(
                        r.getLong("task_id"), r.getLong("learner_id"), submission(r.getLong("learner_id"), r)));
        List<GradeRow> grades = sql.select(
                "SELECT " + GRADE_COLUMNS
                        + " FROM practical_grade x JOIN practical_task t ON t.id = x.task_id WHERE t.exam_id = ?" + who,
                params,
                PracticalStore::grade);
        Map<Long, String> graders =
                fullNames(grades.stream().map(GradeRow::gradedBy).toList());
        Map<Long, Map<Long, SubmissionView>> s = new HashMap<>();
        for (SubmissionRow r : subs) {
            s.computeIfAbsent(r.learnerId(), k -> new HashMap<>()).put(r.taskId(), r.submission());
        }
        Map<Long, Map<Long, GradeView>> g = new HashMap<>();
        for (GradeRow r : grades) {
            g.computeIfAbsent(r.learnerId(), k -> new HashMap<>()).put(r.taskId(), view(r, graders));
        }
        Map<Long, Map<Long, Work>> out = new HashMap<>();
        for (long learnerId : union(s.keySet(), g.keySet())) {
            Map<Long, SubmissionView> ls = s.getOrDefault(learnerId, Map.of());
            Map<Long, GradeView> lg = g.getOrDefault(learnerId, Map.of());
            Map<Long, Work> w = new HashMap<>();
            for (long taskId : union(ls.keySet(), lg.keySet())) {
                w.put(taskId, new Work(taskId, learnerId, ls.get(taskId), lg.get(taskId)));
            }
            out.put(learnerId, w);
        }
        return out;
    }

    /** The learner's work on the task; its submission and grade are null when there are none. */
    public Work work(long taskId, long learnerId) {
        Bulk sql = Bulk.on(em);
        List<SubmissionView> subs = sql.select(
                "SELECT " + SUBMISSION_COLUMNS
                        + " FROM practical_submission x WHERE x.task_id = ? AND x.learner_id = ?",
                List.of(taskId, learnerId),
                r -> submission(learnerId, r));
        List<GradeRow> grades = sql.select(
                "SELECT " + GRADE_COLUMNS + " FROM practical_grade x WHERE x.task_id = ? AND x.learner_id = ?",
                List.of(taskId, learnerId),
                PracticalStore::grade);
        return new Work(
                taskId,
                learnerId,
                subs.isEmpty() ? null : subs.get(0),
                grades.isEmpty()
                        ? null
                        : view(grades.get(0), fullNames(List.of(grades.get(0).gradedBy()))));
    }

    /** From the columns {@link #SUBMISSION_COLUMNS}. */
    private static SubmissionView submission(long learnerId, ResultSet r) throws SQLException {
        DocumentInfo doc = r.getString("file_name") == null
                ? null
                : new DocumentInfo(
                        r.getString("file_name"),
                        r.getString("content_type"),
                        r.getInt("size_bytes"),
                        r.getString("sha256"));
        RecordingInfo recording = r.getString("recording_asset_id") == null
                ? null
                : new RecordingInfo(r.getString("recording_asset_id"), r.getString("recording_file_name"));
        return new SubmissionView(
                learnerId,
                r.getString("answer_text"),
                doc,
                recording,
                r.getInt("revision"),
                r.getTimestamp("submitted_at").toInstant());
    }

    /** From the columns {@link #GRADE_COLUMNS}. */
    private static GradeRow grade(ResultSet r) throws SQLException {
        List<Integer> points;
        try (var reader = Jsonp.reader(r.getString("points"))) {
            points = reader.readArray().getValuesAs(JsonNumber.class).stream()
                    .map(JsonNumber::intValue)
                    .toList();
        }
        return new GradeRow(
                r.getLong("task_id"),
                r.getLong("learner_id"),
                points,
                r.getInt("awarded"),
                r.getInt("max_points"),
                r.getString("comment"),
                r.getTimestamp("graded_at").toInstant(),
                r.getLong("graded_by"));
    }

    private static GradeView view(GradeRow r, Map<Long, String> graders) {
        return new GradeView(
                r.points(), r.awarded(), r.maxPoints(), r.comment(), r.gradedAt(), graders.get(r.gradedBy()));
    }

    // ---- accounts (identity's entity, read through JPA)

    /** The learners with these ids, by username. */
    public List<Learner> learners(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids ORDER BY a.username", Account.class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(a -> new Learner(a.id(), a.username(), a.fullName()))
                .toList();
    }

    /** The full names of these accounts, by id. */
    private Map<Long, String> fullNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids", Account.class)
                    .setParameter("ids", new TreeSet<>(ids))
                    .getResultStream()
                    .forEach(a -> names.put(a.id(), a.fullName()));
        }
        return names;
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    // ---- the rubric's column

    static String rubricJson(List<Criterion> rubric) {
        JsonArrayBuilder a = Jsonp.array();
        for (Criterion c : rubric) {
            a.add(Jsonp.object()
                    .add("criterion", c.criterion().strip())
                    .add("points", c.points())
                    .add(
                            "descriptor",
                            c.descriptor() == null ? "" : c.descriptor().strip()));
        }
        return a.build().toString();
    }

    static List<Criterion> rubric(String json) {
        try (var r = Jsonp.reader(json)) {
            return r.readArray().stream()
                    .map(JsonValue::asJsonObject)
                    .map((JsonObject o) ->
                            new Criterion(o.getString("criterion"), o.getInt("points"), o.getString("descriptor", "")))
                    .toList();
        }
    }
}
