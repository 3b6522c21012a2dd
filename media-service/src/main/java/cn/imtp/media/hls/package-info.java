/**
 * HLS, the format media-service produces and serves, as plain data and pure functions: a {@code Rendition} (one rung
 * of the ladder or an alternate audio track, with the BANDWIDTH and CODECS a master playlist announces), a
 * {@code Segment} as stored, and {@code Playlists}: the master and variant playlists written for viewers, whether a
 * value may stand in a playlist's quotes, and the reading of the playlists ffmpeg writes while it encodes.
 *
 * <p>Why a package of its own, the lowest of media-service's (it depends on none): assets store renditions and
 * segments, transcoding plans them and reads ffmpeg's playlists, streaming writes the viewers' playlists, and caption
 * and track names are checked against the playlists' quoting. Kept in any one of those features, it made that feature
 * and the others depend on each other (the cycle asset → streaming → transcoding → asset that this package ended).
 */
package cn.imtp.media.hls;
