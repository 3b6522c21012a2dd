package cn.imtp.lms.documents;

import cn.imtp.lms.application.ChinaTime;
import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One table of an export, built once and written as CSV (tables one after the other) or XLSX (a sheet each) in the
 * reader's language: its name and headings are {@link Words} in Chinese and English, and so is every cell that people
 * read rather than a code (an activity, yes or no). Other cells are strings, numbers, {@link Clock}s or null. Lengths of
 * time carry their exact seconds beside a {@link Clock} column.
 */
public record ExportTable(Words name, List<Words> header, List<List<Object>> rows) {

    public ExportTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** A length of time as 时:分:秒, hours not wrapped: 3,725 s is "1:02:05", 100 hours "100:00:00". */
    public record Clock(long seconds) {

        @Override
        public String toString() {
            long s = Math.max(0, seconds);
            return s / 3600 + ":" + two(s / 60 % 60) + ":" + two(s % 60);
        }

        /** Minutes (as the ledger counts them, with fractions) as a clock, rounded once to the second. */
        public static Clock ofMinutes(double minutes) {
            return new Clock(Math.round(minutes * 60));
        }

        private static String two(long n) {
            return n < 10 ? "0" + n : Long.toString(n);
        }
    }

    /** A cell as written for a reader of {@code language}: words in that language, a clock as its text, anything else as it is. */
    public static Object cell(Object value, Language language) {
        if (value instanceof Words w) {
            return w.in(language);
        }
        if (value instanceof Clock c) {
            return c.toString();
        }
        return value;
    }

    private static final DateTimeFormatter CHINA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ChinaTime.ZONE);

    /** An instant as exports write it for the institution's files: China time to the second. */
    public static String chinaTime(Instant instant) {
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
