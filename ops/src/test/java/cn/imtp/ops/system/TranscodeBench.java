package cn.imtp.ops.system;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The transcoding benchmark ({@code ops/bench/transcode}), in one run on one machine:
 * <ol>
 * <li>a 10-minute 720p lecture through our pipeline on the running platform (upload complete → READY): its speed
 *     against real time and when its lowest rung first had three segments; 30 s into it, a 20-second clip is uploaded by
 *     another teacher, and how long that clip takes to become READY while the lecture runs is the queue's fairness;</li>
 * <li>{@value #PAIRS} rounds on 60-second sources that differ (so that no upload is recognised as an earlier one's
 *     content): our pipeline, the same ladder as one plain ffmpeg command writing to local disk, and the same rungs each
 *     in a pass of its own, the order reversed every other round so that a machine speeding up or slowing down weighs on
 *     all three alike. The ratios are the medians of the rounds' ratios.</li>
 * </ol>
 * CPU of the pipeline is that of Payara (with its ffmpeg children) and of the object store. Its last line is the RESULT
 * line; targets: pipeline_vs_ffmpeg ≤ 1.10, single_vs_separate ≥ 1.2, first_playable_s &lt; 30, short_while_long_s &lt; 30.
 */
public final class TranscodeBench {

    /** The 720p source's ladder as the planner makes it: name, width, height, video kbps. */
    private static final Object[][] LADDER = {
        {"720p", 1280, 720, 2800}, {"480p", 854, 480, 1400}, {"360p", 640, 360, 800}
    };

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    static final int PAIRS = 5;
    /** When the 20-second clip arrives after the lecture's upload completed. */
    private static final Duration CLIP_AFTER = Duration.ofSeconds(30);

    record Run(double wallS, double cpuS) {}

