/**
 * Streaming: HLS playlists written per viewer, for the holder of a view grant only.
 *
 * <p>The master playlist lists the renditions (bandwidth, resolution, codecs) relative to itself, with
 * the viewer's grant; a variant playlist lists every segment stored so far as an absolute presigned URL
 * for the public endpoint, valid {@code lms.stream.url-minutes} (relative names would not carry a
 * signature). While encoding runs it is an EVENT playlist without end; once the rendition is complete
 * it is VOD with EXT-X-ENDLIST. Segments are served by storage itself, so range requests work and a
 * CDN may front them. Documents and images download through a short-lived presigned URL that names
 * the file; a video's source is downloadable by its uploader only. Playlists are never cached
 * ({@code Cache-Control: private, no-store}).
 *
 * <p>A VOD playlist is fetched once by players, so a lesson longer than the URL lifetime needs the
 * player to reload the playlist when a segment answers 403; the web pages' player must do so.
 *
 * <p>The playlists' text comes from {@code hls}'s pure functions; caption files belong to the asset (asset's
 * {@code Captions} checks and stores them) and are uploaded and deleted through this package's resource.
 */
package cn.imtp.media.streaming;
