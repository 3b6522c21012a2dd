package cn.imtp.lms.resourcepack.entity;

/** What a resource holds; every kind but LINK is a file in object storage. */
public enum ResourceKind {
    VIDEO,
    AUDIO,
    DOCUMENT,
    IMAGE,
    LINK;

    /** The kind's Chinese name, for texts for people (the English ones name the code). */
    public String zh() {
        return switch (this) {
            case VIDEO -> "视频";
            case AUDIO -> "音频";
            case DOCUMENT -> "文档";
            case IMAGE -> "图片";
            case LINK -> "链接";
        };
    }
}
