/**
 * Transcoding: a durable job queue in MariaDB, workers, and what runs ffmpeg and ffprobe:
 * {@link cn.imtp.media.transcoding.control.Transcoder} through Jaffree (probes, the ladder, subtitles), and
 * {@code FfmpegProcess} for the short runs whose output is read as text (the readiness check's version, vision's
 * recording measures).
 *
 * <p>Jobs move QUEUED → RUNNING → SUCCEEDED, or back to QUEUED after a failed attempt, or FAILED with
 * the reason after {@code lms.transcode.max-attempts}, or CANCELLED when the teacher deletes the file; a
 * teacher's retry puts a failed job back. Any number of media-service nodes share the queue: a worker
 * takes the first job {@link cn.imtp.media.transcoding.control.ClaimOrder} (pure: teachers take turns,
 * short sources first, a short lane for them) puts first, locks it with {@code SELECT … FOR UPDATE SKIP
 * LOCKED} and holds a lease it renews while ffmpeg runs; a job whose node died is claimed again when
 * its lease runs out. An unreachable object store is not the file's fault: the job waits and the
 * attempt does not count. Each job has a time limit ({@code lms.transcode.timeout-minutes}).
 *
 * <p>A job hashes the source first: a file already transcoded (same SHA-256, READY) is not transcoded
 * again; the new asset serves the earlier renditions. Otherwise
 * {@link cn.imtp.media.transcoding.control.RenditionPlanner} (pure) plans the ladder from the probe:
 * 1080p, 720p, 480p, 360p by the short side, never above the source, aspect kept, portrait too; an
 * audio-only source gets one AAC rendition. All rungs are encoded in one ffmpeg pass (one decode,
 * split, scale; an interlaced source deinterlaced once before the split), H.264 High + AAC, key frames every 2 s in every rung, HLS segments of
 * {@code lms.transcode.hls-seconds}, plus thumbnails (the first frame, then one every 10 s) and a poster.
 * ffmpeg reads the source from storage over a presigned URL (no local copy) and writes to
 * {@code lms.transcode.work-dir}; every finished segment goes to storage and into the database at
 * once, so the lesson plays (an EVENT playlist that grows) before the encode ends.
 *
 * <p>The workers, one job each: {@code TranscodeWorkers} starts and stops the node's worker threads, each of which
 * claims jobs and runs them on itself; {@code JobRun} runs one claimed job from hash and probe to READY, or decides what
 * its failure means; {@code LadderRun} watches the ffmpeg pass while it runs (lease, watchdog, time limit, same
 * content); {@code SegmentShipper} moves finished segments, thumbnails and the poster to storage;
 * {@code SubtitleCaptions} keeps the source's text subtitles as captions; {@code WorkFolder} makes and removes a job's
 * scratch folder.
 *
 * <p>An asset's status is read here, since it is the asset's record joined with its job:
 * {@code GET /media/api/assets/{id}} gives it ({@link cn.imtp.media.transcoding.control.AssetStatus}, from the
 * database, so that any node answers for work done on any node); {@code GET /media/api/assets/{id}/events} streams it as
 * Server-Sent Events ({@code asset} events on every change of state, progress or segments, ending when the asset is
 * final); {@code POST /media/api/assets/{id}/retry} re-queues a failed job. The asset sweep lives here for the same
 * reason: it fails assets left PROCESSING after their job failed, and removes a released asset's files only once its
 * job is cancelled and its worker has stopped. Transcoding depends on asset, never the other way round.
 */
package cn.imtp.media.transcoding;
