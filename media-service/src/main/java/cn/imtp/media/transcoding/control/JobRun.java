package cn.imtp.media.transcoding.control;

import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.asset.entity.AssetState;
import cn.imtp.media.asset.entity.MediaKind;
import cn.imtp.media.asset.entity.Probe;
import cn.imtp.media.hls.Rendition;
import cn.imtp.media.storage.control.ObjectStore;
import cn.imtp.media.transcoding.entity.JobState;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one claimed job, on the worker's thread, to its end: hash the source (on the server's executor, beside the
 * encode; a file already transcoded is not transcoded again), probe, plan, run the ladder ({@link LadderRun}), keep the
 * source's subtitles as captions, then READY; or, when it fails, wait for storage or space without counting the
 * attempt, or count the attempt and fail the asset after the last.
 */
@ApplicationScoped
public class JobRun {

    private static final Logger LOG = Logger.getLogger(JobRun.class.getName());
    /** How long a job waits after its work folder ran out of space before a worker tries it again. */
    static final int WORK_FOLDER_FULL_WAIT_SECONDS = 20;

    @Inject
    TranscodeSettings settings;

    @Inject
    JobQueue queue;

    @Inject
    Assets assets;

    @Inject
    ObjectStore store;

    @Inject
    Transcoder transcoder;

    @Inject
    LadderRun ladder;

    @Inject
    SubtitleCaptions subtitles;

    @Resource
    ManagedExecutorService executor;

    /** Runs the claimed job; {@code inFlight}: where the ladder leaves how to stop it while it runs (see {@link LadderRun}). */
    void run(JobQueue.Claim claim, String worker, Map<Long, Runnable> inFlight) throws InterruptedException {
        long jobId = claim.job().id();
        Asset asset = assets.get(claim.job().assetId());
        Path out = settings.workDir().resolve(jobId + "-" + claim.attempt());
        try {
            // Hashing reads the whole source; it runs beside the encode so that the first segments are not kept
            // waiting.
            String key = asset.sourceKey();
            CompletableFuture<String> hash = asset.sha256() != null
                    ? CompletableFuture.completedFuture(asset.sha256())
                    : CompletableFuture.supplyAsync(() -> sha256(key), executor);
            String source = store.internalUrl(asset.sourceKey(), Duration.ofMinutes(settings.timeoutMinutes() + 10L));
            Transcoder.ProbeOutcome probed = transcoder.probe(source);
            if (probed.probe() == null) {
                throw new IllegalStateException("ffprobe could not read the source: " + probed.error());
            }
            Probe probe = probed.probe();
            if (asset.kind() == MediaKind.AUDIO) {
                probe = new Probe(
                        probe.formatName(),
                        probe.durationMs(),
                        false,
                        0,
                        0,
                        0,
                        false,
                        probe.audioTracks(),
                        probe.subtitles());
            }
            List<Rendition> plan = RenditionPlanner.plan(probe);
            assets.setProbe(asset.id(), probe);
            assets.planRenditions(asset.id(), plan);
            assets.setState(asset.id(), AssetState.PROCESSING, null);
            Optional<UUID> same = ladder.run(jobId, worker, asset, probe, plan, source, out, hash, inFlight);
            if (same.isPresent()) {
                assets.planRenditions(asset.id(), List.of());
                // Captions belong to each asset: the same file uploaded again keeps its own copy of its subtitles.
                assets.setTracksNote(asset.id(), subtitles.keep(asset, probe, source, out));
                assets.reuseRenditionsOf(asset.id(), same.get());
                queue.succeed(jobId);
                LOG.info("Asset " + asset.id() + " has the content of " + same.get() + "; its renditions are reused");
                return;
            }
            assets.completeRenditions(asset.id());
            assets.setTracksNote(asset.id(), subtitles.keep(asset, probe, source, out));
            long encoded = assets.encodedMs(asset.id());
            if (encoded <= 0) {
                throw new IllegalStateException("nothing of the source could be decoded");
            }
            assets.ready(
                    asset.id(), encoded, incomplete(probe.durationMs(), encoded).orElse(null));
            queue.succeed(jobId);
        } catch (InterruptedException e) {
            throw e;
        } catch (LadderRun.LeaseLost e) {
            LOG.warning(() -> "Job " + jobId + " was cancelled or taken over by another worker; this attempt stops");
        } catch (RuntimeException e) {
            RuntimeException cause =
                    e instanceof CompletionException && e.getCause() instanceof RuntimeException r ? r : e;
            if (ObjectStore.isOutage(cause) || !storageAnswers()) {
                LOG.warning(() -> "Job " + jobId + " waits for object storage: " + cause.getMessage());
                queue.postpone(jobId, 15, "Waiting for object storage: " + cause.getMessage());
                return;
            }
            if (Transcoder.isWorkFolderFull(cause)) {
                LOG.warning(() -> "Job " + jobId + " waits: the work folder " + settings.workDir() + " is full");
                queue.postpone(
                        jobId,
                        WORK_FOLDER_FULL_WAIT_SECONDS,
                        "The transcoding work folder of this server is full (no space left"
                                + " on the device); this attempt does not count and the job is tried again in "
                                + WORK_FOLDER_FULL_WAIT_SECONDS + " s.");
                return;
            }
            String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            LOG.log(Level.WARNING, "Job " + jobId + " attempt " + claim.attempt() + " failed: " + reason);
            if (queue.failAttempt(jobId, claim.attempt(), settings.maxAttempts(), reason) == JobState.FAILED) {
                // ffmpeg's words (with the internal address it read from) stay in the job and the log; the teacher
                // reads what to do.
                assets.setState(asset.id(), AssetState.FAILED, Assets.TRANSCODE_FAILED);
            }
        } finally {
            WorkFolder.deleteTree(out);
        }
    }

    /**
     * A source that decoded to less than it said (a file cut short whose index, at the front, still announces the whole
     * length): what the teacher is told, or empty when the encoded length is the announced one (within a second).
     */
    static Optional<String> incomplete(long announcedMs, long encodedMs) {
        if (announcedMs - encodedMs <= 1000) {
            return Optional.empty();
        }
        long playable = encodedMs / 1000;
        long announced = (announcedMs + 500) / 1000;
        return Optional.of(new Words(
                        "文件不完整：只有前 " + playable + " 秒可播放（文件标明 " + announced + " 秒）；如需完整内容，请上传完整的文件。",
                        "The file is incomplete: only the first " + playable + " s play (it announces " + announced
                                + " s); upload the complete file for the rest.")
                .stored());
    }

    private String sha256(String key) {
        try (InputStream in = store.open(key)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw PlatformException.unavailable(
                    "Object storage", new Words("读取源文件失败。", "Reading the source failed: " + e.getMessage()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean storageAnswers() {
        try {
            return store.bucketExists();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
