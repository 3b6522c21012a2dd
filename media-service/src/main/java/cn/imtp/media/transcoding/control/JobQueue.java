package cn.imtp.media.transcoding.control;

import cn.imtp.media.transcoding.entity.Job;
import cn.imtp.media.transcoding.entity.JobState;
import cn.imtp.media.platform.control.MediaDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
    public record Queued(UUID assetId) {
    }

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<Queued> queued;

    /** Queues the asset's job, or puts its existing job back in the queue from the start. */
    public void enqueue(UUID assetId) {
        queue(assetId);
        queued.fire(new Queued(assetId));
    }

    private void queue(UUID assetId) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO transcode_job (asset_id, state, attempts, not_before, created_at)"
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
            try (PreparedStatement s = c.prepareStatement("UPDATE transcode_job SET state = 'QUEUED', attempts = 0, not_before = NOW(3),"
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
    public record Claim(Job job, int attempt) {
    }

    /**
     * Takes the oldest job that is due, or one whose worker stopped renewing its lease. A job whose lease
     * ran out on its last attempt fails instead of running again.
     */
    public Optional<Claim> claim(String worker, int leaseSeconds, int maxAttempts) {
        return db.run(c -> {
            c.setAutoCommit(false);
            try {
                while (true) {
                    Job job;
                    try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM transcode_job"
                            + " WHERE (state = 'QUEUED' AND not_before <= NOW(3)) OR (state = 'RUNNING' AND lease_until < NOW(3))"
                            + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED");
                         ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            c.commit();
                            return Optional.empty();
                        }
                        job = job(r);
                    }
                    if (job.state() == JobState.RUNNING && job.attempts() >= maxAttempts) {
                        finish(c, job.id(), JobState.FAILED, "The worker running this job stopped (its node went away) on the last of "
                                + maxAttempts + " attempts. Retry it once the media nodes are healthy.");
                        markAssetFailed(c, job.assetId(), "Transcoding stopped on every attempt; see the job's error.");
                        c.commit();
                        continue;
                    }
                    try (PreparedStatement s = c.prepareStatement("UPDATE transcode_job SET state = 'RUNNING', attempts = attempts + 1,"
                            + " worker = ?, lease_until = NOW(3) + INTERVAL ? SECOND, started_at = NOW(3), progress = 0 WHERE id = ?")) {
                        s.setString(1, worker);
                        s.setInt(2, leaseSeconds);
                        s.setLong(3, job.id());
                        s.executeUpdate();
                    }
                    c.commit();
                    return Optional.of(new Claim(job, job.attempts() + 1));
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** Extends the lease and records progress; false when the job is no longer this worker's. */
    public boolean renew(long jobId, String worker, int leaseSeconds, double progress) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE transcode_job SET lease_until = NOW(3) + INTERVAL ? SECOND, progress = ?"
                    + " WHERE id = ? AND worker = ? AND state = 'RUNNING'")) {
                s.setInt(1, leaseSeconds);
                s.setDouble(2, progress);
                s.setLong(3, jobId);
                s.setString(4, worker);
                return s.executeUpdate() == 1;
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
            try (PreparedStatement s = c.prepareStatement("UPDATE transcode_job SET state = 'QUEUED', worker = NULL, lease_until = NULL,"
                    + " not_before = NOW(3) + INTERVAL ? SECOND, error = ? WHERE id = ?")) {
                s.setInt(1, 5 * attempt);
                s.setString(2, truncate(reason));
                s.setLong(3, jobId);
                return s.executeUpdate();
            }
        });
        return JobState.QUEUED;
    }

    /** Storage or the database was unreachable: not the file's fault, so the attempt does not count. */
    public void postpone(long jobId, int seconds, String reason) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE transcode_job SET state = 'QUEUED', attempts = GREATEST(attempts - 1, 0),"
                    + " worker = NULL, lease_until = NULL, not_before = NOW(3) + INTERVAL ? SECOND, error = ? WHERE id = ?")) {
                s.setInt(1, seconds);
                s.setString(2, truncate(reason));
                s.setLong(3, jobId);
                return s.executeUpdate();
            }
        });
    }

    public Optional<Job> forAsset(UUID assetId) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM transcode_job WHERE asset_id = ?")) {
                s.setString(1, assetId.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(job(r)) : Optional.empty();
                }
            }
        });
    }

    private static final String COLUMNS = "id, asset_id, state, attempts, progress, error, worker, created_at, started_at, finished_at";

    private static int finish(Connection c, long jobId, JobState state, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE transcode_job SET state = ?, error = ?, lease_until = NULL,"
                + " progress = CASE WHEN ? = 'SUCCEEDED' THEN 1 ELSE progress END, finished_at = NOW(3) WHERE id = ?")) {
            s.setString(1, state.name());
            s.setString(2, truncate(error));
            s.setString(3, state.name());
            s.setLong(4, jobId);
            return s.executeUpdate();
        }
    }

    private static void markAssetFailed(Connection c, UUID assetId, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE media_asset SET state = 'FAILED', reason = ?, updated_at = NOW(3) WHERE id = ?")) {
            s.setString(1, reason);
            s.setString(2, assetId.toString());
            s.executeUpdate();
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }

    private static Job job(ResultSet r) throws SQLException {
        return new Job(r.getLong("id"), UUID.fromString(r.getString("asset_id")), JobState.valueOf(r.getString("state")),
                r.getInt("attempts"), r.getDouble("progress"), r.getString("error"), r.getString("worker"),
                instant(r.getTimestamp("created_at")), instant(r.getTimestamp("started_at")), instant(r.getTimestamp("finished_at")));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
