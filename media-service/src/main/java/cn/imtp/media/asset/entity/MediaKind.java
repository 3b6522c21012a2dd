package cn.imtp.media.asset.entity;

/** What a file must be; lms-web names it in the upload grant from the resource's kind. */
public enum MediaKind {
    VIDEO,
    AUDIO,
    DOCUMENT,
    IMAGE;

    /** Video and audio are transcoded to HLS; documents and images are served as uploaded. */
    public boolean isStreamed() {
        return this == VIDEO || this == AUDIO;
    }
}
