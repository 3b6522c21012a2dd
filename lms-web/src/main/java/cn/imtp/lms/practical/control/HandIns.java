package cn.imtp.lms.practical.control;

import cn.imtp.lms.application.ChinaTime;
import cn.imtp.lms.catalogue.entity.PracticalContentEntry.Form;
import cn.imtp.lms.documents.Document;
import cn.imtp.lms.practical.control.Work.SubmissionView;
import cn.imtp.lms.resourcepack.control.MediaTickets;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Learners' work on a practical exam's tasks: a text answer, and for hands-on (实操) tasks a document and a recorded
 * video (through the media pipeline), handed in while the exam is open and the work is not graded; and the handed-in
 * documents and recordings, for the learner and the class's teachers.
 */
@ApplicationScoped
public class HandIns {

    static final int MAX_ANSWER_CHARS = 20_000;

    public record Answer(String text) {}

    public record NewRecording(String fileName, Long size) {}

    @Inject
    Practicals practicals;

    @Inject
    PracticalStore store;

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

    /** A learner's text answer to a task, while the exam is open and the work is not graded. */
    @Transactional
    public Work answer(long examId, long taskId, Answer a, Caller learner) {
        String text = a == null || a.text() == null ? "" : a.text().strip();
        if (text.isEmpty() || text.length() > MAX_ANSWER_CHARS) {
            throw PlatformException.invalid(
                    new Words("答案未保存。", "The answer was not saved."),
                    List.of(new FieldError(
                            "text",
                            new Words(
                                    "须为 1 至 " + MAX_ANSWER_CHARS + " 个字符",
                                    "1 to " + MAX_ANSWER_CHARS + " characters"))));
        }
        handIn(examId, taskId, learner, false);
        store.saveAnswer(taskId, learner.accountId(), text);
        return store.work(taskId, learner.accountId());
    }

    /** A learner's document for a hands-on task (PDF, JPEG or PNG, checked by its bytes), while the exam is open and the work is not graded. */
    @Transactional
    public Work attach(long examId, long taskId, String fileName, byte[] content, Caller learner) {
        handIn(examId, taskId, learner, true);
        Document d = Document.checked(fileName, content, fileMaxBytes, "file", "work");
        store.saveDocument(taskId, learner.accountId(), d, content);
        return store.work(taskId, learner.accountId());
    }

    /** A learner's handed-in document: the learner's own, or any of the class for its teachers and administrators. */
    @Transactional
    public Document document(long examId, long taskId, long learnerId, Caller caller) {
        practicals.exam(examId, caller);
        practicals.task(examId, taskId);
        if (caller.role() == Role.LEARNER && learnerId != caller.accountId()) {
            throw PlatformException.notFound(
                    new Words("学员 " + learnerId + " 的文件不存在。", "Document of learner " + learnerId + " does not exist."));
        }
        Document d = store.document(taskId, learnerId);
        if (d == null) {
            throw PlatformException.notFound(new Words(
                    "学员 " + learnerId + " 在考核任务 " + taskId + " 中的文件不存在。",
                    "Document of learner " + learnerId + " for task " + taskId + " does not exist."));
        }
        return d;
    }

