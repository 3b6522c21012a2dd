package cn.imtp.platform.text;

/**
 * Text for people in both languages, written in the reader's: a heading or cell of an export, a line of a PDF, a detail
 * the pages show (they pick {@code zh} or {@code en} by the language chosen in their header).
 */
public record Words(String zh, String en) {

    public String in(Language language) {
        return language.pick(zh, en);
    }

    /**
     * Both languages in one stored text (a column kept as one string, such as a media file's reason): the Chinese, a line
     * break, the English. The pages show the line of their language (i18n.js {@code inLanguage}).
     */
    public String stored() {
        return zh + "\n" + en;
    }

    /** A text written by {@link #stored()} (one written before, in one language or both on one line: the whole of it in both). */
    public static Words ofStored(String text) {
        int cut = text.indexOf('\n');
        return cut < 0 ? new Words(text, text) : new Words(text.substring(0, cut), text.substring(cut + 1));
    }

    public static Words yesNo(boolean yes) {
        return yes ? new Words("是", "yes") : new Words("否", "no");
    }
}
