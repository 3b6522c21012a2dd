package cn.imtp.media.hls;

/**
 * One output of the ladder: a video rung, with the source's audio track {@code sourceAudio} muxed in when the source
 * has one track (or none: null); an audio-only rendition; or, when the source has several audio tracks, one alternate
 * audio rendition per track ({@code alternate} set), which players offer as languages beside video rungs without audio.
 */
public record Rendition(
        String name, int width, int height, int videoKbps, int audioKbps, Integer sourceAudio, Alternate alternate) {

    /** An alternate audio rendition's language (BCP 47, {@code und} when the file does not say), the name players show, and whether it plays first. */
    public record Alternate(String language, String label, boolean isDefault) {}

    public boolean audioOnly() {
        return videoKbps == 0;
    }

    public boolean isAlternateAudio() {
        return alternate != null;
    }

    /** The BANDWIDTH a master playlist announces: peak bits per second, with headroom for the container. */
    public int bandwidth() {
        return (int) ((videoKbps + audioKbps) * 1000L * 11 / 10);
    }

    /** RFC 6381 codecs: H.264 High 4.0 and AAC-LC. */
    public String codecs() {
        if (audioOnly()) {
            return "mp4a.40.2";
        }
        return audioKbps > 0 ? "avc1.640028,mp4a.40.2" : "avc1.640028";
    }
}
