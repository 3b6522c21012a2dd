package cn.imtp.platform.problem;

import cn.imtp.platform.text.Language;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.resource.ResourceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns any throwable into the problem document a client sees. Pure: no HTTP, no logging. */
public final class Problems {

    private Problems() {}

    /** As {@link #of(Throwable, String, String, Language)} for a reader of Chinese. */
    public static Problem of(Throwable thrown, String instance, String incident) {
        return of(thrown, instance, incident, Language.ZH);
    }

    /**
     * @param incident the reference printed in the log for unexpected errors, so that support can
     *                 find the stack trace that the client never sees
     * @param language the reader's: details written in both languages are given in theirs
     */
    public static Problem of(Throwable thrown, String instance, String incident, Language language) {
        Throwable t = unwrap(thrown);
        if (t instanceof PlatformException p) {
            return new Problem(
                    Problem.TYPE_BASE + p.type(),
                    Titles.of(p.title(), language),
                    p.status(),
                    p.detail(language),
                    instance,
                    Problem.listed(p.errors(), language));
        }
        if (t instanceof ConstraintViolationException cve) {
            List<FieldError> errors = cve.getConstraintViolations().stream()
                    .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            return new Problem(
                    Problem.TYPE_BASE + "invalid-input",
                    Titles.of("Invalid input", language),
                    422,
                    language.pick(
                            "请求中有 " + errors.size() + " 个字段不符合要求，请改正后重新提交。",
                            "The request has " + errors.size() + " invalid field(s); correct them and send it again."),
                    instance,
                    errors);
        }
        if (isMalformedBody(t)) {
            return new Problem(
                    Problem.TYPE_BASE + "malformed-body",
                    Titles.of("Malformed request body", language),
                    400,
                    language.pick("请求内容不是所需格式的 JSON：", "The request body is not valid JSON of the expected shape: ")
                            + forPeople(rootMessage(t)),
                    instance,
                    List.of());
        }
        if (t instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            Response.StatusType st = wae.getResponse().getStatusInfo();
            return new Problem(
                    Problem.TYPE_BASE + slug(st.getReasonPhrase()),
                    Titles.of(st.getReasonPhrase(), language),
                    status,
                    httpDetail(status, wae.getMessage(), language),
                    instance,
                    List.of());
        }
        SQLException refused = refusedByDatabase(t);
        if (refused != null) {
            return refusal(refused, instance, language);
        }
        if (isDatabaseUnreachable(t)) {
            return new Problem(
                    Problem.TYPE_BASE + "unavailable",
                    Titles.of("Database unavailable", language),
                    503,
                    language.pick(
                            "数据库暂时无法访问，本次请求没有做任何更改，请稍后重试。",
                            "The database cannot be reached just now; nothing was changed. Send the request again in a moment."),
                    instance,
                    List.of());
        }
        if (isLockConflict(t)) {
            return new Problem(
                    Problem.TYPE_BASE + BUSY,
                    Titles.of("Busy", language),
                    503,
                    language.pick(
                            "数据库正忙于处理冲突的更改，本次没有保存任何内容，请重新提交。",
                            "The database was busy with a conflicting change and nothing was stored; send the request again."),
                    instance,
                    List.of());
        }
        return new Problem(
                Problem.TYPE_BASE + "internal-error",
                Titles.of("Internal error", language),
                500,
                language.pick(
                        "发生意外错误，没有做任何更改。报告问题时请提供编号 " + incident + "。",
                        "An unexpected error occurred; nothing was changed. Quote reference " + incident
                                + " when reporting it."),
                instance,
                List.of());
    }

    /** MariaDB's error codes for a value that does not fit its column, and the pattern of the column in its message. */
    private static final Set<Integer> TOO_LONG = Set.of(1406, 1264);

    /** MariaDB's code for a value its column's type cannot hold (a time after 2038 in a TIMESTAMP, text in a number). */
    private static final int WRONG_VALUE = 1292;

    private static final Set<Integer> CONFLICTS = Set.of(1062, 1451, 1452);
    /** The column a refusal names, its schema and table aside ({@code `lms`.`resource`.`shown_until`}). */
    private static final Pattern COLUMN = Pattern.compile("for column (?:[`']?\\w+[`']?\\.)*[`']?(\\w+)[`']?");

