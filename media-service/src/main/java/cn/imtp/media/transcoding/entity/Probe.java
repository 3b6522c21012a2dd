package cn.imtp.media.transcoding.entity;

/**
 * What ffprobe found in a source. Width and height are as displayed, after any rotation the file
 * asks for (a phone's portrait video stored as 1920×1080 with rotation 90 is 1080×1920 here). Interlaced: the
 * video's field order says its frames hold two fields (1080i from a camcorder or broadcast), so the ladder
 * deinterlaces it first.
 */
public record Probe(String formatName, long durationMs, boolean hasVideo, int width, int height, double frameRate,
                    boolean hasAudio, boolean interlaced) {

    /** ffprobe's field orders of interlaced video: top or bottom field first, stored in either order. */
    public static boolean interlacedFieldOrder(String fieldOrder) {
        return fieldOrder != null && java.util.Set.of("tt", "bb", "tb", "bt").contains(fieldOrder.trim().toLowerCase(java.util.Locale.ROOT));
    }
}
