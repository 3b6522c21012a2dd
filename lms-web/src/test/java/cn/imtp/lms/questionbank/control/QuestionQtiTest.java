package cn.imtp.lms.questionbank.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.questionbank.entity.QuestionType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class QuestionQtiTest {

    static final List<QuestionContent> QUESTIONS = List.of(
            new QuestionContent(
                    QuestionType.SINGLE_CHOICE, 2, "直播脚本的核心是什么？", List.of("产品卖点", "主播服装", "灯光 & <布景>"), "A", "卖点决定话术。"),
            new QuestionContent(
                    QuestionType.MULTIPLE_CHOICE,
                    4,
                    "FAB 法则包括哪些？",
                    List.of("Feature", "Advantage", "Benefit", "Budget"),
                    "ABC",
                    null),
            new QuestionContent(QuestionType.TRUE_FALSE, 1, "直播前需要彩排。", List.of(), "T", "预演能发现问题。"));

    static byte[] bank() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(QuestionCsv.row(Level.L5, JobType.LIVE_SELLER, "2-1", "撰写单品直播脚本", QUESTIONS.get(0)));
        rows.add(QuestionCsv.row(Level.L5, JobType.LIVE_SELLER, "2-1", "撰写单品直播脚本", QUESTIONS.get(1)));
        rows.add(QuestionCsv.row(null, null, "1-1", "职业认知", QUESTIONS.get(2)));
        return QuestionQti.write(rows);
    }

    static QuestionCsv.Parsed parse(byte[] zip) {
        QuestionQti.Read read = QuestionQti.read(zip);
        assertEquals(List.of(), read.errors());
        return QuestionCsv.parse(read.records(), false, read::place);
    }

    @Test
    void aPackageReadsBackAsTheQuestionsItWasWrittenFrom() {
        QuestionCsv.Parsed parsed = parse(bank());
        assertEquals(List.of(), parsed.errors());
        assertEquals(3, parsed.lines().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(QUESTIONS.get(i), parsed.lines().get(i).content());
            assertEquals("items/item-" + (i + 1) + ".xml", parsed.lines().get(i).place());
        }
        QuestionCsv.Line first = parsed.lines().get(0);
        assertEquals(Level.L5, first.level());
        assertEquals(JobType.LIVE_SELLER, first.jobType());
        assertEquals("2-1", first.courseCode());
        assertEquals("撰写单品直播脚本", first.unit());
        assertNull(parsed.lines().get(2).level(), "the basic course has no level");
    }

    @Test
    void theItemsAreQti21ChoiceInteractionsWithTheKeyAndTheExplanation() throws Exception {
        String item = entry(bank(), "items/item-2.xml");
        assertTrue(item.contains("xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\""), item);
        assertTrue(item.contains("cardinality=\"multiple\"") && item.contains("maxChoices=\"0\""), item);
        assertTrue(item.contains("<value>A</value>") && item.contains("<value>C</value>"), item);
        assertTrue(item.contains("rptemplates/match_correct"), item);
        String manifest = entry(bank(), "imsmanifest.xml");
        assertTrue(manifest.contains("type=\"imsqti_item_xmlv2p1\"") && manifest.contains("imtp:question"), manifest);
        String trueFalse = entry(bank(), "items/item-3.xml");
        assertTrue(
                trueFalse.contains("identifier=\"T\"")
                        && trueFalse.contains("预演能发现问题。")
                        && trueFalse.contains("modalFeedback"),
                trueFalse);
    }

    @Test
    void whatCannotBeReadIsNamedByItsFile() throws Exception {
        assertEquals(
                "file",
                QuestionQti.read("level,jobType\n".getBytes(StandardCharsets.UTF_8))
                        .errors()
                        .get(0)
                        .field());
        assertTrue(QuestionQti.read(zip("items/x.xml", "<x/>"))
                .errors()
                .get(0)
                .message()
                .contains("no imsmanifest.xml"));

        String manifest = entry(bank(), "imsmanifest.xml");
        // An item without the platform's metadata, and one whose key names no choice.
        byte[] broken = zip(
                "imsmanifest.xml",
                manifest.replaceFirst("<imtp:question [^>]*/>", ""),
                "items/item-1.xml",
                entry(bank(), "items/item-1.xml"),
                "items/item-2.xml",
                entry(bank(), "items/item-2.xml").replace("<value>C</value>", "<value>Z</value>"),
                "items/item-3.xml",
                entry(bank(), "items/item-3.xml"));
        List<String> errors = QuestionQti.read(broken).errors().stream()
                .map(e -> e.field() + " " + e.message())
                .toList();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("items/item-1.xml has no <imtp:question"), errors.toString());
        assertTrue(errors.get(1).startsWith("items/item-2.xml its correctResponse names 'Z'"), errors.toString());

        // A field the CSV format would refuse is refused the same way, at the item's file.
        byte[] hard = zip(
                "imsmanifest.xml",
                manifest.replace("difficulty=\"2\"", "difficulty=\"9\""),
                "items/item-1.xml",
                entry(bank(), "items/item-1.xml"),
                "items/item-2.xml",
                entry(bank(), "items/item-2.xml"),
                "items/item-3.xml",
                entry(bank(), "items/item-3.xml"));
        QuestionQti.Read read = QuestionQti.read(hard);
        QuestionCsv.Parsed parsed = QuestionCsv.parse(read.records(), false, read::place);
        assertEquals("items/item-1.xml: difficulty", parsed.errors().get(0).field());
    }

    @Test
    void aDoctypeIsNeverFollowed() throws Exception {
        String evil =
                "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><manifest>&x;</manifest>";
        String error =
                QuestionQti.read(zip("imsmanifest.xml", evil)).errors().get(0).message();
        assertTrue(error.contains("DOCTYPE") && !error.contains("root:") && !error.contains("http"), error);
    }

    @Test
    void aFileThatIsNoZipIsToldInWordsNotTheLibrarys() throws Exception {
        byte[] whole = zip("imsmanifest.xml", "<manifest/>", "items/item-1.xml", "<assessmentItem/>");
        for (byte[] broken : List.of(
                java.util.Arrays.copyOf(whole, 40),
                "PK\u0003\u0004 but nothing after".getBytes(StandardCharsets.ISO_8859_1))) {
            String zh = QuestionQti.read(broken).errors().get(0).words().zh();
            assertTrue(zh.startsWith("不是 QTI 内容包"), zh);
            assertFalse(zh.replace("imsmanifest.xml", "").matches(".*[a-z]{4,}.*"), "no library English: " + zh);
        }
    }

    @Test
    void brokenXmlIsReportedByWhereNotByTheParsersWords() throws Exception {
        String broken = "<?xml version=\"1.0\"?>\n<manifest>\n  <resources>\n</manifest>";
        var error = QuestionQti.read(zip("imsmanifest.xml", broken)).errors().get(0);
        assertTrue(error.message().contains("not well-formed XML: an error near line 4"), error.message());
        assertTrue(error.words().zh().contains("第 4 行"), error.words().zh());
        assertFalse(
                error.words().zh().matches(".*[A-Za-z]{6,}.*"),
                "no parser English in Chinese: " + error.words().zh());
    }

    @Test
    void aPackageWhoseFileNamesEscapeItIsRefusedWhole() throws Exception {
        String manifest = entry(bank(), "imsmanifest.xml");
        String item = entry(bank(), "items/item-1.xml");
        for (String name : List.of(
                "../item-1.xml",
                "items/../../item-1.xml",
                "/etc/item-1.xml",
                "..\\item-1.xml",
                "items\\..\\..\\item-1.xml",
                "C:/item-1.xml",
                "c:item-1.xml",
                "items/..",
                "items/item\u0000.xml")) {
            // The manifest points at the escaping name, so that a reader who took it would find the item there.
            QuestionQti.Read read =
                    QuestionQti.read(zip("imsmanifest.xml", manifest.replace("items/item-1.xml", name), name, item));
            assertEquals(List.of(), read.records(), name + ": nothing is read");
            assertEquals(1, read.errors().size(), name + ": " + read.errors());
            var error = read.errors().get(0);
            assertEquals("file", error.field());
            String shown = name.replace("\u0000", "U+0000");
            assertTrue(
                    error.words().zh().contains("文件名“" + shown + "”指向内容包之外"),
                    error.words().zh());
            assertTrue(
                    error.words().en().contains("'" + shown + "' points outside the package"),
                    error.words().en());
        }
        // A package a Windows tool wrote, backslashes between folders: read as folders.
        QuestionQti.Read windows = QuestionQti.read(zip(
                "imsmanifest.xml",
                manifest.replace("items/item-1.xml", "items\\item-1.xml"),
                "items\\item-1.xml",
                item));
        assertEquals(
                List.of(),
                windows.errors().stream()
                        .filter(e ->
                                e.message().contains("outside") || e.message().contains("items/item-1.xml"))
                        .toList());
        assertFalse(windows.records().isEmpty(), "the item the package holds is read");
        // Names that only look odd stay inside: a dot part and dots within a name.
        assertEquals(
                List.of(),
                QuestionQti.read(zip("imsmanifest.xml", manifest, "items/item-1.xml", item, "items/a..b.xml", "x"))
                        .errors()
                        .stream()
                        .filter(e -> e.message().contains("outside"))
                        .toList());
    }

    @Test
    void aPackageWithTheSameFileTwiceIsRefused() throws Exception {
        String manifest = entry(bank(), "imsmanifest.xml");
        // ZipOutputStream refuses a duplicate name: write two names of one length, then make them the same.
        byte[] zip = zip(
                "imsmanifest.xml",
                manifest,
                "items/item-1.xml",
                entry(bank(), "items/item-1.xml"),
                "items/item-X.xml",
                "<x/>");
        String raw = new String(zip, StandardCharsets.ISO_8859_1).replace("items/item-X.xml", "items/item-1.xml");
        QuestionQti.Read read = QuestionQti.read(raw.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(), read.records());
        assertTrue(
                read.errors().get(0).message().contains("'items/item-1.xml' is in it twice"),
                read.errors().toString());
    }

    static String entry(byte[] zip, String name) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in the package");
    }

    static byte[] zip(String... namesAndContents) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i + 1 < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
