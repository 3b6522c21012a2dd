package cn.imtp.media.streaming.control;

import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.control.Assets.StoredRendition;
import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.asset.entity.AssetState;
import cn.imtp.media.hls.Playlists;
import cn.imtp.media.hls.Segment;
import cn.imtp.media.storage.control.ObjectStore;
import cn.imtp.media.storage.control.SharedGetSigner;
import cn.imtp.media.transcoding.control.TranscodeSettings;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.MediaGrant;
import cn.imtp.platform.text.Words;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Playlists and file links for the holder of a grant. The master lists the variants relative to itself, carrying the
 * viewer's grant. Variant playlists list presigned segment URLs for the public endpoint that every viewer of a signing
 * slot shares ({@link SharedGetSigner}: valid at least {@code lms.stream.url-minutes}, at most half as long again), so
 * a finished rendition's playlist is written once per slot per node (kept in a {@link BoundedCache}, as are its segments) and a CDN or browser caches each
 * segment once for everyone. Revocation: a listed segment URL works until it expires, whoever holds it; access itself
 * (the grant) is checked on every playlist request.
 */
@ApplicationScoped
public class Playback {

    @Inject
    Assets assets;

    @Inject
    ObjectStore store;

    @Inject
    TranscodeSettings transcoding;

    @Inject
    @ConfigProperty(name = "lms.stream.url-minutes")
    int urlMinutes;

    /** Finished renditions' variant playlists of the current slots: 32 MB (a 3-hour lecture's rung is ~0.7 M). */
    private final BoundedCache<Variant> variants = new BoundedCache<>(32_000_000, Variant::size);
    /**
     * Finished renditions' segment lists (they do not change once a rendition is complete and its asset READY), so that a
     * playlist written for a new slot only signs: 400,000 segments, about 20 MB (a 3-hour lecture's rung has 1,800).
     */
    private final BoundedCache<List<Segment>> finishedSegments = new BoundedCache<>(400_000, List::size);
    /** How long before its slot ends a playlist read in the slot is written for the next one. */
    static final Duration WRITE_AHEAD = Duration.ofSeconds(30);
    /** The most playlists waiting to be written in the background on this node (beyond: their first viewer writes them). */
    static final int MAX_WAITING = 4096;

    private static final Logger LOG = Logger.getLogger(Playback.class.getName());
    /** Playlists being written on this node, by key: a viewer who asks meanwhile waits for that one, none is signed twice. */
    private final Map<String, CompletableFuture<Variant>> writing = new ConcurrentHashMap<>();
    /** Next-slot playlists this node has planned to write: each once. */
    private final Set<String> planned = ConcurrentHashMap.newKeySet();

    @Resource
    ManagedThreadFactory threads;
    /** Writes playlists in the background on one thread of its own (not the server's shared executor, which hashes sources). */
    private ScheduledThreadPoolExecutor ahead;

    private SharedGetSigner segmentUrls;

    /** Idle cores that help a request sign and gzip a long playlist. */
    private SpareCores cores;

    /**
     * What writing in the background uses: its own thread only. Nobody waits for it, and on a node of few cores the
     * idle cores it would take are the ones a request's answer is about to need.
     */
    private SpareCores alone;

    @PostConstruct
    void start() {
        segmentUrls = store.sharedGets(Duration.ofMinutes(urlMinutes));
        ahead = new ScheduledThreadPoolExecutor(1, threads);
        ahead.setRemoveOnCancelPolicy(true);
        cores = new SpareCores(
                threads, SpareCores.helpersFor(Runtime.getRuntime().availableProcessors()));
        alone = new SpareCores(threads, 0);
    }

    @PreDestroy
    void stop() {
        ahead.shutdownNow();
        cores.close();
        alone.close();
    }

    public String master(UUID assetId, String grant) {
        List<StoredRendition> renditions = playable(assetId).renditions();
        String query = "?grant=" + URLEncoder.encode(grant, StandardCharsets.UTF_8);
        List<Playlists.Captions> captions = assets.captions(assetId).stream()
                .map(c -> new Playlists.Captions(
                        c.language(),
                        Playlists.isQuotable(c.name()) ? c.name() : c.language(),
                        "captions/" + c.language() + ".m3u8" + query))
                .toList();
        return Playlists.master(
                renditions.stream().map(StoredRendition::rendition).toList(),
                r -> r.name() + ".m3u8" + query,
                captions);
    }

