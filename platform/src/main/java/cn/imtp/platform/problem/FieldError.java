package cn.imtp.platform.problem;

import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import java.util.Objects;

/**
 * One invalid input field: where it is (a JSON path such as {@code learners[3].idNumber}) and what is wrong, in both
 * languages. The problem document gives the reader's ({@link #in}); {@link #message()} is the English, for logs.
 * On the wire it is {@code {"field": …, "message": …}}.
 */
public final class FieldError {

    private final String field;
    private final Words words;

    /** What is wrong, written in both languages: every new check uses this. */
    public FieldError(String field, Words message) {
        this.field = field;
        this.words = Objects.requireNonNull(message);
    }

    /** A message that reads the same in both languages (a value quoted back, a file name). */
    public FieldError(String field, String message) {
        this(field, new Words(message, message));
    }

    public String field() {
        return field;
    }

    /** The English, for logs and tests. */
    public String message() {
        return words.en();
    }

    public Words words() {
        return words;
    }

    /** The same error in the reader's language, as the problem document lists it. */
    public FieldError in(Language language) {
        String text = words.in(language);
        return new FieldError(field, new Words(text, text));
    }

    /** JSON-B's view: the field. */
    public String getField() {
        return field;
    }

    /** JSON-B's view: the message, in the language this error was narrowed to by {@link #in} (else the Chinese). */
    public String getMessage() {
        return words.zh();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldError e && Objects.equals(field, e.field) && words.equals(e.words);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, words);
    }

    @Override
    public String toString() {
        return field + ": " + words.en();
    }
}
