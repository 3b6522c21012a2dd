package cn.imtp.lms.questionbank.control;

import cn.imtp.lms.documents.Csv;
import cn.imtp.lms.questionbank.entity.QuestionType;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.text.Words;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The question bank as an IMS QTI 2.1 content package (a ZIP): {@code imsmanifest.xml} lists one resource of
 * type {@code imsqti_item_xmlv2p1} per question, each an {@code assessmentItem} with a {@code choiceInteraction}
 * (true/false as the two choices T 正确 and F 错误), the key as {@code correctResponse}, the
 * {@code match_correct} response processing, and the explanation as a {@code modalFeedback}. Where a
 * question belongs in the training package (level, job type, course code, unit) and its type and difficulty
 * are kept in each resource's metadata as {@code <imtp:question …/>} (namespace {@value #NS}): other tools
 * ignore it, and an import needs it to file the question under its unit.
 *
 * <p>Reading turns the package into the rows of the CSV format (header included), so that every check of an
 * import is the one of {@link QuestionCsv}; a row's place is its item file. Pure.
 */
public final class QuestionQti {

    public static final String MEDIA_TYPE = "application/zip";
    static final String NS = "urn:imtp:lms:question-bank:1";
    private static final String QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1";
    private static final String CP = "http://www.imsglobal.org/xsd/imscp_v1p1";
    private static final String ITEM_TYPE = "imsqti_item_xmlv2p1";
    private static final String MATCH_CORRECT = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct";
    /** What a package may unpack to, and how many files it may hold: a ZIP is small, what it inflates to need not be. */
    static final long MAX_UNPACKED_BYTES = 50L * 1024 * 1024;

    static final int MAX_FILES = 20_000;
    private static final List<String> META = List.of("level", "jobType", "courseCode", "unit", "type", "difficulty");

    /** The rows read, with the item file of each row (row numbers from 2; 1 is the header). */
    public record Read(List<Csv.Record> records, Map<Integer, String> places, List<FieldError> errors) {

        public String place(int row) {
            return places.getOrDefault(row, "imsmanifest.xml");
        }
    }

    private QuestionQti() {}

