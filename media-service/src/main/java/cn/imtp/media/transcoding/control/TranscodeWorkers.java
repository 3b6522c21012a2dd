package cn.imtp.media.transcoding.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transcoding workers of this node and their lifecycle: {@code lms.transcode.workers} threads for any source and
 * {@code lms.transcode.short-lane-workers} for sources of at most {@code lms.transcode.short-lane-seconds} (the order
 * they take jobs in is {@link ClaimOrder}'s), started at deployment and stopped with it. Each takes a job from the
 * shared queue, at once when this node queued one or at its next poll, and runs it on its own thread ({@link JobRun});
 * stopping ends the ffmpeg of every job running here.
 */
@ApplicationScoped
public class TranscodeWorkers {

    private static final Logger LOG = Logger.getLogger(TranscodeWorkers.class.getName());
    private static final long IDLE_POLL_MS = 1000;

    @Inject
    TranscodeSettings settings;

    @Inject
    JobQueue queue;

    @Inject
    JobRun jobs;

    @Resource
    ManagedThreadFactory threads;

    private final List<Thread> running = new ArrayList<>();
    /** Released when this node queues a job, so that an idle worker starts at once instead of at its next poll. */
    private final Semaphore queued = new Semaphore(0);

    private volatile boolean stopping;
    /** How to stop each job this node is running now, by job id: what stop() must end. */
    private final Map<Long, Runnable> inFlight = new ConcurrentHashMap<>();

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        String node = ManagementFactory.getRuntimeMXBean().getName();
        for (int i = 0; i < settings.workers() + settings.shortLaneWorkers(); i++) {
            boolean shortLane = i >= settings.workers();
            String worker = node + (shortLane ? SHORT_LANE : "#") + i;
            Thread t = threads.newThread(() -> loop(worker, shortLane));
            t.setName("transcode-" + (shortLane ? "short-" : "") + i);
            t.start();
            running.add(t);
        }
        LOG.info(() -> "Started " + settings.workers() + " transcoding worker(s) and " + settings.shortLaneWorkers()
                + " for sources up to " + settings.shortLaneSeconds() + " s on " + node);
    }

    /** Marks a short-lane worker's name, so that the queue's estimate knows which running jobs hold back a long source. */
    private static final String SHORT_LANE = "#short-";

    static boolean isShortLane(String worker) {
        return worker != null && worker.contains(SHORT_LANE);
    }

    void onQueued(@Observes JobQueue.Queued job) {
        queued.release();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        inFlight.values().forEach(Runnable::run);
        running.forEach(Thread::interrupt);
    }

    private void loop(String worker, boolean shortLane) {
        while (!stopping) {
            try {
                Optional<JobQueue.Claim> claim = queue.claim(
                        worker,
                        settings.leaseSeconds(),
                        settings.maxAttempts(),
                        shortLane,
                        settings.shortLaneSeconds() * 1000L);
                if (claim.isPresent()) {
                    jobs.run(claim.get(), worker, inFlight);
                } else {
                    queued.tryAcquire(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Transcoding worker " + worker + " could not reach the queue; trying again", e);
                sleepQuietly(5000);
            }
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
