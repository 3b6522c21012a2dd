package cn.imtp.ops.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every page of every role, on a phone and on a desktop, in Chinese and in English, read for what a reader must never
 * see: a message key the pages could not translate ({@code archive.title}), a value the API sends as a code
 * ({@code SELF_PACED}, any constant of the platform's enums), {@code undefined}/{@code NaN}; in Chinese, a word of the
 * pages' English vocabulary (every word of {@code messages.js}'s English column: "minutes", "Submit"); in English,
 * Chinese in the pages' own labels (column headings, navigation, translated elements). Data (names of classes, units,
 * people, the package's texts) may be in either language and is not judged, except by the rules above. Live lesson pages
 * are left out: opening one joins the lesson and counts attendance (LiveLessonPagesIT reads them).
 */
@ExtendWith(RunningPlatform.class)
class PagesLanguageIT {

    private static final Pattern KEY = Pattern.compile("\\b[a-z][a-zA-Z]+\\.[a-z][a-zA-Z]+(\\.[a-zA-Z]+)*\\b");
    private static final Set<String> EXTENSIONS = Set.of(
            "pdf", "mp4", "mov", "docx", "doc", "xlsx", "xls", "pptx", "ppt", "csv", "png", "jpg", "jpeg", "vtt", "srt",
            "zip", "txt", "webm", "mkv", "wav", "mp3", "m3u8", "js", "html", "ico", "com", "cn", "net", "org");
    private static final Pattern BROKEN = Pattern.compile("\\b(undefined|NaN|\\[object Object\\])");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-@/:]*");

    @Test
    void everyPageReadsInTheChosenLanguageOnAPhoneAndADesktop() throws Exception {
        String admin = RunningPlatform.token(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        String learner = RunningPlatform.token("learner02", RunningPlatform.DEMO_PASSWORD);
        long classId = Media.demoClassId();
        JsonObject cls = RunningPlatform.json(RunningPlatform.call(admin, "GET", "/api/classes/" + classId, null));
        long learnerId = cls.getJsonArray("learners").stream()
                .map(JsonValue::asJsonObject)
                .filter(l -> l.getString("username").equals("learner02"))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("accountId")
                .longValue();
        JsonObject plan = RunningPlatform.json(
                RunningPlatform.call(admin, "GET", "/api/plans/" + cls.getJsonNumber("planId"), null));
        long unitId =
                plan.getJsonArray("units").getJsonObject(0).getJsonNumber("id").longValue();
        jakarta.json.JsonArray exams = jakarta.json.Json.createReader(new java.io.StringReader(
                        RunningPlatform.call(learner, "GET", "/api/assessment/classes/" + classId + "/exams", null)
                                .body()))
                .readArray();
        String quiz = exams.isEmpty()
                ? null
                : exams.getJsonObject(0).getJsonNumber("id").toString();

        Map<String, List<String>> pages = new LinkedHashMap<>();
        List<String> learnerPages = new ArrayList<>(List.of(
                "/learner/",
                "/learner/feed",
                "/learner/packs",
                "/learner/archive?class=" + classId,
                "/learner/unit?class=" + classId + "&unit=" + unitId,
                "/learner/presence"));
        List<String> teacherPages = new ArrayList<>(List.of(
                "/teacher/",
                "/teacher/class?id=" + classId,
                "/teacher/exams?class=" + classId,
                "/teacher/packs?class=" + classId,
                "/teacher/unit?class=" + classId + "&unit=" + unitId,
                "/admin/plans",
                "/admin/catalogue",
                "/learner/feed"));
        List<String> adminPages = List.of(
                "/admin/",
                "/admin/users",
                "/admin/class?id=" + classId,
                "/admin/packs?class=" + classId,
                "/admin/setup?id=" + classId,
                "/admin/archive?class=" + classId + "&learner=" + learnerId,
                "/admin/plans",
                "/admin/catalogue",
                "/learner/feed",
                "/verify/");
        if (quiz != null) {
            learnerPages.add("/learner/exam?exam=" + quiz);
        }
        pages.put("learner02/" + RunningPlatform.DEMO_PASSWORD + "/learner", learnerPages);
        pages.put("teacher01/" + RunningPlatform.DEMO_PASSWORD + "/teacher", teacherPages);
        pages.put(RunningPlatform.ADMIN + "/" + RunningPlatform.ADMIN_PASSWORD + "/admin", adminPages);

        Set<String> vocabulary = englishVocabulary();
        Set<String> constants = enumConstants();
        Set<String> data = dataWords();
        List<String> wrong = new ArrayList<>();
        int read = 0;
        for (int[] size : new int[][] {{390, 844}, {1280, 900}}) {
            for (Map.Entry<String, List<String>> role : pages.entrySet()) {
                String[] who = role.getKey().split("/");
                try (Browser b = new Browser(size[0], size[1])) {
                    b.signIn(who[0], who[1], "/" + who[2] + "/");
                    for (String language : List.of("zh", "en")) {
                        b.js("localStorage.setItem('imtp.lang', arguments[0]);", language);
                        for (String page : role.getValue()) {
                            b.open(page);
                            settle(b);
                            String where = who[0] + " " + size[0] + "×" + size[1] + " " + language + " " + page;
                            wrong.addAll(judge(b, language, vocabulary, constants, data).stream()
                                    .map(w -> where + ": " + w)
                                    .toList());
                            read++;
                            if (size[0] < 500 && language.equals("zh")) {
                                b.screenshot("language-" + who[2] + "-" + page.replaceAll("[^a-z]+", "-"));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(read >= 2 * 2 * 18, "pages read: " + read);
        assertTrue(wrong.isEmpty(), wrong.size() + " texts not in the reader's language:\n" + String.join("\n", wrong));
    }

    /** Waits until the page has stopped fetching and drawing: its text and its requests unchanged for a second. */
    private static void settle(Browser b) {
        b.until(d -> "complete".equals(b.js("return document.readyState;")), Duration.ofSeconds(20));
        String[] last = {""};
        int[] same = {0};
        b.until(
                d -> {
                    String now = String.valueOf(b.js(
                            "return document.body.innerText.length + '/' + performance.getEntriesByType('resource').length"
                                    + " + '/' + (document.getElementById('title')?.textContent || '').length;"));
                    same[0] = now.equals(last[0]) && !now.endsWith("/0") ? same[0] + 1 : 0;
                    last[0] = now;
                    return same[0] >= 4;
                },
                Duration.ofSeconds(30));
    }

    private static List<String> judge(
            Browser b, String language, Set<String> vocabulary, Set<String> constants, Set<String> data) {
        String text = String.valueOf(
                b.js("const attrs = [...document.querySelectorAll('[placeholder],[title],[aria-label],img[alt]')]"
                        + ".flatMap(e => ['placeholder', 'title', 'aria-label', 'alt'].map(a => e.getAttribute(a)).filter(Boolean));"
                        + "return [document.title, document.body.innerText, ...attrs].join('\\n');"));
        List<String> wrong = new ArrayList<>();
        Matcher key = KEY.matcher(text);
        while (key.find()) {
            String last =
                    key.group().substring(key.group().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (!EXTENSIONS.contains(last)) {
                wrong.add("message key " + key.group());
            }
        }
        Matcher broken = BROKEN.matcher(text);
        while (broken.find()) {
            wrong.add("broken value " + broken.group());
        }
        Matcher word = LATIN_WORD.matcher(text);
        while (word.find()) {
            String w = word.group();
            if (data.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (constants.contains(w)) {
                wrong.add("code shown as a value " + w);
            } else if (language.equals("zh")
                    && vocabulary.contains(w.toLowerCase(Locale.ROOT))
                    && !ReadersText.NAMES.contains(w)) {
                wrong.add("English word " + w + " in «" + around(text, word.start()) + "»");
            }
        }
        if (language.equals("en")) {
            @SuppressWarnings("unchecked")
            // The pages' own labels: column headings, navigation, translated elements (the page title is left out: it
            // names data).
            List<String> labels = (List<String>)
                    b.js("return [...document.querySelectorAll('thead th, nav a, [data-i18n]:not(#title)')]"
                            + ".map(e => e.textContent.trim()).filter(Boolean);");
            labels.stream().filter(l -> HAN.matcher(l).find()).forEach(l -> wrong.add("Chinese label «" + l + "»"));
        }
        return wrong;
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 20), Math.min(text.length(), at + 30))
                .replace('\n', ' ');
    }

    /**
     * The Latin words of what people wrote (titles, descriptions, names, notices, questions, messages, user names): data,
     * in whatever language its author chose, which the pages show as written. Other tests write data too, in an order
     * that differs between machines; what the platform itself writes is judged, not what its users wrote.
     */
    static Set<String> dataWords() throws Exception {
        Set<String> words = new TreeSet<>();
        String[] columns = {
            "SELECT title, description FROM resource",
            "SELECT title, body FROM notice",
            "SELECT title, NULL FROM assessment_exam",
            "SELECT stem, NULL FROM assessment_question",
            "SELECT title, NULL FROM practical_exam",
            "SELECT instructions, NULL FROM practical_task",
            "SELECT name, NULL FROM training_class",
            "SELECT name, NULL FROM training_plan",
            "SELECT full_name, username FROM account",
            "SELECT body, NULL FROM live_message",
            "SELECT file_name, NULL FROM resource_version"
        };
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + RunningPlatform.DB_PORT + "/lms", "lms", "lms")) {
            for (String sql : columns) {
                try (var r = c.createStatement().executeQuery(sql)) {
                    while (r.next()) {
                        for (int i = 1; i <= 2; i++) {
                            Matcher m = LATIN_WORD.matcher(String.valueOf(r.getString(i)));
                            while (m.find()) {
                                words.add(m.group().toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
        }
        return words;
    }

    /** Every word of four letters or more in the English column of the pages' messages (what a Chinese page must not show). */
    static Set<String> englishVocabulary() throws Exception {
        String js = Files.readString(RunningPlatform.home().resolve("lms-web/src/main/webapp/app/shared/messages.js"));
        Matcher entry = Pattern.compile("\\[\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*]")
                .matcher(js);
        Set<String> words = new TreeSet<>();
        while (entry.find()) {
            Matcher w = Pattern.compile("(?<![{A-Za-z])[A-Za-z]{4,}(?![}A-Za-z0-9])")
                    .matcher(entry.group(2).replaceAll("\\{[^}]*}", " "));
            while (w.find()) {
                String lower = w.group().toLowerCase(Locale.ROOT);
                if (!w.group().equals(w.group().toUpperCase(Locale.ROOT))
                        && !entry.group(1).contains(w.group())) {
                    words.add(lower);
                }
            }
        }
        assertTrue(words.size() > 300, "the English vocabulary of the pages: " + words.size() + " words");
        return words;
    }

    /** The constants of the platform's enums with four letters or more, or an underscore (SELF_PACED, LIVE, DRAFT). */
    static Set<String> enumConstants() throws Exception {
        Set<String> constants = new TreeSet<>();
        Pattern body = Pattern.compile("\\benum\\s+\\w+\\s*(?:implements[^{]*)?\\{([^;}]*)");
        Pattern constant = Pattern.compile("(?:^|[,{\\s])([A-Z][A-Z0-9_]{3,}|[A-Z]+_[A-Z0-9_]+)\\s*(?=[,(;]|$)");
        for (String module : List.of("lms-web", "media-service", "platform")) {
            try (Stream<Path> files =
                    Files.walk(RunningPlatform.home().resolve(module).resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = body.matcher(Files.readString(f));
                    while (m.find()) {
                        String top = m.group(1)
                                .replaceAll("\"[^\"]*\"", "\"\"")
                                .replaceAll("\\([^()]*(\\([^()]*\\)[^()]*)*\\)", "()");
                        Matcher c = constant.matcher(top.strip());
                        while (c.find()) {
                            constants.add(c.group(1));
                        }
                    }
                }
            }
        }
        constants.removeAll(Set.of(
                "JSON", "XLSX", "HTTP", "HTTPS", "JPEG", "WEBM", "DOCX", "PPTX", "UTF8", "H264", "HEVC", "VIDEO_ONLY"));
        assertTrue(
                constants.containsAll(Set.of("SELF_PACED", "LEARNER", "NOT_MET")),
                "enum constants found: " + constants);
        return constants;
    }
}
