package cn.imtp.lms.documents;

import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A small document handed in through the API (evidence of other hours, a learner's practical work): a PDF,
 * JPEG or PNG, known by its first bytes and never by its name or declared type, within a size limit, kept
 * with its SHA-256 so that what is stored can be shown to be what was received.
 */
public record Document(String fileName, String contentType, byte[] content, String sha256) {

    /**
     * The checked document, or 413 when larger than {@code maxBytes}, 422 (naming {@code field}) when not a
     * PDF, JPEG or PNG. {@code content} may hold one byte more than allowed: enough to know it is too large.
     */
    public static Document checked(String fileName, byte[] content, int maxBytes, String field, String defaultName) {
        if (content.length > maxBytes) {
            throw new PlatformException(
                    413,
                    "too-large",
                    "Too large",
                    new Words(
                            "此处的文件最大为 " + maxBytes + " 字节，请以较低的分辨率扫描文件，或另存为 PDF。",
                            "Files may have at most " + maxBytes
                                    + " bytes here; scan the document at a lower resolution or save it as a PDF."));
        }
        String type = type(content);
        if (type == null) {
            throw PlatformException.invalid(
                    new Words("文件未被接受。", "The file was not accepted."),
                    List.of(new FieldError(
                            field,
                            new Words(
                                    "不是 PDF、JPEG 或 PNG 文件（按文件内容而非文件名判断）",
                                    "is not a PDF, JPEG or PNG file (checked by its content, not its name)"))));
        }
        String name = fileName == null || fileName.isBlank() ? defaultName : fileName.strip();
        name = name.length() > 255 ? name.substring(name.length() - 255) : name;
        try {
            return new Document(
                    name,
                    type,
                    content,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PDF, JPEG or PNG by the file's first bytes; null for anything else. */
    public static String type(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8
                && (b[0] & 0xFF) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0D
                && b[5] == 0x0A
                && b[6] == 0x1A
                && b[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }
}
