package cn.imtp.media.streaming.control;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * This node's idle cores lent to one request's CPU-bound work (signing a 3-hour lecture's 1,800 segment URLs, gzipping
 * its 650 KB): the work is cut into parts that the request's own thread and any idle helper take one at a time, so a
 * request never waits for a helper busy elsewhere (with none idle it does every part itself). The helpers are threads of
 * the application server's factory, stopped with the application ({@link #close}); not the common fork-join pool, whose
 * threads would outlive a redeployment and keep its class loader.
 */
final class SpareCores implements AutoCloseable {

    private final ThreadPoolExecutor helpers;

    /** @param helpers how many threads may help at most (0: the calling thread does all) */
    SpareCores(ThreadFactory threads, int helpers) {
        this.helpers = helpers <= 0
                ? null
                : new ThreadPoolExecutor(
                        0,
                        helpers,
                        60,
                        TimeUnit.SECONDS,
                        new SynchronousQueue<>(),
                        threads,
                        new ThreadPoolExecutor.AbortPolicy());
    }

    /** One helper fewer than the machine has cores, at most three (the request's own thread is the other). */
    static int helpersFor(int cores) {
        return Math.max(0, Math.min(3, cores - 1));
    }

    /**
     * Runs {@code part} for 0 to {@code parts - 1}, each once, on the calling thread and idle helpers; returns when all
     * have run. The first failure of any part is thrown here, after every part taken has ended.
     */
    void run(int parts, IntConsumer part) {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(parts);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < parts; i = next.getAndIncrement()) {
                try {
                    part.accept(i);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    ended.countDown();
                }
            }
        };
        if (helpers != null) {
            for (int h = 0; h < Math.min(helpers.getMaximumPoolSize(), parts - 1); h++) {
                try {
                    helpers.execute(worker);
                } catch (RejectedExecutionException | IllegalStateException e) {
                    // Every helper is busy, or the application stops (its thread factory refuses): this thread does the
                    // rest.
                    break;
                }
            }
        }
        worker.run();
        // The parts take milliseconds: waited for even by a thread already interrupted (its flag is kept for its
        // caller).
        boolean interrupted = false;
        while (true) {
            try {
                ended.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error r) {
            throw r;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
