package cn.imtp.media.transcoding.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the configured ffmpeg and ffprobe run; reports their version. */
@Readiness
@ApplicationScoped
public class FfmpegReadiness implements HealthCheck {

    @Inject
    @ConfigProperty(name = "lms.ffmpeg")
    String ffmpeg;

    @Inject
    @ConfigProperty(name = "lms.ffprobe")
    String ffprobe;

    private volatile String version;

    /** Created at deployment so that the WAR's configuration is read in the WAR's context. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        call();
    }

    /** The first line of {@code ffmpeg -version}, or null while ffmpeg has not run. */
    public String version() {
        return version;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            if (version == null) {
                versionOf(ffprobe);
                version = versionOf(ffmpeg);
            }
            // Anyone may ask: the answer names no version or path (GET /media/api/status shows them to administrators).
            return HealthCheckResponse.named("ffmpeg").up().build();
        } catch (IOException e) {
            Logger.getLogger(FfmpegReadiness.class.getName()).warning(() -> "ffmpeg is not ready: " + e.getMessage());
            return HealthCheckResponse.named("ffmpeg").down().build();
        }
    }

    private static String versionOf(String executable) throws IOException {
        try {
            FfmpegProcess.Ran ran = FfmpegProcess.run(List.of(executable, "-version"), 10, TimeUnit.SECONDS);
            if (!ran.succeeded()) {
                throw new IOException(executable + " -version failed: "
                        + ran.output().lines().findFirst().orElse(""));
            }
            return ran.output().lines().findFirst().orElse("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + executable, e);
        }
    }
}
