package cn.imtp.platform.problem;

import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import jakarta.ejb.ApplicationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The root of every error the application raises on purpose. It carries everything the problem
 * document needs, and it rolls back the surrounding transaction so that a rejected request never
 * leaves partial data behind.
 */
@ApplicationException(rollback = true)
public class PlatformException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Words words;
    private long retryAfterSeconds;

    public PlatformException(int status, String type, String title, Words detail) {
        this(status, type, title, detail, List.of());
    }

    /** A problem whose detail is written in both languages: the reader gets theirs, the log the English. */
    public PlatformException(int status, String type, String title, Words detail, List<FieldError> errors) {
        this(status, type, title, detail.en(), detail, errors);
    }

    private PlatformException(
            int status, String type, String title, String detail, Words words, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.words = words;
        this.errors = List.copyOf(errors);
    }

    /** The detail for a reader of {@code language}. */
    public String detail(Language language) {
        return words.in(language);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds a client should wait before trying again (the Retry-After header); 0 when not applicable. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 429: the caller must wait; {@code seconds} goes into Retry-After. */
    public static PlatformException tooManyRequests(Words detail, long seconds) {
        PlatformException e = new PlatformException(429, "too-many-requests", "Too many requests", detail);
        e.retryAfterSeconds = Math.max(1, seconds);
        return e;
    }

    /** 422, the detail in both languages. */
    public static PlatformException invalid(Words detail, List<FieldError> errors) {
        return new PlatformException(422, "invalid-input", "Invalid input", detail, errors);
    }

    /** The largest page any list answers; every list that can grow is paginated. */
    public static final int MAX_PAGE_SIZE = 200;

    /** Checks the {@code page} (from 0) and {@code size} query parameters of a paginated list. */
    public static void checkPage(int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", new Words("须为 0 或更大", "must be 0 or more")));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError(
                    "size", new Words("须在 1 至 " + MAX_PAGE_SIZE + " 之间", "must be between 1 and " + MAX_PAGE_SIZE)));
        } else if ((long) page * size + size > Integer.MAX_VALUE) {
            // No list is that long; the offset would not even fit the database's row count.
            errors.add(new FieldError(
                    "page",
                    new Words(
                            "每页 " + size + " 条时须小于 " + (Integer.MAX_VALUE / size),
                            "must be below " + (Integer.MAX_VALUE / size) + " for pages of " + size)));
        }
        if (!errors.isEmpty()) {
            throw invalid(new Words("所请求的分页无效。", "The page requested is not valid."), errors);
        }
    }

    /** 404 in both languages: {@code what} (a noun such as 班级 / Class) and its id. */
    public static PlatformException notFound(Words what, Object id) {
        return notFound(new Words(what.zh() + " " + id + " 不存在。", what.en() + " " + id + " does not exist."));
    }

    /** 404 in both languages, said in full (for what is not simply a noun and an id). */
    public static PlatformException notFound(Words detail) {
        return new PlatformException(404, "not-found", "Not found", detail);
    }

    /** 409, the detail in both languages. */
    public static PlatformException conflict(Words detail) {
        return new PlatformException(409, "conflict", "Conflict", detail, List.of());
    }

    /** 503: a component the request needs (database, object storage) is unreachable; nothing was changed. */
    public static PlatformException unavailable(String component, Words detail) {
        return new PlatformException(503, "unavailable", component + " unavailable", detail, List.of());
    }
}
