package cn.imtp.media.asset.entity;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What ffprobe found in a source. Width and height are as displayed, after any rotation the file
 * asks for (a phone's portrait video stored as 1920×1080 with rotation 90 is 1080×1920 here). Interlaced: the
 * video's field order says its frames hold two fields (1080i from a camcorder or broadcast), so the ladder
 * deinterlaces it first. Every audio and subtitle stream is listed, in the file's order.
 */
public record Probe(
        String formatName,
        long durationMs,
        boolean hasVideo,
        int width,
        int height,
        double frameRate,
        boolean interlaced,
        List<AudioTrack> audioTracks,
        List<SubtitleTrack> subtitles) {

    /**
     * An audio stream: its position among the file's audio streams (what {@code -map 0:a:N} names), its language as
     * tagged (ISO 639, or null), its title (or null), and whether the file marks it as the default.
     */
    public record AudioTrack(int index, String language, String title, boolean isDefault) {}

    /**
     * A subtitle stream: its position among the file's subtitle streams, its codec, language and title as tagged, and
     * whether it is text (SubRip, ASS, mov_text, WebVTT: it becomes WebVTT captions) or pictures (PGS, DVD, DVB: no text
     * to keep).
     */
    public record SubtitleTrack(int index, String codec, String language, String title) {

        private static final Set<String> TEXT = Set.of(
                "subrip",
                "srt",
                "ass",
                "ssa",
                "mov_text",
                "webvtt",
                "text",
                "microdvd",
                "subviewer",
                "jacosub",
                "sami",
                "realtext",
                "stl",
                "pjs",
                "mpl2",
                "vplayer");

        public boolean isText() {
            return codec != null && TEXT.contains(codec.toLowerCase(Locale.ROOT));
        }
    }

    public Probe {
        audioTracks = List.copyOf(audioTracks);
        subtitles = List.copyOf(subtitles);
    }

    /** A source with at most one audio track and no subtitles (tests, audio files). */
    public Probe(
            String formatName,
            long durationMs,
            boolean hasVideo,
            int width,
            int height,
            double frameRate,
            boolean hasAudio,
            boolean interlaced) {
        this(
                formatName,
                durationMs,
                hasVideo,
                width,
                height,
                frameRate,
                interlaced,
                hasAudio ? List.of(new AudioTrack(0, null, null, true)) : List.of(),
                List.of());
    }

    public boolean hasAudio() {
        return !audioTracks.isEmpty();
    }

    /** The track played when nobody chooses: the one the file marks as default, else the first. */
    public AudioTrack mainAudio() {
        return audioTracks.stream()
                .filter(AudioTrack::isDefault)
                .findFirst()
                .orElse(audioTracks.isEmpty() ? null : audioTracks.get(0));
    }

    /** ffprobe's field orders of interlaced video: top or bottom field first, stored in either order. */
    public static boolean interlacedFieldOrder(String fieldOrder) {
        return fieldOrder != null
                && Set.of("tt", "bb", "tb", "bt").contains(fieldOrder.trim().toLowerCase(Locale.ROOT));
    }
}
