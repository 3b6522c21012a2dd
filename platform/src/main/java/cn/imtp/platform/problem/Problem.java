package cn.imtp.platform.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is a stable URI per kind of problem so that clients can
 * branch on it; {@code detail} tells the user what was wrong and how to fix it.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "urn:imtp:problem:";

    /** The most field errors one answer lists: a file with thousands of bad lines is told of its first ones, and how many more. */
    public static final int MAX_ERRORS = 100;

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        if (errors.size() > MAX_ERRORS) {
            List<FieldError> shown = new java.util.ArrayList<>(errors.subList(0, MAX_ERRORS));
            shown.add(new FieldError("more", (errors.size() - MAX_ERRORS) + " more errors are not listed; correct these and send it again"));
            errors = List.copyOf(shown);
        }
    }
}
