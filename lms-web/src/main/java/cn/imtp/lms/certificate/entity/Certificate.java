package cn.imtp.lms.certificate.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A completion certificate as issued: its code, whose and which class's, the facts it states (JSON), and its revocation. */
@Entity
@Table(name = "completion_certificate")
public class Certificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    @Column(name = "class_id")
    private long classId;

    @Column(name = "learner_id")
    private long learnerId;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "issued_by")
    private long issuedBy;

    private String facts;

    @Column(name = "records_note")
    private String recordsNote;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private Long revokedBy;

    @Column(name = "revoke_reason")
    private String revokeReason;

    protected Certificate() {}

    public Certificate(
            String code,
            long classId,
            long learnerId,
            Instant issuedAt,
            long issuedBy,
            String facts,
            String recordsNote) {
        this.recordsNote = recordsNote;
        this.code = code;
        this.classId = classId;
        this.learnerId = learnerId;
        this.issuedAt = issuedAt.truncatedTo(ChronoUnit.MILLIS);
        this.issuedBy = issuedBy;
        this.facts = facts;
    }

    public void revoke(Instant at, long by, String reason) {
        this.revokedAt = at.truncatedTo(ChronoUnit.MILLIS);
        this.revokedBy = by;
        this.revokeReason = reason;
    }

    public long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public long classId() {
        return classId;
    }

    public long learnerId() {
        return learnerId;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public String facts() {
        return facts;
    }

    /** What an administrator checked when the class's attendance records did not verify at issue (null: they verified). */
    public String recordsNote() {
        return recordsNote;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokeReason() {
        return revokeReason;
    }
}
