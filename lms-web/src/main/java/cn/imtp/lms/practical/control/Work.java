package cn.imtp.lms.practical.control;

import cn.imtp.lms.resourcepack.control.MediaTickets;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/** A learner's work on a task and its grade; either may be missing. */
@JsonbNillable
public record Work(long taskId, long learnerId, SubmissionView submission, GradeView grade) {

    public record DocumentInfo(String fileName, String contentType, int sizeBytes, String sha256) {}

    /** A recorded work's media asset (its processing is followed, and it is played, through {@link MediaTickets}). */
    public record RecordingInfo(String assetId, String fileName) {}

    @JsonbNillable
    public record GradeView(
            List<Integer> points, int awarded, int maxPoints, String comment, Instant gradedAt, String gradedBy) {}

    @JsonbNillable
    public record SubmissionView(
            long learnerId,
            String text,
            DocumentInfo document,
            RecordingInfo recording,
            int revision,
            Instant submittedAt) {}
}
