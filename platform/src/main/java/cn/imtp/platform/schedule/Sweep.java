package cn.imtp.platform.schedule;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A housekeeping task every node runs every few seconds (a sweep): each run handles what it finds, row by row under a
 * lock, so that nodes never do a thing twice; a run that fails is logged and the next one tries again.
 */
public final class Sweep {

    private Sweep() {}

    /** Runs {@code task} every {@code seconds} (at least 1) on {@code scheduler}, the first time after one period. */
    public static ScheduledFuture<?> every(
            ScheduledExecutorService scheduler, long seconds, Logger log, String what, Runnable task) {
        long every = Math.max(1, seconds);
        return scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.log(Level.WARNING, what + " failed; the next sweep tries again", e);
                    }
                },
                every,
                every,
                TimeUnit.SECONDS);
    }
}
