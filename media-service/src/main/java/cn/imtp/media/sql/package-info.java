/**
 * media-service's one JDBC helper ({@code MediaDatabase}): a unit of work on one connection of the WAR's data source,
 * with an outage told apart from other failures. media-service uses plain JDBC throughout, rows read by column name (see
 * ARCHITECTURE.md).
 */
package cn.imtp.media.sql;