    /** The database refusing a value the checks before it let through (a missed length check, a duplicate), or null. */
    static SQLException refusedByDatabase(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql
                    && (TOO_LONG.contains(sql.getErrorCode())
                            || sql.getErrorCode() == WRONG_VALUE
                            || CONFLICTS.contains(sql.getErrorCode()))) {
                return sql;
            }
        }
        return null;
    }

    /** The caller's 4xx for such a refusal: the field by its column's name, never the statement. */
    static Problem refusal(SQLException sql, String instance, Language language) {
        if (TOO_LONG.contains(sql.getErrorCode())) {
            Matcher m = COLUMN.matcher(String.valueOf(sql.getMessage()));
            String field = m.find() ? camel(m.group(1)) : "body";
            return new Problem(
                    Problem.TYPE_BASE + "invalid-input",
                    Titles.of("Invalid input", language),
                    422,
                    language.pick(
                            "有一个值太长或太大，无法保存：" + field + "。请缩短后重新提交。",
                            "A value is too long or too large to be kept: " + field
                                    + ". Shorten it and send the request again."),
                    instance,
                    List.of(new FieldError(field, language.pick("太长或太大", "too long or too large"))));
        }
        if (sql.getErrorCode() == WRONG_VALUE) {
            Matcher m = COLUMN.matcher(String.valueOf(sql.getMessage()));
            String field = m.find() ? camel(m.group(1)) : "body";
            boolean time = String.valueOf(sql.getMessage()).matches("(?is).*\\b(datetime|timestamp|date|time)\\b.*");
            return new Problem(
                    Problem.TYPE_BASE + "invalid-input",
                    Titles.of("Invalid input", language),
                    422,
                    time
                            ? language.pick(
                                    "有一个时间超出了可保存的范围（1970 年至 2037 年）：" + field + "。请改正后重新提交。",
                                    "A time is outside the range that can be kept (1970 to 2037): " + field
                                            + ". Correct it and send the request again.")
                            : language.pick(
                                    "有一个值的格式或范围不对，无法保存：" + field + "。请改正后重新提交。",
                                    "A value has the wrong form or range to be kept: " + field
                                            + ". Correct it and send the request again."),
                    instance,
                    List.of(new FieldError(
                            field,
                            time
                                    ? language.pick("须在 1970 年至 2037 年之间", "must be between 1970 and 2037")
                                    : language.pick("格式或范围不对", "wrong form or range"))));
        }
        return new Problem(
                Problem.TYPE_BASE + "conflict",
                Titles.of("Conflict", language),
                409,
                sql.getErrorCode() == 1062
                        ? language.pick("该内容已存在，没有做任何更改。", "This already exists; nothing was changed.")
                        : language.pick(
                                "所引用的内容不存在或仍在使用中，没有做任何更改。",
                                "This refers to something that does not exist, or is still in use; nothing was changed."),
                instance,
                List.of());
    }

    /** {@code full_name} becomes {@code fullName}, as the API names its fields. */
    static String camel(String column) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    /** The type of a problem that goes away when the request is sent again (a deadlock or a lock wait that timed out). */
    public static final String BUSY = "busy";

    /** A deadlock (SQLState 40001, MariaDB 1213) or a lock wait timeout (1205) anywhere in the causes. */
    static boolean isLockConflict(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState())
                            || sql.getErrorCode() == 1213
                            || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database cannot be reached: a connection failure from the driver (SQLState class 08, or the driver's
     * connection exceptions) or the server's pool unable to hand one out (Payara's data source throws an SQLException
     * caused by the connector's ResourceException), anywhere in the causes.
     */
    static boolean isDatabaseUnreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientConnectionException
                    || c instanceof SQLNonTransientConnectionException
                    || c instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08")
                    || c instanceof SQLException && c.getCause() instanceof ResourceException) {
                return true;
            }
        }
        return false;
    }

    /** A problem's title in the reader's language (for answers written without a {@link Problem}, such as the container's). */
    public static String title(String english, Language language) {
        return Titles.of(english, language);
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

    /** The most of a library's message an answer quotes. */
    static final int MAX_MESSAGE = 300;

    private static final Pattern NO_ENUM = Pattern.compile("No enum constant (?:[\\w$]+\\.)+([\\w$]+)");
    /** A Java class, interface or exception named in full ({@code java.lang.NumberFormatException: }), with what introduces it. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "(?:class |interface )?\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:\\.[A-Z][A-Za-z0-9_$]*)*:?\\s*");

    /**
     * A library's message as people may read it: an unknown enum value named as such, and no Java class or
     * package name (the client learns nothing of the code behind the API).
     */
    static String forPeople(String message) {
        if (message == null) {
            return "";
        }
        // Libraries quote the input back (a 100,000-character field): a short excerpt is enough, and keeps the patterns
        // below
        // from scanning an attacker's megabytes.
        String m = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
        m = NO_ENUM.matcher(m).replaceAll("\"$1\" is not one of the allowed values");
        // Object identities ([Ljava.lang.Object;@1d8bd0de) go too.
        return JAVA_NAME
                .matcher(m.replaceAll("\\S*@[0-9a-f]{6,}\\S*", ""))
                .replaceAll("")
                .strip();
    }

    /** {@code create.request.learners[2].name} (method, parameter, path) becomes {@code learners[2].name}. */
    static String fieldOf(ConstraintViolation<?> v) {
        String[] parts = v.getPropertyPath().toString().split("\\.");
        if (parts.length >= 3) {
            return String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static String slug(String reason) {
        return reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String httpDetail(int status, String message, Language language) {
        return switch (status) {
            case 401 ->
                language.pick(
                        "请先登录：在 Authorization 请求头中提供有效的令牌。",
                        "Sign in first: send a valid bearer token in the Authorization header.");
            case 403 -> language.pick("您的角色无权进行此操作。", "Your role does not allow this request.");
            case 404 -> notFound(language);
            case 405 -> language.pick("该地址不接受此请求方法。", "This address does not accept that HTTP method.");
            case 406 ->
                language.pick(
                        "无法提供所请求的格式，请请求 application/json。",
                        "The requested representation is not available; ask for application/json.");
            case 415 -> language.pick("请以 application/json 格式发送请求内容。", "Send the body as application/json.");
            default -> forPeople(message);
        };
    }

    /** What an address that leads nowhere says (the API's and the container's alike). */
    public static String notFound(Language language) {
        return language.pick("该地址不存在，请检查路径。", "There is nothing at this address; check the path.");
    }
}
