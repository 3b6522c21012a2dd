package cn.imtp.media.transcoding.control;

import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.asset.entity.AssetState;
import cn.imtp.media.asset.entity.MediaKind;
import cn.imtp.media.storage.control.ObjectStore;
import cn.imtp.media.asset.control.Captions;
import cn.imtp.media.hls.Playlists;
import cn.imtp.media.transcoding.entity.JobState;
import cn.imtp.media.asset.entity.Probe;
import cn.imtp.media.hls.Rendition;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import com.github.kokorin.jaffree.ffmpeg.FFmpegResultFuture;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The transcoding workers of this node: {@code lms.transcode.workers} threads for any source and
 * {@code lms.transcode.short-lane-workers} for sources of at most {@code lms.transcode.short-lane-seconds}
 * (the order they take jobs in is {@link ClaimOrder}'s). Each takes a job from
 * the shared queue and runs it: hash the source (a file already transcoded is not transcoded again),
 * probe, plan, run the single-pass ladder while shipping every finished segment to storage at once (so
 * that the lesson plays before the encode ends), then thumbnails and poster, then READY.
 */
@ApplicationScoped
public class TranscodeWorkers {

    private static final Logger LOG = Logger.getLogger(TranscodeWorkers.class.getName());
    /** How often a running job ships new segments and renews its lease. */
    private static final long TICK_MS = 500;
    private static final long IDLE_POLL_MS = 1000;
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
    Captions captions;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedExecutorService executor;

    private final List<Thread> running = new ArrayList<>();
    /** Released when this node queues a job, so that an idle worker starts at once instead of at its next poll. */
    private final java.util.concurrent.Semaphore queued = new java.util.concurrent.Semaphore(0);
    private volatile boolean stopping;
    /** How to stop each job this node is running now, by job id: what stop() must end. */
    private final Map<Long, Runnable> inFlight = new ConcurrentHashMap<>();

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        String node = ManagementFactory.getRuntimeMXBean().getName();
        for (int i = 0; i < settings.workers() + settings.shortLaneWorkers(); i++) {
            boolean shortLane = i >= settings.workers();
            String worker = node + (shortLane ? SHORT_LANE : "#") + i;
            Thread t = threads.newThread(() -> loop(worker, shortLane));
            t.setName("transcode-" + (shortLane ? "short-" : "") + i);
            t.start();
            running.add(t);
        }
        LOG.info(() -> "Started " + settings.workers() + " transcoding worker(s) and " + settings.shortLaneWorkers()
                + " for sources up to " + settings.shortLaneSeconds() + " s on " + node);
    }

    /** Marks a short-lane worker's name, so that the queue's estimate knows which running jobs hold back a long source. */
    private static final String SHORT_LANE = "#short-";

    static boolean isShortLane(String worker) {
        return worker != null && worker.contains(SHORT_LANE);
    }

    void onQueued(@Observes JobQueue.Queued job) {
        queued.release();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        inFlight.values().forEach(Runnable::run);
        running.forEach(Thread::interrupt);
    }

    private void loop(String worker, boolean shortLane) {
        while (!stopping) {
            try {
                Optional<JobQueue.Claim> claim = queue.claim(worker, settings.leaseSeconds(), settings.maxAttempts(), shortLane,
                        settings.shortLaneSeconds() * 1000L);
                if (claim.isPresent()) {
                    run(claim.get(), worker);
                } else {
                    queued.tryAcquire(IDLE_POLL_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Transcoding worker " + worker + " could not reach the queue; trying again", e);
                sleepQuietly(5000);
            }
        }
    }

    void run(JobQueue.Claim claim, String worker) throws InterruptedException {
        long jobId = claim.job().id();
        Asset asset = assets.get(claim.job().assetId());
        Path out = settings.workDir().resolve(jobId + "-" + claim.attempt());
        try {
            // Hashing reads the whole source; it runs beside the encode so that the first segments are not kept waiting.
            String key = asset.sourceKey();
            CompletableFuture<String> hash = asset.sha256() != null ? CompletableFuture.completedFuture(asset.sha256())
                    : CompletableFuture.supplyAsync(() -> sha256(key), executor);
            String source = store.internalUrl(asset.sourceKey(), Duration.ofMinutes(settings.timeoutMinutes() + 10L));
            Transcoder.ProbeOutcome probed = transcoder.probe(source);
            if (probed.probe() == null) {
                throw new IllegalStateException("ffprobe could not read the source: " + probed.error());
            }
            Probe probe = probed.probe();
            if (asset.kind() == MediaKind.AUDIO) {
                probe = new Probe(probe.formatName(), probe.durationMs(), false, 0, 0, 0, false, probe.audioTracks(), probe.subtitles());
            }
            List<Rendition> plan = RenditionPlanner.plan(probe);
            assets.setProbe(asset.id(), probe);
            assets.planRenditions(asset.id(), plan);
            assets.setState(asset.id(), AssetState.PROCESSING, null);
            Optional<UUID> same = transcode(jobId, worker, asset, probe, plan, source, out, hash);
            if (same.isPresent()) {
                assets.planRenditions(asset.id(), List.of());
                // Captions belong to each asset: the same file uploaded again keeps its own copy of its subtitles.
                assets.setTracksNote(asset.id(), keepSubtitles(asset, probe, source, out));
                assets.reuseRenditionsOf(asset.id(), same.get());
                queue.succeed(jobId);
                LOG.info("Asset " + asset.id() + " has the content of " + same.get() + "; its renditions are reused");
                return;
            }
            assets.completeRenditions(asset.id());
            assets.setTracksNote(asset.id(), keepSubtitles(asset, probe, source, out));
            long encoded = assets.encodedMs(asset.id());
            if (encoded <= 0) {
                throw new IllegalStateException("nothing of the source could be decoded");
            }
            assets.ready(asset.id(), encoded, incomplete(probe.durationMs(), encoded).orElse(null));
            queue.succeed(jobId);
        } catch (InterruptedException e) {
            throw e;
        } catch (LeaseLost e) {
            LOG.warning(() -> "Job " + jobId + " was cancelled or taken over by another worker; this attempt stops");
        } catch (RuntimeException e) {
            RuntimeException cause = e instanceof java.util.concurrent.CompletionException && e.getCause() instanceof RuntimeException r ? r : e;
            if (ObjectStore.isOutage(cause) || !storageAnswers()) {
                LOG.warning(() -> "Job " + jobId + " waits for object storage: " + cause.getMessage());
                queue.postpone(jobId, 15, "Waiting for object storage: " + cause.getMessage());
                return;
            }
            if (Transcoder.isWorkFolderFull(cause)) {
                LOG.warning(() -> "Job " + jobId + " waits: the work folder " + settings.workDir() + " is full");
                queue.postpone(jobId, WORK_FOLDER_FULL_WAIT_SECONDS, "The transcoding work folder of this server is full (no space left"
                        + " on the device); this attempt does not count and the job is tried again in " + WORK_FOLDER_FULL_WAIT_SECONDS + " s.");
                return;
            }
            String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            LOG.log(Level.WARNING, "Job " + jobId + " attempt " + claim.attempt() + " failed: " + reason);
            if (queue.failAttempt(jobId, claim.attempt(), settings.maxAttempts(), reason) == JobState.FAILED) {
                // ffmpeg's words (with the internal address it read from) stay in the job and the log; the teacher reads what to do.
                assets.setState(asset.id(), AssetState.FAILED, Assets.TRANSCODE_FAILED);
            }
        } finally {
            deleteTree(out);
        }
    }

    /**
     * Runs the ladder, shipping segments as they are finished, renewing the lease, and stopping early when
     * the source's hash shows a finished asset with the same content (returned: its renditions are reused).
     */
    private Optional<UUID> transcode(long jobId, String worker, Asset asset, Probe probe, List<Rendition> plan, String source, Path out,
                                     CompletableFuture<String> hash) throws InterruptedException {
        createDirectories(out, plan);
        AtomicLong encodedMs = new AtomicLong();
        AtomicLong progressedAt = new AtomicLong(System.nanoTime());
        FFmpegResultFuture ffmpeg = transcoder.startLadder(source, probe, plan, out, p -> {
            if (p.getTimeMillis() != null && encodedMs.getAndSet(p.getTimeMillis()) != p.getTimeMillis()) {
                progressedAt.set(System.nanoTime());
            }
        });
        inFlight.put(jobId, () -> Transcoder.stop(ffmpeg, out));
        Map<String, Integer> shipped = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(settings.timeoutMinutes()).toNanos();
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
                ship(asset.id(), plan, out, shipped, false);
                if (System.nanoTime() - lastRenew > Duration.ofSeconds(2).toNanos()) {
                    double progress = probe.durationMs() > 0 ? Math.min(0.99, (double) encodedMs.get() / probe.durationMs()) : 0;
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
                    LOG.warning(() -> "Job " + jobId + ": ffmpeg encoded nothing for " + Duration.ofNanos(stalled).toSeconds()
                            + " s and was stopped");
                    throw new IllegalStateException("ffmpeg encoded nothing for " + settings.stallSeconds()
                            + " s (lms.transcode.stall-seconds) and was stopped; the job is tried again.");
                }
                if (System.nanoTime() > deadline) {
                    Transcoder.stop(ffmpeg, out);
                    throw new IllegalStateException("Transcoding took longer than the limit of " + settings.timeoutMinutes()
                            + " minutes (lms.transcode.timeout-minutes) and was stopped.");
                }
            }
            try {
                ffmpeg.get();
            } catch (java.util.concurrent.ExecutionException e) {
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
        ship(asset.id(), plan, out, shipped, true);
        shipThumbnails(asset.id(), out);
        return Optional.empty();
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
        return Optional.of(new cn.imtp.platform.text.Words("文件不完整：只有前 " + playable + " 秒可播放（文件标明 " + announced
                + " 秒）；如需完整内容，请上传完整的文件。", "The file is incomplete: only the first " + playable + " s play (it announces "
                + announced + " s); upload the complete file for the rest.").stored());
    }

    /**
     * Turns the source's text subtitles into WebVTT captions of the asset, under their language (or {@code <language>-sN}
     * when that key is taken, by a caption the teacher uploaded or another track), which the teacher can then replace or
     * delete like an uploaded one; and says what was kept and what was not (picture subtitles have no text). A subtitle
     * that cannot be read is left out and said so; it never fails the job.
     */
    private String keepSubtitles(Asset asset, Probe probe, String source, Path out) {
        List<Probe.SubtitleTrack> text = asset.kind() == MediaKind.VIDEO ? probe.subtitles().stream().filter(Probe.SubtitleTrack::isText).toList()
                : List.of();
        Map<Integer, Path> files = text.isEmpty() ? Map.of() : transcoder.extractSubtitles(source, text, out.resolve("subtitles"));
        java.util.Set<String> taken = new java.util.HashSet<>(assets.captions(asset.id()).stream().map(Assets.Caption::language).toList());
        List<TrackNames.Kept> kept = new ArrayList<>();
        for (Probe.SubtitleTrack s : text) {
            Path file = files.get(s.index());
            String language = TrackNames.language(s.language());
            String key = taken.contains(language) ? language + "-s" + (s.index() + 1) : language;
            try {
                if (file == null) {
                    throw new IllegalStateException("ffmpeg wrote no WebVTT for subtitle track " + s.index());
                }
                captions.put(asset.id(), key, TrackNames.label(s.title(), language, s.index() + 1, true), Files.readAllBytes(file));
                taken.add(key);
                kept.add(new TrackNames.Kept(s, key));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Subtitle track " + s.index() + " of asset " + asset.id() + " could not be kept", e);
            }
        }
        return TrackNames.note(probe, kept);
    }

    private Optional<UUID> sameContent(Asset asset, String sha256) {
        assets.setHash(asset.id(), sha256);
        return assets.readyWithSameContent(sha256, asset.kind(), asset.id());
    }

    /** Sends every segment ffmpeg has finished (listed in its playlist) to storage, then records it. */
    private void ship(UUID assetId, List<Rendition> plan, Path out, Map<String, Integer> shipped, boolean last) {
        for (Rendition r : plan) {
            Path playlist = out.resolve(r.name()).resolve("index.m3u8");
            if (!Files.exists(playlist)) {
                continue;
            }
            List<Playlists.Written> written;
            try {
                written = Playlists.parse(Files.readString(playlist));
            } catch (IOException | RuntimeException e) {
                continue; // being rewritten; the next tick reads it
            }
            int done = shipped.getOrDefault(r.name(), 0);
            for (int seq = done; seq < written.size(); seq++) {
                Playlists.Written w = written.get(seq);
                Path file = out.resolve(r.name()).resolve(w.fileName());
                if (!Files.exists(file)) {
                    if (last) {
                        throw new IllegalStateException("ffmpeg listed segment " + w.fileName() + " of " + r.name() + " but did not write it");
                    }
                    break;
                }
                long bytes = size(file);
                store.put(Asset.segmentKey(assetId, r.name(), seq), file, "video/mp2t");
                assets.addSegment(assetId, r.name(), seq, w.durationMs(), bytes);
                deleteQuietly(file);
                shipped.put(r.name(), seq + 1);
            }
        }
    }

    private void shipThumbnails(UUID assetId, Path out) {
        Path dir = out.resolve("thumbnails");
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> thumbs;
        try (Stream<Path> files = Files.list(dir)) {
            thumbs = files.filter(p -> p.getFileName().toString().endsWith(".jpg"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replace(".jpg", ""))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < thumbs.size(); i++) {
            store.put(Asset.thumbnailKey(assetId, i), thumbs.get(i), "image/jpeg");
        }
        if (!thumbs.isEmpty()) {
            // The first frame is often black; the one ten seconds in usually shows the lesson.
            store.put(Asset.posterKey(assetId), thumbs.get(Math.min(1, thumbs.size() - 1)), "image/jpeg");
        }
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
            throw PlatformException.unavailable("Object storage",
                    new Words("读取源文件失败。", "Reading the source failed: " + e.getMessage()));
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

    private static void createDirectories(Path out, List<Rendition> plan) {
        try {
            for (Rendition r : plan) {
                Files.createDirectories(out.resolve(r.name()));
            }
            Files.createDirectories(out.resolve("thumbnails"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work directory " + out, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover file in the work directory goes with the directory
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(TranscodeWorkers::deleteQuietly);
        } catch (IOException ignored) {
            // nothing to do: the directory is scratch space
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** This worker's lease was taken over (it stalled past the lease); another worker owns the job now. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }
}
