package cn.imtp.media.transcoding.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Transcoding settings (lms.transcode.*); defaults in microprofile-config.properties. */
@ApplicationScoped
public class TranscodeSettings {

    @Inject
    @ConfigProperty(name = "lms.ffmpeg")
    String ffmpeg;

    @Inject
    @ConfigProperty(name = "lms.ffprobe")
    String ffprobe;

    @Inject
    @ConfigProperty(name = "lms.transcode.workers")
    int workers;

    @Inject
    @ConfigProperty(name = "lms.transcode.short-lane-workers")
    int shortLaneWorkers;

    @Inject
    @ConfigProperty(name = "lms.transcode.short-lane-seconds")
    int shortLaneSeconds;

    @Inject
    @ConfigProperty(name = "lms.transcode.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "lms.transcode.timeout-minutes")
    int timeoutMinutes;

    @Inject
    @ConfigProperty(name = "lms.transcode.lease-seconds")
    int leaseSeconds;

    @Inject
    @ConfigProperty(name = "lms.transcode.stall-seconds")
    int stallSeconds;

    @Inject
    @ConfigProperty(name = "lms.transcode.preset")
    String preset;

    @Inject
    @ConfigProperty(name = "lms.transcode.hls-seconds")
    int hlsSeconds;

    @Inject
    @ConfigProperty(name = "lms.transcode.work-dir")
    String workDir;

    public Path ffmpeg() {
        return Path.of(ffmpeg);
    }

    public Path ffprobe() {
        return Path.of(ffprobe);
    }

    public int workers() {
        return workers;
    }

    public int shortLaneWorkers() {
        return shortLaneWorkers;
    }

    public int shortLaneSeconds() {
        return shortLaneSeconds;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public int timeoutMinutes() {
        return timeoutMinutes;
    }

    public int leaseSeconds() {
        return leaseSeconds;
    }

    /** How long ffmpeg may go without encoding anything before the watchdog stops it and the attempt fails. */
    public int stallSeconds() {
        return stallSeconds;
    }

    public String preset() {
        return preset;
    }

    public int hlsSeconds() {
        return hlsSeconds;
    }

    public Path workDir() {
        return Path.of(workDir);
    }
}
