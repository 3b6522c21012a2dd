package cn.imtp.media.transcoding.control;

import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The live status streams of assets (Server-Sent Events). A stream holds no thread: a scheduled check every
 * {@value #POLL_MS} ms reads the status (from the database, so it sees every node's work), sends it when it changed, and
 * otherwise a keep-alive comment every {@value #KEEP_ALIVE_MS} ms, so that a client that went away is noticed at the next
 * write and its stream ends. A grant holder has at most {@value #MAX_PER_HOLDER} streams open on a node at once (429
 * beyond), so that abandoned pages cannot pile up; the pool that hashes and transcodes sources is never used here.
 */
@ApplicationScoped
public class StatusStreams {

    private static final Logger LOG = Logger.getLogger(StatusStreams.class.getName());
    static final long POLL_MS = 1000;
    static final long KEEP_ALIVE_MS = 5000;
    static final long MAX_STREAM_MS = 4 * 60 * 60 * 1000L;
    public static final int MAX_PER_HOLDER = 10;

    @Inject
    AssetStatus status;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final ConcurrentHashMap<Long, AtomicInteger> open = new ConcurrentHashMap<>();

    /** Starts the stream of {@code assetId} for the holder of a grant; 429 when the holder has too many open. */
    public void open(UUID assetId, long holder, SseEventSink sink, Sse sse) {
        AtomicInteger mine = open.computeIfAbsent(holder, k -> new AtomicInteger());
        if (mine.incrementAndGet() > MAX_PER_HOLDER) {
            mine.decrementAndGet();
            throw new PlatformException(
                    429,
                    "too-many-streams",
                    "Too many status streams",
                    new Words(
                            "同时打开的进度页面过多（本服务器上最多 " + MAX_PER_HOLDER + " 个），请关闭不用的页面后重试。",
                            "This account already follows " + MAX_PER_HOLDER
                                    + " files live on this server; close the pages you no longer need and"
                                    + " try again."));
        }
        Stream stream = new Stream(assetId, sink, sse, mine);
        scheduler.scheduleWithFixedDelay(stream::tick, 0, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** Ends the repetition of a stream's check (a scheduled task that throws is not run again). */
    private static final class Ended extends RuntimeException {
        Ended() {
            super(null, null, false, false);
        }
    }

    private final class Stream {
        private final UUID assetId;
        private final SseEventSink sink;
        private final Sse sse;
        private final AtomicInteger holderCount;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final long end = System.currentTimeMillis() + MAX_STREAM_MS;
        private AssetView last;
        private long lastWrite = System.currentTimeMillis();

        Stream(UUID assetId, SseEventSink sink, Sse sse, AtomicInteger holderCount) {
            this.assetId = assetId;
            this.sink = sink;
            this.sse = sse;
            this.holderCount = holderCount;
        }

        void tick() {
            try {
                long now = System.currentTimeMillis();
                if (sink.isClosed() || now > end) {
                    finish();
                }
                AssetView view = status.of(assetId);
                if (!view.equals(last)) {
                    sink.send(sse.newEventBuilder()
                                    .name("asset")
                                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                    .data(AssetView.class, view)
                                    .build())
                            .toCompletableFuture()
                            .join();
                    last = view;
                    lastWrite = now;
                } else if (now - lastWrite >= KEEP_ALIVE_MS) {
                    sink.send(sse.newEventBuilder().comment("keep-alive").build())
                            .toCompletableFuture()
                            .join();
                    lastWrite = now;
                }
                if (view.state().isFinal()) {
                    finish();
                }
            } catch (Ended e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.fine(() -> "Event stream of " + assetId + " ended: " + e);
                finish();
            }
        }

        private void finish() {
            if (ended.compareAndSet(false, true)) {
                holderCount.decrementAndGet();
                try {
                    sink.close();
                } catch (RuntimeException e) {
                    LOG.fine(() -> "Closing the event stream of " + assetId + ": " + e);
                }
            }
            throw new Ended();
        }
    }
}
