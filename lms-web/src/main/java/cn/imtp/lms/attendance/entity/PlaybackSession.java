package cn.imtp.lms.attendance.entity;

import cn.imtp.lms.attendance.control.CreditPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
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

    protected PlaybackSession() {}

    public PlaybackSession(
            long learnerId,
            long classId,
            long unitId,
            long resourceId,
            UUID assetId,
            int durationSeconds,
            Instant openedAt) {
        this.id = UUID.randomUUID().toString();
        this.learnerId = learnerId;
        this.classId = classId;
        this.unitId = unitId;
        this.resourceId = resourceId;
        this.assetId = assetId.toString();
        this.durationSeconds = durationSeconds;
        this.openedAt = openedAt;
    }

    /** A session as stored, for the heartbeat writer, which reads and locks it without JPA ({@code BeatRows}). */
    public PlaybackSession(
            String id,
            long learnerId,
            long classId,
            long unitId,
            long resourceId,
            UUID assetId,
            int durationSeconds,
            Instant openedAt,
            CreditPolicy.Session progress,
            long positionMs,
            Instant lastBeatAt,
            Instant endedAt,
            String endedReason,
            Long heldFromMs) {
        this.id = id;
        this.learnerId = learnerId;
        this.classId = classId;
        this.unitId = unitId;
        this.resourceId = resourceId;
        this.assetId = assetId.toString();
        this.durationSeconds = durationSeconds;
        this.openedAt = openedAt;
        this.lastSeq = progress.lastSeq();
        this.lastElapsedMs = progress.lastElapsedMs();
        this.runStartMs = progress.runStartMs();
        this.runEndMs = progress.runEndMs();
        this.creditedSeconds = progress.creditedSeconds();
        this.playedUntilMs = progress.playedUntilMs();
        this.positionMs = positionMs;
        this.lastBeatAt = lastBeatAt;
        this.endedAt = endedAt;
        this.endedReason = endedReason;
        this.heldFromMs = heldFromMs;
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

    public long resourceId() {
        return resourceId;
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

    public Instant lastBeatAt() {
        return lastBeatAt;
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
        return endedAt == null
                ? Long.MAX_VALUE
                : Duration.between(openedAt, endedAt).toMillis();
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
