package cn.imtp.lms.presence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A learner's consent to face checks, to one version of the consent text; kept after withdrawal as the record of both. */
@Entity
@Table(name = "presence_consent")
public class PresenceConsent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "learner_id")
    private long learnerId;

    @Column(name = "text_version")
    private String textVersion;

    @Column(name = "given_at")
    private Instant givenAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected PresenceConsent() {}

    public PresenceConsent(long learnerId, String textVersion, Instant at) {
        this.learnerId = learnerId;
        this.textVersion = textVersion;
        this.givenAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    public String textVersion() {
        return textVersion;
    }

    public Instant givenAt() {
        return givenAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public void withdraw(Instant at) {
        this.withdrawnAt = at.truncatedTo(ChronoUnit.MILLIS);
    }
}
