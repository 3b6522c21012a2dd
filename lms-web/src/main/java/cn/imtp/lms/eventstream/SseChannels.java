package cn.imtp.lms.eventstream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Server-Sent Event streams on this node, grouped in channels by a key (a live lesson, a class): viewers
 * join a channel, events go to all of its viewers or to the staff among them, a viewer whose stream failed
 * is dropped, and a comment now and then keeps quiet streams open through proxies and finds the viewers
 * that left. A channel without viewers is dropped. Every channel is refreshed by its owner's {@link Refresh}
 * on a fixed period (one reader per key and node, whatever the number of viewers), and at once when the
 * owner asks ({@link #refreshSoon}); never two refreshes of one channel at the same time. {@code S} is what
 * the owner remembers per channel (e.g. what it last sent).
 */
public final class SseChannels<S> {

    private static final Logger LOG = Logger.getLogger(SseChannels.class.getName());
    static final long KEEPALIVE_MS = 15000;

    /** What the owner sends to a channel's viewers when it is refreshed. */
    @FunctionalInterface
    public interface Refresh<S> {
        void refresh(long key, SseChannels<S>.Channel channel, long nowMs);
    }

    /** One open stream; {@code staff} (teachers and administrators) may get events that learners do not. */
    public record Viewer(SseEventSink sink, boolean staff) {}

    /** The viewers of one key on this node. */
    public final class Channel {
        private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
        private final S state;
        private long keepaliveAt = System.currentTimeMillis();

        private Channel(S state) {
            this.state = state;
        }

        public S state() {
            return state;
        }

        public boolean hasStaff() {
            return viewers.stream().anyMatch(Viewer::staff);
        }

        public void send(Viewer v, OutboundSseEvent e) {
            try {
                v.sink().send(e).whenComplete((ok, failed) -> {
                    if (failed != null) {
                        close(v);
                    }
                });
            } catch (RuntimeException failed) {
                close(v);
            }
        }

        public void broadcast(boolean staffOnly, OutboundSseEvent e) {
            for (Viewer v : viewers) {
                if (!staffOnly || v.staff()) {
                    send(v, e);
                }
            }
        }

        /** A named event whose data is {@code data} as JSON. */
        public <T> OutboundSseEvent event(String name, Class<T> type, T data) {
            return sse.newEventBuilder()
                    .name(name)
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(type, data)
                    .build();
        }

        /** A comment to every viewer once in {@link #KEEPALIVE_MS}. */
        private void keepAlive(long now) {
            if (now - keepaliveAt >= KEEPALIVE_MS) {
                keepaliveAt = now;
                broadcast(false, sse.newEventBuilder().comment("keep-alive").build());
            }
        }

        private void close(Viewer v) {
            viewers.remove(v);
            try {
                v.sink().close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private final String what;
    private volatile Sse sse;
    // Set once by start() at deployment, read by request threads (refreshSoon) and the scheduled task.
    private volatile ScheduledExecutorService scheduler;
    private volatile Refresh<S> refresh;
    private ScheduledFuture<?> task;

    /** {@code what} names a key in the log ("Live lesson", "Class"). */
    public SseChannels(String what) {
        this.what = what;
    }

    /** Refreshes every watched channel each {@code periodMs} from now on. */
    public synchronized void start(ScheduledExecutorService scheduler, long periodMs, Refresh<S> refresh) {
        this.scheduler = scheduler;
        this.refresh = refresh;
        task = scheduler.scheduleWithFixedDelay(
                () -> channels.keySet().forEach(this::refresh), periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Adds a viewer to the key's channel, made with {@code state} if it is the first; the channel is ready for
     * what the viewer must get first (sent by the caller), and gets every refresh from then on.
     */
    public Channel join(long key, Viewer v, Sse sse, Supplier<S> state) {
        this.sse = sse;
        return channels.compute(key, (k, existing) -> {
            Channel c = existing == null ? new Channel(state.get()) : existing;
            c.viewers.add(v);
            return c;
        });
    }

    /** A change made through this node: the key's channel (if watched here) is refreshed now rather than at the next period. */
    public void refreshSoon(long key) {
        if (channels.containsKey(key)) {
            scheduler.execute(() -> refresh(key));
        }
    }

    private void refresh(long key) {
        try {
            Channel c = viewed(key);
            if (c != null) {
                synchronized (c) {
                    long now = System.currentTimeMillis();
                    refresh.refresh(key, c, now);
                    c.keepAlive(now);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    what + " " + key + ": its events could not be refreshed; the next period tries again",
                    e);
        }
    }

    /** The key's channel without the viewers that left, or null (and dropped) when none is left. */
    private Channel viewed(long key) {
        Channel c = channels.get(key);
        if (c == null) {
            return null;
        }
        c.viewers.removeIf(v -> v.sink().isClosed());
        if (c.viewers.isEmpty()) {
            channels.computeIfPresent(key, (k, ch) -> ch.viewers.isEmpty() ? null : ch);
            return null;
        }
        return c;
    }

    /** Stops refreshing and closes every stream. */
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
        channels.values().forEach(c -> c.viewers.forEach(c::close));
    }
}
