package cn.imtp.lms.cohort.entity;

import cn.imtp.lms.catalogue.entity.Level;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A learner's entitlement to a level: a certificate they hold ({@code CERTIFICATE}, its level and
 * date) or a teacher's approval for that level ({@code APPROVAL}, with the reason).
 */
@Entity
@Table(name = "learner_qualification")
public class LearnerQualification {

    public enum Kind {
        CERTIFICATE,
        APPROVAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id")
    private long accountId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private Level level;

    private LocalDate dated;

    private String reference;

    private String reason;

    @Column(name = "recorded_by")
    private String recordedBy;

    protected LearnerQualification() {}

    public LearnerQualification(
            long accountId,
            Kind kind,
            Level level,
            LocalDate dated,
            String reference,
            String reason,
            String recordedBy) {
        this.accountId = accountId;
        this.kind = kind;
        this.level = level;
        this.dated = dated;
        this.reference = reference;
        this.reason = reason;
        this.recordedBy = recordedBy;
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public Kind kind() {
        return kind;
    }

    public Level level() {
        return level;
    }

    public LocalDate dated() {
        return dated;
    }

    public String reference() {
        return reference;
    }

    public String reason() {
        return reason;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
