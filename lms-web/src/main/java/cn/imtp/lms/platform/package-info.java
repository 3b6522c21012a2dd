/**
 * lms-web's platform feature: the JAX-RS application root and what an operator asks of an
 * installation (its identity, version and schema version).
 *
 * <p>Decisions: the installation row is created by the first migration, so it survives restarts and
 * upgrades and tells two nodes that they share one database. Out of scope: health and metrics, which
 * MicroProfile serves at {@code /health} and {@code /metrics}.
 */
package cn.imtp.lms.platform;
