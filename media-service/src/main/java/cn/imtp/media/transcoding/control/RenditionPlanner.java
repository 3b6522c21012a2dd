package cn.imtp.media.transcoding.control;

import cn.imtp.media.transcoding.entity.Probe;
import cn.imtp.media.transcoding.entity.Rendition;
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

    private RenditionPlanner() {
    }

    public static List<Rendition> plan(Probe probe) {
        if (!probe.hasVideo()) {
            if (!probe.hasAudio()) {
                throw new IllegalArgumentException("a source without video and audio has nothing to play");
            }
            return List.of(new Rendition("audio", 0, 0, 0, AUDIO_KBPS));
        }
        int audio = probe.hasAudio() ? AUDIO_KBPS : 0;
        int shortSide = Math.min(probe.width(), probe.height());
        List<Rendition> plan = new ArrayList<>();
        for (int[] rung : LADDER) {
            if (rung[0] <= shortSide) {
                plan.add(scaled(probe, rung[0], rung[1], audio));
            }
        }
        if (plan.isEmpty()) {
            // Smaller than the lowest rung: one rendition at the source's own size.
            int own = even(shortSide);
            plan.add(scaled(probe, own, Math.max(200, (int) (800L * own * own / (360 * 360))), audio));
        }
        return plan;
    }

    private static Rendition scaled(Probe probe, int shortSide, int videoKbps, int audioKbps) {
        boolean portrait = probe.height() > probe.width();
        int longSource = portrait ? probe.height() : probe.width();
        int shortSource = portrait ? probe.width() : probe.height();
        int longSide = 2 * (int) Math.round((double) longSource * shortSide / shortSource / 2); // nearest even
        return portrait
                ? new Rendition(shortSide + "p", shortSide, longSide, videoKbps, audioKbps)
                : new Rendition(shortSide + "p", longSide, shortSide, videoKbps, audioKbps);
    }

    private static int even(int n) {
        return Math.max(2, n - (n % 2));
    }
}
