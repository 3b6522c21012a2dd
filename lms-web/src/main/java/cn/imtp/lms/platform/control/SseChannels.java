package cn.imtp.lms.platform.control;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Server-Sent Event streams on this node, grouped in channels by a key (a live lesson, a class): viewers
 * join a channel, events go to all of its viewers or to the staff among them, a viewer whose stream failed
 * is dropped, and a comment now and then keeps quiet streams open through proxies and finds the viewers
 * that left. A channel without viewers is dropped. {@code S} is what the owner remembers per channel
 * (e.g. what it last sent); the owner synchronizes on the channel while it refreshes it.
 */
public final class SseChannels<S> {

    static final long KEEPALIVE_MS = 15000;

    /** One open stream; {@code staff} (teachers and administrators) may get events that learners do not. */
    public record Viewer(SseEventSink sink, boolean staff) {
    }

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

        /** A comment to every viewer once in {@link #KEEPALIVE_MS}. */
        public void keepAlive(Sse sse, long now) {
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

    /** Adds a viewer to the key's channel, made with {@code state} if it is the first. */
    public Channel join(long key, Viewer v, Supplier<S> state) {
        return channels.compute(key, (k, existing) -> {
            Channel c = existing == null ? new Channel(state.get()) : existing;
            c.viewers.add(v);
            return c;
        });
    }

    public Set<Long> keys() {
        return channels.keySet();
    }

    public boolean watched(long key) {
        return channels.containsKey(key);
    }

    /** The key's channel without the viewers that left, or null (and dropped) when none is left. */
    public Channel viewed(long key) {
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

    public void closeAll() {
        channels.values().forEach(c -> c.viewers.forEach(c::close));
    }

    /** A named event whose data is {@code data} as JSON. */
    public static <T> OutboundSseEvent event(Sse sse, String name, Class<T> type, T data) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(type, data).build();
    }
}
