package cn.imtp.lms.documents;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.io.IOException;

/**
 * The one typeface of the platform's PDFs (learning archives, completion certificates): Adobe's STSong-Light with the
 * UniGB-UCS2-H encoding, a font every PDF reader supplies for Chinese, so nothing is embedded and the server needs no
 * CJK font file. Only characters of GB 2312 and ASCII are safe in it.
 */
public final class PdfFonts {

    private static final BaseFont SONG;

    static {
        try {
            SONG = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("OpenPDF's STSong-Light is missing from the class path", e);
        }
    }

    private PdfFonts() {}

    public static Font song(float size, int style, Color color) {
        return new Font(SONG, size, style, color);
    }

    public static Font song(float size, int style) {
        return new Font(SONG, size, style);
    }
}
