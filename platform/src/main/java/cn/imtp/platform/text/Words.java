package cn.imtp.platform.text;

/**
 * Text for people in both languages, written in the reader's: a heading or cell of an export, a line of a PDF, a detail
 * the pages show (they pick {@code zh} or {@code en} by the language chosen in their header).
 */
public record Words(String zh, String en) {

    public String in(Language language) {
        return language.pick(zh, en);
    }

    public static Words yesNo(boolean yes) {
        return yes ? new Words("是", "yes") : new Words("否", "no");
    }
}
