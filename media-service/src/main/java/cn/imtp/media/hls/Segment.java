package cn.imtp.media.hls;

/** A segment as recorded when it reached storage. */
public record Segment(int seq, int durationMs) {}
