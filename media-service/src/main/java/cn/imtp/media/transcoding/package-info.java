/**
 * Transcoding: ffmpeg and ffprobe, configured by {@code lms.ffmpeg} and {@code lms.ffprobe}
 * (the launcher points them at the bytedeco build unless a system ffmpeg is configured).
 */
package cn.imtp.media.transcoding;
