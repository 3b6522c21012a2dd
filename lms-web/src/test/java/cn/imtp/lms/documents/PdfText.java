package cn.imtp.lms.documents;

import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfReader;
import java.nio.charset.StandardCharsets;

/**
 * The text a reader shows of the platform's PDFs: every string drawn, decoded as UniGB-UCS2-H encodes it (two bytes per
 * character, UCS-2 big-endian), a line per text object. (OpenPDF's own text extractor cannot read an Adobe CJK font
 * without a ToUnicode map, which readers do not need.)
 */
public final class PdfText {

    private PdfText() {}

    public static String of(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            PRTokeniser tokens = new PRTokeniser(reader.getPageContent(page));
            while (tokens.nextToken()) {
                if (tokens.getTokenType() == PRTokeniser.TK_STRING) {
                    all.append(new String(
                            tokens.getStringValue().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_16BE));
                } else if (tokens.getTokenType() == PRTokeniser.TK_OTHER
                        && tokens.getStringValue().equals("ET")) {
                    all.append('\n');
                }
            }
        }
        return all.toString();
    }
}
