/**
 * Assets: one uploaded file (one version of a resource, keyed by the id lms-web put in its grant), its
 * renditions and segments, and its processing status, read from the database so that any node answers
 * for work done on any node. {@code GET /media/api/assets/{id}} gives the status;
 * {@code GET /media/api/assets/{id}/events} streams it as Server-Sent Events ({@code asset} events on
 * every change of state, progress or segments, ending when the asset is final);
 * {@code POST /media/api/assets/{id}/retry} re-queues a failed job. Plain JDBC: the workers write here
 * from their own threads outside container transactions, and the queries are few and fixed.
 */
package cn.imtp.media.asset;
