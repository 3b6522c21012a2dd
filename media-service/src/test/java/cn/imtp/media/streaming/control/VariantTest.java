package cn.imtp.media.streaming.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.media.hls.Playlists;
import cn.imtp.media.hls.Segment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class VariantTest {

    @Test
    void theGzipCopyUnpacksToTheTextAndIsMadeOnce() throws Exception {
        StringBuilder text = new StringBuilder("#EXTM3U\n");
        Random random = new Random(7);
        for (int i = 0; i < 1800; i++) {
            byte[] signature = new byte[32];
            random.nextBytes(signature);
            text.append("#EXTINF:6.000,\nhttp://127.0.0.1:9000/lms-media/assets/a/hls/720p/")
                    .append(i)
                    .append(".ts?X-Amz-Signature=")
                    .append(HexFormat.of().formatHex(signature))
                    .append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        byte[][] parts = split(bytes, 46_000);
        assertTrue(parts.length > 4, "made in several parts");
        try (SpareCores cores = new SpareCores(Executors.defaultThreadFactory(), 1)) {
            Variant v = new Variant(parts, null, "");
            byte[] gz = v.gzipped(cores);
            assertSame(gz, v.gzipped(cores), "made once and kept");
            assertTrue(gz.length < bytes.length / 2, gz.length + " bytes for " + bytes.length);
            assertArrayEquals(bytes, gunzip(gz));
            assertArrayEquals(bytes, sent(v));
            byte[] whole = new ByteArrayOutputStream() {
                {
                    try (GZIPOutputStream out = new GZIPOutputStream(this) {
                        {
                            def.setLevel(Deflater.BEST_SPEED);
                        }
                    }) {
                        out.write(bytes);
                    }
                }
            }.toByteArray();
            assertTrue(
                    gz.length < whole.length * 1.05,
                    "parts cost little against one stream at the same level: " + gz.length + " against "
                            + whole.length);
        }
    }

    @Test
    void shortEmptyAndUnevenPartsGzipToTheirWhole() throws Exception {
        try (SpareCores none = new SpareCores(Executors.defaultThreadFactory(), 0)) {
            for (String text : new String[] {"", "#EXTM3U\n", "x".repeat(70_000), "y".repeat(70_001)}) {
                byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
                for (int part : new int[] {1, 7, 65_536, 1_000_000}) {
                    byte[][] parts = split(bytes, part);
                    assertArrayEquals(bytes, gunzip(Variant.gzip(parts, none)), text.length() + " bytes by " + part);
                }
                byte[][] withEmpty = {new byte[0], bytes, new byte[0]};
                assertArrayEquals(bytes, gunzip(Variant.gzip(withEmpty, none)), "empty parts add nothing");
            }
        }
    }

    /** {@code bytes} cut into parts of {@code size} (the last shorter); one empty part for no bytes. */
    private static byte[][] split(byte[] bytes, int size) {
        int n = Math.max(1, (bytes.length + size - 1) / size);
        byte[][] parts = new byte[n][];
        for (int i = 0; i < n; i++) {
            parts[i] = java.util.Arrays.copyOfRange(bytes, i * size, Math.min(bytes.length, (i + 1) * size));
        }
        return parts;
    }

    /** What a client receives of the playlist sent plainly; its length as announced. */
    private static byte[] sent(Variant v) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        v.writeTo(out);
        assertEquals(v.length(), out.size(), "Content-Length");
        return out.toByteArray();
    }

    @Test
    void aPlaylistGzippedPartByPartAsItIsWrittenUnpacksWhole() throws Exception {
        try (SpareCores cores = new SpareCores(Executors.defaultThreadFactory(), 1)) {
            for (int segments : new int[] {0, 1, 127, 128, 129, 1_800}) {
                List<Segment> list = new ArrayList<>();
                for (int i = 0; i < segments; i++) {
                    list.add(new Segment(i, 6_000 - i % 3));
                }
                Playlists.SegmentUrls urls = new Playlists.SegmentUrls() {
                    @Override
                    public int length(Segment s) {
                        return ("https://s3/" + s.seq()).length();
                    }

                    @Override
                    public void write(Segment s, byte[] out, int at) {
                        byte[] url = ("https://s3/" + s.seq()).getBytes(StandardCharsets.US_ASCII);
                        System.arraycopy(url, 0, out, at, url.length);
                    }
                };
                Playlists.VariantText plain = Playlists.variant(list, true, 6, 128, urls);
                assertNull(Variant.writeInParts(plain, false, cores), "no gzip copy unless asked");
                Playlists.VariantText text = Playlists.variant(list, true, 6, 128, urls);
                byte[] gz = Variant.writeInParts(text, true, cores);
                byte[] whole = sent(new Variant(plain.allParts(), null, ""));
                assertArrayEquals(whole, sent(new Variant(text.allParts(), gz, "")), segments + " segments");
                assertArrayEquals(whole, gunzip(gz), segments + " segments");
                assertTrue(new String(whole, StandardCharsets.US_ASCII).endsWith("#EXT-X-ENDLIST\n"));
                assertEquals(Math.max(1, (segments + 127) / 128), text.parts());
            }
        }
    }

    private static byte[] gunzip(byte[] gz) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
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