    /**
     * Starts a learner's recording of their work on a hands-on task (a video, uploaded in parts straight to
     * storage and transcoded like a lesson video): a new media asset that replaces the earlier recording (whose files
     * media-service then removes), and the ticket to upload it. While the exam is open and the work is not graded.
     */
    @Transactional
    public MediaTickets.Upload record(long examId, long taskId, NewRecording r, Caller learner) {
        if (r == null
                || r.fileName() == null
                || r.fileName().isBlank()
                || r.fileName().length() > 255
                || r.size() == null
                || r.size() <= 0) {
            throw PlatformException.invalid(
                    new Words("无法开始上传录像。", "The recording cannot start."),
                    List.of(new FieldError(
                            "fileName",
                            new Words(
                                    "请提供视频的文件名（最多 255 个字符）及其大小（字节）",
                                    "give the video's file name (at most 255 characters) and its size in bytes"))));
        }
        handIn(examId, taskId, learner, true);
        long allowed = recordingAllowance(taskId, learner);
        if (r.size() > allowed) {
            throw new PlatformException(
                    413,
                    "too-large",
                    "Too large",
                    new Words(
                            "录像超过允许的大小（此处最多 " + allowed + " 字节），请录制更短或更小的视频。",
                            "A recording may have at most " + allowed + " bytes here (at most " + recordingMaxBytes
                                    + " bytes each and " + recordingQuotaBytes
                                    + " bytes for all of a learner's recordings); record a shorter or smaller video."));
        }
        UUID asset = UUID.randomUUID();
        // The recording this one replaces is released: media-service refuses its grants and removes its files.
        List<String> replaced = store.recordingAssets(taskId, learner.accountId());
        tickets.release(replaced.stream().map(UUID::fromString).toList());
        store.saveRecording(
                taskId, learner.accountId(), asset.toString(), r.fileName().strip());
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
        SubmissionView s = store.work(taskId, learner.accountId()).submission();
        if (s == null || s.recording() == null) {
            throw PlatformException.notFound(new Words(
                    "考核任务 " + taskId + " 尚未开始上传录像，请先开始上传。",
                    "Recording started for task " + taskId + "; start one with POST …/recording does not exist."));
        }
        return tickets.upload(
                UUID.fromString(s.recording().assetId()), "VIDEO", learner, recordingAllowance(taskId, learner));
    }

    /**
     * The largest recording the learner may upload for this task: the limit for one recording, and what is left of the
     * learner's quota once the learner's other current recordings (this task's is replaced) are counted.
     */
    private long recordingAllowance(long taskId, Caller learner) {
        long used = store.recordingBytes(learner.accountId(), taskId);
        return Math.max(0, Math.min(recordingMaxBytes, recordingQuotaBytes - used));
    }

    /** A learner's recording, to watch: the learner's own, or any of the class for its teachers and administrators. */
    @Transactional
    public MediaTickets.View recording(long examId, long taskId, long learnerId, Caller caller) {
        practicals.exam(examId, caller);
        practicals.task(examId, taskId);
        if (caller.role() == Role.LEARNER && learnerId != caller.accountId()) {
            throw PlatformException.notFound(new Words(
                    "学员 " + learnerId + " 的录像不存在。", "Recording of learner " + learnerId + " does not exist."));
        }
        SubmissionView s = store.work(taskId, learnerId).submission();
        if (s == null || s.recording() == null) {
            throw PlatformException.notFound(new Words(
                    "学员 " + learnerId + " 在考核任务 " + taskId + " 中的录像不存在。",
                    "Recording of learner " + learnerId + " for task " + taskId + " does not exist."));
        }
        return tickets.view(UUID.fromString(s.recording().assetId()), "VIDEO", caller);
    }

    /** Checks that the learner may hand in work on the task now. */
    private void handIn(long examId, long taskId, Caller learner, boolean document) {
        if (learner.role() != Role.LEARNER) {
            throw new PlatformException(
                    403, "forbidden", "Forbidden", new Words("只有学员可以提交作答。", "Only learners hand in work."));
        }
        practicals.exam(examId, learner);
        if (document && practicals.lockTask(examId, taskId).form() == Form.WRITTEN) {
            throw PlatformException.invalid(
                    new Words("文件未被接受。", "The file was not accepted."),
                    List.of(
                            new FieldError(
                                    "file",
                                    new Words(
                                            "这是笔试任务，请以文字作答；文件和录像仅用于实操任务",
                                            "this is a written (笔试) task: answer it with text; documents and recordings are handed in for hands-on (实操) tasks"))));
        }
        PracticalStore.Window window = store.window(examId);
        Instant now = Instant.now();
        if (now.isBefore(window.opensAt()) || !now.isBefore(window.closesAt())) {
            throw PlatformException.conflict(new Words(
                    "只能在考核开放期间提交作答："
                            + ChinaTime.inWords(window.opensAt()).zh() + " 至 "
                            + ChinaTime.inWords(window.closesAt()).zh() + "。",
                    "Work is handed in while the exam is open, from "
                            + ChinaTime.inWords(window.opensAt()).en() + " to "
                            + ChinaTime.inWords(window.closesAt()).en() + "."));
        }
        if (store.work(taskId, learner.accountId()).grade() != null) {
            throw PlatformException.conflict(new Words(
                    "您在此任务上的作答已评分，不能再修改。", "Your work on this task has been graded; it can no longer be changed."));
        }
    }
}