    /** The package of these rows, each in the order of {@link QuestionCsv#HEADER} (as the export makes them). */
    public static byte[] write(List<List<Object>> rows) {
        try {
            Document manifest = newDocument();
            Element root = manifest.createElementNS(CP, "manifest");
            root.setAttribute("identifier", "imtp-question-bank");
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:imtp", NS);
            manifest.appendChild(root);
            Element meta = child(root, CP, "metadata");
            child(meta, CP, "schema").setTextContent("QTIv2.1 Package");
            child(meta, CP, "schemaversion").setTextContent("1.0.0");
            child(root, CP, "organizations");
            Element resources = child(root, CP, "resources");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                for (int i = 0; i < rows.size(); i++) {
                    List<String> c = rows.get(i).stream()
                            .map(v -> v == null ? "" : v.toString())
                            .toList();
                    String id = "item-" + (i + 1);
                    String href = "items/" + id + ".xml";
                    Element resource = child(resources, CP, "resource");
                    resource.setAttribute("identifier", id);
                    resource.setAttribute("type", ITEM_TYPE);
                    resource.setAttribute("href", href);
                    Element question = child(child(resource, CP, "metadata"), NS, "imtp:question");
                    for (int m = 0; m < META.size(); m++) {
                        question.setAttribute(META.get(m), c.get(m));
                    }
                    child(resource, CP, "file").setAttribute("href", href);
                    zip.putNextEntry(new ZipEntry(href));
                    zip.write(xml(item(id, c)));
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
                zip.write(xml(manifest));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document item(String id, List<String> c) {
        Document d = newDocument();
        Element item = d.createElementNS(QTI, "assessmentItem");
        d.appendChild(item);
        boolean trueFalse = QuestionType.TRUE_FALSE.name().equals(c.get(4));
        boolean multiple = QuestionType.MULTIPLE_CHOICE.name().equals(c.get(4));
        String stem = c.get(6);
        item.setAttribute("identifier", id);
        item.setAttribute("title", stem.length() > 60 ? stem.substring(0, 60) + "…" : stem);
        item.setAttribute("adaptive", "false");
        item.setAttribute("timeDependent", "false");
        Element response = child(item, QTI, "responseDeclaration");
        response.setAttribute("identifier", "RESPONSE");
        response.setAttribute("cardinality", multiple ? "multiple" : "single");
        response.setAttribute("baseType", "identifier");
        Element correct = child(response, QTI, "correctResponse");
        for (char letter : c.get(13).toCharArray()) {
            child(correct, QTI, "value").setTextContent(String.valueOf(letter));
        }
        Element score = child(item, QTI, "outcomeDeclaration");
        score.setAttribute("identifier", "SCORE");
        score.setAttribute("cardinality", "single");
        score.setAttribute("baseType", "float");
        child(child(score, QTI, "defaultValue"), QTI, "value").setTextContent("0");
        String explanation = c.get(14);
        if (!explanation.isBlank()) {
            Element feedback = child(item, QTI, "outcomeDeclaration");
            feedback.setAttribute("identifier", "FEEDBACK");
            feedback.setAttribute("cardinality", "single");
            feedback.setAttribute("baseType", "identifier");
        }
        Element interaction = child(child(item, QTI, "itemBody"), QTI, "choiceInteraction");
        interaction.setAttribute("responseIdentifier", "RESPONSE");
        interaction.setAttribute("shuffle", "false");
        interaction.setAttribute("maxChoices", multiple ? "0" : "1");
        child(interaction, QTI, "prompt").setTextContent(stem);
        if (trueFalse) {
            choice(interaction, "T", "正确");
            choice(interaction, "F", "错误");
        } else {
            for (int o = 0; o < Answers.MAX_OPTIONS && !c.get(7 + o).isEmpty(); o++) {
                choice(interaction, String.valueOf((char) ('A' + o)), c.get(7 + o));
            }
        }
        child(item, QTI, "responseProcessing").setAttribute("template", MATCH_CORRECT);
        if (!explanation.isBlank()) {
            Element feedback = child(item, QTI, "modalFeedback");
            feedback.setAttribute("outcomeIdentifier", "FEEDBACK");
            feedback.setAttribute("identifier", "EXPLANATION");
            feedback.setAttribute("showHide", "show");
            feedback.setTextContent(explanation);
        }
        return d;
    }

    private static void choice(Element interaction, String identifier, String text) {
        Element choice = child(interaction, QTI, "simpleChoice");
        choice.setAttribute("identifier", identifier);
        choice.setTextContent(text);
    }

    /** The rows of a package (the header first), or the errors that kept it from being read. */
    public static Read read(byte[] zip) {
        Map<String, byte[]> files;
        try {
            files = unzip(zip);
        } catch (IOException | IllegalArgumentException e) {
            Words why = e instanceof Refused
                    ? Refused.of(e)
                    : new Words("文件已损坏或不是 ZIP 格式，无法解压", "the file is damaged or not a ZIP archive");
            return failed(
                    "file",
                    new Words(
                            "不是 QTI 内容包（含 imsmanifest.xml 的 ZIP 文件）：" + why.zh(),
                            "is not a QTI content package (a ZIP with imsmanifest.xml): " + why.en()));
        }
        byte[] manifestBytes = files.get("imsmanifest.xml");
        if (manifestBytes == null) {
            return failed(
                    "file", new Words("内容包的根目录中没有 imsmanifest.xml", "the package has no imsmanifest.xml at its root"));
        }
        Document manifest;
        try {
            manifest = parse(manifestBytes);
        } catch (IllegalArgumentException e) {
            return failed("imsmanifest.xml", Refused.of(e));
        }
        List<Csv.Record> records = new ArrayList<>();
        records.add(new Csv.Record(1, QuestionCsv.HEADER));
        Map<Integer, String> places = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        NodeList resources = manifest.getElementsByTagNameNS(CP, "resource");
        for (int i = 0; i < resources.getLength(); i++) {
            Element resource = (Element) resources.item(i);
            if (!ITEM_TYPE.equals(resource.getAttribute("type"))) {
                continue;
            }
            String href = resource.getAttribute("href");
            int row = records.size() + 1;
            places.put(row, href.isEmpty() ? "resource " + resource.getAttribute("identifier") : href);
            Element question = first(resource, NS, "question");
            if (question == null) {
                errors.add(new FieldError(
                        places.get(row),
                        new Words(
                                "其资源元数据中缺少 <imtp:question level jobType courseCode unit type difficulty/>" + "（命名空间 "
                                        + NS + "）：平台须将每道试题归入一个学习单元",
                                "has no <imtp:question level jobType courseCode unit type difficulty/> in its"
                                        + " resource's metadata (namespace " + NS
                                        + "): the platform files each question under a learning unit")));
                continue;
            }
            byte[] itemBytes = files.get(href.replace('\\', '/'));
            if (itemBytes == null) {
                errors.add(new FieldError(
                        places.get(row),
                        new Words(
                                "已列在 imsmanifest.xml 中，但内容包里没有此文件",
                                "is listed in imsmanifest.xml but not in the package")));
                continue;
            }
            try {
                records.add(new Csv.Record(row, cells(question, parse(itemBytes))));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(places.get(row), Refused.of(e)));
            }
        }
        return new Read(records, places, errors);
    }

    /** One row in the CSV format's columns. */
    private static List<String> cells(Element question, Document item) {
        List<String> c = new ArrayList<>();
        META.forEach(m -> c.add(question.getAttribute(m)));
        Element root = item.getDocumentElement();
        if (!QTI.equals(root.getNamespaceURI()) || !"assessmentItem".equals(root.getLocalName())) {
            throw new Refused(new Words(
                    "不是 QTI 2.1 试题（assessmentItem）", "is not a QTI 2.1 assessmentItem (namespace " + QTI + ")"));
        }
        Element interaction = first(root, QTI, "choiceInteraction");
        if (interaction == null) {
            throw new Refused(new Words(
                    "没有 choiceInteraction：只接受单选题、多选题和判断题",
                    "has no choiceInteraction: only single choice, multiple choice and true/false are taken"));
        }
        Element prompt = first(interaction, QTI, "prompt");
        c.add(prompt == null ? "" : prompt.getTextContent().strip());
        boolean trueFalse = QuestionType.TRUE_FALSE.name().equals(question.getAttribute("type"));
        List<String> options = new ArrayList<>();
        List<String> identifiers = new ArrayList<>();
        NodeList choices = interaction.getElementsByTagNameNS(QTI, "simpleChoice");
        for (int i = 0; i < choices.getLength(); i++) {
            Element choice = (Element) choices.item(i);
            identifiers.add(choice.getAttribute("identifier"));
            options.add(choice.getTextContent().strip());
        }
        for (int o = 0; o < Answers.MAX_OPTIONS; o++) {
            c.add(!trueFalse && o < options.size() ? options.get(o) : "");
        }
        if (!trueFalse && options.size() > Answers.MAX_OPTIONS) {
            throw new Refused(new Words(
                    "有 " + options.size() + " 个选项，最多只接受 " + Answers.MAX_OPTIONS + " 个",
                    "has " + options.size() + " choices; at most " + Answers.MAX_OPTIONS + " are taken"));
        }
        StringBuilder answer = new StringBuilder();
        Element correct = first(root, QTI, "correctResponse");
        NodeList values = correct == null ? null : correct.getElementsByTagNameNS(QTI, "value");
        for (int i = 0; values != null && i < values.getLength(); i++) {
            String id = values.item(i).getTextContent().strip();
            int at = identifiers.indexOf(id);
            if (at < 0) {
                throw new Refused(new Words(
                        "其 correctResponse 指定的 '" + id + "' 不是它的任何一个选项",
                        "its correctResponse names '" + id + "', which is none of its choices"));
            }
            // Choices are read in their order, whatever their identifiers: the first is A.
            answer.append(trueFalse ? id : String.valueOf((char) ('A' + at)));
        }
        c.add(answer.toString());
        Element feedback = first(root, QTI, "modalFeedback");
        c.add(feedback == null ? "" : feedback.getTextContent().strip());
        return c;
    }

    private static Read failed(String field, Words message) {
        return new Read(List.of(), Map.of(), List.of(new FieldError(field, message)));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                if (files.size() >= MAX_FILES) {
                    throw new Refused(new Words("文件超过 " + MAX_FILES + " 个", "more than " + MAX_FILES + " files"));
                }
                // Some Windows tools write backslashes between folders: the same folders, read as such.
                String name = e.getName().replace('\\', '/');
                refuseOutside(e.getName(), name);
                byte[] content = readAtMost(in, MAX_UNPACKED_BYTES - total);
                total += content.length;
                if (files.put(name, content) != null) {
                    // Two tools would disagree on which of the two is the file: neither is taken.
                    throw new Refused(new Words(
                            "文件“" + shown(name) + "”在包中出现了两次", "the file '" + shown(name) + "' is in it twice"));
                }
            }
        }
        if (files.isEmpty()) {
            throw new Refused(new Words("其中没有文件", "no file in it"));
        }
        return files;
    }

