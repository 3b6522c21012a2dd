package cn.imtp.media.transcoding.entity;

/**
 * QUEUED → RUNNING → SUCCEEDED, or back to QUEUED for another attempt (ffmpeg failed, the worker's node
 * died and its lease ran out, storage was unreachable), or FAILED with the reason after the last
 * attempt. A teacher's retry puts a FAILED job back in the queue. CANCELLED: the teacher deleted the file
 * (or cancelled its transcoding); a worker running it stops at its next lease renewal.
 */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED
}
