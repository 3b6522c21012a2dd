package cn.imtp.media.transcoding.control;

import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.control.Captions;
import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.asset.entity.MediaKind;
import cn.imtp.media.asset.entity.Probe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps a source's text subtitles as caption tracks of its asset, and words what was kept for the teacher. */
@ApplicationScoped
public class SubtitleCaptions {

    private static final Logger LOG = Logger.getLogger(SubtitleCaptions.class.getName());

    @Inject
    Assets assets;

    @Inject
    Transcoder transcoder;

    @Inject
    Captions captions;

    /**
     * Turns the source's text subtitles into WebVTT captions of the asset, under their language (or {@code <language>-sN}
     * when that key is taken, by a caption the teacher uploaded or another track), which the teacher can then replace or
     * delete like an uploaded one; and says what was kept and what was not (picture subtitles have no text). A subtitle
     * that cannot be read is left out and said so; it never fails the job.
     */
    String keep(Asset asset, Probe probe, String source, Path out) {
        List<Probe.SubtitleTrack> text = asset.kind() == MediaKind.VIDEO
                ? probe.subtitles().stream().filter(Probe.SubtitleTrack::isText).toList()
                : List.of();
        Map<Integer, Path> files =
                text.isEmpty() ? Map.of() : transcoder.extractSubtitles(source, text, out.resolve("subtitles"));
        Set<String> taken = new HashSet<>(assets.captions(asset.id()).stream()
                .map(Assets.Caption::language)
                .toList());
        List<TrackNames.Kept> kept = new ArrayList<>();
        for (Probe.SubtitleTrack s : text) {
            Path file = files.get(s.index());
            String language = TrackNames.language(s.language());
            String key = taken.contains(language) ? language + "-s" + (s.index() + 1) : language;
            try {
                if (file == null) {
                    throw new IllegalStateException("ffmpeg wrote no WebVTT for subtitle track " + s.index());
                }
                captions.put(
                        asset.id(),
                        key,
                        TrackNames.label(s.title(), language, s.index() + 1, true),
                        Files.readAllBytes(file));
                taken.add(key);
                kept.add(new TrackNames.Kept(s, key));
            } catch (IOException | RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Subtitle track " + s.index() + " of asset " + asset.id() + " could not be kept",
                        e);
            }
        }
        return TrackNames.note(probe, kept);
    }
}
