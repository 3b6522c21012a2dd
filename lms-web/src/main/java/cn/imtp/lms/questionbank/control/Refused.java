package cn.imtp.lms.questionbank.control;

import cn.imtp.platform.text.Words;

/**
 * A value or file refused with what is wrong in both languages (its message is the English): what a field error says
 * when the check that found the fault is a step below the one that reports it.
 */
public final class Refused extends IllegalArgumentException {

    private final transient Words words;

    Refused(Words words) {
        super(words.en());
        this.words = words;
    }

    Words words() {
        return words;
    }

    /**
     * What {@code e} says in both languages: its own words when it is a refusal; else only that the content cannot be
     * read (a library's own message is English and names its internals: it goes to the log, not to the reader).
     */
    public static Words of(Exception e) {
        if (e instanceof Refused r) {
            return r.words;
        }
        java.util.logging.Logger.getLogger(Refused.class.getName()).fine(() -> "A package was refused: " + e);
        return new Words("内容无法读取", "the content cannot be read");
    }
}
