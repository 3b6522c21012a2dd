package cn.imtp.media.transcoding.control;

import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.asset.entity.Probe;
import cn.imtp.media.hls.Rendition;
import com.github.kokorin.jaffree.ffmpeg.FFmpegResultFuture;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * One job's ladder while it runs: starts the single ffmpeg pass and, every {@value #TICK_MS} ms until it ends, ships the
 * segments it finished, renews the job's lease with its progress, and stops it when the source's hash shows content
 * already transcoded, the lease is lost, ffmpeg stalls ({@code lms.transcode.stall-seconds}) or the attempt's time limit
 * ({@code lms.transcode.timeout-minutes}) passes. Runs on the worker's thread.
 */
@ApplicationScoped
public class LadderRun {

    private static final Logger LOG = Logger.getLogger(LadderRun.class.getName());
    /** How often a running job ships new segments and renews its lease. */
    private static final long TICK_MS = 500;

    @Inject
    TranscodeSettings settings;

    @Inject
    JobQueue queue;

    @Inject
    Assets assets;

    @Inject
    Transcoder transcoder;

    @Inject
    SegmentShipper shipper;

    /**
     * Runs the ladder, shipping segments as they are finished, renewing the lease, and stopping early when
     * the source's hash shows a finished asset with the same content (returned: its renditions are reused). While it
     * runs, {@code inFlight} holds how to stop it under its job id, so that the workers' shutdown can end it.
     */
    Optional<UUID> run(
            long jobId,
            String worker,
            Asset asset,
            Probe probe,
            List<Rendition> plan,
            String source,
            Path out,
            CompletableFuture<String> hash,
            Map<Long, Runnable> inFlight)
            throws InterruptedException {
        WorkFolder.createDirectories(out, plan);
        AtomicLong encodedMs = new AtomicLong();
        AtomicLong progressedAt = new AtomicLong(System.nanoTime());
        FFmpegResultFuture ffmpeg = transcoder.startLadder(source, probe, plan, out, p -> {
            if (p.getTimeMillis() != null && encodedMs.getAndSet(p.getTimeMillis()) != p.getTimeMillis()) {
                progressedAt.set(System.nanoTime());
            }
        });
        inFlight.put(jobId, () -> Transcoder.stop(ffmpeg, out));
        Map<String, Integer> shipped = new ConcurrentHashMap<>();
        long deadline = System.nanoTime()
                + Duration.ofMinutes(settings.timeoutMinutes()).toNanos();
        long lastRenew = 0;
        boolean hashChecked = false;
        try {
            while (!ffmpeg.isDone()) {
                Thread.sleep(TICK_MS);
                if (!hashChecked && hash.isDone()) {
                    hashChecked = true;
                    Optional<UUID> same = sameContent(asset, hash.join());
                    if (same.isPresent()) {
                        Transcoder.stop(ffmpeg, out);
                        return same;
                    }
                }
                shipper.ship(asset.id(), plan, out, shipped, false);
                if (System.nanoTime() - lastRenew > Duration.ofSeconds(2).toNanos()) {
                    double progress =
                            probe.durationMs() > 0 ? Math.min(0.99, (double) encodedMs.get() / probe.durationMs()) : 0;
                    if (!queue.renew(jobId, worker, settings.leaseSeconds(), progress)) {
                        Transcoder.stop(ffmpeg, out);
                        throw new LeaseLost();
                    }
                    lastRenew = System.nanoTime();
                }
                long stalled = System.nanoTime() - progressedAt.get();
                if (stalled > Duration.ofSeconds(settings.stallSeconds()).toNanos()) {
                    // A hung ffmpeg (stopped, deadlocked, or waiting on a source that never answers) holds a worker for
                    // good while its lease is still renewed: the watchdog ends it and the job is tried again.
                    Transcoder.stop(ffmpeg, out);
                    LOG.warning(() -> "Job " + jobId + ": ffmpeg encoded nothing for "
                            + Duration.ofNanos(stalled).toSeconds() + " s and was stopped");
                    throw new IllegalStateException("ffmpeg encoded nothing for " + settings.stallSeconds()
                            + " s (lms.transcode.stall-seconds) and was stopped; the job is tried again.");
                }
                if (System.nanoTime() > deadline) {
                    Transcoder.stop(ffmpeg, out);
                    throw new IllegalStateException("Transcoding took longer than the limit of "
                            + settings.timeoutMinutes() + " minutes (lms.transcode.timeout-minutes) and was stopped.");
                }
            }
            try {
                ffmpeg.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(Transcoder.reasonOf(e));
            }
        } finally {
            inFlight.remove(jobId);
            if (!ffmpeg.isDone()) {
                Transcoder.stop(ffmpeg, out);
            }
        }
        if (!hashChecked) {
            Optional<UUID> same = sameContent(asset, hash.join());
            if (same.isPresent()) {
                return same;
            }
        }
        shipper.ship(asset.id(), plan, out, shipped, true);
        shipper.shipThumbnails(asset.id(), out);
        return Optional.empty();
    }

    private Optional<UUID> sameContent(Asset asset, String sha256) {
        assets.setHash(asset.id(), sha256);
        return assets.readyWithSameContent(sha256, asset.kind(), asset.id());
    }

    /** This worker's lease was taken over (it stalled past the lease); another worker owns the job now. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }
}
