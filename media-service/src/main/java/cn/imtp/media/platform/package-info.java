/**
 * media-service's platform feature: the JAX-RS application root ({@code /media/api}).
 * Error mapping, schema migration and the database readiness check come from the shared
 * {@code platform} module.
 */
package cn.imtp.media.platform;
