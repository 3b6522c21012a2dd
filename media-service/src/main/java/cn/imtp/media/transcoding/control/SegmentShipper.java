package cn.imtp.media.transcoding.control;

import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.hls.Playlists;
import cn.imtp.media.hls.Rendition;
import cn.imtp.media.storage.control.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Ships what a running ladder has finished from its work folder to storage: each segment ffmpeg has listed in its
 * playlist goes to storage and then into the asset's rows (so that it plays at once) and leaves the work folder; at the
 * end, the thumbnails and the poster.
 */
@ApplicationScoped
public class SegmentShipper {

    @Inject
    Assets assets;

    @Inject
    ObjectStore store;

    /**
     * Sends every segment ffmpeg has finished (listed in its playlist) to storage, then records it. {@code shipped} holds
     * how many segments of each rendition are shipped so far; {@code last}: ffmpeg has ended, so a listed segment that is
     * missing is an error rather than one still being written.
     */
    void ship(UUID assetId, List<Rendition> plan, Path out, Map<String, Integer> shipped, boolean last) {
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
                        throw new IllegalStateException(
                                "ffmpeg listed segment " + w.fileName() + " of " + r.name() + " but did not write it");
                    }
                    break;
                }
                long bytes = WorkFolder.size(file);
                store.put(Asset.segmentKey(assetId, r.name(), seq), file, "video/mp2t");
                assets.addSegment(assetId, r.name(), seq, w.durationMs(), bytes);
                WorkFolder.deleteQuietly(file);
                shipped.put(r.name(), seq + 1);
            }
        }
    }

    void shipThumbnails(UUID assetId, Path out) {
        Path dir = out.resolve("thumbnails");
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> thumbs;
        try (Stream<Path> files = Files.list(dir)) {
            thumbs = files.filter(p -> p.getFileName().toString().endsWith(".jpg"))
                    .sorted(Comparator.comparingInt(
                            p -> Integer.parseInt(p.getFileName().toString().replace(".jpg", ""))))
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
}
