package cn.imtp.media.streaming.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.media.transcoding.entity.Rendition;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistsTest {

    @Test
    void theMasterListsEveryRungWithBandwidthResolutionAndCodecs() {
        String m = Playlists.master(List.of(new Rendition("720p", 1280, 720, 2800, 128), new Rendition("360p", 640, 360, 800, 128)),
                r -> r.name() + ".m3u8?grant=g", List.of());
        assertTrue(m.startsWith("#EXTM3U\n"));
        assertTrue(m.contains("#EXT-X-STREAM-INF:BANDWIDTH=3220800,RESOLUTION=1280x720,CODECS=\"avc1.640028,mp4a.40.2\"\n720p.m3u8?grant=g\n"), m);
        assertTrue(m.contains("360p.m3u8?grant=g"));
    }

    @Test
    void captionsAreOfferedAsASubtitleGroup() {
        String m = Playlists.master(List.of(new Rendition("720p", 1280, 720, 2800, 128)), r -> "v.m3u8",
                List.of(new Playlists.Captions("zh", "中文", "captions/zh.vtt")));
        assertTrue(m.contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",LANGUAGE=\"zh\",NAME=\"中文\""), m);
        assertTrue(m.contains(",SUBTITLES=\"subs\"\nv.m3u8"), m);
    }

    @Test
    void aValueThatWouldBreakOutOfItsQuotesIsNeverWritten() {
        for (String evil : List.of("x\"\n#EXT-X-STREAM-INF:BANDWIDTH=9\nhttp://evil.example/a.m3u8", "a\rb", "a\u2028b", "tab\there", "q\"")) {
            assertFalse(Playlists.isQuotable(evil), evil);
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Playlists.master(List.of(new Rendition("720p", 1280, 720, 2800, 128)), r -> "v.m3u8",
                            List.of(new Playlists.Captions("en", evil, "captions/en.m3u8"))));
        }
        assertTrue(Playlists.isQuotable("中文字幕 (简体)"));
    }

    @Test
    void aRenditionBeingEncodedIsAnEventPlaylistWithoutEnd() {
        List<Playlists.Segment> s = List.of(new Playlists.Segment(0, 6000), new Playlists.Segment(1, 6000));
        String growing = Playlists.variant(s, false, 6, seq -> "https://s3/seg" + seq);
        assertTrue(growing.contains("#EXT-X-PLAYLIST-TYPE:EVENT"));
        assertFalse(growing.contains("#EXT-X-ENDLIST"));
        assertTrue(growing.contains("#EXTINF:6.000,\nhttps://s3/seg1\n"));
        String done = Playlists.variant(List.of(new Playlists.Segment(0, 6000), new Playlists.Segment(1, 7400)), true, 6, seq -> "u" + seq);
        assertTrue(done.contains("#EXT-X-PLAYLIST-TYPE:VOD"));
        assertTrue(done.contains("#EXT-X-TARGETDURATION:8"), done);
        assertTrue(done.endsWith("#EXT-X-ENDLIST\n"));
    }

    @Test
    void ffmpegsPlaylistIsReadSegmentBySegmentIgnoringAHalfWrittenTail() {
        String written = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXTINF:6.000000,\n0.ts\n#EXTINF:5.960000,\n1.ts\n#EXTINF:6.0";
        assertEquals(List.of(new Playlists.Written("0.ts", 6000), new Playlists.Written("1.ts", 5960)), Playlists.parse(written));
    }
}
