package cn.imtp.lms.resourcepack.entity;

/** What a resource holds; every kind but LINK is a file in object storage. */
public enum ResourceKind {
    VIDEO, AUDIO, DOCUMENT, IMAGE, LINK
}
