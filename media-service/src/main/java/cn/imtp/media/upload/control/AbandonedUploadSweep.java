package cn.imtp.media.upload.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Aborts multipart uploads nobody finished, so that their parts do not fill storage. Every node sweeps;
 * the state change is conditional, so two nodes never count an upload twice.
 */
@ApplicationScoped
public class AbandonedUploadSweep {

    private static final Logger LOG = Logger.getLogger(AbandonedUploadSweep.class.getName());

    @Inject
    Uploads uploads;

    @Inject
    UploadSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        long every = Math.max(10, Math.min(900, settings.abandonAfterMinutes() * 60L / 4));
        task = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.SECONDS);
    }

    void sweep() {
        try {
            int n = uploads.abortAbandoned();
            if (n > 0) {
                LOG.info(() -> "Aborted " + n + " abandoned upload(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping abandoned uploads failed; the next sweep tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
