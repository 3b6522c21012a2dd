package cn.imtp.media.transcoding.control;

import cn.imtp.media.asset.entity.Probe;
import cn.imtp.media.hls.Rendition;
import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.StreamType;
import com.github.kokorin.jaffree.ffmpeg.FFmpeg;
import com.github.kokorin.jaffree.ffmpeg.FFmpegResultFuture;
import com.github.kokorin.jaffree.ffmpeg.ProgressListener;
import com.github.kokorin.jaffree.ffmpeg.UrlInput;
import com.github.kokorin.jaffree.ffmpeg.UrlOutput;
import com.github.kokorin.jaffree.ffprobe.FFprobe;
import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import com.github.kokorin.jaffree.ffprobe.SideData;
import com.github.kokorin.jaffree.ffprobe.Stream;
import com.github.kokorin.jaffree.process.JaffreeAbnormalExitException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The one class that runs ffprobe and ffmpeg through Jaffree (probes, the ladder, subtitles); {@link FfmpegProcess}
 * runs the short ones whose output is read as text.
 */
@ApplicationScoped
public class Transcoder {

    /** Key frames every this many seconds in every rung, so that segments of all rungs start together. */
    static final int KEY_FRAME_SECONDS = 2;

    static final int THUMBNAIL_EVERY_SECONDS = 10;
    /** ffmpeg and ffprobe read sources over HTTP from storage; a storage that stops answering fails them instead of hanging them. */
    static final long READ_TIMEOUT_MICROS = 30_000_000L;

    private static final Logger LOG = Logger.getLogger(Transcoder.class.getName());

    @Inject
    TranscodeSettings settings;

    /** Jaffree logs every command line and process start at INFO; Payara's log keeps what matters. Held: JUL keeps loggers weakly. */
    private static final Logger JAFFREE = Logger.getLogger("com.github.kokorin.jaffree");

    static {
        JAFFREE.setLevel(Level.WARNING);
    }

    /** What ffprobe reads in a source, or the reason it could not read it. */
    public record ProbeOutcome(Probe probe, String error) {}

    public ProbeOutcome probe(String url) {
        try {
            FFprobeResult r = new FFprobe(settings.ffprobe())
                    .setShowStreams(true)
                    .setShowFormat(true)
                    .addArguments("-rw_timeout", Long.toString(READ_TIMEOUT_MICROS))
                    .setLogLevel(LogLevel.ERROR)
                    .setInput(url)
                    .execute();
            return new ProbeOutcome(probeOf(r), null);
        } catch (JaffreeAbnormalExitException e) {
            return new ProbeOutcome(
                    null,
                    e.getProcessErrorLogMessages().stream().map(m -> m.message).collect(Collectors.joining("; ")));
        } catch (RuntimeException e) {
            return new ProbeOutcome(null, String.valueOf(e.getMessage()));
        }
    }

    static Probe probeOf(FFprobeResult r) {
        Stream video = null;
        List<Probe.AudioTrack> audio = new ArrayList<>();
        List<Probe.SubtitleTrack> subtitles = new ArrayList<>();
        for (Stream s : r.getStreams()) {
            // A cover picture in an audio file is a "video" stream of one frame; it is not a video.
            boolean attachedPicture = s.getDisposition() != null
                    && Boolean.TRUE.equals(s.getDisposition().getAttachedPic());
            if (s.getCodecType() == StreamType.VIDEO && video == null && !attachedPicture) {
                video = s;
            } else if (s.getCodecType() == StreamType.AUDIO) {
                audio.add(new Probe.AudioTrack(
                        audio.size(),
                        s.getTag("language"),
                        s.getTag("title"),
                        s.getDisposition() != null
                                && Boolean.TRUE.equals(s.getDisposition().getDefault())));
            } else if (s.getCodecType() == StreamType.SUBTITLE) {
                subtitles.add(new Probe.SubtitleTrack(
                        subtitles.size(), s.getCodecName(), s.getTag("language"), s.getTag("title")));
            }
        }
        Float seconds = r.getFormat() == null ? null : r.getFormat().getDuration();
        long durationMs = seconds == null ? 0 : (long) (seconds * 1000);
        if (video == null) {
            return new Probe(
                    r.getFormat() == null ? null : r.getFormat().getFormatName(),
                    durationMs,
                    false,
                    0,
                    0,
                    0,
                    false,
                    audio,
                    subtitles);
        }
        int w = video.getWidth() == null ? 0 : video.getWidth();
        int h = video.getHeight() == null ? 0 : video.getHeight();
        if (Math.abs(rotation(video)) % 180 == 90) {
            int t = w;
            w = h;
            h = t;
        }
        double fps =
                video.getAvgFrameRate() == null ? 0 : video.getAvgFrameRate().doubleValue();
        return new Probe(
                r.getFormat().getFormatName(),
                durationMs,
                w > 0 && h > 0,
                w,
                h,
                Double.isFinite(fps) ? fps : 0,
                Probe.interlacedFieldOrder(video.getFieldOrder()),
                audio,
                subtitles);
    }