    /** A subtitle playlist of one WebVTT file covering the whole video, with a presigned URL. */
    public String captionPlaylist(UUID assetId, String language, MediaGrant grant) {
        Asset a = playable(assetId).asset();
        if (assets.captions(assetId).stream().noneMatch(c -> c.language().equals(language))) {
            throw PlatformException.notFound(new Words("该视频没有所选语言的字幕。", "Captions in " + language + " do not exist."));
        }
        int seconds = (int) Math.max(1, (a.durationMs() == null ? 0 : a.durationMs() + 999) / 1000);
        return "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-TARGETDURATION:" + seconds + "\n#EXTINF:"
                + seconds + ",\n"
                + store.publicUrl(
                        Asset.captionKey(assetId, language), linkLifetime(grant), "text/vtt; charset=utf-8", null)
                + "\n#EXT-X-ENDLIST\n";
    }

    /**
     * The variant playlist of the current slot. A finished rung read in a slot is written for the next slot in the
     * background, {@link #WRITE_AHEAD} before that slot begins; one written now has the asset's other finished rungs
     * written for the slot in the background too (a player moves between rungs as its network changes). So only the
     * first viewer of an asset nobody on this node watched in the previous slot waits for URLs to be signed. URLs signed
     * for the next slot are served only once it has begun (the slot is part of the key). A playlist written for a request
     * that accepts gzip ({@code gzip}) is gzipped as it is written.
     */
    public Variant variant(UUID assetId, String rendition, boolean gzip) {
        Instant now = Instant.now();
        String key = variantKey(assetId, rendition, segmentUrls.slotOf(now));
        Variant v = variants.get(key);
        if (v == null) {
            v = written(assetId, rendition, now, true, gzip, cores);
        }
        if (variants.get(key) == v) {
            planNextSlot(assetId, rendition, now);
        }
        return v;
    }

    private static String variantKey(UUID assetId, String rendition, Instant slot) {
        return assetId + "/" + rendition + "@" + slot.getEpochSecond();
    }

    /** Writes the next slot's playlist of a finished rung {@link #WRITE_AHEAD} before that slot begins, once. */
    private void planNextSlot(UUID assetId, String rendition, Instant now) {
        Instant next = segmentUrls.nextSlotAfter(now);
        String key = variantKey(assetId, rendition, next);
        if (variants.get(key) != null || !planned.add(key)) {
            return;
        }
        long delay = writeAheadDelay(now, next).toMillis();
        if (!inBackground(assetId, rendition, next, delay, () -> planned.remove(key))) {
            planned.remove(key);
        }
    }

    /**
     * How long after {@code now} the playlist of the slot beginning at {@code next} is written: {@link #WRITE_AHEAD}
     * before it begins, but never while the answer to the request read at {@code now} is being sent ({@link
     * #SIBLING_DELAY}; with 5-minute slots a read in the last 30 s of one, with slots as short as the write-ahead every
     * read), unless the slot ends sooner than that: then halfway to its end.
     */
    static Duration writeAheadDelay(Instant now, Instant next) {
        Duration untilNext = Duration.between(now, next);
        Duration notWhileAnswering =
                SIBLING_DELAY.compareTo(untilNext.dividedBy(2)) < 0 ? SIBLING_DELAY : untilNext.dividedBy(2);
        Duration ahead = untilNext.minus(WRITE_AHEAD);
        return ahead.compareTo(notWhileAnswering) > 0
                ? ahead
                : notWhileAnswering.isNegative() ? Duration.ZERO : notWhileAnswering;
    }

