package cn.imtp.lms.assessment.control;

import cn.imtp.lms.assessment.control.PracticalScore.Criterion;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.catalogue.entity.PracticalContentEntry;
import cn.imtp.lms.catalogue.entity.PracticalContentEntry.Form;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.documents.Document;
import cn.imtp.lms.documents.ExportTable;
import cn.imtp.platform.text.Words;
import cn.imtp.lms.plan.entity.TrainingPlan;
import cn.imtp.lms.resourcepack.control.MediaTickets;
import cn.imtp.platform.json.Jsonp;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Practical exams (操作技能考核) of a class: one task per row of the practical blueprint of section 2.3 for the
 * class plan's level and job type (content, form, minutes, importance X/Y, weight). Teachers write each task's
 * instructions and rubric; learners hand in a text answer and, for hands-on (实操) tasks, a document and a
 * recorded video (through the media pipeline) while the exam is open; teachers grade each task by its rubric with a comment, and the exam's score follows the
 * blueprint's weights ({@link PracticalScore}). A task's rubric is fixed by its first grade; graded work can no
 * longer be changed by the learner; every grade and regrade is audited.
 */
@ApplicationScoped
public class Practicals {

    static final int MAX_ANSWER_CHARS = 20_000;

    public record NewPractical(String title, Instant opensAt, Instant closesAt, Integer passMark) {
    }

    public record TaskEdit(String instructions, List<Criterion> rubric) {
    }

    public record Answer(String text) {
    }

    public record Grade(List<Integer> points, String comment) {
    }

    public record DocumentInfo(String fileName, String contentType, int sizeBytes, String sha256) {
    }

    /** A recorded work's media asset (its processing is followed, and it is played, through {@link MediaTickets}). */
    public record RecordingInfo(String assetId, String fileName) {
    }

    public record NewRecording(String fileName, Long size) {
    }

    @JsonbNillable
    public record GradeView(List<Integer> points, int awarded, int maxPoints, String comment, Instant gradedAt, String gradedBy) {
    }

    @JsonbNillable
    public record SubmissionView(long learnerId, String text, DocumentInfo document, RecordingInfo recording, int revision, Instant submittedAt) {
    }

    /** A learner's work on a task and its grade; either may be missing. */
    @JsonbNillable
    public record Work(long taskId, long learnerId, SubmissionView submission, GradeView grade) {
    }

    @JsonbNillable
    public record TaskView(long id, int position, String moduleCode, String moduleName, int moduleWeight, String contentCode,
                           String contentName, int weight, Form form, int minutes, String importance, String instructions,
                           List<Criterion> rubric, int maxPoints, boolean rubricFixed, Work mine) {
    }

    @JsonbNillable
    public record PracticalView(long id, long classId, String className, String title, String section, Level level, JobType jobType,
                                Instant opensAt, Instant closesAt, boolean open, int passMark, int totalMinutes, List<TaskView> tasks,
                                PracticalScore.Total myTotal) {
    }

    /** One learner's line in the grading table: their work per task (in task order) and the total. */
    public record LearnerRow(long learnerId, String username, String fullName, List<Work> tasks, PracticalScore.Total total) {
    }

    /** A learner's standing in one practical exam of the class, for the learning archive. */
    public record LearnerResult(long examId, String title, PracticalScore.Total total) {
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    AuditLog audit;

    @Inject
    AssessmentSettings settings;

    @Inject
    MediaTickets tickets;

    @Inject
    @ConfigProperty(name = "lms.assessment.recording-max-bytes")
    long recordingMaxBytes;

    @Inject
    @ConfigProperty(name = "lms.assessment.learner-recording-quota-bytes")
    long recordingQuotaBytes;

    @Inject
    @ConfigProperty(name = "lms.assessment.practical-file-max-bytes")
    int fileMaxBytes;

    /** The most bytes a handed-in document may have; the boundary reads one more to know a file is too large. */
    public int fileMaxBytes() {
        return fileMaxBytes;
    }

