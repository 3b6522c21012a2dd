package cn.imtp.media.transcoding.control;

import cn.imtp.media.asset.entity.Probe;
import cn.imtp.media.hls.Rendition;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the renditions of a source from its probe alone. Rungs are named by their short side so that a
 * portrait video gets the same ladder as a landscape one; none is above the source; the aspect ratio
 * is kept (both sides even, as H.264 with 4:2:0 needs).
 */
public final class RenditionPlanner {

    /** Short side and video bitrate (kbps) of each rung, best first. */
    private static final int[][] LADDER = {{1080, 5000}, {720, 2800}, {480, 1400}, {360, 800}};

    static final int AUDIO_KBPS = 128;

    private RenditionPlanner() {}

    /**
     * The ladder of a source: video rungs, each with the main audio track muxed in when the source has one track; when
     * it has several, video rungs without audio and one alternate audio rendition per track, the main one (the file's
     * default, else the first) first and marked default. An audio-only source gets its audio rendition(s) alone.
     */
    public static List<Rendition> plan(Probe probe) {
        List<Probe.AudioTrack> tracks = probe.audioTracks();
        boolean alternates = tracks.size() > 1;
        if (!probe.hasVideo()) {
            if (tracks.isEmpty()) {
                throw new IllegalArgumentException("a source without video and audio has nothing to play");
            }
            return alternates
                    ? alternates(probe)
                    : List.of(new Rendition(
                            "audio", 0, 0, 0, AUDIO_KBPS, probe.mainAudio().index(), null));
        }
        int audio = probe.hasAudio() && !alternates ? AUDIO_KBPS : 0;
        Integer source = audio > 0 ? probe.mainAudio().index() : null;
        int shortSide = Math.min(probe.width(), probe.height());
        List<Rendition> plan = new ArrayList<>();
        for (int[] rung : LADDER) {
            if (rung[0] <= shortSide) {
                plan.add(scaled(probe, rung[0], rung[1], audio, source));
            }
        }
        if (plan.isEmpty()) {
            // Smaller than the lowest rung: one rendition at the source's own size.
            int own = even(shortSide);
            plan.add(scaled(probe, own, Math.max(200, (int) (800L * own * own / (360 * 360))), audio, source));
        }
        if (alternates) {
            plan.addAll(alternates(probe));
        }
        return plan;
    }

    /** One audio rendition per track, the main one first. */
    private static List<Rendition> alternates(Probe probe) {
        Probe.AudioTrack main = probe.mainAudio();
        List<Probe.AudioTrack> ordered = new ArrayList<>(List.of(main));
        probe.audioTracks().stream().filter(t -> t.index() != main.index()).forEach(ordered::add);
        List<Rendition> out = new ArrayList<>();
        for (Probe.AudioTrack t : ordered) {
            String language = TrackNames.language(t.language());
            out.add(new Rendition(
                    "audio-" + (t.index() + 1),
                    0,
                    0,
                    0,
                    AUDIO_KBPS,
                    t.index(),
                    new Rendition.Alternate(
                            language, TrackNames.label(t.title(), language, t.index() + 1, false), t.equals(main))));
        }
        return out;
    }

    private static Rendition scaled(Probe probe, int shortSide, int videoKbps, int audioKbps, Integer sourceAudio) {
        boolean portrait = probe.height() > probe.width();
        int longSource = portrait ? probe.height() : probe.width();
        int shortSource = portrait ? probe.width() : probe.height();
        int longSide = 2 * (int) Math.round((double) longSource * shortSide / shortSource / 2); // nearest even
        return portrait
                ? new Rendition(shortSide + "p", shortSide, longSide, videoKbps, audioKbps, sourceAudio, null)
                : new Rendition(shortSide + "p", longSide, shortSide, videoKbps, audioKbps, sourceAudio, null);
    }

    private static int even(int n) {
        return Math.max(2, n - (n % 2));
    }
}
