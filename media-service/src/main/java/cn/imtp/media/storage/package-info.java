/**
 * Object storage: every call to S3 goes through {@link cn.imtp.media.storage.control.ObjectStore}, with a
 * MinIO client that {@link cn.imtp.media.storage.control.MinioClientProducer} builds from configuration.
 *
 * <p>Decisions: objects are keyed by unguessable ids, never by a user's file name. Two clients exist
 * because presigned URLs embed the host they are signed for: one for the servers' endpoint, one for
 * the public endpoint that browsers reach. A missing bucket is created at start-up so that a fresh
 * MinIO works without manual steps.
 */
package cn.imtp.media.storage;
