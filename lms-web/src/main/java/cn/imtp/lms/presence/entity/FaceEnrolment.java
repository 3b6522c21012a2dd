package cn.imtp.lms.presence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A learner's enrolled reference photo. The photo is media-service's, encrypted in object storage under the
 * {@code subject}, a random id that names nobody (a new one at every enrolment).
 */
@Entity
@Table(name = "face_enrolment")
public class FaceEnrolment {

    /** How the photo came: taken by the learner with the camera, or imported by an administrator. */
    public enum Source {
        CAMERA,
        IMPORT
    }

    @Id
    @Column(name = "learner_id")
    private long learnerId;

    private String subject;

    @Column(length = 10)
    private String source;

    @Column(name = "enrolled_at")
    private Instant enrolledAt;

    @Column(name = "enrolled_by")
    private long enrolledBy;

    protected FaceEnrolment() {}

    public FaceEnrolment(long learnerId, UUID subject, Source source, Instant at, long by) {
        this.learnerId = learnerId;
        this.subject = subject.toString();
        this.source = source.name();
        this.enrolledAt = at.truncatedTo(ChronoUnit.MILLIS);
        this.enrolledBy = by;
    }

    public long learnerId() {
        return learnerId;
    }

    public UUID subject() {
        return UUID.fromString(subject);
    }

    public Source source() {
        return Source.valueOf(source);
    }

    public Instant enrolledAt() {
        return enrolledAt;
    }

    public long enrolledBy() {
        return enrolledBy;
    }
}