    /**
     * An entry name must stay inside the package: relative (backslashes read as slashes), no {@code ..} part, no
     * drive and no control character. The package is only read in memory, yet a name that would escape it on a disk is a package
     * made to mislead (and a manifest could point at it): the whole package is refused.
     */
    private static void refuseOutside(String original, String name) {
        boolean outside = name.isEmpty()
                || name.startsWith("/")
                || name.matches("(?s)[A-Za-z]:.*")
                || name.chars().anyMatch(Character::isISOControl)
                || java.util.Arrays.asList(name.split("/", -1)).contains("..");
        if (outside) {
            throw new Refused(new Words(
                    "文件名“" + shown(original) + "”指向内容包之外（以“/”或盘符开头，或含“..”）",
                    "the file name '" + shown(original)
                            + "' points outside the package (a leading '/' or drive, or a '..' part)"));
        }
    }

    /** A name as a message may show it: control characters as U+XXXX, at most 200 characters. */
    private static String shown(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("U+%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return name.codePointCount(0, name.length()) > 200 ? b + "…" : b.toString();
    }

    private static byte[] readAtMost(InputStream in, long left) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, left + 1));
        if (content.length > left) {
            throw new Refused(new Words(
                    "解压后超过 " + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB",
                    "it unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB"));
        }
        return content;
    }

    private static Element first(Element in, String ns, String name) {
        NodeList found = in.getElementsByTagNameNS(ns, name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    private static Element child(Element parent, String ns, String name) {
        Element e = parent.getOwnerDocument().createElementNS(ns, name);
        parent.appendChild(e);
        return e;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            // No DTD, no external entity: a package is data, never a way to read the server's files.
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler()); // errors are thrown and reported, not printed
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document newDocument() {
        return builder().newDocument();
    }

    private static Document parse(byte[] xml) {
        try {
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            // The parser's own words are English and may name its settings by URL: the reader gets where, not them.
            if (new String(xml, java.nio.charset.StandardCharsets.ISO_8859_1).contains("<!DOCTYPE")) {
                throw new Refused(new Words(
                        "含有 DOCTYPE 声明，为安全起见不予读取；请去掉它后重新打包",
                        "has a DOCTYPE declaration, which is never read (for safety); remove it and package again"));
            }
            if (e instanceof org.xml.sax.SAXParseException at && at.getLineNumber() > 0) {
                throw new Refused(new Words(
                        "不是格式正确的 XML：第 " + at.getLineNumber() + " 行第 " + at.getColumnNumber() + " 列附近有错误",
                        "is not well-formed XML: an error near line " + at.getLineNumber() + ", column "
                                + at.getColumnNumber()));
            }
            throw new Refused(new Words("不是格式正确的 XML", "is not well-formed XML"));
        }
    }

    private static byte[] xml(Document d) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(d), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
