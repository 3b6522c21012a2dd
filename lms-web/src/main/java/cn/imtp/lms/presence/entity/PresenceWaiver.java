package cn.imtp.lms.presence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Another verification an administrator recorded for a learner of a class with face checks (no camera, no consent):
 * the learner's study there is credited without face checks from then on.
 */
@Entity
@Table(name = "presence_waiver")
@IdClass(PresenceWaiver.Key.class)
public class PresenceWaiver {

    public static class Key implements Serializable {
        private long classId;
        private long learnerId;

        public Key() {}

        public Key(long classId, long learnerId) {
            this.classId = classId;
            this.learnerId = learnerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.classId == classId && k.learnerId == learnerId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(classId, learnerId);
        }
    }

    @Id
    @Column(name = "class_id")
    private long classId;

    @Id
    @Column(name = "learner_id")
    private long learnerId;

    private String method;

    @Column(name = "recorded_by")
    private long recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected PresenceWaiver() {}

    public PresenceWaiver(long classId, long learnerId, String method, long by, Instant at) {
        this.classId = classId;
        this.learnerId = learnerId;
        this.method = method;
        this.recordedBy = by;
        this.recordedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    public String method() {
        return method;
    }

    public long recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
