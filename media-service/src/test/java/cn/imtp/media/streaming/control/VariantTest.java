package cn.imtp.media.streaming.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class VariantTest {

    @Test
    void theGzipCopyUnpacksToTheTextAndIsMadeOnce() throws Exception {
        StringBuilder text = new StringBuilder("#EXTM3U\n");
        for (int i = 0; i < 1800; i++) {
            text.append("#EXTINF:6.000,\nhttp://127.0.0.1:9000/lms-media/assets/a/hls/720p/")
                    .append(i)
                    .append(".ts?X-Amz-Signature=")
                    .append(Integer.toHexString(i * 2654435761L > 0 ? i * 31 : i))
                    .append('\n');
        }
        Variant v = new Variant(text.toString());
        byte[] gz = v.gzipped();
        assertSame(gz, v.gzipped(), "made once and kept");
        assertTrue(gz.length < text.length() / 3, gz.length + " bytes for " + text.length() + " characters");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertArrayEquals(text.toString().getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
    }

    @Test
    void gzipIsSentOnlyToThoseWhoAcceptIt() {
        assertTrue(Variant.acceptsGzip("gzip, deflate, br"));
        assertTrue(Variant.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertFalse(Variant.acceptsGzip(null));
        assertFalse(Variant.acceptsGzip(""));
        assertFalse(Variant.acceptsGzip("identity"));
        assertFalse(Variant.acceptsGzip("gzip;q=0"));
        assertFalse(Variant.acceptsGzip("gzip; q=0.000, br"));
        assertFalse(Variant.acceptsGzip("x-gzip-not"));
        assertFalse(Variant.acceptsGzip("gzip;Q=0"), "parameter names are case-insensitive");
        assertFalse(Variant.acceptsGzip("GZIP ; Q = 0.0"));
        assertTrue(Variant.acceptsGzip("x-gzip"), "the alias RFC 9110 names");
        assertTrue(Variant.acceptsGzip("*"), "any coding");
        assertFalse(Variant.acceptsGzip("*;q=0"));
        assertFalse(Variant.acceptsGzip("*, gzip;q=0"), "gzip named outweighs the wildcard");
        assertTrue(Variant.acceptsGzip("br, *;q=0.1"));
    }
}
