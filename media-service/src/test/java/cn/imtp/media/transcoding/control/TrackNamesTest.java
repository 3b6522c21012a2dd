package cn.imtp.media.transcoding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.media.asset.entity.Probe;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackNamesTest {

    @Test
    void languageTagsBecomeBcp47WhateverTheFileCarries() {
        assertEquals("zh", TrackNames.language("chi"));
        assertEquals("zh", TrackNames.language("zho"));
        assertEquals("en", TrackNames.language("ENG"));
        assertEquals("de", TrackNames.language("ger"));
        assertEquals("ja", TrackNames.language("ja"));
        assertEquals("yue", TrackNames.language("yue"));
        for (String unknown : java.util.Arrays.asList(null, "", "und", "zxx", "english", "e\"n", "12")) {
            assertEquals("und", TrackNames.language(unknown), String.valueOf(unknown));
        }
    }

    @Test
    void aTrackIsShownByItsTitleElseItsLanguageInChineseElseItsNumber() {
        assertEquals("导演评论", TrackNames.label(" 导演评论 ", "zh", 2, false));
        assertEquals("英语", TrackNames.label(null, "en", 1, false));
        assertEquals("中文", TrackNames.label("bad \"title\"", "zh", 1, false));
        assertEquals("音轨 3", TrackNames.label(null, "und", 3, false));
        assertEquals("字幕 2", TrackNames.label("line\nbreak", "und", 2, true));
        assertEquals("中文", TrackNames.label("x".repeat(65), "zh", 1, false));
    }

    @Test
    void theNoteSaysWhatWasKeptAndWhatWasNot() {
        Probe.SubtitleTrack srt = new Probe.SubtitleTrack(0, "subrip", "chi", null);
        Probe.SubtitleTrack pgs = new Probe.SubtitleTrack(1, "hdmv_pgs_subtitle", "eng", null);
        Probe.SubtitleTrack broken = new Probe.SubtitleTrack(2, "ass", "eng", null);
        Probe probe = new Probe(
                "matroska,webm",
                60_000,
                true,
                1280,
                720,
                25,
                false,
                List.of(new Probe.AudioTrack(0, "eng", null, false), new Probe.AudioTrack(1, "chi", null, true)),
                List.of(srt, pgs, broken));
        String note = TrackNames.note(probe, List.of(new TrackNames.Kept(srt, "zh")));
        assertTrue(
                note.startsWith("保留了 2 条音轨：英语、中文（默认），学员可在播放器中切换。内嵌字幕已转为字幕轨：中文（zh），可替换或删除。"
                        + "未保留 1 条图形字幕（hdmv_pgs_subtitle）：它们是图片，无法转为文字；如需字幕，请上传 WebVTT 字幕文件。有 1 条文字字幕无法读取，未保留。"),
                note);
        assertTrue(note.contains("\nKept 2 audio tracks"), "the English on its own line (Words.stored): " + note);
        assertTrue(pgs.codec().equals("hdmv_pgs_subtitle") && !pgs.isText() && srt.isText() && broken.isText());
        assertNull(
                TrackNames.note(new Probe("mp4", 1000, true, 640, 360, 25, true, false), List.of()),
                "a plain file needs no note");
    }
}
