package cn.imtp.lms.attendance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.BitSet;
import java.util.Objects;
import java.util.UUID;

/**
 * The seconds of one video a learner has been credited in one class, one bit per second, across all
 * sessions: replaying them adds nothing, and the first unwatched second is where a first viewing may go
 * on. Per class, because two trainings (each perhaps subsidised) may not share the same minutes.
 */
@Entity
@Table(name = "watched_video")
@IdClass(WatchedVideo.Key.class)
public class WatchedVideo {

    /** The composite key JPA needs: a plain class, as EclipseLink sets its fields by reflection. */
    public static class Key implements Serializable {
        private long learnerId;
        private long classId;
        private String assetId;

        public Key() {}

        public Key(long learnerId, long classId, UUID assetId) {
            this.learnerId = learnerId;
            this.classId = classId;
            this.assetId = assetId.toString();
        }

        public long learnerId() {
            return learnerId;
        }

        public long classId() {
            return classId;
        }

        public String assetId() {
            return assetId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && k.learnerId == learnerId
                    && k.classId == classId
                    && Objects.equals(k.assetId, assetId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(learnerId, classId, assetId);
        }
    }

    @Id
    @Column(name = "learner_id")
    private long learnerId;

    @Id
    @Column(name = "class_id")
    private long classId;

    @Id
    @Column(name = "asset_id")
    private String assetId;

    @Column(name = "unit_id")
    private long unitId;

    private byte[] seconds;

    @Column(name = "credited_seconds")
    private int creditedSeconds;

    @Column(name = "resume_ms")
    private long resumeMs;

    protected WatchedVideo() {}

    public WatchedVideo(long learnerId, long classId, UUID assetId, long unitId) {
        this.learnerId = learnerId;
        this.classId = classId;
        this.assetId = assetId.toString();
        this.unitId = unitId;
        this.seconds = new byte[0];
    }

    /** A row as stored, for the heartbeat writer, which reads and locks it without JPA ({@code BeatRows}). */
    public WatchedVideo(
            long learnerId,
            long classId,
            UUID assetId,
            long unitId,
            byte[] seconds,
            int creditedSeconds,
            long resumeMs) {
        this.learnerId = learnerId;
        this.classId = classId;
        this.assetId = assetId.toString();
        this.unitId = unitId;
        this.seconds = seconds;
        this.creditedSeconds = creditedSeconds;
        this.resumeMs = resumeMs;
    }

    public Key key() {
        return new Key(learnerId, classId, UUID.fromString(assetId));
    }

    public long learnerId() {
        return learnerId;
    }

    public long classId() {
        return classId;
    }

    public UUID assetId() {
        return UUID.fromString(assetId);
    }

    public long unitId() {
        return unitId;
    }

    public BitSet seconds() {
        return BitSet.valueOf(seconds);
    }

    /** The credited seconds as stored: one bit per second, as {@link BitSet#toByteArray()} gives them. */
    public byte[] secondsBits() {
        return seconds;
    }

    public void add(BitSet credited, long positionMs) {
        BitSet all = seconds();
        all.or(credited);
        store(all, positionMs);
    }

    /** Takes credit back (an unanswered presence question): those seconds can be earned again. */
    public void remove(BitSet revoked, long positionMs) {
        BitSet all = seconds();
        all.andNot(revoked);
        store(all, positionMs);
    }

    private void store(BitSet all, long positionMs) {
        seconds = all.toByteArray();
        creditedSeconds = all.cardinality();
        resumeMs = positionMs;
    }

    public int creditedSeconds() {
        return creditedSeconds;
    }

    public long resumeMs() {
        return resumeMs;
    }
}
