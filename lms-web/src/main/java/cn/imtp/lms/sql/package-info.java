/**
 * Native SQL where JPA is not used (see ARCHITECTURE.md, "Data access"): statements of many rows in one round trip
 * and rows read by column name into named records ({@code Bulk}), and escaped LIKE patterns ({@code Search}).
 * A support package: it uses no feature.
 */
package cn.imtp.lms.sql;
