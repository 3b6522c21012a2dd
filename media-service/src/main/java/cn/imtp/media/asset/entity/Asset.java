package cn.imtp.media.asset.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * One uploaded file (one version of a resource) and what became of it.
 *
 * @param renditionsOf when set, the asset whose renditions this one reuses (same content hash)
 */
public record Asset(
        UUID id,
        MediaKind kind,
        long ownerId,
        String fileName,
        String contentType,
        long declaredBytes,
        long partSize,
        String uploadId,
        AssetState state,
        String reason,
        String sha256,
        UUID renditionsOf,
        Long durationMs,
        Integer width,
        Integer height,
        Instant createdAt,
        Instant updatedAt) {

    public String sourceKey() {
        return sourceKey(id);
    }

    public static String sourceKey(UUID id) {
        return "assets/" + id + "/source";
    }

    /** The asset whose segments, posters and thumbnails are served for this one. */
    public UUID renditionOwner() {
        return renditionsOf == null ? id : renditionsOf;
    }

    public static String segmentKey(UUID owner, String rendition, int seq) {
        return segmentKeyPrefix(owner, rendition) + seq + ".ts";
    }

    /** What a rendition's segment keys begin with: the segment's number and {@code .ts} follow. */
    public static String segmentKeyPrefix(UUID owner, String rendition) {
        return "assets/" + owner + "/hls/" + rendition + "/";
    }

    public static String posterKey(UUID owner) {
        return "assets/" + owner + "/poster.jpg";
    }

    public static String thumbnailKey(UUID owner, int index) {
        return "assets/" + owner + "/thumbnails/" + index + ".jpg";
    }

    /** Captions belong to the asset that was uploaded, not to the one whose renditions it reuses. */
    public static String captionKey(UUID asset, String language) {
        return "assets/" + asset + "/captions/" + language + ".vtt";
    }

    public int partCount() {
        return (int) Math.max(1, (declaredBytes + partSize - 1) / partSize);
    }
}
