package cn.imtp.media.transcoding.entity;

/**
 * What ffprobe found in a source. Width and height are as displayed, after any rotation the file
 * asks for (a phone's portrait video stored as 1920×1080 with rotation 90 is 1080×1920 here).
 */
public record Probe(String formatName, long durationMs, boolean hasVideo, int width, int height, double frameRate,
                    boolean hasAudio) {
}
