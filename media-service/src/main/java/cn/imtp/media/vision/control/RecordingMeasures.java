package cn.imtp.media.vision.control;

import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.entity.Asset;
import cn.imtp.media.asset.entity.AssetState;
import cn.imtp.media.asset.entity.MediaKind;
import cn.imtp.media.asset.entity.Probe;
import cn.imtp.media.sql.MediaDatabase;
import cn.imtp.media.storage.control.ObjectStore;
import cn.imtp.media.transcoding.control.FfmpegProcess;
import cn.imtp.media.transcoding.control.TranscodeSettings;
import cn.imtp.media.transcoding.control.Transcoder;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Objective measures of a recorded practical task, for the grader to read beside the rubric (never a grade): length,
 * picture size and frame rate, the share of time someone speaks (ffmpeg's silencedetect at −35 dB, pauses of 0.6 s or
 * more), loudness (EBU R128 integrated loudness and range, ffmpeg's ebur128), and the share of sampled frames (one every
 * two seconds, at most {@value #MAX_FRAMES}) showing exactly one face, none, or several (OpenCV, as the presence checks
 * count them). Computed once per recording, from its source, and kept. A transcript needs a Chinese speech-recognition
 * model that none of the registries this platform reaches offers: {@code transcript} stays empty and says so.
 */
@ApplicationScoped
public class RecordingMeasures {

    private static final Logger LOG = Logger.getLogger(RecordingMeasures.class.getName());
    static final int MAX_FRAMES = 120;
    private static final Pattern SILENCE_START = Pattern.compile("silence_start: (-?[0-9.]+)");
    private static final Pattern SILENCE_END = Pattern.compile("silence_end: ([0-9.]+)");
    private static final Pattern INTEGRATED = Pattern.compile("^\\s*I:\\s+(-?[0-9.]+|-inf) LUFS", Pattern.MULTILINE);
    private static final Pattern RANGE = Pattern.compile("^\\s*LRA:\\s+([0-9.]+) LU", Pattern.MULTILINE);

    /**
     * The measures; shares are 0–1, loudness in LUFS (null when the recording has no sound), {@code transcript} null with
     * {@code transcriptNote} saying why, in Chinese and English.
     */
    public record Measures(
            long durationMs,
            int width,
            int height,
            double frameRate,
            boolean hasAudio,
            Double speechShare,
            Double loudnessLufs,
            Double loudnessRangeLu,
            int framesSampled,
            double oneFaceShare,
            double noFaceShare,
            double severalFacesShare,
            String transcript,
            Words transcriptNote) {}

    /** Why there is no transcript. */
    static final Words NO_TRANSCRIPT = new Words(
            "未找到可在本平台服务器上运行的中文语音识别模型（Maven Central、npm 与 Debian 软件源中均无），暂不提供文字稿。",
            "No Chinese speech-recognition model is available from the registries this platform reaches; no transcript.");

    @Inject
    Assets assets;

    @Inject
    ObjectStore store;

    @Inject
    Transcoder transcoder;

    @Inject
    TranscodeSettings settings;

    @Inject
    MediaDatabase db;

    private final Jsonb json = JsonbBuilder.create();

    /** The recording's measures, computed on first request (409 until it is a READY video). */
    public Measures of(UUID assetId) {
        Optional<Measures> kept = kept(assetId);
        if (kept.isPresent()) {
            return kept.get();
        }
        Asset a = assets.get(assetId);
        if (a.kind() != MediaKind.VIDEO || a.state() != AssetState.READY) {
            throw PlatformException.conflict(new Words("只有处理完成的视频才有客观指标。", "Only a video that is ready has measures."));
        }
        String source = store.internalUrl(a.sourceKey(), Duration.ofMinutes(30));
        Transcoder.ProbeOutcome probed = transcoder.probe(source);
        if (probed.probe() == null) {
            throw PlatformException.conflict(
                    new Words("录像无法读取，未能计算客观指标。", "The recording cannot be read; no measures."));
        }
        Probe p = probed.probe();
        boolean audio = !p.audioTracks().isEmpty();
        String sound = audio
                ? ffmpeg(List.of(
                        "-i",
                        source,
                        "-vn",
                        "-af",
                        "silencedetect=noise=-35dB:d=0.6,ebur128=framelog=verbose",
                        "-f",
                        "null",
                        "-"))
                : "";
        Double speech = audio ? speechShare(sound, p.durationMs()) : null;
        Double lufs = audio ? number(INTEGRATED, sound) : null;
        Double range = audio ? number(RANGE, sound) : null;
        int[] faces = faces(source, p.durationMs());
        int n = Math.max(1, faces[0] + faces[1] + faces[2]);
        Measures m = new Measures(
                p.durationMs(),
                p.width(),
                p.height(),
                Math.round(p.frameRate() * 100) / 100.0,
                audio,
                speech,
                lufs,
                range,
                faces[0] + faces[1] + faces[2],
                share(faces[1], n),
                share(faces[0], n),
                share(faces[2], n),
                null,
                NO_TRANSCRIPT);
        keep(assetId, m);
        return m;
    }

    /** Frames with {no face, exactly one, several}, sampled every two seconds. */
    private int[] faces(String source, long durationMs) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory(Files.createDirectories(settings.workDir()), "measure-");
            ffmpeg(List.of(
                    "-i",
                    source,
                    "-an",
                    "-vf",
                    "fps=1/2,scale=640:-2",
                    "-frames:v",
                    Integer.toString(MAX_FRAMES),
                    "-q:v",
                    "4",
                    dir.resolve("f%04d.jpg").toString()));
            int[] counts = new int[3];
            try (Stream<Path> frames = Files.list(dir);
                    FaceAnalyser analyser = new FaceAnalyser()) {
                for (Path f : frames.sorted().toList()) {
                    try (FaceAnalyser.Seen seen = analyser.see(Files.readAllBytes(f))) {
                        if (seen != null) {
                            counts[Math.min(2, Faces.measure(seen).faces())]++;
                        }
                    }
                }
            }
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /** The share of the recording outside the silences ffmpeg reported. */
    static double speechShare(String log, long durationMs) {
        if (durationMs <= 0) {
            return 0;
        }
        double silent = 0;
        Matcher starts = SILENCE_START.matcher(log);
        Matcher ends = SILENCE_END.matcher(log);
        List<Double> from = new ArrayList<>();
        while (starts.find()) {
            from.add(Math.max(0, Double.parseDouble(starts.group(1))));
        }
        int i = 0;
        while (ends.find() && i < from.size()) {
            silent += Double.parseDouble(ends.group(1)) - from.get(i++);
        }
        if (i < from.size()) {
            silent += durationMs / 1000.0 - from.get(i); // silent to the end
        }
        return share(durationMs / 1000.0 - silent, durationMs / 1000.0);
    }

    static Double number(Pattern p, String log) {
        Matcher m = p.matcher(log);
        Double last = null;
        while (m.find()) {
            last = m.group(1).equals("-inf") ? null : Double.parseDouble(m.group(1));
        }
        return last;
    }

    private static double share(double part, double whole) {
        return whole <= 0 ? 0 : Math.round(Math.max(0, Math.min(1, part / whole)) * 1000) / 1000.0;
    }

    /** Runs ffmpeg and returns what it wrote to stderr (filters report there). */
    private String ffmpeg(List<String> args) {
        List<String> command = new ArrayList<>(List.of(settings.ffmpeg().toString(), "-hide_banner", "-nostats", "-y"));
        command.addAll(args);
        try {
            FfmpegProcess.Ran ran = FfmpegProcess.run(command, 10, TimeUnit.MINUTES);
            String out = ran.output();
            if (!ran.succeeded()) {
                LOG.warning(() ->
                        "ffmpeg could not measure a recording: " + out.substring(Math.max(0, out.length() - 2000)));
                throw PlatformException.conflict(
                        new Words("录像无法分析，未能计算客观指标。", "The recording could not be analysed; no measures."));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformException.unavailable("Measures", new Words("计算被中断，请重试。", "Interrupted; try again."));
        }
    }

    private Optional<Measures> kept(UUID assetId) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT measures FROM media_measure WHERE asset_id = ?")) {
                s.setString(1, assetId.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(read(r.getString("measures"))) : Optional.<Measures>empty();
                }
            }
        });
    }

    /**
     * Kept measures. Those kept while the note was one text (Chinese, then English) get the note in both languages: it
     * was always {@link #NO_TRANSCRIPT}.
     */
    private Measures read(String kept) {
        JsonObject o = Json.createReader(new StringReader(kept)).readObject();
        if (o.get("transcriptNote") instanceof JsonString) {
            o = Json.createObjectBuilder(o)
                    .add(
                            "transcriptNote",
                            Json.createObjectBuilder()
                                    .add("zh", NO_TRANSCRIPT.zh())
                                    .add("en", NO_TRANSCRIPT.en()))
                    .build();
        }
        return json.fromJson(o.toString(), Measures.class);
    }

    private void keep(UUID assetId, Measures m) {
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT IGNORE INTO media_measure (asset_id, measures, computed_at) VALUES (?, ?, NOW(3))")) {
                s.setString(1, assetId.toString());
                s.setString(2, json.toJson(m));
                return s.executeUpdate();
            }
        });
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.warning(() -> "could not delete " + dir + ": " + e);
        }
    }
}
