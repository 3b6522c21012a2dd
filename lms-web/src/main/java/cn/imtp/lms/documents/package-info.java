/**
 * Documents people download or hand in: export tables written as CSV or XLSX in the reader's language
 * ({@code ExportTable}, {@code Exports}, {@code Reader}), CSV reading for imports, the PDF typeface, and the check
 * of a handed-in PDF/JPEG/PNG by its first bytes ({@code Document}). A support package: it uses no feature.
 */
package cn.imtp.lms.documents;
