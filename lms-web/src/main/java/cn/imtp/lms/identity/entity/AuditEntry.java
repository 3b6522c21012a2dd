package cn.imtp.lms.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Who did what to whose personal data, and when. Rows are only ever inserted. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "subject_id", updatable = false)
    private Long subjectId;

    @Column(updatable = false)
    private String detail;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    protected AuditEntry() {}

    public AuditEntry(Long actorId, String actor, String action, Long subjectId, String detail, String clientAddress) {
        this.at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.actorId = actorId;
        this.actor = actor;
        this.action = action;
        this.subjectId = subjectId;
        this.detail = detail;
        this.clientAddress = clientAddress;
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public Long actorId() {
        return actorId;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public Long subjectId() {
        return subjectId;
    }

    public String detail() {
        return detail;
    }

    public String clientAddress() {
        return clientAddress;
    }
}