    /** Sets up a practical exam from the blueprint of the class plan's level and job type (teachers of the class, administrators). */
    @Transactional
    public PracticalView create(long classId, NewPractical n, Caller caller, String address) {
        TrainingClass c = classes.visible(classId, caller);
        if (n == null) {
            throw PlatformException.invalid(new Words("请以 JSON 格式发送操作技能考核信息：标题、开始时间、结束时间和及格分。",
                    "Send {\"title\", \"opensAt\", \"closesAt\", \"passMark\"}."), List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        if (n.title() == null || n.title().isBlank() || n.title().length() > 200) {
            errors.add(new FieldError("title", new Words("必填，最多 200 个字符", "required, at most 200 characters")));
        }
        if (n.opensAt() == null || n.closesAt() == null || !n.opensAt().isBefore(n.closesAt()) || !n.closesAt().isAfter(Instant.now())) {
            errors.add(new FieldError("closesAt", new Words("请填写开始时间和结束时间（ISO-8601 格式），开始时间须早于结束时间，结束时间须在将来",
                    "opensAt and closesAt (ISO-8601 instants) with opensAt before closesAt, closesAt in the future")));
        }
        int passMark = n.passMark() == null ? settings.passMark() : n.passMark();
        if (passMark < 1 || passMark > 100) {
            errors.add(new FieldError("passMark", new Words("须为 1 至 100（操作技能考核百分制成绩的分数）", "from 1 to 100 (points of the 100-point practical score)")));
        }
        TrainingPlan plan = c.plan();
        List<PracticalContentEntry> rows = plan.level() == null ? List.of() : plan.edition().practicals().stream()
                .filter(p -> p.level() == plan.level() && p.jobType() == plan.jobType()).toList();
        if (rows.isEmpty()) {
            errors.add(new FieldError("classId", new Words("该班级的培训计划没有操作技能考核方案（第 2.3 节按等级和职业方向各给出一套，基础课程没有）："
                    + "只有培训计划为技能课程的班级才能设置操作技能考核",
                    "the class's plan has no practical blueprint (section 2.3 gives one per level and job type;"
                    + " the basic course has none): practical exams belong to classes whose plan is a skill course")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("操作技能考核未创建。", "The practical exam was not created."), errors);
        }
        Instant now = Instant.now();
        em.createNativeQuery("INSERT INTO practical_exam (class_id, title, section, opens_at, closes_at, pass_mark, created_by, created_at)"
                        + " VALUES (?,?,?,?,?,?,?,?)").setParameter(1, classId).setParameter(2, n.title().strip())
                .setParameter(3, rows.get(0).section()).setParameter(4, Timestamp.from(n.opensAt())).setParameter(5, Timestamp.from(n.closesAt()))
                .setParameter(6, passMark).setParameter(7, caller.accountId()).setParameter(8, Timestamp.from(now)).executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        int position = 0;
        for (PracticalContentEntry r : rows.stream().sorted(Comparator.comparingInt(PracticalContentEntry::position)).toList()) {
            // A first rubric the teacher refines: the content as one criterion worth its weight.
            List<Criterion> rubric = List.of(new Criterion("完成「" + r.contentName() + "」", r.contentWeight(), "按操作技能考核规范完成该项内容"));
            em.createNativeQuery("INSERT INTO practical_task (exam_id, position, module_code, module_name, module_weight, content_code,"
                            + " content_name, weight, form, minutes, importance, instructions, rubric) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                    .setParameter(1, id).setParameter(2, ++position).setParameter(3, r.moduleCode()).setParameter(4, r.moduleName())
                    .setParameter(5, r.moduleWeight()).setParameter(6, r.contentCode()).setParameter(7, r.contentName())
                    .setParameter(8, r.contentWeight()).setParameter(9, r.form().name()).setParameter(10, r.minutes())
                    .setParameter(11, r.importance()).setParameter(12, "").setParameter(13, rubricJson(rubric)).executeUpdate();
        }
        audit.record(caller, "PRACTICAL_EXAM_CREATED", null, "class " + classId + ", practical exam " + id + ": " + n.title().strip(), address);
        return view(id, caller, plan);
    }

    /** The class's practical exams, newest first; a learner sees their own work and grades in each. */
    @Transactional
    public List<PracticalView> ofClass(long classId, Caller caller) {
        TrainingPlan plan = classes.visible(classId, caller).plan();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM practical_exam WHERE class_id = ? ORDER BY id DESC").setParameter(1, classId)
                .getResultList();
        return ids.stream().map(id -> view(id.longValue(), caller, plan)).toList();
    }

    @Transactional
    public PracticalView get(long examId, Caller caller) {
        return view(examId, caller, exam(examId, caller).plan());
    }

    /** Changes a task's instructions and rubric (teachers of the class, administrators) until the task's first grade. */
    @Transactional
    public TaskView editTask(long examId, long taskId, TaskEdit e, Caller caller, String address) {
        exam(examId, caller);
        lockTask(examId, taskId);
        if (e == null) {
            throw PlatformException.invalid(new Words("请以 JSON 格式发送考核任务的说明和评分标准（每条含评分项、分值和评分说明）。",
                    "Send {\"instructions\", \"rubric\": [{\"criterion\", \"points\", \"descriptor\"}]}."), List.of());
        }
        List<FieldError> errors = new ArrayList<>(PracticalScore.check(e.rubric()));
        if (e.instructions() != null && e.instructions().length() > 4000) {
            errors.add(new FieldError("instructions", new Words("最多 4000 个字符", "at most 4000 characters")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("考核任务未修改。", "The task was not changed."), errors);
        }
        Number graded = (Number) em.createNativeQuery("SELECT COUNT(*) FROM practical_grade WHERE task_id = ?").setParameter(1, taskId)
                .getSingleResult();
        if (graded.intValue() > 0) {
            throw PlatformException.conflict(new Words("考核任务 " + taskId + " 已按其评分标准评分 " + graded + " 次，为使每位学员按同一标准评分，评分标准已不能修改。"
                    + "如需使用其他评分标准，请新建一场操作技能考核。", "Task " + taskId + " has been graded with its rubric " + graded + " time(s); the rubric is fixed"
                    + " so that every learner is graded alike. Set up a new practical exam to use another rubric."));
        }
        em.createNativeQuery("UPDATE practical_task SET instructions = ?, rubric = ? WHERE id = ?")
                .setParameter(1, e.instructions() == null ? "" : e.instructions().strip()).setParameter(2, rubricJson(e.rubric()))
                .setParameter(3, taskId).executeUpdate();
        audit.record(caller, "PRACTICAL_TASK_EDITED", null, "practical exam " + examId + ", task " + taskId, address);
        return tasks(examId, null).stream().filter(t -> t.id() == taskId).findFirst().orElseThrow();
    }

    /** A learner's text answer to a task, while the exam is open and the work is not graded. */
    @Transactional
    public Work answer(long examId, long taskId, Answer a, Caller learner) {
        String text = a == null || a.text() == null ? "" : a.text().strip();
        if (text.isEmpty() || text.length() > MAX_ANSWER_CHARS) {
            throw PlatformException.invalid(new Words("答案未保存。", "The answer was not saved."),
                    List.of(new FieldError("text", new Words("须为 1 至 " + MAX_ANSWER_CHARS + " 个字符", "1 to " + MAX_ANSWER_CHARS + " characters"))));
        }
        handIn(examId, taskId, learner, false);
        em.createNativeQuery("INSERT INTO practical_submission (task_id, learner_id, answer_text, revision, submitted_at) VALUES (?,?,?,1,?)"
                        + " ON DUPLICATE KEY UPDATE answer_text = VALUES(answer_text), revision = revision + 1, submitted_at = VALUES(submitted_at)")
                .setParameter(1, taskId).setParameter(2, learner.accountId()).setParameter(3, text).setParameter(4, Timestamp.from(Instant.now()))
                .executeUpdate();
        return work(taskId, learner.accountId());
    }

    /** A learner's document for a hands-on task (PDF, JPEG or PNG, checked by its bytes), while the exam is open and the work is not graded. */
    @Transactional
    public Work attach(long examId, long taskId, String fileName, byte[] content, Caller learner) {
        handIn(examId, taskId, learner, true);
        Document d = Document.checked(fileName, content, fileMaxBytes, "file", "work");
        em.createNativeQuery("INSERT INTO practical_submission (task_id, learner_id, file_name, content_type, size_bytes, sha256, content, revision,"
                        + " submitted_at) VALUES (?,?,?,?,?,?,?,1,?) ON DUPLICATE KEY UPDATE file_name = VALUES(file_name),"
                        + " content_type = VALUES(content_type), size_bytes = VALUES(size_bytes), sha256 = VALUES(sha256), content = VALUES(content),"
                        + " revision = revision + 1, submitted_at = VALUES(submitted_at)")
                .setParameter(1, taskId).setParameter(2, learner.accountId()).setParameter(3, d.fileName()).setParameter(4, d.contentType())
                .setParameter(5, content.length).setParameter(6, d.sha256()).setParameter(7, content).setParameter(8, Timestamp.from(Instant.now()))
                .executeUpdate();
        return work(taskId, learner.accountId());
    }

    /** A learner's handed-in document: the learner's own, or any of the class for its teachers and administrators. */
    @Transactional
    public Document document(long examId, long taskId, long learnerId, Caller caller) {
        exam(examId, caller);
        task(examId, taskId);
        if (caller.role() == Role.LEARNER && learnerId != caller.accountId()) {
            throw PlatformException.notFound(new Words("学员 " + learnerId + " 的文件不存在。", "Document of learner " + learnerId + " does not exist."));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT file_name, content_type, content, sha256 FROM practical_submission"
                + " WHERE task_id = ? AND learner_id = ? AND content IS NOT NULL").setParameter(1, taskId).setParameter(2, learnerId).getResultList();
        if (rows.isEmpty()) {
            throw PlatformException.notFound(new Words("学员 " + learnerId + " 在考核任务 " + taskId + " 中的文件不存在。",
                    "Document of learner " + learnerId + " for task " + taskId + " does not exist."));
        }
        Object[] r = rows.get(0);
        return new Document((String) r[0], (String) r[1], (byte[]) r[2], (String) r[3]);
    }

    /**
     * Starts a learner's recording of their work on a hands-on task (a video, uploaded in parts straight to
     * storage and transcoded like a lesson video): a new media asset that replaces the earlier recording (whose files
     * media-service then removes), and the ticket to upload it. While the exam is open and the work is not graded.
     */
    @Transactional
    public MediaTickets.Upload record(long examId, long taskId, NewRecording r, Caller learner) {
        if (r == null || r.fileName() == null || r.fileName().isBlank() || r.fileName().length() > 255 || r.size() == null || r.size() <= 0) {
            throw PlatformException.invalid(new Words("无法开始上传录像。", "The recording cannot start."), List.of(new FieldError("fileName",
                    new Words("请提供视频的文件名（最多 255 个字符）及其大小（字节）", "give the video's file name (at most 255 characters) and its size in bytes"))));
        }
        handIn(examId, taskId, learner, true);
        long allowed = recordingAllowance(taskId, learner);
        if (r.size() > allowed) {
            throw new PlatformException(413, "too-large", "Too large", new Words("录像超过允许的大小（此处最多 " + allowed
                    + " 字节），请录制更短或更小的视频。", "A recording may have at most " + allowed + " bytes here (at most " + recordingMaxBytes
                    + " bytes each and " + recordingQuotaBytes + " bytes for all of a learner's recordings); record a shorter or smaller video."));
        }
        UUID asset = UUID.randomUUID();
        // The recording this one replaces is released: media-service refuses its grants and removes its files.
        @SuppressWarnings("unchecked")
        List<String> replaced = em.createNativeQuery("SELECT recording_asset_id FROM practical_submission"
                        + " WHERE task_id = ? AND learner_id = ? AND recording_asset_id IS NOT NULL")
                .setParameter(1, taskId).setParameter(2, learner.accountId()).getResultList();
        tickets.release(replaced.stream().map(UUID::fromString).toList());
        em.createNativeQuery("INSERT INTO practical_submission (task_id, learner_id, recording_asset_id, recording_file_name, revision, submitted_at)"
                        + " VALUES (?,?,?,?,1,?) ON DUPLICATE KEY UPDATE recording_asset_id = VALUES(recording_asset_id),"
                        + " recording_file_name = VALUES(recording_file_name), revision = revision + 1, submitted_at = VALUES(submitted_at)")
                .setParameter(1, taskId).setParameter(2, learner.accountId()).setParameter(3, asset.toString()).setParameter(4, r.fileName().strip())
                .setParameter(5, Timestamp.from(Instant.now())).executeUpdate();
        return tickets.upload(asset, "VIDEO", learner, r.size());
    }

    /**
     * A fresh upload grant for the recording the learner started on this task, so that an upload cut off (a page
     * reload, a grant that expired on a slow line) resumes where it stopped instead of starting over; the same
     * rules as starting one. 404 when the learner has started none.
     */
    @Transactional
    public MediaTickets.Upload recordingGrant(long examId, long taskId, Caller learner) {
        handIn(examId, taskId, learner, true);
        SubmissionView s = work(taskId, learner.accountId()).submission();
        if (s == null || s.recording() == null) {
            throw PlatformException.notFound(new Words("考核任务 " + taskId + " 尚未开始上传录像，请先开始上传。",
                    "Recording started for task " + taskId + "; start one with POST …/recording does not exist."));
        }
        return tickets.upload(UUID.fromString(s.recording().assetId()), "VIDEO", learner, recordingAllowance(taskId, learner));
    }

    /**
     * The largest recording the learner may upload for this task: the limit for one recording, and what is left of the
     * learner's quota once the learner's other current recordings (this task's is replaced) are counted.
     */
    private long recordingAllowance(long taskId, Caller learner) {
        long used = ((Number) em.createNativeQuery("SELECT COALESCE(SUM(a.declared_bytes), 0) FROM practical_submission s"
                        + " JOIN media_asset a ON a.id = s.recording_asset_id WHERE s.learner_id = ? AND s.task_id <> ?"
                        + " AND a.state IN ('UPLOADING', 'PROCESSING', 'READY')")
                .setParameter(1, learner.accountId()).setParameter(2, taskId).getSingleResult()).longValue();
        return Math.max(0, Math.min(recordingMaxBytes, recordingQuotaBytes - used));
    }

    /** A learner's recording, to watch: the learner's own, or any of the class for its teachers and administrators. */
    @Transactional
    public MediaTickets.View recording(long examId, long taskId, long learnerId, Caller caller) {
        exam(examId, caller);
        task(examId, taskId);
        if (caller.role() == Role.LEARNER && learnerId != caller.accountId()) {
            throw PlatformException.notFound(new Words("学员 " + learnerId + " 的录像不存在。", "Recording of learner " + learnerId + " does not exist."));
        }
        SubmissionView s = work(taskId, learnerId).submission();
        if (s == null || s.recording() == null) {
            throw PlatformException.notFound(new Words("学员 " + learnerId + " 在考核任务 " + taskId + " 中的录像不存在。",
                    "Recording of learner " + learnerId + " for task " + taskId + " does not exist."));
        }
        return tickets.view(UUID.fromString(s.recording().assetId()), "VIDEO", caller);
    }

    /** Grades (or regrades) a learner's work on a task by its rubric (teachers of the class, administrators); audited. */
    @Transactional
    public Work grade(long examId, long taskId, long learnerId, Grade g, Caller caller, String address) {
        TrainingClass c = exam(examId, caller);
        if (caller.role() == Role.LEARNER) {
            throw new PlatformException(403, "forbidden", "Forbidden", new Words("只有该班级的教师和管理员可以评分。",
                    "Only the class's teachers and administrators grade."));
        }
        List<Criterion> rubric = lockTask(examId, taskId).rubric();
        if (!c.learnerIds().contains(learnerId)) {
            throw PlatformException.notFound(new Words("班级 " + c.id() + " 中没有学员 " + learnerId + "。",
                    "Learner " + learnerId + " in class " + c.id() + " does not exist."));
        }
        if (g == null) {
            throw PlatformException.invalid(new Words("请以 JSON 格式发送评分：每条评分标准一个分数，以及评语。",
                    "Send {\"points\": [one per criterion], \"comment\"}."), List.of());
        }
        List<FieldError> errors = new ArrayList<>(PracticalScore.check(rubric, g.points()));
        if (g.comment() != null && g.comment().length() > 2000) {
            errors.add(new FieldError("comment", new Words("最多 2000 个字符", "at most 2000 characters")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("评分未保存；该评分标准共有 " + rubric.size() + " 条。",
                    "The grade was not saved; the rubric has " + rubric.size() + " criteria."), errors);
        }
        Work before = work(taskId, learnerId);
        int awarded = g.points().stream().mapToInt(Integer::intValue).sum();
        JsonArrayBuilder points = Jsonp.array();
        g.points().forEach(points::add);
        em.createNativeQuery("INSERT INTO practical_grade (task_id, learner_id, points, awarded, max_points, comment, graded_by, graded_at)"
                        + " VALUES (?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE points = VALUES(points), awarded = VALUES(awarded),"
                        + " max_points = VALUES(max_points), comment = VALUES(comment), graded_by = VALUES(graded_by), graded_at = VALUES(graded_at)")
                .setParameter(1, taskId).setParameter(2, learnerId).setParameter(3, points.build().toString()).setParameter(4, awarded)
                .setParameter(5, PracticalScore.maxPoints(rubric)).setParameter(6, g.comment() == null || g.comment().isBlank() ? null
                        : g.comment().strip()).setParameter(7, caller.accountId()).setParameter(8, Timestamp.from(Instant.now())).executeUpdate();
        audit.record(caller, before.grade() == null ? "PRACTICAL_GRADED" : "PRACTICAL_REGRADED", learnerId, "practical exam " + examId + ", task "
                + taskId + ": " + awarded + "/" + PracticalScore.maxPoints(rubric) + (before.grade() == null ? "" : " (was "
                + before.grade().awarded() + ")"), address);
        return work(taskId, learnerId);
    }

    /** Every learner of the class with their work per task and their score (teachers of the class, administrators). */
    @Transactional
    public List<LearnerRow> results(long examId, Caller caller) {
        TrainingClass c = exam(examId, caller);
        if (caller.role() == Role.LEARNER) {
            throw new PlatformException(403, "forbidden", "Forbidden", new Words("学员请在考核页面中查看自己的作答。",
                    "Learners see their own work in the exam itself."));
        }
        List<TaskView> tasks = tasks(examId, null);
        Map<Long, Map<Long, Work>> works = works(examId, null);
        int passMark = passMark(examId);
        @SuppressWarnings("unchecked")
        List<Object[]> learners = c.learnerIds().isEmpty() ? List.of() : em.createNativeQuery("SELECT id, username, full_name FROM account WHERE id IN ("
                + String.join(",", c.learnerIds().stream().map(String::valueOf).toList()) + ") ORDER BY username").getResultList();
        return learners.stream().map(l -> {
            long id = ((Number) l[0]).longValue();
            Map<Long, Work> mine = works.getOrDefault(id, Map.of());
            List<Work> row = tasks.stream().map(t -> mine.getOrDefault(t.id(), new Work(t.id(), id, null, null))).toList();
            return new LearnerRow(id, (String) l[1], (String) l[2], row, total(tasks, mine, passMark));
        }).toList();
    }

    /** The results as a table: one line per learner, the points per task, the score and pass or fail. */
    @Transactional
    public ExportTable export(long examId, Caller caller) {
        List<LearnerRow> rows = results(examId, caller);
        List<TaskView> tasks = tasks(examId, null);
        List<Words> header = new ArrayList<>(List.of(new Words("学员账号", "username"), new Words("姓名", "full name")));
        tasks.forEach(t -> {
            String task = t.contentCode() + " " + t.contentName() + " (" + t.weight() + "%)";
            header.add(new Words(task, task));
        });
        header.addAll(List.of(new Words("得分（百分制）", "score (of 100)"), new Words("是否及格", "passed")));
        List<List<Object>> out = new ArrayList<>();
        for (LearnerRow r : rows) {
            List<Object> line = new ArrayList<>(List.of(r.username(), r.fullName()));
            r.tasks().forEach(w -> line.add(w.grade() == null ? (w.submission() == null ? "" : new Words("已提交，待评分", "handed in"))
                    : w.grade().awarded() + "/" + w.grade().maxPoints()));
            line.add(r.total().score() == null ? "" : r.total().score());
            line.add(r.total().passed() == null ? "" : Words.yesNo(r.total().passed()));
            out.add(line);
        }
        String title = (String) em.createNativeQuery("SELECT title FROM practical_exam WHERE id = ?").setParameter(1, examId).getSingleResult();
        return new ExportTable(new Words("实操考核 " + examId + " " + title, "practical " + examId + " " + title), header, out);
    }

    /** The learner's standing in each practical exam of the class (the learning archive). */
    @Transactional
    public List<LearnerResult> resultsOf(long classId, long learnerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> exams = em.createNativeQuery("SELECT id, title, pass_mark FROM practical_exam WHERE class_id = ? ORDER BY id")
                .setParameter(1, classId).getResultList();
        return exams.stream().map(e -> {
            long id = ((Number) e[0]).longValue();
            List<TaskView> tasks = tasks(id, null);
            return new LearnerResult(id, (String) e[1], total(tasks, works(id, learnerId).getOrDefault(learnerId, Map.of()),
                    ((Number) e[2]).intValue()));
        }).toList();
    }

    // ---- the pieces

    /** The exam's class if the caller may see it (its learners, teachers, administrators); otherwise 404. */
    private TrainingClass exam(long examId, Caller caller) {
        List<?> rows = em.createNativeQuery("SELECT class_id FROM practical_exam WHERE id = ?").setParameter(1, examId).getResultList();
        if (rows.isEmpty()) {
            throw PlatformException.notFound(new Words("操作技能考核", "Practical exam"), examId);
        }
        try {
            return classes.visible(((Number) rows.get(0)).longValue(), caller);
        } catch (PlatformException e) {
            throw PlatformException.notFound(new Words("操作技能考核", "Practical exam"), examId);
        }
    }

    private Form task(long examId, long taskId) {
        List<?> rows = em.createNativeQuery("SELECT form FROM practical_task WHERE id = ? AND exam_id = ?").setParameter(1, taskId)
                .setParameter(2, examId).getResultList();
        if (rows.isEmpty()) {
            throw PlatformException.notFound(new Words("操作技能考核 " + examId + " 的考核任务", "Task of practical exam " + examId), taskId);
        }
        return Form.valueOf((String) rows.get(0));
    }

    /** A task as locked for a change: its rubric and its form. */
    private record LockedTask(List<Criterion> rubric, Form form) {
    }

    /** Locks the task (hand-ins, grades and rubric changes of a task take turns) and gives its rubric and form. */
    private LockedTask lockTask(long examId, long taskId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT rubric, form FROM practical_task WHERE id = ? AND exam_id = ? FOR UPDATE")
                .setParameter(1, taskId).setParameter(2, examId).getResultList();
        if (rows.isEmpty()) {
            throw PlatformException.notFound(new Words("操作技能考核 " + examId + " 的考核任务", "Task of practical exam " + examId), taskId);
        }
        return new LockedTask(rubric((String) rows.get(0)[0]), Form.valueOf((String) rows.get(0)[1]));
    }

    /** Checks that the learner may hand in work on the task now. */
    private void handIn(long examId, long taskId, Caller learner, boolean document) {
        if (learner.role() != Role.LEARNER) {
            throw new PlatformException(403, "forbidden", "Forbidden", new Words("只有学员可以提交作答。", "Only learners hand in work."));
        }
        exam(examId, learner);
        if (document && lockTask(examId, taskId).form() == Form.WRITTEN) {
            throw PlatformException.invalid(new Words("文件未被接受。", "The file was not accepted."), List.of(new FieldError("file",
                    new Words("这是笔试任务，请以文字作答；文件和录像仅用于实操任务",
                            "this is a written (笔试) task: answer it with text; documents and recordings are handed in for hands-on (实操) tasks"))));
        }
        Object[] window = (Object[]) em.createNativeQuery("SELECT opens_at, closes_at FROM practical_exam WHERE id = ?").setParameter(1, examId)
                .getSingleResult();
        Instant now = Instant.now();
        if (now.isBefore(((Timestamp) window[0]).toInstant()) || !now.isBefore(((Timestamp) window[1]).toInstant())) {
            throw PlatformException.conflict(new Words("只能在考核开放期间提交作答：" + ((Timestamp) window[0]).toInstant() + " 至 "
                    + ((Timestamp) window[1]).toInstant() + "。", "Work is handed in while the exam is open, from " + ((Timestamp) window[0]).toInstant() + " to "
                    + ((Timestamp) window[1]).toInstant() + "."));
        }
        if (work(taskId, learner.accountId()).grade() != null) {
            throw PlatformException.conflict(new Words("您在此任务上的作答已评分，不能再修改。", "Your work on this task has been graded; it can no longer be changed."));
        }
    }

    /** The exam as the caller sees it; {@code plan}: its class's, whose visibility the caller has already checked. */
    private PracticalView view(long examId, Caller caller, TrainingPlan plan) {
        Object[] e = (Object[]) em.createNativeQuery("SELECT e.class_id, c.name, e.title, e.section, e.opens_at, e.closes_at, e.pass_mark"
                + " FROM practical_exam e JOIN training_class c ON c.id = e.class_id WHERE e.id = ?").setParameter(1, examId).getSingleResult();
        Long learner = caller.role() == Role.LEARNER ? caller.accountId() : null;
        List<TaskView> tasks = tasks(examId, learner);
        Instant opens = ((Timestamp) e[4]).toInstant();
        Instant closes = ((Timestamp) e[5]).toInstant();
        Instant now = Instant.now();
        int passMark = ((Number) e[6]).intValue();
        PracticalScore.Total mine = learner == null ? null
                : total(tasks, tasks.stream().collect(Collectors.toMap(TaskView::id, TaskView::mine)), passMark);
        return new PracticalView(examId, ((Number) e[0]).longValue(), (String) e[1], (String) e[2], (String) e[3], plan.level(), plan.jobType(),
                opens, closes, !now.isBefore(opens) && now.isBefore(closes), passMark, tasks.stream().mapToInt(TaskView::minutes).sum(), tasks,
                mine);
    }

    /** The exam's tasks in blueprint order; with {@code learner}, each with that learner's work. */
    private List<TaskView> tasks(long examId, Long learner) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT t.id, t.position, t.module_code, t.module_name, t.module_weight, t.content_code,"
                + " t.content_name, t.weight, t.form, t.minutes, t.importance, t.instructions, t.rubric,"
                + " (SELECT COUNT(*) FROM practical_grade g WHERE g.task_id = t.id) FROM practical_task t WHERE t.exam_id = ? ORDER BY t.position")
                .setParameter(1, examId).getResultList();
        Map<Long, Work> mine = learner == null ? Map.of() : works(examId, learner).getOrDefault(learner, Map.of());
        return rows.stream().map(r -> {
            long id = ((Number) r[0]).longValue();
            List<Criterion> rubric = rubric((String) r[12]);
            return new TaskView(id, ((Number) r[1]).intValue(), (String) r[2], (String) r[3], ((Number) r[4]).intValue(), (String) r[5],
                    (String) r[6], ((Number) r[7]).intValue(), Form.valueOf((String) r[8]), ((Number) r[9]).intValue(), (String) r[10],
                    (String) r[11], rubric, PracticalScore.maxPoints(rubric), ((Number) r[13]).intValue() > 0,
                    learner == null ? null : mine.getOrDefault(id, new Work(id, learner, null, null)));
        }).toList();
    }

    /** Work on the exam's tasks, by learner and task ({@code learner} null: every learner). */
    private Map<Long, Map<Long, Work>> works(long examId, Long learner) {
        String who = learner == null ? "" : " AND x.learner_id = " + learner;
        @SuppressWarnings("unchecked")
        List<Object[]> subs = em.createNativeQuery("SELECT x.task_id, x.learner_id, " + SUBMISSION_COLUMNS
                + " FROM practical_submission x JOIN practical_task t ON t.id = x.task_id WHERE t.exam_id = ?" + who)
                .setParameter(1, examId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> grades = em.createNativeQuery("SELECT x.task_id, x.learner_id, x.points, x.awarded, x.max_points, x.comment, x.graded_at,"
                + " a.full_name FROM practical_grade x JOIN practical_task t ON t.id = x.task_id JOIN account a ON a.id = x.graded_by"
                + " WHERE t.exam_id = ?" + who).setParameter(1, examId).getResultList();
        Map<Long, Map<Long, SubmissionView>> s = new HashMap<>();
        for (Object[] r : subs) {
            long learnerId = ((Number) r[1]).longValue();
            s.computeIfAbsent(learnerId, k -> new HashMap<>()).put(((Number) r[0]).longValue(), submission(learnerId, r, 2));
        }
        Map<Long, Map<Long, GradeView>> g = new HashMap<>();
        for (Object[] r : grades) {
            g.computeIfAbsent(((Number) r[1]).longValue(), k -> new HashMap<>()).put(((Number) r[0]).longValue(), grade(r, 2));
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

    private Work work(long taskId, long learnerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> subs = em.createNativeQuery("SELECT " + SUBMISSION_COLUMNS + " FROM practical_submission x WHERE x.task_id = ? AND x.learner_id = ?").setParameter(1, taskId).setParameter(2, learnerId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> grades = em.createNativeQuery("SELECT x.points, x.awarded, x.max_points, x.comment, x.graded_at, a.full_name"
                + " FROM practical_grade x JOIN account a ON a.id = x.graded_by WHERE x.task_id = ? AND x.learner_id = ?").setParameter(1, taskId)
                .setParameter(2, learnerId).getResultList();
        return new Work(taskId, learnerId, subs.isEmpty() ? null : submission(learnerId, subs.get(0), 0),
                grades.isEmpty() ? null : grade(grades.get(0), 0));
    }

    /** From the columns {@link #SUBMISSION_COLUMNS}, starting at {@code at}. */
    private static SubmissionView submission(long learnerId, Object[] r, int at) {
        DocumentInfo doc = r[at + 1] == null ? null : new DocumentInfo((String) r[at + 1], (String) r[at + 2], ((Number) r[at + 3]).intValue(),
                (String) r[at + 4]);
        RecordingInfo recording = r[at + 7] == null ? null : new RecordingInfo((String) r[at + 7], (String) r[at + 8]);
        return new SubmissionView(learnerId, (String) r[at], doc, recording, ((Number) r[at + 5]).intValue(), ((Timestamp) r[at + 6]).toInstant());
    }

    static final String SUBMISSION_COLUMNS = "x.answer_text, x.file_name, x.content_type, x.size_bytes, x.sha256, x.revision, x.submitted_at,"
            + " x.recording_asset_id, x.recording_file_name";

    private static GradeView grade(Object[] r, int at) {
        List<Integer> points;
        try (var reader = Jsonp.reader((String) r[at])) {
            points = reader.readArray().getValuesAs(JsonNumber.class).stream().map(JsonNumber::intValue).toList();
        }
        return new GradeView(points, ((Number) r[at + 1]).intValue(), ((Number) r[at + 2]).intValue(), (String) r[at + 3],
                ((Timestamp) r[at + 4]).toInstant(), (String) r[at + 5]);
    }

    private static PracticalScore.Total total(List<TaskView> tasks, Map<Long, Work> work, int passMark) {
        return PracticalScore.total(tasks.stream().map(t -> {
            GradeView g = work.containsKey(t.id()) ? work.get(t.id()).grade() : null;
            return new PracticalScore.Task(t.weight(), g == null ? null : g.awarded(), g == null ? t.maxPoints() : g.maxPoints());
        }).toList(), passMark);
    }

    private int passMark(long examId) {
        return ((Number) em.createNativeQuery("SELECT pass_mark FROM practical_exam WHERE id = ?").setParameter(1, examId).getSingleResult())
                .intValue();
    }

    private static java.util.Set<Long> union(java.util.Set<Long> a, java.util.Set<Long> b) {
        java.util.Set<Long> u = new java.util.TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    static String rubricJson(List<Criterion> rubric) {
        JsonArrayBuilder a = Jsonp.array();
        for (Criterion c : rubric) {
            a.add(Jsonp.object().add("criterion", c.criterion().strip()).add("points", c.points())
                    .add("descriptor", c.descriptor() == null ? "" : c.descriptor().strip()));
        }
        return a.build().toString();
    }

    static List<Criterion> rubric(String json) {
        try (var r = Jsonp.reader(json)) {
            return r.readArray().stream().map(JsonValue::asJsonObject)
                    .map((JsonObject o) -> new Criterion(o.getString("criterion"), o.getInt("points"), o.getString("descriptor", ""))).toList();
        }
    }
}