    public static void main(String[] args) throws Exception {
        RunningPlatform.deleteRecursively(RunningPlatform.varDir());
        RunningPlatform.start();
        try {
            String teacher = RunningPlatform.token("teacher01", RunningPlatform.DEMO_PASSWORD);
            String colleague = RunningPlatform.token("teacher02", RunningPlatform.DEMO_PASSWORD);
            MediaPipelineIT.setUp();
            Path lecture = MediaFixtures.lesson("bench-lesson-720p-600s.mp4", 1280, 720, 600);
            Path clip = MediaFixtures.lesson("bench-clip-720p-20s.mp4", 1280, 720, 20, 99);
            java.util.concurrent.CompletableFuture<Double> clipReady = new java.util.concurrent.CompletableFuture<>();
            Thread alongside = new Thread(() -> {
                try {
                    Thread.sleep(CLIP_AFTER.toMillis());
                    clipReady.complete(readyAfter(colleague, clip));
                } catch (Exception e) {
                    clipReady.completeExceptionally(e);
                }
            });
            alongside.start();
            double[] longRun = pipeline(teacher, lecture);
            double shortWhileLong = clipReady.get();
            System.out.printf(
                    Locale.ROOT,
                    "%-28s pipeline wall %7.1f s cpu %7.1f s | first playable %5.1f s | a 20-s clip uploaded %d s in"
                            + " was READY %5.1f s after its upload%n",
                    lecture.getFileName(),
                    longRun[0],
                    longRun[1],
                    longRun[2],
                    CLIP_AFTER.toSeconds(),
                    shortWhileLong);

            List<Double> pipelineVsFfmpeg = new ArrayList<>();
            List<Double> separateVsSingle = new ArrayList<>();
            for (int round = 0; round < PAIRS; round++) {
                Path source = MediaFixtures.lesson("bench-lesson-720p-60s-" + round + ".mp4", 1280, 720, 60, round);
                double[] pipeline;
                Run single;
                Run separate;
                if (round % 2 == 0) {
                    pipeline = pipeline(teacher, source);
                    single = plainSinglePass(source);
                    separate = separatePasses(source);
                } else {
                    separate = separatePasses(source);
                    single = plainSinglePass(source);
                    pipeline = pipeline(teacher, source);
                }
                pipelineVsFfmpeg.add(pipeline[0] / single.wallS());
                separateVsSingle.add(separate.cpuS() / single.cpuS());
                System.out.printf(
                        Locale.ROOT,
                        "round %d %-26s pipeline wall %6.1f s cpu %6.1f s | one ffmpeg wall %6.1f s cpu %6.1f s"
                                + " | separate passes wall %6.1f s cpu %6.1f s | pipeline/ffmpeg %.3f separate/single cpu %.3f%n",
                        round,
                        source.getFileName(),
                        pipeline[0],
                        pipeline[1],
                        single.wallS(),
                        single.cpuS(),
                        separate.wallS(),
                        separate.cpuS(),
                        pipelineVsFfmpeg.get(round),
                        separateVsSingle.get(round));
            }
            System.out.printf(
                    Locale.ROOT,
                    "pipeline/ffmpeg per round %s; separate/single cpu per round %s%n",
                    pipelineVsFfmpeg,
                    separateVsSingle);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT pipeline_vs_ffmpeg=%.3f single_vs_separate=%.3f realtime=%.2f first_playable_s=%.1f"
                            + " short_while_long_s=%.1f%n",
                    median(pipelineVsFfmpeg),
                    median(separateVsSingle),
                    600 / longRun[0],
                    longRun[2],
                    shortWhileLong);
        } finally {
            RunningPlatform.stop();
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Seconds from the completion of a clip's upload (by {@code token}'s teacher) until it is READY. */
    private static double readyAfter(String token, Path clip) throws Exception {
        long id =
                Media.resource(token, "LEARNING", "VIDEO", MediaPipelineIT.studiedUnit, "bench " + clip.getFileName());
        JsonObject ticket = Media.newVersion(token, id, clip.getFileName().toString(), Files.size(clip));
        JsonObject started = RunningPlatform.json(Media.start(ticket, clip));
        Media.sendParts(
                ticket,
                clip,
                started.getJsonNumber("partSize").longValue(),
                IntStream.rangeClosed(1, started.getInt("partCount")).boxed().toList());
        long t0 = System.nanoTime();
        HttpResponse<String> done = Media.post(Media.uploadPath(ticket, "/complete"), null);
        if (done.statusCode() != 202) {
            throw new IllegalStateException("complete: " + done.statusCode() + " " + done.body());
        }
        JsonObject ready = Media.await(ticket, Duration.ofMinutes(20), "READY", "FAILED");
        if (!"READY".equals(ready.getString("state"))) {
            throw new IllegalStateException("the clip failed: " + ready);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Wall seconds to READY, CPU seconds of the platform's processes, seconds until the lowest rung had three segments. */
    private static double[] pipeline(String teacher, Path source) throws Exception {
        long id = Media.resource(
                teacher, "LEARNING", "VIDEO", MediaPipelineIT.studiedUnit, "bench " + source.getFileName());
        JsonObject ticket = Media.newVersion(teacher, id, source.getFileName().toString(), Files.size(source));
        JsonObject started = RunningPlatform.json(Media.start(ticket, source));
        Media.sendParts(
                ticket,
                source,
                started.getJsonNumber("partSize").longValue(),
                IntStream.rangeClosed(1, started.getInt("partCount")).boxed().toList());
        List<ProcessHandle> platform = ProcessHandle.allProcesses()
                .filter(p -> {
                    String cmd = MediaFixtures.commandLine(p);
                    return cmd.contains("payara-micro") || cmd.contains("org.gaul.s3proxy") || cmd.contains("mariadbd");
                })
                .toList();
        long[] cpu0 = breakdown(platform);
        long t0 = System.nanoTime();
        HttpResponse<String> done = Media.post(Media.uploadPath(ticket, "/complete"), null);
        if (done.statusCode() != 202) {
            throw new IllegalStateException("complete: " + done.statusCode() + " " + done.body());
        }
        double firstPlayable = -1;
        while (true) {
            JsonObject s = Media.status(ticket);
            if (firstPlayable < 0 && lowestRungSegments(teacher, id) >= 3) {
                firstPlayable = (System.nanoTime() - t0) / 1e9;
            }
            if (s.getString("state").equals("READY") || s.getString("state").equals("FAILED")) {
                if (!s.getString("state").equals("READY")) {
                    throw new IllegalStateException("pipeline failed: " + s);
                }
                break;
            }
            Thread.sleep(250);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long[] cpu1 = breakdown(platform);
        long[] d = new long[cpu1.length];
        long total = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = cpu1[i] - cpu0[i];
            total += d[i];
        }
        System.out.printf(
                Locale.ROOT,
                "  pipeline CPU of %s: Payara JVM %.1f s, its ffmpeg/ffprobe %.1f s, S3Proxy %.1f s, MariaDB %.1f s%n",
                source.getFileName(),
                d[0] / 100.0,
                d[1] / 100.0,
                d[2] / 100.0,
                d[3] / 100.0);
        return new double[] {wall, total / (double) TICKS_PER_SECOND, firstPlayable};
    }

    private static int lowestRungSegments(String teacher, long resourceId) throws Exception {
        HttpResponse<String> access = Media.access(teacher, resourceId, 1);
        String masterUrl = RunningPlatform.json(access).getString("playlistUrl");
        HttpResponse<String> master = Media.get(masterUrl);
        if (master.statusCode() != 200) {
            return 0;
        }
        List<String> variants = Media.uris(master.body());
        HttpResponse<String> lowest = Media.get(Media.resolve(masterUrl, variants.get(variants.size() - 1)));
        return (int) lowest.body().lines().filter(l -> l.startsWith("#EXTINF")).count();
    }

    private static Run plainSinglePass(Path source) throws Exception {
        Path out = Files.createTempDirectory(MediaFixtures.dir(), "single");
        List<String> cmd = new ArrayList<>(List.of("-i", source.toString(), "-filter_complex", filterGraph()));
        StringBuilder map = new StringBuilder();
        for (int i = 0; i < LADDER.length; i++) {
            cmd.addAll(List.of("-map", "[v" + i + "]", "-map", "0:a:0"));
            cmd.addAll(rungRate(":v:" + i, (int) LADDER[i][3]));
            map.append(i == 0 ? "" : " ")
                    .append("v:")
                    .append(i)
                    .append(",a:")
                    .append(i)
                    .append(",name:")
                    .append(LADDER[i][0]);
        }
        cmd.addAll(encoding());
        cmd.addAll(List.of(
                "-f",
                "hls",
                "-hls_time",
                "6",
                "-hls_playlist_type",
                "vod",
                "-hls_segment_filename",
                out.resolve("%v_%d.ts").toString(),
                "-var_stream_map",
                map.toString(),
                out.resolve("%v.m3u8").toString(),
                "-map",
                "[thumbs]",
                "-fps_mode",
                "vfr",
                "-q:v",
                "5",
                out.resolve("thumb_%d.jpg").toString()));
        return timed(List.of(cmd));
    }

    private static Run separatePasses(Path source) throws Exception {
        Path out = Files.createTempDirectory(MediaFixtures.dir(), "separate");
        List<List<String>> passes = new ArrayList<>();
        for (int i = 0; i < LADDER.length; i++) {
            List<String> cmd = new ArrayList<>(List.of(
                    "-i",
                    source.toString(),
                    "-map",
                    "0:v:0",
                    "-map",
                    "0:a:0",
                    "-vf",
                    "scale=" + LADDER[i][1] + ":" + LADDER[i][2] + ",format=yuv420p"));
            cmd.addAll(rungRate(":v", (int) LADDER[i][3]));
            cmd.addAll(encoding());
            cmd.addAll(List.of(
                    "-f",
                    "hls",
                    "-hls_time",
                    "6",
                    "-hls_playlist_type",
                    "vod",
                    "-hls_segment_filename",
                    out.resolve(LADDER[i][0] + "_%d.ts").toString(),
                    out.resolve(LADDER[i][0] + ".m3u8").toString()));
            if (i == 0) {
                cmd.addAll(List.of(
                        "-map",
                        "0:v:0",
                        "-vf",
                        "select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,10)',scale=320:-2",
                        "-fps_mode",
                        "vfr",
                        "-q:v",
                        "5",
                        out.resolve("thumb_%d.jpg").toString()));
            }
            passes.add(cmd);
        }
        return timed(passes);
    }

    private static String filterGraph() {
        StringBuilder g = new StringBuilder("[0:v:0]split=" + (LADDER.length + 1));
        for (int i = 0; i <= LADDER.length; i++) {
            g.append("[s").append(i).append(']');
        }
        for (int i = 0; i < LADDER.length; i++) {
            g.append(";[s")
                    .append(i)
                    .append("]scale=")
                    .append(LADDER[i][1])
                    .append(':')
                    .append(LADDER[i][2])
                    .append(",format=yuv420p[v")
                    .append(i)
                    .append(']');
        }
        return g.append(";[s")
                .append(LADDER.length)
                .append("]select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,10)',scale=320:-2[thumbs]")
                .toString();
    }

    private static List<String> rungRate(String stream, int kbps) {
        return List.of(
                "-b" + stream,
                kbps + "k",
                "-maxrate" + stream,
                (kbps * 11 / 10) + "k",
                "-bufsize" + stream,
                (kbps * 2) + "k");
    }

    /** The encoder settings media-service uses (Transcoder): x264 veryfast High 4.0, key frames every 2 s, AAC 128k stereo. */
    private static List<String> encoding() {
        return List.of(
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-profile:v",
                "high",
                "-level:v",
                "4.0",
                "-force_key_frames",
                "expr:gte(t,n_forced*2)",
                "-sc_threshold",
                "0",
                "-c:a",
                "aac",
                "-b:a",
                "128k",
                "-ac",
                "2");
    }

    /** Runs the commands one after the other; CPU is what this JVM's reaped children used. */
    private static Run timed(List<List<String>> commands) throws IOException, InterruptedException {
        long cpu0 = childTicks();
        long t0 = System.nanoTime();
        for (List<String> args : commands) {
            List<String> cmd = new ArrayList<>(List.of(MediaFixtures.ffmpeg().toString(), "-v", "error", "-y"));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment()
                    .put("LD_LIBRARY_PATH", MediaFixtures.ffmpeg().getParent().toString());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("ffmpeg failed: " + output);
            }
        }
        return new Run((System.nanoTime() - t0) / 1e9, (childTicks() - cpu0) / (double) TICKS_PER_SECOND);
    }

    /** CPU ticks from /proc: Payara's own, Payara's reaped children (ffmpeg, ffprobe), S3Proxy, MariaDB. */
    private static long[] breakdown(List<ProcessHandle> processes) throws IOException {
        long[] t = new long[4];
        for (ProcessHandle p : processes) {
            String cmd = MediaFixtures.commandLine(p);
            long[] f = ticks(Path.of("/proc", Long.toString(p.pid()), "stat"));
            if (cmd.contains("payara-micro")) {
                t[0] += f[0];
                t[1] += f[1];
            } else if (cmd.contains("org.gaul.s3proxy")) {
                t[2] += f[0] + f[1];
            } else {
                t[3] += f[0] + f[1];
            }
        }
        return t;
    }

    private static long childTicks() throws IOException {
        return ticks(Path.of("/proc/self/stat"))[1];
    }

    /** A process's own CPU ticks and those of its reaped children. */
    private static long[] ticks(Path stat) throws IOException {
        String s = Files.readString(stat);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        // after the command: state(0) … utime(11) stime(12) cutime(13) cstime(14)
        return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14])
        };
    }

    private TranscodeBench() {}
}
