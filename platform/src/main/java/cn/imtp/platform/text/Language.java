package cn.imtp.platform.text;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The language a reader gets documents in (exports, PDFs): Chinese unless they ask for English, by {@code ?lang=} or by
 * the {@code Accept-Language} header the pages send with the language chosen in the header of every page.
 */
public enum Language {
    ZH,
    EN;

    /**
     * {@code lang} when given ({@code zh} or {@code en}; 422 for anything else), otherwise the first of Chinese and
     * English in the order of {@code acceptLanguage}'s weights (RFC 9110 12.5.4), otherwise Chinese.
     */
    public static Language of(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            String l = lang.strip().toLowerCase(Locale.ROOT);
            if (l.equals("zh") || l.startsWith("zh-")) {
                return ZH;
            }
            if (l.equals("en") || l.startsWith("en-")) {
                return EN;
            }
            // Not echoed: a parameter can be long, and the reader only needs to know what is accepted.
            throw PlatformException.invalid(
                    new Words("未知的语言，请用 zh 或 en。", "Unknown language; use zh or en."),
                    List.of(new FieldError("lang", new Words("须为 zh 或 en", "zh or en"))));
        }
        return preferred(acceptLanguage);
    }

    private record Range(String tag, double weight, int order) {}

    /**
     * The first of Chinese and English by the weights of an {@code Accept-Language} header; Chinese when it names neither
     * or cannot be read. Never fails: the error pages themselves use it.
     */
    public static Language preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.length() > 1000) {
            return ZH;
        }
        List<Range> ranges = new ArrayList<>();
        String[] items = acceptLanguage.split(",");
        for (int i = 0; i < items.length; i++) {
            String[] parts = items[i].split(";");
            if (parts.length == 0) {
                continue;
            }
            double weight = 1;
            for (int p = 1; p < parts.length; p++) {
                String param = parts[p].replace(" ", "").toLowerCase(Locale.ROOT);
                if (param.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            String tag = parts[0].strip().toLowerCase(Locale.ROOT);
            if (weight > 0 && !tag.isEmpty()) {
                ranges.add(new Range(tag, weight, i));
            }
        }
        ranges.sort(Comparator.comparingDouble(Range::weight).reversed().thenComparingInt(Range::order));
        for (Range r : ranges) {
            if (r.tag().equals("zh") || r.tag().startsWith("zh-")) {
                return ZH;
            }
            if (r.tag().equals("en") || r.tag().startsWith("en-")) {
                return EN;
            }
        }
        return ZH;
    }

    /** The text in this language of a pair written as Chinese, English. */
    public String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }
}
