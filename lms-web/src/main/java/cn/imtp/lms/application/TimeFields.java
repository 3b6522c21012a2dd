package cn.imtp.lms.application;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the dates and times a page (or a script) sends, one way: request records take them as text and their control
 * reads them here, so that a time without an offset is China time ({@link ChinaTime#ZONE}) whatever the browser's zone,
 * and a badly written one is a 422 naming its field in both languages, never a parser's words or a generic 400.
 *
 * <p>A moment ({@link #instant}) is an ISO 8601 date and time with its offset ({@code 2026-12-10T08:00:00+08:00},
 * {@code …Z}) or, as a page's {@code datetime-local} field gives it, without one ({@code 2026-12-10T08:00}: China time);
 * it must lie between 1970 and 2037 (what the database's timestamps hold). A day ({@link #date}) is {@code 2026-12-10},
 * a time of day ({@link #clock}) {@code 08:00}, both as written in China.
 */
public final class TimeFields {

    /** The earliest and the latest moment a field may name (what the database's timestamps hold). */
    public static final Instant EARLIEST = Instant.parse("1970-01-02T00:00:00Z");

    public static final Instant LATEST = Instant.parse("2037-12-31T16:00:00Z");

    /** The first and the last day a date field may name. */
    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

    static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);

    static final Words REQUIRED = new Words("必填", "required");

    static final Words NOT_A_MOMENT = new Words(
            "日期时间格式不对，请写成 2026-12-10T08:00（北京时间）这样的日期和时间",
            "not a date and time: write it as 2026-12-10T08:00 (China time)");

    static final Words OUT_OF_RANGE = new Words("须在 1970 年至 2037 年之间", "must be between 1970 and 2037");

    static final Words NOT_A_DAY = new Words("日期格式不对，请写成 2026-12-10 这样的日期", "not a date: write it as 2026-12-10");

    static final Words DAY_OUT_OF_RANGE = new Words("须在 1900 年至 2099 年之间", "must be between 1900 and 2099");

    static final Words NOT_A_CLOCK =
            new Words("时间格式不对，请写成 08:00 这样的时刻（北京时间）", "not a time of day: write it as 08:00 (China time)");

    private TimeFields() {}

    /**
     * A moment as sent in {@code field}; null when blank and not {@code required}. A problem is added to {@code errors}
     * (and null returned), so that a control can report every field of a form at once.
     */
    public static Instant instant(String value, String field, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, REQUIRED));
            }
            return null;
        }
        String text = value.strip();
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                at = LocalDateTime.parse(text).atZone(ChinaTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(field, NOT_A_MOMENT));
                return null;
            }
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            errors.add(new FieldError(field, OUT_OF_RANGE));
            return null;
        }
        return at;
    }

    /** A moment as sent in {@code field}, null when blank; 422 naming the field when it is not one. */
    public static Instant optionalInstant(String value, String field) {
        List<FieldError> errors = new ArrayList<>();
        Instant at = instant(value, field, false, errors);
        refuseIfAny(errors);
        return at;
    }

    /** A moment as sent in {@code field}; 422 naming the field when it is missing or not one. */
    public static Instant requiredInstant(String value, String field) {
        List<FieldError> errors = new ArrayList<>();
        Instant at = instant(value, field, true, errors);
        refuseIfAny(errors);
        return at;
    }

    /** A day as sent in {@code field} ({@code 2026-12-10}); null when blank and not {@code required}, else as {@link #instant}. */
    public static LocalDate date(String value, String field, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, REQUIRED));
            }
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, NOT_A_DAY));
            return null;
        }
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            errors.add(new FieldError(field, DAY_OUT_OF_RANGE));
            return null;
        }
        return day;
    }

    /** A time of day as sent in {@code field} ({@code 08:00}); null when blank and not {@code required}, else as {@link #instant}. */
    public static LocalTime clock(String value, String field, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, REQUIRED));
            }
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, NOT_A_CLOCK));
            return null;
        }
    }

    /** 422 with the field's errors, if any. */
    public static void refuseIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(
                    new Words(
                            "所填的日期或时间有误：请写成 2026-12-10T08:00（北京时间）这样的日期和时间，且在 1970 年至 2037 年之间。",
                            "A date or time is not valid: write it as 2026-12-10T08:00 (China time), between 1970 and 2037."),
                    errors);
        }
    }
}
