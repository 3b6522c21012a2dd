/**
 * Assets: the records of uploaded files in MariaDB. One asset is one uploaded file (one version of a resource, keyed by
 * the id lms-web put in its grant) with its state, what ffprobe found in it ({@code Probe}), its planned renditions and
 * stored segments, and its caption tracks ({@code Captions} checks a WebVTT file and stores it beside the asset). Plain
 * JDBC: the workers write here from their own threads outside container transactions, and the queries are few and
 * fixed.
 *
 * <p>Asset is the lowest of the pipeline's features: upload, transcoding, streaming and vision read and write assets
 * here, and asset depends on none of them (only on {@code hls} for the types of renditions and segments, on
 * {@code storage} and on {@code sql}). What also needs an asset's transcoding job therefore lives in transcoding: the
 * status clients follow ({@code GET /media/api/assets/{id}}, its events, retry) and the asset sweep.
 */
package cn.imtp.media.asset;
