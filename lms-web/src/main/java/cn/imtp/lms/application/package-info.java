/**
 * lms-web as an application: the JAX-RS root ({@code /api}), what an operator asks of an installation (its
 * identity, version and schema version), the shell that serves the pages, China time, and the two readers of
 * request input every resource shares ({@code Params} for enum parameters, {@code Bodies} for whole bodies).
 *
 * <p>Decisions: the installation row is created by the first migration, so it survives restarts and upgrades and
 * tells two nodes that they share one database. A support package: it uses no feature; features use it.
 */
package cn.imtp.lms.application;