    private static int rotation(Stream video) {
        if (video.getSideDataList() != null) {
            for (SideData d : video.getSideDataList()) {
                if (d.getRotation() != null) {
                    return d.getRotation();
                }
            }
        }
        String tag = video.getTag("rotate");
        return tag == null ? 0 : Integer.parseInt(tag.trim());
    }

    /**
     * Stops a ladder started by {@link #startLadder}: asks ffmpeg to quit, then kills (SIGKILL) any process of this
     * JVM that still writes into {@code out}, since an ffmpeg that is stopped (SIGSTOP) or hung never reads the request.
     */
    public static void stop(FFmpegResultFuture ffmpeg, Path out) {
        ffmpeg.forceStop();
        killWritersInto(out);
    }

    /** Kills (SIGKILL) every process of this JVM whose command line writes into {@code out}; returns how many. */
    static int killWritersInto(Path out) {
        String writesHere = out + File.separator;
        List<ProcessHandle> writers = ProcessHandle.current()
                .descendants()
                .filter(p -> commandLine(p).contains(writesHere))
                .toList();
        writers.forEach(ProcessHandle::destroyForcibly);
        return writers.size();
    }

    /**
     * A process's whole command line: the copy in /proc, since {@code ProcessHandle.Info} cuts long ones at 4,096 bytes
     * and a ladder's signed source URL and filter graph come before its work folder; Info's where there is no /proc.
     */
    static String commandLine(ProcessHandle p) {
        try {
            return new String(
                            Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
                            StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException noProcOrGone) {
            return p.info().commandLine().orElse("");
        }
    }

    /**
     * Starts the whole ladder as one ffmpeg process: one decode, split and scaled per rung, H.264 + AAC (the main audio
     * track muxed into every rung, or every track as an audio rendition of its own when there are several),
     * key frames at the same instants in every rung, HLS segments of {@code lms.transcode.hls-seconds}
     * written to {@code out/<rendition>/<n>.ts} with an EVENT playlist that grows, and thumbnails in
     * {@code out/thumbnails/<n>.jpg}.
     */
    public FFmpegResultFuture startLadder(
            String sourceUrl, Probe probe, List<Rendition> plan, Path out, ProgressListener progress) {
        FFmpeg ffmpeg = new FFmpeg(settings.ffmpeg())
                .addInput(UrlInput.fromUrl(sourceUrl).addArguments("-rw_timeout", Long.toString(READ_TIMEOUT_MICROS)))
                .setOverwriteOutput(true)
                .setLogLevel(LogLevel.ERROR)
                .setProgressListener(progress)
                .setContextName("ladder");
        List<Rendition> video = plan.stream().filter(r -> !r.audioOnly()).toList();
        List<Rendition> audio = plan.stream().filter(Rendition::audioOnly).toList();
        boolean grouped = plan.stream().anyMatch(Rendition::isAlternateAudio);
        UrlOutput hls =
                UrlOutput.toPath(out.resolve("%v").resolve("index.m3u8")).setFormat("hls");
        StringJoiner streamMap = new StringJoiner(" ");
        int audioOut = 0;
        if (!video.isEmpty()) {
            ffmpeg.setComplexFilter(filterGraph(video, probe.interlaced()));
            for (int i = 0; i < video.size(); i++) {
                Rendition r = video.get(i);
                hls.addMap("v" + i);
                String muxed = "";
                if (r.sourceAudio() != null) {
                    hls.addArguments("-map", "0:a:" + r.sourceAudio());
                    muxed = ",a:" + audioOut++;
                }
                hls.addArguments("-b:v:" + i, r.videoKbps() + "k")
                        .addArguments("-maxrate:v:" + i, (r.videoKbps() * 11 / 10) + "k")
                        .addArguments("-bufsize:v:" + i, (r.videoKbps() * 2) + "k");
                streamMap.add("v:" + i + muxed + (grouped ? ",agroup:audio" : "") + ",name:" + r.name());
            }
            hls.addArguments("-c:v", "libx264")
                    .addArguments("-preset", settings.preset())
                    .addArguments("-profile:v", "high")
                    .addArguments("-level:v", "4.0")
                    .addArguments("-force_key_frames", "expr:gte(t,n_forced*" + KEY_FRAME_SECONDS + ")")
                    .addArguments("-sc_threshold", "0");
        }
        // Audio renditions: the one of an audio file, or one per track of a source with several (an alternate group).
        for (Rendition r : audio) {
            hls.addArguments("-map", "0:a:" + r.sourceAudio());
            streamMap.add("a:" + audioOut++ + (grouped ? ",agroup:audio" : "") + ",name:" + r.name());
        }
        if (audioOut > 0) {
            hls.addArguments("-c:a", "aac")
                    .addArguments("-b:a", RenditionPlanner.AUDIO_KBPS + "k")
                    .addArguments("-ac", "2");
        }
        hls.addArguments("-hls_time", Integer.toString(settings.hlsSeconds()))
                .addArguments("-hls_playlist_type", "event")
                .addArguments("-hls_flags", "independent_segments+temp_file")
                .addArguments(
                        "-hls_segment_filename",
                        out.resolve("%v").resolve("%d.ts").toString())
                .addArguments("-var_stream_map", streamMap.toString());
        ffmpeg.addOutput(hls);
        if (!video.isEmpty()) {
            ffmpeg.addOutput(UrlOutput.toPath(out.resolve("thumbnails").resolve("%d.jpg"))
                    .addMap("thumbs")
                    .addArguments("-fps_mode", "vfr")
                    .addArguments("-q:v", "5"));
        }
        return ffmpeg.executeAsync();
    }

    /**
     * Writes each of these text subtitle tracks as WebVTT, {@code dir/<index>.vtt}: all in one ffmpeg run (the source is
     * read once), then, if that run failed, each missing track in a run of its own, so that one track ffmpeg cannot
     * convert does not cost the others. Returns the files written, by track index (the reasons of failures are logged).
     */
    public Map<Integer, Path> extractSubtitles(String sourceUrl, List<Probe.SubtitleTrack> tracks, Path dir) {
        Map<Integer, Path> written = new HashMap<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "No directory for subtitles: " + e.getMessage());
            return written;
        }
        writeSubtitles(sourceUrl, tracks, dir);
        List<Probe.SubtitleTrack> missing = tracks.stream()
                .filter(t -> !Files.isRegularFile(dir.resolve(t.index() + ".vtt")))
                .toList();
        if (tracks.size() > 1 && !missing.isEmpty()) {
            missing.forEach(t -> writeSubtitles(sourceUrl, List.of(t), dir));
        }
        for (Probe.SubtitleTrack t : tracks) {
            Path file = dir.resolve(t.index() + ".vtt");
            if (Files.isRegularFile(file)) {
                written.put(t.index(), file);
            }
        }
        return written;
    }

    private void writeSubtitles(String sourceUrl, List<Probe.SubtitleTrack> tracks, Path dir) {
        try {
            FFmpeg ffmpeg = new FFmpeg(settings.ffmpeg())
                    .addInput(
                            UrlInput.fromUrl(sourceUrl).addArguments("-rw_timeout", Long.toString(READ_TIMEOUT_MICROS)))
                    .setOverwriteOutput(true)
                    .setLogLevel(LogLevel.ERROR)
                    .setContextName("subtitles");
            for (Probe.SubtitleTrack t : tracks) {
                ffmpeg.addOutput(UrlOutput.toPath(dir.resolve(t.index() + ".vtt"))
                        .addArguments("-map", "0:s:" + t.index())
                        .addArguments("-c:s", "webvtt")
                        .setFormat("webvtt"));
            }
            ffmpeg.execute();
        } catch (RuntimeException e) {
            tracks.forEach(t -> {
                try {
                    Files.deleteIfExists(dir.resolve(t.index() + ".vtt")); // a partial file is not a caption
                } catch (IOException ignored) {
                    // the directory is scratch space
                }
            });
            LOG.log(
                    Level.WARNING,
                    "Subtitle track(s) "
                            + tracks.stream()
                                    .map(t -> Integer.toString(t.index()))
                                    .toList() + " could not be converted: " + reasonOf(e));
        }
    }

    /**
     * {@code [0:v:0]split=N+1[s0]…; [si]scale=W:H,format=yuv420p[vi]; [sN]select=…,scale=320:-2[thumbs]}; an interlaced
     * source is deinterlaced once before the split ({@code bwdif}, one frame out per frame in, so the frame rate and the
     * key-frame grid stay), because scaling woven fields would comb every rung.
     */
    static String filterGraph(List<Rendition> plan, boolean deinterlace) {
        StringBuilder g = new StringBuilder("[0:v:0]")
                .append(deinterlace ? "bwdif=mode=send_frame:parity=auto:deint=all," : "")
                .append("split=")
                .append(plan.size() + 1);
        for (int i = 0; i <= plan.size(); i++) {
            g.append("[s").append(i).append(']');
        }
        for (int i = 0; i < plan.size(); i++) {
            Rendition r = plan.get(i);
            g.append(";[s")
                    .append(i)
                    .append("]scale=")
                    .append(r.width())
                    .append(':')
                    .append(r.height())
                    .append(",format=yuv420p[v")
                    .append(i)
                    .append(']');
        }
        // The first frame, then one every THUMBNAIL_EVERY_SECONDS: a clip shorter than that still gets its poster.
        g.append(";[s")
                .append(plan.size())
                .append("]select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,")
                .append(THUMBNAIL_EVERY_SECONDS)
                .append(")',scale=320:-2[thumbs]");
        return g.toString();
    }

    /** What an ffmpeg failure says, for the job's reason. */
    public static String reasonOf(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof JaffreeAbnormalExitException)) {
            cause = cause.getCause();
        }
        if (cause instanceof JaffreeAbnormalExitException a) {
            String log =
                    a.getProcessErrorLogMessages().stream().map(m -> m.message).collect(Collectors.joining("; "));
            return "ffmpeg stopped: " + a.getMessage() + (log.isBlank() ? "" : " — " + log);
        }
        return "ffmpeg stopped: " + cause;
    }

    /**
     * Whether the attempt failed because the work folder's device is full (ffmpeg's or Java's "No space left on
     * device" anywhere in the causes): not the file's fault.
     */
    public static boolean isWorkFolderFull(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (String.valueOf(c.getMessage()).contains("No space left on device")
                    || c instanceof JaffreeAbnormalExitException a
                            && a.getProcessErrorLogMessages().stream()
                                    .anyMatch(m -> String.valueOf(m.message).contains("No space left on device"))) {
                return true;
            }
        }
        return false;
    }
}