    /** Writes a playlist on the background thread after {@code delayMs}; false when too many are waiting or the node stops. */
    private boolean inBackground(UUID assetId, String rendition, Instant at, long delayMs, Runnable after) {
        String key = variantKey(assetId, rendition, segmentUrls.slotOf(at));
        if (ahead.getQueue().size() >= MAX_WAITING) {
            return false;
        }
        try {
            ahead.schedule(
                    () -> {
                        try {
                            if (Instant.now().isBefore(segmentUrls.nextSlotAfter(at))) {
                                // (A playlist of a slot that has ended would only push live ones out of the cache.)
                                written(assetId, rendition, at, false, true, alone);
                            }
                        } catch (RuntimeException e) {
                            // Its first viewer writes it then, as without writing ahead.
                            LOG.fine(() -> "Writing " + key + " in the background failed: " + e);
                        } finally {
                            after.run();
                        }
                    },
                    delayMs,
                    TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * How long after a playlist written on a request its asset's other rungs are written: not while that request's
     * answer (650 KB for a 3-hour lecture) is still being sent, on a node of few cores; a player moves to another rung
     * only after some segments, and one asking sooner writes that rung itself.
     */
    static final Duration SIBLING_DELAY = Duration.ofMillis(250);

    /** How long a viewer waits for the playlist another request is writing before writing it itself. */
    static final Duration WAIT_FOR_WRITER = Duration.ofSeconds(5);

    /** The playlist with URLs signed for {@code at}'s slot: kept, being written by another request, or written here. */
    private Variant written(
            UUID assetId, String rendition, Instant at, boolean andOtherRungs, boolean gzip, SpareCores on) {
        String key = variantKey(assetId, rendition, segmentUrls.slotOf(at));
        CompletableFuture<Variant> mine = new CompletableFuture<>();
        CompletableFuture<Variant> theirs = writing.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return theirs.get(WAIT_FOR_WRITER.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r
                        ? r
                        : new IllegalStateException("writing " + key + " failed", e.getCause());
            } catch (TimeoutException e) {
                // The other writer is stuck: this viewer gets a playlist of its own rather than waiting on.
                return write(key, assetId, rendition, at, false, gzip, on);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + key, e);
            }
        }
        try {
            Variant v = variants.get(key);
            if (v == null) {
                v = write(key, assetId, rendition, at, andOtherRungs, gzip, on);
            }
            mine.complete(v);
            return v;
        } catch (Throwable e) {
            // Errors too: whoever waits for this playlist is told, never left waiting.
            mine.completeExceptionally(e);
            throw e;
        } finally {
            writing.remove(key, mine);
        }
    }

    /** Writes the variant playlist with URLs signed for {@code at}'s slot, keeping it when the rendition is finished. */
    private Variant write(
            String key,
            UUID assetId,
            String rendition,
            Instant at,
            boolean andOtherRungs,
            boolean gzip,
            SpareCores on) {
        long t0 = System.nanoTime();
        Playable p = playable(assetId);
        UUID owner = p.asset().renditionOwner();
        StoredRendition stored = p.renditions().stream()
                .filter(r -> r.rendition().name().equals(rendition))
                .findFirst()
                .orElseThrow(() -> PlatformException.notFound(new Words("清晰度", "Rendition"), rendition));
        boolean finished = stored.complete() && p.asset().state() == AssetState.READY;
        long t1 = System.nanoTime();
        List<Segment> segments = segments(owner, rendition, finished);
        long t2 = System.nanoTime();
        Playlists.VariantText text = Playlists.variant(
                segments, stored.complete(), transcoding.hlsSeconds(), SIGNING_PART, urls(owner, rendition, at));
        byte[] gzipped = Variant.writeInParts(text, gzip, on);
        long t3 = System.nanoTime();
        Variant playlist = new Variant(
                text.allParts(),
                gzipped,
                "asset;dur=" + millis(t1 - t0) + ", rows;dur=" + millis(t2 - t1) + ", sign;dur=" + millis(t3 - t2));
        if (finished) {
            variants.put(key, playlist);
            if (andOtherRungs) {
                p.renditions().stream()
                        .filter(r -> r.complete()
                                && !r.rendition().name().equals(rendition)
                                && variants.get(variantKey(
                                                assetId, r.rendition().name(), segmentUrls.slotOf(at)))
                                        == null)
                        .forEach(r ->
                                inBackground(assetId, r.rendition().name(), at, SIBLING_DELAY.toMillis(), () -> {}));
            }
        }
        return playlist;
    }

    /** Milliseconds with two decimals, as Server-Timing gives them (on every playlist request: no String.format). */
    public static String millis(long nanos) {
        long hundredths = Math.max(0, (nanos + 5_000) / 10_000);
        long rest = hundredths % 100;
        return hundredths / 100 + (rest < 10 ? ".0" : ".") + rest;
    }

    /** How many segments' lines one part of a playlist's writing signs (a 3-hour lecture's 1,800 make 15 parts). */
    static final int SIGNING_PART = 128;

    /**
     * The segments' URLs signed for {@code at}'s slot, written in place: 1,800 signatures take 3–5 ms on one core, so a
     * playlist's parts are written on the request's thread and the node's idle cores ({@link SpareCores}).
     */
    private Playlists.SegmentUrls urls(UUID owner, String rendition, Instant at) {
        SharedGetSigner.Batch batch = segmentUrls.batch(at);
        byte[] prefix = SharedGetSigner.encodedKey(Asset.segmentKeyPrefix(owner, rendition));
        return new Playlists.SegmentUrls() {
            @Override
            public int length(Segment s) {
                return batch.length(keyLength(s));
            }

            @Override
            public void write(Segment s, byte[] out, int at) {
                // The key, as Asset.segmentKey makes it: its prefix (encoded once), the number, ".ts".
                byte[] key = Arrays.copyOf(prefix, keyLength(s));
                int p = Playlists.writeDigits(s.seq(), key, prefix.length);
                System.arraycopy(TS, 0, key, p, TS.length);
                batch.write(key, key.length, out, at);
            }

            private int keyLength(Segment s) {
                return prefix.length + Playlists.digits(s.seq()) + TS.length;
            }
        };
    }

    private static final byte[] TS = ".ts".getBytes(StandardCharsets.US_ASCII);

    /** The playlist gzipped (made once per slot, on the request's thread and idle cores). */
    public byte[] gzipped(Variant v) {
        return v.gzipped(cores);
    }

    private List<Segment> segments(UUID owner, String rendition, boolean finished) {
        if (!finished) {
            return assets.segments(owner, rendition);
        }
        String key = owner + "/" + rendition;
        List<Segment> kept = finishedSegments.get(key);
        if (kept == null) {
            kept = List.copyOf(assets.segments(owner, rendition));
            finishedSegments.put(key, kept);
        }
        return kept;
    }

    // No response-content-type in segment URLs: each segment is stored as video/mp2t, and every byte counts 1,800
    // times.

    public String posterUrl(UUID assetId, MediaGrant grant) {
        Asset a = assets.get(assetId);
        if (a.state() != AssetState.READY || !a.kind().isStreamed()) {
            throw noPoster(assetId);
        }
        UUID owner = a.renditionOwner();
        if (store.size(Asset.posterKey(owner)).isEmpty()) {
            throw noPoster(assetId);
        }
        return store.publicUrl(Asset.posterKey(owner), linkLifetime(grant), "image/jpeg", null);
    }

    private static PlatformException noPoster(UUID assetId) {
        return PlatformException.notFound(
                new Words("文件 " + assetId + " 没有封面图。", "Poster of asset " + assetId + " does not exist."));
    }

    /** The uploaded file itself: documents and images for viewers, a video's source for its uploader only. */
    public String fileUrl(UUID assetId, MediaGrant grant) {
        Asset a = assets.get(assetId);
        if (a.kind().isStreamed() && grant.scope() != MediaGrant.Scope.UPLOAD) {
            throw new PlatformException(
                    403,
                    "forbidden",
                    "Forbidden",
                    new Words(
                            "课程视频只能在线播放，不能下载；请在播放器中打开。",
                            "Lessons are streamed, not downloaded; open the player instead."));
        }
        if (a.state() != AssetState.READY && a.state() != AssetState.PROCESSING) {
            throw PlatformException.conflict(new Words(
                    "文件当前没有可下载的内容（状态：" + a.state().words().zh() + "）。",
                    "The file has nothing to download yet (state: "
                            + a.state().words().en() + ")."));
        }
        return store.publicUrl(a.sourceKey(), linkLifetime(grant), a.contentType(), a.fileName());
    }

    /**
     * How long a link presigned for one grant holder (a file, a poster, a caption track) lives: {@code
     * lms.stream.url-minutes}, but never past the grant that asked for it (a sample paper shown until a time: its grant
     * ends then). A grant inside the verifier's leeway after its end gets one second: the redirect is followed at once.
     */
    private Duration linkLifetime(MediaGrant grant) {
        Duration untilGrantEnds = Duration.between(Instant.now(), grant.expiresAt());
        Duration configured = Duration.ofMinutes(urlMinutes);
        if (untilGrantEnds.compareTo(configured) >= 0) {
            return configured;
        }
        return untilGrantEnds.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : untilGrantEnds;
    }

    /** A streamed asset with the renditions it has so far (read once per request). */
    private record Playable(Asset asset, List<StoredRendition> renditions) {}

    private Playable playable(UUID assetId) {
        Asset a = assets.get(assetId);
        if (!a.kind().isStreamed()) {
            throw PlatformException.conflict(new Words(
                    "这是" + a.kind().words().zh() + "文件，不能在线播放，请下载后查看。",
                    "This file is " + a.kind().words().en() + "; download it instead of playing it."));
        }
        if (a.state() == AssetState.FAILED || a.state() == AssetState.REJECTED || a.state() == AssetState.ABANDONED) {
            // The reason is stored in both languages (Words.stored): each reader gets theirs.
            Words reason = a.reason() == null ? new Words("", "") : Words.ofStored(a.reason());
            Words state = a.state().words();
            throw PlatformException.conflict(new Words(
                    "这个视频无法播放：" + state.zh() + (reason.zh().isEmpty() ? "" : " — " + reason.zh()),
                    "This video cannot be played: " + state.en() + (reason.en().isEmpty() ? "" : " — " + reason.en())));
        }
        List<StoredRendition> renditions = assets.renditions(a.renditionOwner());
        if (renditions.isEmpty()) {
            throw new PlatformException(
                    409,
                    "not-yet-playable",
                    "Not yet playable",
                    new Words("视频仍在处理中，请过几秒再试。", "The video is still being prepared; try again in a few seconds."));
        }
        return new Playable(a, renditions);
    }
}
