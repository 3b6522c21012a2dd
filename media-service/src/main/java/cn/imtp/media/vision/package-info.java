/**
 * Vision: what media-service sees in pictures and recordings, on this server. Presence checks' faces
 * ({@code faces/{subject}}, for lms-web: enrol a reference photo, verify a check's frames against it, keep a failed
 * check's frames for a reviewer, all encrypted in storage) and the objective measures of a recorded practical task
 * ({@code assets/{id}/measures}: length, picture, speech, loudness, faces), with OpenCV and ffmpeg.
 *
 * <p>Vision sits above asset and transcoding: it reads the recording's asset and runs ffmpeg and ffprobe through
 * transcoding ({@code Transcoder} to probe, {@code FfmpegProcess} for the measuring passes); nothing depends on vision.
 */
package cn.imtp.media.vision;
