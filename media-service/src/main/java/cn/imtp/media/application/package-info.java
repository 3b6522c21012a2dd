/**
 * media-service as an application: the JAX-RS root ({@code /media/api}) and the administrators' status of storage,
 * ffmpeg and the queue. Error mapping, schema migration and the database readiness check come from the shared
 * {@code platform} module.
 */
package cn.imtp.media.application;
