package cn.imtp.media.transcoding.entity;

/** One output of the ladder: a video rung (with audio when the source has it) or an audio-only rendition. */
public record Rendition(String name, int width, int height, int videoKbps, int audioKbps) {

    public boolean audioOnly() {
        return videoKbps == 0;
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
