package cn.imtp.media.streaming.control;

import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.control.Assets.StoredRendition;
import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.asset.entity.AssetState;
import cn.imtp.media.storage.control.ObjectStore;
import cn.imtp.media.storage.control.SharedGetSigner;
import cn.imtp.media.streaming.control.Playlists.Segment;
import cn.imtp.media.transcoding.control.TranscodeSettings;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.MediaGrant;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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

    /** Finished renditions' variant playlists of the current slots: 32 M characters (a 3-hour lecture's rung is ~0.7 M). */
    private final BoundedCache<Variant> variants = new BoundedCache<>(32_000_000, v -> v.text().length());
    /**
     * Finished renditions' segment lists (they do not change once a rendition is complete and its asset READY), so that a
     * playlist written for a new slot only signs: 400,000 segments, about 20 MB (a 3-hour lecture's rung has 1,800).
     */
    private final BoundedCache<List<Segment>> finishedSegments = new BoundedCache<>(400_000, List::size);
    /** How long before its slot ends a playlist that is read is written for the next slot. */
    static final Duration WRITE_AHEAD = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(Playback.class.getName());
    /** Playlists being written on this node, by key: a viewer who asks meanwhile waits for that one, none is signed twice. */
    private final Map<String, CompletableFuture<Variant>> writing = new ConcurrentHashMap<>();

    @Resource
    ManagedThreadFactory threads;
    /** Writes playlists ahead on one thread of its own (not the server's shared executor, which hashes sources). */
    private ThreadPoolExecutor ahead;
    private SharedGetSigner segmentUrls;

    @PostConstruct
    void start() {
        segmentUrls = store.sharedGets(Duration.ofMinutes(urlMinutes));
        ahead = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), threads);
    }

    @PreDestroy
    void stop() {
        ahead.shutdownNow();
    }

    public String master(UUID assetId, String grant) {
        List<StoredRendition> renditions = playable(assetId).renditions();
        String query = "?grant=" + java.net.URLEncoder.encode(grant, java.nio.charset.StandardCharsets.UTF_8);
        List<Playlists.Captions> captions = assets.captions(assetId).stream()
                .map(c -> new Playlists.Captions(c.language(), Playlists.isQuotable(c.name()) ? c.name() : c.language(), "captions/" + c.language() + ".m3u8" + query)).toList();
        return Playlists.master(renditions.stream().map(StoredRendition::rendition).toList(), r -> r.name() + ".m3u8" + query, captions);
    }

    /** A subtitle playlist of one WebVTT file covering the whole video, with a presigned URL. */
    public String captionPlaylist(UUID assetId, String language) {
        Asset a = playable(assetId).asset();
        if (assets.captions(assetId).stream().noneMatch(c -> c.language().equals(language))) {
            throw PlatformException.notFound("Captions in", language);
        }
        int seconds = (int) Math.max(1, (a.durationMs() == null ? 0 : a.durationMs() + 999) / 1000);
        return "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-TARGETDURATION:" + seconds + "\n#EXTINF:" + seconds + ",\n"
                + store.publicUrl(Asset.captionKey(assetId, language), Duration.ofMinutes(urlMinutes), "text/vtt; charset=utf-8", null)
                + "\n#EXT-X-ENDLIST\n";
    }

    /**
     * The variant playlist of the current slot. A finished one read in the last {@link #WRITE_AHEAD} of its slot is
     * written for the next slot in the background; one written now has the asset's other finished rungs written for the
     * slot in the background too (a player moves between rungs as its network changes). So at most the first viewer of an
     * asset in a slot on a node waits for URLs to be signed. URLs signed for the next slot are served only once it has
     * begun (the slot is part of the key).
     */
    public Variant variant(UUID assetId, String rendition) {
        Instant now = Instant.now();
        Variant kept = variants.get(variantKey(assetId, rendition, segmentUrls.slotOf(now)));
        if (kept != null) {
            Instant next = segmentUrls.nextSlotAfter(now);
            if (Duration.between(now, next).compareTo(WRITE_AHEAD) <= 0) {
                inBackground(assetId, rendition, next);
            }
            return kept;
        }
        return written(assetId, rendition, now, true);
    }

    private static String variantKey(UUID assetId, String rendition, Instant slot) {
        return assetId + "/" + rendition + "@" + slot.getEpochSecond();
    }

    private void inBackground(UUID assetId, String rendition, Instant at) {
        String key = variantKey(assetId, rendition, segmentUrls.slotOf(at));
        if (variants.get(key) != null || writing.containsKey(key)) {
            return;
        }
        try {
            ahead.execute(() -> {
                try {
                    written(assetId, rendition, at, false);
                } catch (RuntimeException e) {
                    // Its first viewer writes it then, as without writing ahead.
                    LOG.fine(() -> "Writing " + key + " ahead failed: " + e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "Not writing " + key + " ahead: the queue is full or the node is stopping");
        }
    }

    /** The playlist with URLs signed for {@code at}'s slot: kept, being written by another request, or written here. */
    private Variant written(UUID assetId, String rendition, Instant at, boolean andOtherRungs) {
        String key = variantKey(assetId, rendition, segmentUrls.slotOf(at));
        CompletableFuture<Variant> mine = new CompletableFuture<>();
        CompletableFuture<Variant> theirs = writing.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Variant v = variants.get(key);
            if (v == null) {
                v = write(key, assetId, rendition, at, andOtherRungs);
            }
            mine.complete(v);
            return v;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            writing.remove(key, mine);
        }
    }

    /** Writes the variant playlist with URLs signed for {@code at}'s slot, keeping it when the rendition is finished. */
    private Variant write(String key, UUID assetId, String rendition, Instant at, boolean andOtherRungs) {
        Playable p = playable(assetId);
        UUID owner = p.asset().renditionOwner();
        StoredRendition stored = p.renditions().stream().filter(r -> r.rendition().name().equals(rendition)).findFirst()
                .orElseThrow(() -> PlatformException.notFound("Rendition", rendition));
        boolean finished = stored.complete() && p.asset().state() == AssetState.READY;
        Variant playlist = new Variant(Playlists.variant(segments(owner, rendition, finished), stored.complete(), transcoding.hlsSeconds(),
                seq -> segmentUrls.url(Asset.segmentKey(owner, rendition, seq), at, Map.of())));
        if (finished) {
            variants.put(key, playlist);
            if (andOtherRungs) {
                p.renditions().stream().filter(r -> r.complete() && !r.rendition().name().equals(rendition))
                        .forEach(r -> inBackground(assetId, r.rendition().name(), at));
            }
        }
        return playlist;
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

    // No response-content-type in segment URLs: each segment is stored as video/mp2t, and every byte counts 1,800 times.

    public String posterUrl(UUID assetId) {
        Asset a = assets.get(assetId);
        if (a.state() != AssetState.READY || !a.kind().isStreamed()) {
            throw PlatformException.notFound("Poster of asset", assetId);
        }
        UUID owner = a.renditionOwner();
        if (store.size(Asset.posterKey(owner)).isEmpty()) {
            throw PlatformException.notFound("Poster of asset", assetId);
        }
        return store.publicUrl(Asset.posterKey(owner), Duration.ofMinutes(urlMinutes), "image/jpeg", null);
    }

    /** The uploaded file itself: documents and images for viewers, a video's source for its uploader only. */
    public String fileUrl(UUID assetId, MediaGrant grant) {
        Asset a = assets.get(assetId);
        if (a.kind().isStreamed() && grant.scope() != MediaGrant.Scope.UPLOAD) {
            throw new PlatformException(403, "forbidden", "Forbidden", "Lessons are streamed, not downloaded; open the player instead.");
        }
        if (a.state() != AssetState.READY && a.state() != AssetState.PROCESSING) {
            throw PlatformException.conflict("The file is " + a.state() + "; there is nothing to download.");
        }
        return store.publicUrl(a.sourceKey(), Duration.ofMinutes(urlMinutes), a.contentType(), a.fileName());
    }

    /** A streamed asset with the renditions it has so far (read once per request). */
    private record Playable(Asset asset, List<StoredRendition> renditions) {
    }

    private Playable playable(UUID assetId) {
        Asset a = assets.get(assetId);
        if (!a.kind().isStreamed()) {
            throw PlatformException.conflict("This file is a " + a.kind() + "; download it instead of playing it.");
        }
        if (a.state() == AssetState.FAILED || a.state() == AssetState.REJECTED || a.state() == AssetState.ABANDONED) {
            throw PlatformException.conflict("This video cannot be played: " + a.state() + (a.reason() == null ? "" : " — " + a.reason()));
        }
        List<StoredRendition> renditions = assets.renditions(a.renditionOwner());
        if (renditions.isEmpty()) {
            throw new PlatformException(409, "not-yet-playable", "Not yet playable",
                    "The video is still being prepared; try again in a few seconds.");
        }
        return new Playable(a, renditions);
    }
}
