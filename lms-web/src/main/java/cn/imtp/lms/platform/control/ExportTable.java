package cn.imtp.lms.platform.control;

import java.util.List;

/**
 * One table of an export, built once and written as CSV (tables one after the other) or XLSX (a sheet
 * each). Cells are strings, numbers, booleans or null.
 */
public record ExportTable(String name, List<String> header, List<List<Object>> rows) {

    public ExportTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    private static final java.time.format.DateTimeFormatter CHINA_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ChinaTime.ZONE);

    /** An instant as exports write it for the institution's files: China time to the second. */
    public static String chinaTime(java.time.Instant instant) {
        return CHINA_TIME.format(instant);
    }

    /** The formats every export offers; {@code ?format=} names one. */
    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }
}
