/**
 * Conventions shared by lms-web and media-service, kept in one place so that both WARs answer
 * errors, migrate their schema and report readiness the same way.
 *
 * <p>Decisions: every error a client sees is an RFC 9457 problem document produced by the one
 * {@link cn.imtp.platform.problem.ProblemMapper}; application errors extend
 * {@link cn.imtp.platform.problem.PlatformException}, which rolls back the transaction. Each WAR keeps its own
 * Flyway history table so that the two can be deployed and upgraded independently.
 *
 * <p>Out of scope: anything feature-specific; a feature never lives here.
 */
package cn.imtp.platform;
