package cn.imtp.media.transcoding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.media.asset.entity.Probe;
import cn.imtp.media.hls.Rendition;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenditionPlannerTest {

    static Probe video(int w, int h, boolean audio) {
        return new Probe("mov,mp4", 60_000, true, w, h, 25, audio, false);
    }

    static List<String> names(List<Rendition> plan) {
        return plan.stream().map(Rendition::name).toList();
    }

    @Test
    void aFullHdSourceGetsTheWholeLadderAndNothingAbove() {
        List<Rendition> plan = RenditionPlanner.plan(video(1920, 1080, true));
        assertEquals(List.of("1080p", "720p", "480p", "360p"), names(plan));
        assertEquals(new Rendition("720p", 1280, 720, 2800, 128, 0, null), plan.get(1));
    }

    @Test
    void aFourKSourceStopsAt1080p() {
        assertEquals(List.of("1080p", "720p", "480p", "360p"), names(RenditionPlanner.plan(video(3840, 2160, true))));
    }

    @Test
    void a720pSourceIsNeverUpscaled() {
        List<Rendition> plan = RenditionPlanner.plan(video(1280, 720, true));
        assertEquals(List.of("720p", "480p", "360p"), names(plan));
        plan.forEach(r -> assertTrue(r.width() <= 1280 && r.height() <= 720));
    }

    @Test
    void aPortraitSourceKeepsItsAspectWithEvenSides() {
        List<Rendition> plan = RenditionPlanner.plan(video(1080, 1920, true));
        assertEquals(new Rendition("720p", 720, 1280, 2800, 128, 0, null), plan.get(1));
        assertEquals(new Rendition("480p", 480, 854, 1400, 128, 0, null), plan.get(2));
        plan.forEach(r -> assertEquals(0, r.width() % 2 + r.height() % 2));
    }

    @Test
    void aTinySourceGetsOneRenditionAtItsOwnSize() {
        List<Rendition> plan = RenditionPlanner.plan(video(320, 241, false));
        assertEquals(1, plan.size());
        assertEquals(240, plan.get(0).height());
        assertEquals(318, plan.get(0).width()); // 320 × 240/241 = 318.7, nearest even
        assertEquals(0, plan.get(0).audioKbps());
    }

    @Test
    void audioOnlyGetsAnAudioRenditionAndSilenceWithoutPictureIsRefused() {
        List<Rendition> plan = RenditionPlanner.plan(new Probe("mp3", 60_000, false, 0, 0, 0, true, false));
        assertEquals(List.of(new Rendition("audio", 0, 0, 0, 128, 0, null)), plan);
        assertTrue(plan.get(0).audioOnly());
        assertEquals("mp4a.40.2", plan.get(0).codecs());
        assertThrows(
                IllegalArgumentException.class,
                () -> RenditionPlanner.plan(new Probe("x", 1, false, 0, 0, 0, false, false)));
    }

    @Test
    void aVideoWithoutAudioAnnouncesOnlyTheVideoCodec() {
        assertEquals(
                "avc1.640028",
                RenditionPlanner.plan(video(1280, 720, false)).get(0).codecs());
    }

    @Test
    void theFilterGraphSplitsOnceForEveryRungAndTheThumbnails() {
        String g = Transcoder.filterGraph(RenditionPlanner.plan(video(1280, 720, true)), false);
        assertEquals(
                "[0:v:0]split=4[s0][s1][s2][s3];[s0]scale=1280:720,format=yuv420p[v0];[s1]scale=854:480,format=yuv420p[v1];"
                        + "[s2]scale=640:360,format=yuv420p[v2];[s3]select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,10)',scale=320:-2[thumbs]",
                g);
    }

    @Test
    void anInterlacedSourceIsDeinterlacedOnceBeforeTheSplitKeepingItsFrameRate() {
        String g = Transcoder.filterGraph(RenditionPlanner.plan(video(1280, 720, true)), true);
        assertTrue(g.startsWith("[0:v:0]bwdif=mode=send_frame:parity=auto:deint=all,split=4[s0]"), g);
        assertEquals(1, g.split("bwdif", -1).length - 1, "one deinterlacer for all rungs: " + g);
    }

    @Test
    void onlyFieldOrdersWithTwoFieldsCountAsInterlaced() {
        for (String interlaced : List.of("tt", "bb", "tb", "bt", "TT")) {
            assertTrue(Probe.interlacedFieldOrder(interlaced), interlaced);
        }
        for (String progressive : java.util.Arrays.asList("progressive", "unknown", "", null)) {
            assertFalse(Probe.interlacedFieldOrder(progressive), String.valueOf(progressive));
        }
    }

    static Probe multiAudio(boolean video) {
        return new Probe(
                "matroska,webm",
                60_000,
                video,
                video ? 1280 : 0,
                video ? 720 : 0,
                25,
                false,
                List.of(
                        new Probe.AudioTrack(0, "eng", "English", false),
                        new Probe.AudioTrack(1, "chi", null, true),
                        new Probe.AudioTrack(2, null, null, false)),
                List.of());
    }

    @Test
    void severalAudioTracksBecomeAlternatesTheFilesDefaultFirstAndRungsWithoutAudio() {
        List<Rendition> plan = RenditionPlanner.plan(multiAudio(true));
        assertEquals(List.of("720p", "480p", "360p", "audio-2", "audio-1", "audio-3"), names(plan));
        plan.stream().filter(r -> !r.audioOnly()).forEach(r -> {
            assertEquals(0, r.audioKbps());
            assertEquals(null, r.sourceAudio());
        });
        assertEquals(new Rendition("audio-2", 0, 0, 0, 128, 1, new Rendition.Alternate("zh", "中文", true)), plan.get(3));
        assertEquals(
                new Rendition("audio-1", 0, 0, 0, 128, 0, new Rendition.Alternate("en", "English", false)),
                plan.get(4));
        assertEquals(new Rendition.Alternate("und", "音轨 3", false), plan.get(5).alternate());
    }

    @Test
    void anAudioFileWithSeveralTracksKeepsThemAllAndOneTrackIsMuxedIntoEveryRung() {
        assertEquals(List.of("audio-2", "audio-1", "audio-3"), names(RenditionPlanner.plan(multiAudio(false))));
        Probe oneTrackSecondStream = new Probe(
                "mp4",
                60_000,
                true,
                640,
                360,
                25,
                false,
                List.of(new Probe.AudioTrack(0, "zho", null, false)),
                List.of());
        RenditionPlanner.plan(oneTrackSecondStream).forEach(r -> assertEquals(Integer.valueOf(0), r.sourceAudio()));
    }
}
