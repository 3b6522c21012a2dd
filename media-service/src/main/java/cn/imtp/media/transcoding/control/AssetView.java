package cn.imtp.media.transcoding.control;

import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.asset.entity.AssetState;
import cn.imtp.media.asset.entity.MediaKind;
import cn.imtp.media.transcoding.entity.Job;
import cn.imtp.media.transcoding.entity.JobState;
import java.util.List;

/** What an uploader or viewer sees of an asset: its state, its renditions so far, its job, its caption tracks. */
public record AssetView(
        String id,
        MediaKind kind,
        AssetState state,
        String reason,
        String fileName,
        long size,
        Long durationMs,
        Integer width,
        Integer height,
        String reusesRenditionsOf,
        List<RenditionView> renditions,
        JobView job,
        String tracks,
        List<Assets.Caption> captions) {

    /** A rendition; an alternate audio track carries its language and whether it plays first. */
    public record RenditionView(
            String name, int width, int height, boolean complete, int segments, String language, Boolean isDefault) {}

    /**
     * The job's state and progress, and while it waits for a worker how many jobs go first ({@code ahead}) and about how
     * many seconds until it starts ({@code waitSeconds}); both null once it runs. What ffmpeg said when an attempt failed
     * stays in the job's row and the log.
     */
    public record JobView(JobState state, int attempts, double progress, Integer ahead, Long waitSeconds) {

        static JobView of(Job job, ClaimOrder.Wait wait) {
            return job == null
                    ? null
                    : new JobView(
                            job.state(),
                            job.attempts(),
                            job.progress(),
                            wait == null ? null : wait.ahead(),
                            wait == null ? null : wait.seconds());
        }
    }

    /** {@code tracks}: what was kept of the source's audio and subtitle tracks and what was not (null: nothing to say). */
    public static AssetView of(
            Asset a,
            List<RenditionView> renditions,
            Job job,
            ClaimOrder.Wait wait,
            String tracks,
            List<Assets.Caption> captions) {
        return new AssetView(
                a.id().toString(),
                a.kind(),
                a.state(),
                a.reason(),
                a.fileName(),
                a.declaredBytes(),
                a.durationMs(),
                a.width(),
                a.height(),
                a.renditionsOf() == null ? null : a.renditionsOf().toString(),
                renditions,
                JobView.of(job, wait),
                tracks,
                captions);
    }
}
