package cn.imtp.lms.attendance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.BitSet;
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

        public Key() {
        }

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
            return o instanceof Key k && k.learnerId == learnerId && k.classId == classId && java.util.Objects.equals(k.assetId, assetId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(learnerId, classId, assetId);
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

    protected WatchedVideo() {
    }

    public WatchedVideo(long learnerId, long classId, UUID assetId, long unitId) {
        this.learnerId = learnerId;
        this.classId = classId;
        this.assetId = assetId.toString();
        this.unitId = unitId;
        this.seconds = new byte[0];
    }

    public static final java.util.List<String> COLUMNS = java.util.List.of("learner_id", "class_id", "asset_id", "unit_id", "seconds", "credited_seconds",
            "resume_ms");

    /** A row of {@code SELECT} {@link #COLUMNS} (read and locked by the heartbeat writer without JPA). */
    public static WatchedVideo read(java.sql.ResultSet r) throws java.sql.SQLException {
        WatchedVideo w = new WatchedVideo();
        w.learnerId = r.getLong(1);
        w.classId = r.getLong(2);
        w.assetId = r.getString(3);
        w.unitId = r.getLong(4);
        w.seconds = r.getBytes(5);
        w.creditedSeconds = r.getInt(6);
        w.resumeMs = r.getLong(7);
        return w;
    }

    /** What a beat changes. */
    public static final java.util.List<String> PROGRESS_COLUMNS = COLUMNS.subList(4, COLUMNS.size());

    /** The row as {@link #COLUMNS} lists its columns, for writing many in one statement (see {@code Attendance.store}). */
    public Object[] row() {
        return new Object[] {learnerId, classId, assetId, unitId, seconds, creditedSeconds, resumeMs};
    }

    public Key key() {
        return new Key(learnerId, classId, UUID.fromString(assetId));
    }

    public BitSet seconds() {
        return BitSet.valueOf(seconds);
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
