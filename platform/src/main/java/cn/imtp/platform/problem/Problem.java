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

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
