package cn.imtp.media.transcoding.control;

import cn.imtp.media.sql.MediaDatabase;
import cn.imtp.media.transcoding.entity.Job;
import cn.imtp.media.transcoding.entity.JobState;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable transcoding queue in MariaDB, shared by every media-service node. A worker claims a job
 * with {@code SELECT … FOR UPDATE SKIP LOCKED}, so two workers never take the same one, and holds it
 * under a lease it renews while ffmpeg runs; a job whose lease ran out (its node died) is claimed
 * again. Times are the database's, so nodes' clocks do not matter.
 */
@ApplicationScoped
public class JobQueue {

    @Inject
    MediaDatabase db;

    /** Fired after a job is queued on this node: idle local workers wake at once. */
    public record Queued(UUID assetId) {}

    @Inject
    Event<Queued> queued;

    /** Queues the asset's job, or puts its existing job back in the queue from the start. */
    public void enqueue(UUID assetId) {
        queue(assetId);
        queued.fire(new Queued(assetId));
    }

    private void queue(UUID assetId) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO transcode_job (asset_id, state, attempts, not_before, created_at)"
                            + " VALUES (?, 'QUEUED', 0, NOW(3), NOW(3)) ON DUPLICATE KEY UPDATE state = 'QUEUED', attempts = 0,"
                            + " not_before = NOW(3), lease_until = NULL, worker = NULL, progress = 0, error = NULL, finished_at = NULL")) {
                s.setString(1, assetId.toString());
                return s.executeUpdate();
            }
        });
    }

    /** A job whose retry a teacher asked for: only a failed one goes back in the queue. */
    public boolean retryFailed(UUID assetId) {
        boolean retried = db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE transcode_job SET state = 'QUEUED', attempts = 0, not_before = NOW(3),"
                            + " lease_until = NULL, worker = NULL, progress = 0, finished_at = NULL WHERE asset_id = ? AND state = 'FAILED'")) {
                s.setString(1, assetId.toString());
                return s.executeUpdate() == 1;
            }
        });
        if (retried) {
            queued.fire(new Queued(assetId));
        }
        return retried;
    }

    /** A claimed job: the job and the attempt number it is now on. */
    public record Claim(Job job, int attempt) {}

    /**
     * Takes the next job by {@link ClaimOrder} among those due and those whose worker stopped renewing its lease; a
     * short-lane worker ({@code shortLaneOnly}) takes only sources of at most {@code shortMs}. Every node reads the same
     * rows and applies the same rule; the row lock ({@code FOR UPDATE SKIP LOCKED}, condition checked again) makes each
     * job one worker's. A job whose lease ran out on its last attempt fails instead of running again.
     */
    public Optional<Claim> claim(
            String worker, int leaseSeconds, int maxAttempts, boolean shortLaneOnly, long shortMs) {
        return db.run(c -> {
            c.setAutoCommit(false);
            try {
                List<ClaimOrder.Candidate> due = candidates(c, DUE);
                Map<Long, Integer> running = runningByOwner(c);
                c.commit();
                for (ClaimOrder.Candidate candidate : ClaimOrder.order(due, running, shortMs)) {
                    if (shortLaneOnly && !ClaimOrder.isShort(candidate, shortMs)) {
                        continue;
                    }
                    Job job;
                    try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                            + " FROM transcode_job j WHERE id = ? AND " + DUE + " FOR UPDATE SKIP LOCKED")) {
                        s.setLong(1, candidate.jobId());
                        try (ResultSet r = s.executeQuery()) {
                            if (!r.next()) {
                                c.commit();
                                continue; // another worker took it, or it changed since it was read
                            }
                            job = job(r);
                        }
                    }
                    if (job.state() == JobState.RUNNING && job.attempts() >= maxAttempts) {
                        finish(
                                c,
                                job.id(),
                                JobState.FAILED,
                                "The worker running this job stopped (its node went away) on the last of " + maxAttempts
                                        + " attempts. Retry it once the media nodes are healthy.");
                        // The teacher reads the asset's reason (Chinese, then English); the job's error stays in its
                        // row and the log.
                        markAssetFailed(
                                c,
                                job.assetId(),
                                new Words(
                                                "转码在每次尝试时都中断了；请稍后重试，仍不成功请联系管理员。",
                                                "Transcoding stopped on every attempt; see the job's error.")
                                        .stored());
                        c.commit();
                        continue;
                    }
                    try (PreparedStatement s = c.prepareStatement(
                            "UPDATE transcode_job SET state = 'RUNNING', attempts = attempts + 1,"
                                    + " worker = ?, lease_until = NOW(3) + INTERVAL ? SECOND, started_at = NOW(3), progress = 0 WHERE id = ?")) {
                        s.setString(1, worker);
                        s.setInt(2, leaseSeconds);
                        s.setLong(3, job.id());
                        s.executeUpdate();
                    }
                    c.commit();
                    return Optional.of(new Claim(job, job.attempts() + 1));
                }
                c.commit();
                return Optional.empty();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** A job a worker may take now: due in the queue, or running under a lease that ran out. */
    private static final String DUE =
            "((j.state = 'QUEUED' AND j.not_before <= NOW(3)) OR (j.state = 'RUNNING' AND j.lease_until < NOW(3)))";
    /** A job waiting for a worker, due or pausing between attempts. */
    private static final String WAITING = "(j.state = 'QUEUED' OR (j.state = 'RUNNING' AND j.lease_until < NOW(3)))";
    /** How many waiting jobs the order is decided among; a queue longer than this is served oldest first beyond it. */
    private static final int ORDER_WINDOW = 500;
    /** Source seconds' encoding time assumed until jobs have been measured on this queue (the ladder runs at about 2× real time). */
    private static final double DEFAULT_ENCODE_RATIO = 0.5;

    private static List<ClaimOrder.Candidate> candidates(Connection c, String condition) throws SQLException {
        List<ClaimOrder.Candidate> all = new ArrayList<>();
        try (PreparedStatement s =
                        c.prepareStatement("SELECT j.id, j.state, a.owner_id, a.duration_ms FROM transcode_job j"
                                + " JOIN media_asset a ON a.id = j.asset_id WHERE " + condition
                                + " ORDER BY j.id LIMIT " + ORDER_WINDOW);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long duration = r.getLong("duration_ms");
                Long durationMs = r.wasNull() ? null : duration; // not probed yet: unknown, so not short
                all.add(new ClaimOrder.Candidate(
                        r.getLong("id"), r.getLong("owner_id"), durationMs, "RUNNING".equals(r.getString("state"))));
            }
        }
        return all;
    }

    private static Map<Long, Integer> runningByOwner(Connection c) throws SQLException {
        Map<Long, Integer> running = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT a.owner_id, COUNT(*) AS running FROM transcode_job j JOIN media_asset a ON a.id = j.asset_id"
                                + " WHERE j.state = 'RUNNING' AND j.lease_until >= NOW(3) GROUP BY a.owner_id");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                running.put(r.getLong("owner_id"), r.getInt("running"));
            }
        }
        return running;
    }

    /**
     * Where job {@code jobId} stands while it waits for a worker (empty when it is not waiting): the jobs before it and an
     * estimate of the wait, from the source still to encode ahead of it, the speed measured on the last finished jobs,
     * and the workers that may take it ({@code generalWorkers} for any source, {@code shortLaneWorkers} for short ones).
     */
    public Optional<ClaimOrder.Wait> waiting(long jobId, int generalWorkers, int shortLaneWorkers, long shortMs) {
        return db.run(c -> {
            List<ClaimOrder.Candidate> waiting = candidates(c, WAITING);
            Optional<ClaimOrder.Candidate> job =
                    waiting.stream().filter(w -> w.jobId() == jobId).findFirst();
            if (job.isEmpty()) {
                return Optional.empty(); // no longer waiting, or beyond the ordered window: no honest figure
            }
            boolean isShort = ClaimOrder.isShort(job.get(), shortMs);
            long runningRemainingMs = 0;
            try (PreparedStatement s = c.prepareStatement(
                            "SELECT a.duration_ms, j.progress, j.worker FROM transcode_job j"
                                    + " JOIN media_asset a ON a.id = j.asset_id WHERE j.state = 'RUNNING' AND j.lease_until >= NOW(3)");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    // A long source waits only for the general workers; a short one for any.
                    if (isShort || !TranscodeWorkers.isShortLane(r.getString("worker"))) {
                        runningRemainingMs +=
                                (long) (r.getLong("duration_ms") * (1 - Math.min(1, r.getDouble("progress"))));
                    }
                }
            }
            return Optional.of(ClaimOrder.waitOf(
                    job.get(),
                    waiting,
                    runningByOwner(c),
                    shortMs,
                    runningRemainingMs,
                    generalWorkers + (isShort ? shortLaneWorkers : 0),
                    encodeRatio(c)));
        });
    }

    /** Seconds of encoding per second of source over the last 20 jobs that finished, or the default before any. */
    private static double encodeRatio(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT AVG(TIMESTAMPDIFF(MICROSECOND, started_at, finished_at) / 1000 / duration_ms) AS encode_ratio"
                                + " FROM (SELECT j.started_at, j.finished_at, a.duration_ms FROM transcode_job j JOIN media_asset a ON a.id = j.asset_id"
                                + " WHERE j.state = 'SUCCEEDED' AND a.duration_ms > 1000 AND j.started_at IS NOT NULL ORDER BY j.finished_at DESC LIMIT 20) recent");
                ResultSet r = s.executeQuery()) {
            double ratio = r.next() ? r.getDouble("encode_ratio") : 0;
            return ratio > 0 ? ratio : DEFAULT_ENCODE_RATIO;
        }
    }

    /** Extends the lease and records progress; false when the job is no longer this worker's. */
    public boolean renew(long jobId, String worker, int leaseSeconds, double progress) {
        return db.run(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE transcode_job SET lease_until = NOW(3) + INTERVAL ? SECOND, progress = ?"
                            + " WHERE id = ? AND worker = ? AND state = 'RUNNING'")) {
                s.setInt(1, leaseSeconds);
                s.setDouble(2, progress);
                s.setLong(3, jobId);
                s.setString(4, worker);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** How long a cancelled job's worker may still be shipping its last segment before the files are removed. */
    private static final int CANCEL_SETTLE_SECONDS = 10;

    /**
     * Cancels the asset's job if it waits or runs (its worker stops at its next lease renewal, within seconds), and says
     * whether the job has settled: none, or ended at least {@value #CANCEL_SETTLE_SECONDS} s ago, so that no worker can
     * still write the asset's objects.
     */
    public boolean cancel(UUID assetId) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE transcode_job SET state = 'CANCELLED', lease_until = NULL, finished_at = NOW(3),"
                            + " error = 'The file was deleted or its transcoding cancelled.' WHERE asset_id = ? AND state IN ('QUEUED', 'RUNNING')")) {
                s.setString(1, assetId.toString());
                s.executeUpdate();
            }
            try (PreparedStatement s =
                    c.prepareStatement("SELECT COUNT(*) AS unsettled FROM transcode_job WHERE asset_id = ?"
                            + " AND (state IN ('QUEUED', 'RUNNING') OR finished_at > NOW(3) - INTERVAL "
                            + CANCEL_SETTLE_SECONDS
                            + " SECOND)")) {
                s.setString(1, assetId.toString());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt("unsettled") == 0;
                }
            }
        });
    }

    public void succeed(long jobId) {
        db.run(c -> finish(c, jobId, JobState.SUCCEEDED, null));
    }

    /**
     * After a failed attempt: back in the queue after a pause while attempts remain, otherwise FAILED
     * with the reason. Returns the state the job is now in.
     */
    public JobState failAttempt(long jobId, int attempt, int maxAttempts, String reason) {
        if (attempt >= maxAttempts) {
            db.run(c -> finish(c, jobId, JobState.FAILED, reason));
            return JobState.FAILED;
        }
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE transcode_job SET state = 'QUEUED', worker = NULL, lease_until = NULL,"
                            + " not_before = NOW(3) + INTERVAL ? SECOND, error = ? WHERE id = ? AND state = 'RUNNING'")) {
                s.setInt(1, 5 * attempt);
                s.setString(2, truncate(reason));
                s.setLong(3, jobId);
                return s.executeUpdate();
            }
        });
        return JobState.QUEUED;
    }

    /** Storage or the database was unreachable: not the file's fault, so the attempt does not count. A cancelled job stays cancelled. */
    public void postpone(long jobId, int seconds, String reason) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE transcode_job SET state = 'QUEUED', attempts = GREATEST(attempts - 1, 0),"
                            + " worker = NULL, lease_until = NULL, not_before = NOW(3) + INTERVAL ? SECOND, error = ? WHERE id = ? AND state = 'RUNNING'")) {
                s.setInt(1, seconds);
                s.setString(2, truncate(reason));
                s.setLong(3, jobId);
                return s.executeUpdate();
            }
        });
    }

    public Optional<Job> forAsset(UUID assetId) {
        return db.run(c -> {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM transcode_job j WHERE j.asset_id = ?")) {
                s.setString(1, assetId.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(job(r)) : Optional.empty();
                }
            }
        });
    }

    private static final String COLUMNS =
            "j.id, j.asset_id, j.state, j.attempts, j.progress, j.error, j.worker, j.created_at, j.started_at, j.finished_at";

    private static int finish(Connection c, long jobId, JobState state, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE transcode_job SET state = ?, error = ?, lease_until = NULL,"
                        + " progress = CASE WHEN ? = 'SUCCEEDED' THEN 1 ELSE progress END, finished_at = NOW(3) WHERE id = ? AND state = 'RUNNING'")) {
            s.setString(1, state.name());
            s.setString(2, truncate(error));
            s.setString(3, state.name());
            s.setLong(4, jobId);
            return s.executeUpdate();
        }
    }

    private static void markAssetFailed(Connection c, UUID assetId, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE media_asset SET state = 'FAILED', reason = ?, updated_at = NOW(3) WHERE id = ?")) {
            s.setString(1, reason);
            s.setString(2, assetId.toString());
            s.executeUpdate();
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }

    private static Job job(ResultSet r) throws SQLException {
        return new Job(
                r.getLong("id"),
                UUID.fromString(r.getString("asset_id")),
                JobState.valueOf(r.getString("state")),
                r.getInt("attempts"),
                r.getDouble("progress"),
                r.getString("error"),
                r.getString("worker"),
                instant(r.getTimestamp("created_at")),
                instant(r.getTimestamp("started_at")),
                instant(r.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
