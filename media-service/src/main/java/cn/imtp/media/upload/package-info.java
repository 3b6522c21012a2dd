/**
 * Uploads straight from the browser to object storage, resumable, with the content checked.
 *
 * <p>The client starts an upload with lms-web's upload grant ({@code POST /media/api/uploads/{asset}}),
 * asks for presigned part URLs signed for {@code lms.s3.public-endpoint}, PUTs the parts to storage
 * (whose CORS exposes {@code ETag}), and completes. The file never passes through this server. Starting
 * again with the same grant returns the same upload and the parts storage already holds: a reload or a
 * network cut resumes. Completing uses the parts storage lists, never the client's word, then checks
 * the content: ffprobe for video and audio, magic bytes for documents and images; a file that is not
 * what it claims is deleted and the asset REJECTED with the reason (422). Size and kinds are limited by
 * {@code lms.upload.*}; an upload left unfinished for {@code lms.upload.abandon-after-minutes} is
 * aborted in storage and marked ABANDONED.
 *
 * <p>Pitfall: S3Proxy's Jetty answers 400 to a part PUT sent as {@code application/x-www-form-urlencoded}
 * (the default of some HTTP clients); send parts as {@code application/octet-stream} or without a type.
 */
package cn.imtp.media.upload;
