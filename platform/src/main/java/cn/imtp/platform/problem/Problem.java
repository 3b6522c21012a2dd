package cn.imtp.platform.problem;

import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.ArrayList;
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
    }

    /**
     * The field errors as one answer lists them, in the reader's language: the first {@link #MAX_ERRORS}, then how many
     * more there are.
     */
    public static List<FieldError> listed(List<FieldError> errors, Language language) {
        List<FieldError> shown = new ArrayList<>(
                errors.stream().limit(MAX_ERRORS).map(e -> e.in(language)).toList());
        if (errors.size() > MAX_ERRORS) {
            int more = errors.size() - MAX_ERRORS;
            shown.add(new FieldError(
                            "more",
                            new Words(
                                    "另有 " + more + " 处错误未列出；请先改正以上各处，再重新提交。",
                                    more + " more errors are not listed; correct these and send it again"))
                    .in(language));
        }
        return List.copyOf(shown);
    }
}
