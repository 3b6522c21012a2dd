package cn.imtp.media.hls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class PlaylistsTest {

    @Test
    void theMasterListsEveryRungWithBandwidthResolutionAndCodecs() {
        String m = Playlists.master(
                List.of(
                        new Rendition("720p", 1280, 720, 2800, 128, 0, null),
                        new Rendition("360p", 640, 360, 800, 128, 0, null)),
                r -> r.name() + ".m3u8?grant=g",
                List.of());
        assertTrue(m.startsWith("#EXTM3U\n"));
        assertTrue(
                m.contains(
                        "#EXT-X-STREAM-INF:BANDWIDTH=3220800,RESOLUTION=1280x720,CODECS=\"avc1.640028,mp4a.40.2\"\n720p.m3u8?grant=g\n"),
                m);
        assertTrue(m.contains("360p.m3u8?grant=g"));
    }

    @Test
    void captionsAreOfferedAsASubtitleGroup() {
        String m = Playlists.master(
                List.of(new Rendition("720p", 1280, 720, 2800, 128, 0, null)),
                r -> "v.m3u8",
                List.of(new Playlists.Captions("zh", "中文", "captions/zh.vtt")));
        assertTrue(m.contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"zh\",NAME=\"中文\""), m);
        assertTrue(m.contains(",SUBTITLES=\"subs\"\nv.m3u8"), m);
    }

    @Test
    void aValueThatWouldBreakOutOfItsQuotesIsNeverWritten() {
        for (String evil : List.of(
                "x\"\n#EXT-X-STREAM-INF:BANDWIDTH=9\nhttp://evil.example/a.m3u8",
                "a\rb",
                "a\u2028b",
                "tab\there",
                "q\"")) {
            assertFalse(Playlists.isQuotable(evil), evil);
            org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class,
                    () -> Playlists.master(
                            List.of(new Rendition("720p", 1280, 720, 2800, 128, 0, null)),
                            r -> "v.m3u8",
                            List.of(new Playlists.Captions("en", evil, "captions/en.m3u8"))));
        }
        assertTrue(Playlists.isQuotable("中文字幕 (简体)"));
    }

    @Test
    void aRenditionBeingEncodedIsAnEventPlaylistWithoutEnd() {
        List<Segment> s = List.of(new Segment(0, 6000), new Segment(1, 6000));
        String growing = variant(s, false, seq -> "https://s3/seg" + seq);
        assertTrue(growing.contains("#EXT-X-PLAYLIST-TYPE:EVENT"));
        assertFalse(growing.contains("#EXT-X-ENDLIST"));
        assertTrue(growing.contains("#EXTINF:6.000,\nhttps://s3/seg1\n"));
        String odd = variant(
                List.of(new Segment(0, 5960), new Segment(1, 40), new Segment(2, 12_005)), true, seq -> "u" + seq);
        assertTrue(odd.contains("#EXTINF:5.960,\nu0\n#EXTINF:0.040,\nu1\n#EXTINF:12.005,\nu2\n"), odd);
        String done = variant(List.of(new Segment(0, 6000), new Segment(1, 7400)), true, seq -> "u" + seq);
        assertTrue(done.contains("#EXT-X-PLAYLIST-TYPE:VOD"));
        assertTrue(done.contains("#EXT-X-TARGETDURATION:8"), done);
        assertTrue(done.endsWith("#EXT-X-ENDLIST\n"));
    }

    @Test
    void aPlaylistWrittenInPartsInAnyOrderIsTheWholeOne() {
        List<Segment> s = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            s.add(new Segment(i, i % 7 == 0 ? 5_960 : i == 500 ? 123_456 : 6_000));
        }
        Playlists.SegmentUrls urls =
                urls(seq -> "https://s3.example.cn/b/k/" + seq + ".ts?X-Amz-Signature=" + seq * 31);
        Playlists.VariantText whole = Playlists.variant(s, true, 6, 2_000, urls);
        assertEquals(1, whole.parts());
        whole.write(0);
        Playlists.VariantText parts = Playlists.variant(s, true, 6, 128, urls);
        assertEquals(8, parts.parts());
        for (int k = parts.parts() - 1; k >= 0; k--) {
            parts.write(k);
        }
        assertArrayEquals(whole.part(0), joined(parts));
        for (int k = 0; k < parts.parts(); k++) {
            byte[] part = parts.part(k);
            assertEquals('\n', part[part.length - 1], "part " + k + " ends a line");
            assertTrue(new String(part, StandardCharsets.US_ASCII).startsWith(k == 0 ? "#EXTM3U\n" : "#EXTINF:"));
        }
        String text = new String(whole.part(0), StandardCharsets.US_ASCII);
        assertTrue(text.contains("#EXT-X-TARGETDURATION:124\n"), "the longest segment, rounded up");
        assertTrue(text.contains("#EXTINF:123.456,\nhttps://s3.example.cn/b/k/500.ts?X-Amz-Signature=15500\n"));
        assertTrue(text.endsWith(
                "#EXTINF:6.000,\nhttps://s3.example.cn/b/k/1000.ts?X-Amz-Signature=31000\n#EXT-X-ENDLIST\n"));
        assertEquals(1_001, Playlists.parse(text).size());
    }

    @Test
    void decimalDigitsAreWrittenAsAscii() {
        byte[] out = new byte[12];
        for (int n : new int[] {0, 9, 10, 99, 100, 1_799, Integer.MAX_VALUE}) {
            int end = Playlists.writeDigits(n, out, 1);
            assertEquals(Integer.toString(n), new String(out, 1, end - 1, StandardCharsets.US_ASCII));
            assertEquals(Integer.toString(n).length(), Playlists.digits(n));
        }
    }

    /** A variant playlist's text with the given segment URLs, written in one part. */
    private static String variant(List<Segment> segments, boolean complete, IntFunction<String> url) {
        Playlists.VariantText v = Playlists.variant(segments, complete, 6, 2, urls(url));
        for (int k = 0; k < v.parts(); k++) {
            v.write(k);
        }
        return new String(joined(v), StandardCharsets.US_ASCII);
    }

    private static byte[] joined(Playlists.VariantText v) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : v.allParts()) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static Playlists.SegmentUrls urls(IntFunction<String> url) {
        return new Playlists.SegmentUrls() {
            @Override
            public int length(Segment segment) {
                return url.apply(segment.seq()).length();
            }

            @Override
            public void write(Segment segment, byte[] out, int at) {
                byte[] b = url.apply(segment.seq()).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(b, 0, out, at, b.length);
            }
        };
    }

    @Test
    void ffmpegsPlaylistIsReadSegmentBySegmentIgnoringAHalfWrittenTail() {
        String written =
                "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXTINF:6.000000,\n0.ts\n#EXTINF:5.960000,\n1.ts\n#EXTINF:6.0";
        assertEquals(
                List.of(new Playlists.Written("0.ts", 6000), new Playlists.Written("1.ts", 5960)),
                Playlists.parse(written));
    }

    @Test
    void alternateAudioTracksFormAGroupThatEveryVideoVariantNames() {
        Rendition video = new Rendition("720p", 1280, 720, 2800, 0, null, null);
        Rendition zh = new Rendition("audio-2", 0, 0, 0, 128, 1, new Rendition.Alternate("zh", "中文", true));
        Rendition en = new Rendition("audio-1", 0, 0, 0, 128, 0, new Rendition.Alternate("en", "English", false));
        String m = Playlists.master(List.of(video, zh, en), r -> r.name() + ".m3u8", List.of());
        assertTrue(
                m.contains(
                        "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"audio\",LANGUAGE=\"zh\",NAME=\"中文\",DEFAULT=YES,AUTOSELECT=YES,"
                                + "CHANNELS=\"2\",URI=\"audio-2.m3u8\"\n"),
                m);
        assertTrue(m.contains("LANGUAGE=\"en\",NAME=\"English\",DEFAULT=NO"), m);
        assertTrue(
                m.contains(
                        "#EXT-X-STREAM-INF:BANDWIDTH=3220800,RESOLUTION=1280x720,CODECS=\"avc1.640028,mp4a.40.2\",AUDIO=\"audio\"\n720p.m3u8"),
                m);
        assertEquals(1, m.split("EXT-X-STREAM-INF", -1).length - 1, "audio tracks are not variants of their own: " + m);
        String audioOnly = Playlists.master(List.of(zh, en), r -> r.name() + ".m3u8", List.of());
        assertTrue(
                audioOnly.contains(
                        "#EXT-X-STREAM-INF:BANDWIDTH=140800,CODECS=\"mp4a.40.2\",AUDIO=\"audio\"\naudio-2.m3u8"),
                audioOnly);
    }
}
