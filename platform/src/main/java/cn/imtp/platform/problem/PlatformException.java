package cn.imtp.platform.problem;

import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import jakarta.ejb.ApplicationException;
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

    public PlatformException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public PlatformException(int status, String type, String title, Words detail) {
        this(status, type, title, detail, List.of());
    }

    public PlatformException(int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, null, errors);
    }

    /** A problem whose detail is written in both languages: the reader gets theirs, the log the English. */
    public PlatformException(int status, String type, String title, Words detail, List<FieldError> errors) {
        this(status, type, title, detail.en(), detail, errors);
    }

    private PlatformException(int status, String type, String title, String detail, Words words, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.words = words;
        this.errors = List.copyOf(errors);
    }

    /** The detail for a reader of {@code language}: in their language when it was written in both, else as written. */
    public String detail(Language language) {
        return words == null ? getMessage() : words.in(language);
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

    /** 422: the request was understood but its content breaks a rule; the field errors say which. */
    public static PlatformException invalid(String detail, List<FieldError> errors) {
        return new PlatformException(422, "invalid-input", "Invalid input", detail, errors);
    }

    /** 422, the detail in both languages. */
    public static PlatformException invalid(Words detail, List<FieldError> errors) {
        return new PlatformException(422, "invalid-input", "Invalid input", detail, errors);
    }

    /** The largest page any list answers; every list that can grow is paginated. */
    public static final int MAX_PAGE_SIZE = 200;

    /** Checks the {@code page} (from 0) and {@code size} query parameters of a paginated list. */
    public static void checkPage(int page, int size) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
        } else if ((long) page * size + size > Integer.MAX_VALUE) {
            // No list is that long; the offset would not even fit the database's row count.
            errors.add(new FieldError("page", "must be below " + (Integer.MAX_VALUE / size) + " for pages of " + size));
        }
        if (!errors.isEmpty()) {
            throw invalid("The page requested is not valid.", errors);
        }
    }

    /** 404: the addressed thing does not exist (or the caller may not know that it exists). */
    public static PlatformException notFound(String what, Object id) {
        return new PlatformException(404, "not-found", "Not found", what + " " + id + " does not exist.");
    }

    /** 409: the request conflicts with the current state; {@code detail} says how to resolve it. */
    public static PlatformException conflict(String detail) {
        return new PlatformException(409, "conflict", "Conflict", detail);
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
