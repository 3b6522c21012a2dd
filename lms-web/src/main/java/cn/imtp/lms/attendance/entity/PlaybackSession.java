package cn.imtp.lms.attendance.entity;

import cn.imtp.lms.attendance.control.CreditPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** One learner watching one lesson video; opening another ends it. */
@Entity
@Table(name = "playback_session")
public class PlaybackSession {

    @Id
    private String id;

    @Column(name = "learner_id")
    private long learnerId;

    @Column(name = "class_id")
    private long classId;

    @Column(name = "unit_id")
    private long unitId;

    @Column(name = "resource_id")
    private long resourceId;

    @Column(name = "asset_id")
    private String assetId;

    @Column(name = "duration_seconds")
    private int durationSeconds;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "last_seq")
    private long lastSeq;

    @Column(name = "last_elapsed_ms")
    private long lastElapsedMs;

    @Column(name = "run_start_ms")
    private long runStartMs = -1;

    @Column(name = "run_end_ms")
    private long runEndMs = -1;

    @Column(name = "credited_seconds")
    private int creditedSeconds;

    @Column(name = "played_until_ms")
    private long playedUntilMs;

    @Column(name = "position_ms")
    private long positionMs;

    @Column(name = "last_beat_at")
    private Instant lastBeatAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_reason")
    private String endedReason;

    /** From this time of the session's clock its beats earn nothing until a presence check lets them (null: no hold). */
    @Column(name = "held_from_ms")
    private Long heldFromMs;

    protected PlaybackSession() {
    }

    public PlaybackSession(long learnerId, long classId, long unitId, long resourceId, UUID assetId, int durationSeconds, Instant openedAt) {
        this.id = UUID.randomUUID().toString();
        this.learnerId = learnerId;
        this.classId = classId;
        this.unitId = unitId;
        this.resourceId = resourceId;
        this.assetId = assetId.toString();
        this.durationSeconds = durationSeconds;
        this.openedAt = openedAt;
    }

    public String id() {
        return id;
    }

    public long learnerId() {
        return learnerId;
    }

    public long classId() {
        return classId;
    }

    public long unitId() {
        return unitId;
    }

    public UUID assetId() {
        return UUID.fromString(assetId);
    }

    public int durationSeconds() {
        return durationSeconds;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public long positionMs() {
        return positionMs;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endedReason() {
        return endedReason;
    }

    public long lastElapsedMs() {
        return lastElapsedMs;
    }

    public Long heldFromMs() {
        return heldFromMs;
    }

    /** Holds the credit of beats sent from {@code fromMs} of the session's clock on (null: lifts the hold). */
    public void hold(Long fromMs) {
        this.heldFromMs = fromMs;
    }

    /**
     * Credit given or taken outside a beat (a presence check's outcome): recorded under the next beat number, which
     * it uses up.
     */
    public long adjust(int seconds) {
        creditedSeconds += seconds;
        return ++lastSeq;
    }

    /**
     * The row as {@link #COLUMNS} lists its columns, for writing many sessions' progress in one
     * statement (see {@code Attendance.store}).
     */
    public Object[] row() {
        return new Object[] {id, learnerId, classId, unitId, resourceId, assetId, durationSeconds, openedAt, lastSeq, lastElapsedMs, runStartMs,
                runEndMs, creditedSeconds, playedUntilMs, positionMs, lastBeatAt};
    }

    public static final java.util.List<String> COLUMNS = java.util.List.of("id", "learner_id", "class_id", "unit_id", "resource_id", "asset_id",
            "duration_seconds", "opened_at", "last_seq", "last_elapsed_ms", "run_start_ms", "run_end_ms", "credited_seconds", "played_until_ms", "position_ms",
            "last_beat_at");

    /** The columns {@link #read} takes, in its order. */
    public static final String SELECT = String.join(", ", COLUMNS) + ", ended_at, ended_reason, held_from_ms";

    /** A session from a row of {@code SELECT} {@link #SELECT} (read and locked by the heartbeat writer without JPA). */
    public static PlaybackSession read(ResultSet r) throws SQLException {
        PlaybackSession s = new PlaybackSession();
        s.id = r.getString(1);
        s.learnerId = r.getLong(2);
        s.classId = r.getLong(3);
        s.unitId = r.getLong(4);
        s.resourceId = r.getLong(5);
        s.assetId = r.getString(6);
        s.durationSeconds = r.getInt(7);
        s.openedAt = instant(r.getTimestamp(8));
        s.lastSeq = r.getLong(9);
        s.lastElapsedMs = r.getLong(10);
        s.runStartMs = r.getLong(11);
        s.runEndMs = r.getLong(12);
        s.creditedSeconds = r.getInt(13);
        s.playedUntilMs = r.getLong(14);
        s.positionMs = r.getLong(15);
        s.lastBeatAt = instant(r.getTimestamp(16));
        s.endedAt = instant(r.getTimestamp(17));
        s.endedReason = r.getString(18);
        long held = r.getLong(19);
        s.heldFromMs = r.wasNull() ? null : held;
        return s;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** What a beat changes: the progress columns. */
    public static final java.util.List<String> PROGRESS_COLUMNS = COLUMNS.subList(8, COLUMNS.size());

    public CreditPolicy.Session state() {
        return new CreditPolicy.Session(lastSeq, lastElapsedMs, runStartMs, runEndMs, creditedSeconds, playedUntilMs);
    }

    public void advance(CreditPolicy.Session next, long positionMs, Instant at) {
        this.lastSeq = next.lastSeq();
        this.lastElapsedMs = next.lastElapsedMs();
        this.runStartMs = next.runStartMs();
        this.runEndMs = next.runEndMs();
        this.creditedSeconds = next.creditedSeconds();
        this.playedUntilMs = next.playedUntilMs();
        this.positionMs = positionMs;
        this.lastBeatAt = at;
    }

    /** The session's own time when it was ended ({@link Long#MAX_VALUE} while it is open): its credit never reaches past it. */
    public long endedElapsedMs() {
        return endedAt == null ? Long.MAX_VALUE : java.time.Duration.between(openedAt, endedAt).toMillis();
    }

    /**
     * Ends the session's credit: a beat whose stretch began before the end is still taken within the late window,
     * credited up to the end.
     */
    public void end(String reason, Instant at) {
        if (endedAt == null) {
            endedAt = at;
            endedReason = reason;
        }
    }
}
