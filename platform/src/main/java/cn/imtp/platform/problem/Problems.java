package cn.imtp.platform.problem;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Turns any throwable into the problem document a client sees. Pure: no HTTP, no logging. */
public final class Problems {

    private Problems() {
    }

    /**
     * @param incident the reference printed in the log for unexpected errors, so that support can
     *                 find the stack trace that the client never sees
     */
    public static Problem of(Throwable thrown, String instance, String incident) {
        Throwable t = unwrap(thrown);
        if (t instanceof PlatformException p) {
            return new Problem(Problem.TYPE_BASE + p.type(), p.title(), p.status(), p.getMessage(), instance, p.errors());
        }
        if (t instanceof ConstraintViolationException cve) {
            List<FieldError> errors = cve.getConstraintViolations().stream()
                    .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            return new Problem(Problem.TYPE_BASE + "invalid-input", "Invalid input", 422,
                    "The request has " + errors.size() + " invalid field(s); correct them and send it again.",
                    instance, errors);
        }
        if (isMalformedBody(t)) {
            return new Problem(Problem.TYPE_BASE + "malformed-body", "Malformed request body", 400,
                    "The request body is not valid JSON of the expected shape: " + rootMessage(t), instance, List.of());
        }
        if (t instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            Response.StatusType st = wae.getResponse().getStatusInfo();
            return new Problem(Problem.TYPE_BASE + slug(st.getReasonPhrase()), st.getReasonPhrase(), status,
                    httpDetail(status, wae.getMessage()), instance, List.of());
        }
        if (isLockConflict(t)) {
            return new Problem(Problem.TYPE_BASE + BUSY, "Busy", 503,
                    "The database was busy with a conflicting change and nothing was stored; send the request again.", instance, List.of());
        }
        return new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", 500,
                "An unexpected error occurred; nothing was changed. Quote reference " + incident + " when reporting it.",
                instance, List.of());
    }

    /** The type of a problem that goes away when the request is sent again (a deadlock or a lock wait that timed out). */
    public static final String BUSY = "busy";

    /** A deadlock (SQLState 40001, MariaDB 1213) or a lock wait timeout (1205) anywhere in the causes. */
    static boolean isLockConflict(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.sql.SQLException sql
                    && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    public static String newIncident() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isMalformedBody(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JsonbException || c instanceof JsonParsingException) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    /** {@code create.request.learners[2].name} (method, parameter, path) becomes {@code learners[2].name}. */
    static String fieldOf(ConstraintViolation<?> v) {
        String[] parts = v.getPropertyPath().toString().split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static String slug(String reason) {
        return reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String httpDetail(int status, String message) {
        return switch (status) {
            case 401 -> "Sign in first: send a valid bearer token in the Authorization header.";
            case 403 -> "Your role does not allow this request.";
            case 404 -> "There is nothing at this address; check the path.";
            case 405 -> "This address does not accept that HTTP method.";
            case 406 -> "The requested representation is not available; ask for application/json.";
            case 415 -> "Send the body as application/json.";
            default -> message;
        };
    }
}
