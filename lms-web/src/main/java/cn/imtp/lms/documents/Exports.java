package cn.imtp.lms.documents;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How every export answers: {@code ?format=csv} (default) or {@code xlsx}, as a download named after its content; an
 * endpoint may offer further formats of its own ({@link #named}).
 */
public final class Exports {

    /** What export methods declare in {@code @Produces}. */
    public static final String CSV = "text/csv; charset=UTF-8";

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Exports() {}

    /** The table format {@code ?format=} names (csv by default); 422 for any other. */
    public static ExportTable.Format format(String name) {
        return ExportTable.Format.valueOf(named(name).toUpperCase(Locale.ROOT));
    }

    /**
     * The format {@code ?format=} names, in lower case: a table format (csv by default, xlsx) or one of the further
     * formats an endpoint offers ({@code own}, e.g. "qti"); 422 naming every format the endpoint offers for any other.
     */
    public static String named(String name, String... own) {
        String chosen = name == null ? "csv" : name.toLowerCase(Locale.ROOT);
        List<String> offered = Stream.concat(
                        Arrays.stream(ExportTable.Format.values()).map(f -> f.extension), Arrays.stream(own))
                .toList();
        if (!offered.contains(chosen)) {
            throw PlatformException.invalid(
                    new Words(
                            "导出格式“" + name + "”无效，请使用："
                                    + String.join(
                                            "、",
                                            offered.stream()
                                                    .map(x -> x.toUpperCase(Locale.ROOT))
                                                    .toList()) + "。",
                            "Unknown export format '" + name + "'; use " + String.join(", ", offered) + "."),
                    List.of(new FieldError(
                            "format",
                            new Words(
                                    "须为以下之一："
                                            + String.join(
                                                    "、",
                                                    offered.stream()
                                                            .map(x -> x.toUpperCase(Locale.ROOT))
                                                            .toList()),
                                    String.join(" or ", offered)))));
        }
        return chosen;
    }

    /**
     * The tables as a download in the reader's language (headings, table names and words for people; codes stay). An
     * export that is audited asks for the language first ({@link Reader#language}), so a refused {@code lang} leaves no
     * record of an export nobody received.
     */
    public static Response download(
            List<ExportTable> tables, ExportTable.Format format, String baseName, Language language) {
        Object body = format == ExportTable.Format.CSV ? Csv.of(tables, language) : Xlsx.of(tables, language);
        return Response.ok(body, format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + baseName + "." + format.extension + "\"")
                .header("Content-Language", language == Language.ZH ? "zh-CN" : "en")
                .header("Vary", "Accept-Language")
                .build();
    }

    /** A stored document as a download under its own name (any script in it is never run: nosniff). */
    public static Response document(Document d) {
        String ascii = d.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(d.content(), d.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
