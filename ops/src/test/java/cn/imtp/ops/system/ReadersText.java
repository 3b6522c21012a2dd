package cn.imtp.ops.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as a reader of one language sees it. In Chinese, a Latin word is a leftover unless it is a code (it has a digit
 * or one of {@code _ . - @ / :}: unit codes, file names, paths, user names, addresses), an acronym (all capitals: PDF,
 * HLS, KOL) or a name on {@link #NAMES} (products, brands, the language switch). In English, a Chinese sentence is a
 * leftover: Chinese punctuation that ends or joins a sentence, or 请 (names of classes and units may be Chinese).
 */
final class ReadersText {

    /** Names that stay Latin on a Chinese page: the switch to English, products and formats, JSON literals a field takes. */
    static final Set<String> NAMES = Set.of(
            "English",
            "Excel",
            "Word",
            "PowerPoint",
            "Office",
            "WPS",
            "Chrome",
            "Safari",
            "Edge",
            "Chromium",
            "Android",
            "iPhone",
            "iOS",
            "Windows",
            "macOS",
            "Bearer",
            "Authorization",
            "true",
            "false",
            "null",
            "token",
            "MinIO",
            "Payara",
            "MariaDB",
            "ffmpeg",
            "OpenCV",
            "hls",
            "WebVTT",
            "WebP",
            "Debian",
            "Maven",
            "Central",
            "npm",
            // values a field takes, quoted in its error: languages, a table's key, file types
            "zh",
            "en",
            "basic",
            "jpg",
            "png",
            "webp",
            "moov");

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-@/:]*");
    private static final Pattern CODE = Pattern.compile(".*[0-9_.\\-@/:].*");
    private static final Pattern CHINESE_SENTENCE = Pattern.compile("[。，；！？请]");

    private ReadersText() {}

    /** The Latin words of a Chinese text that are neither codes, acronyms nor allowed names. */
    static List<String> latinIn(String chinese) {
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(chinese == null ? "" : chinese);
        while (m.find()) {
            String w = m.group();
            String bare = w.replaceAll("[.:\\-/]+$", ""); // a word that ends a sentence: "PDF." is the word PDF
            if (bare.length() < 2
                    || CODE.matcher(bare).matches()
                    || bare.equals(bare.toUpperCase(Locale.ROOT))
                    || NAMES.contains(bare)) {
                continue;
            }
            found.add(w);
        }
        return found;
    }

    /** Whether an English text carries a Chinese sentence (its punctuation, or 请). */
    static boolean chineseSentenceIn(String english) {
        return english != null && CHINESE_SENTENCE.matcher(english).find();
    }
}
