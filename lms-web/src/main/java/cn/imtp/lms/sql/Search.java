package cn.imtp.lms.sql;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import java.util.List;
import java.util.Locale;

/**
 * A list's search box ({@code ?q=}): the text a name contains, matched with {@code LIKE … ESCAPE '!'} so that what people
 * type ({@code %}, {@code _}) is taken literally, case-insensitively.
 */
public final class Search {

    /** The longest text searched for (422 beyond). */
    public static final int MAX_LENGTH = 100;

    private Search() {}

    /** {@code q} stripped, or null when there is nothing to search for; 422 when it is too long. */
    public static String term(String q) {
        String t = q == null ? "" : q.strip();
        if (t.length() > MAX_LENGTH) {
            throw PlatformException.invalid(
                    new Words("搜索内容最多 " + MAX_LENGTH + " 个字符。", "Search for at most " + MAX_LENGTH + " characters."),
                    List.of(new FieldError(
                            "q", new Words("最多 " + MAX_LENGTH + " 个字符", "at most " + MAX_LENGTH + " characters"))));
        }
        return t.isEmpty() ? null : t;
    }

    /** The {@code LIKE} pattern for names containing {@code term} (compare it with the lower-cased name). */
    public static String containing(String term) {
        return "%"
                + term.toLowerCase(Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_") + "%";
    }
}
