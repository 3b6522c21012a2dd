package cn.imtp.media.transcoding.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one ffmpeg or ffprobe command line as a process and keeps what it wrote, stderr and stdout together (ffmpeg's
 * filters and {@code -version} report there): for the short runs whose output is read as text, the readiness check's
 * version and a recording's measures. The encodes, probes and subtitle extractions go through Jaffree in
 * {@link Transcoder}.
 */
public final class FfmpegProcess {

    /** What the process wrote, and whether it ended within the time allowed with exit status 0. */
    public record Ran(String output, boolean succeeded) {}

    private FfmpegProcess() {}

    /**
     * Starts {@code command}, reads all it writes, and waits for it at most {@code timeout}. A process still running when
     * this returns or throws (it outlived the time allowed, its output could not be read, the wait was interrupted) is
     * killed.
     */
    public static Ran run(List<String> command, long timeout, TimeUnit unit) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean succeeded = process.waitFor(timeout, unit) && process.exitValue() == 0;
            return new Ran(out, succeeded);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
