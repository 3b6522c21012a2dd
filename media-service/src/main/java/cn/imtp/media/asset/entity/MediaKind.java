package cn.imtp.media.asset.entity;

import cn.imtp.platform.text.Words;

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

    /** What the kind is called for people (never the code). */
    public Words words() {
        return switch (this) {
            case VIDEO -> new Words("视频", "a video");
            case AUDIO -> new Words("音频", "an audio file");
            case DOCUMENT -> new Words("文档", "a document");
            case IMAGE -> new Words("图片", "an image");
        };
    }
}
