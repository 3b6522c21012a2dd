package cn.imtp.lms.live.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live lessons' Server-Sent Events on this node: {@code stage} when a teacher plays, pauses, seeks or
 * changes what the lesson shows, {@code message} for each Q&A message, {@code roster} (teachers and
 * administrators only) every few seconds, {@code hello} with the server's clock on connecting. One reader
 * per lesson and node looks at the shared database every second, whatever the number of viewers, so a
 * change made through any node reaches the viewers of every node; a change made here is pushed at once.
 */
@ApplicationScoped
public class LiveEvents {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class.getName());
    static final long TICK_MS = 1000;
    static final long ROSTER_MS = 3000;
    static final long KEEPALIVE_MS = 15000;
    static final int MESSAGES_PER_TICK = 200;

    public record Hello(Instant serverTime, long lessonId) {
    }

    private record Viewer(SseEventSink sink, boolean staff) {
    }

    /** One lesson's viewers on this node and what they were last sent. */
    private static final class Channel {
        final List<Viewer> viewers = new CopyOnWriteArrayList<>();
        long stageVersion;
        long lastMessageId;
        long rosterAt;
        long keepaliveAt = System.currentTimeMillis();

        Channel(long stageVersion, long lastMessageId) {
            this.stageVersion = stageVersion;
            this.lastMessageId = lastMessageId;
        }
    }

    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private volatile Sse sse;

    @Inject
    LiveLessons lessons;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        task = scheduler.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Adds a viewer (the caller was allowed to see the lesson): it gets {@code hello}, the stage, the
     * messages after {@code afterMessage} it has not seen yet, then every change.
     */
    public void subscribe(long lessonId, boolean staff, long afterMessage, SseEventSink sink, Sse sse) {
        this.sse = sse;
        long[] heads = lessons.heads(lessonId);
        Viewer v = new Viewer(sink, staff);
        // Added first, so that nothing broadcast from now on is missed; what it is sent below may come twice
        // (the page keeps one of each message by id, and the newest stage by version).
        Channel c = channels.compute(lessonId, (id, existing) -> {
            Channel ch = existing == null ? new Channel(heads[0], heads[1]) : existing;
            ch.viewers.add(v);
            return ch;
        });
        send(c, v, event("hello", Hello.class, new Hello(Instant.now(), lessonId)));
        send(c, v, event("stage", LiveLessons.Stage.class, lessons.stage(lessonId)));
        for (LiveLessons.Message m : lessons.messagesAfter(lessonId, afterMessage, MESSAGES_PER_TICK)) {
            send(c, v, event("message", LiveLessons.Message.class, m));
        }
        if (staff) {
            send(c, v, event("roster", LiveLessons.Roster.class, lessons.roster(lessonId)));
        }
    }

    /** A change made through this node: pushed now rather than at the next tick. */
    public void changed(long lessonId) {
        if (channels.containsKey(lessonId)) {
            scheduler.execute(() -> refresh(lessonId, false));
        }
    }

    void tick() {
        for (Long lessonId : channels.keySet()) {
            try {
                refresh(lessonId, true);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Live lesson " + lessonId + ": its events could not be refreshed; the next tick tries again", e);
            }
        }
    }

    private void refresh(long lessonId, boolean ticking) {
        Channel c = channels.get(lessonId);
        if (c == null) {
            return;
        }
        synchronized (c) {
            c.viewers.removeIf(v -> v.sink().isClosed());
            if (c.viewers.isEmpty()) {
                channels.computeIfPresent(lessonId, (id, ch) -> ch.viewers.isEmpty() ? null : ch);
                return;
            }
            long[] heads = lessons.heads(lessonId);
            if (heads[0] != c.stageVersion) {
                LiveLessons.Stage stage = lessons.stage(lessonId);
                c.stageVersion = stage.version();
                broadcast(c, false, event("stage", LiveLessons.Stage.class, stage));
            }
            while (heads[1] > c.lastMessageId) {
                List<LiveLessons.Message> news = lessons.messagesAfter(lessonId, c.lastMessageId, MESSAGES_PER_TICK);
                if (news.isEmpty()) {
                    break;
                }
                news.forEach(m -> broadcast(c, false, event("message", LiveLessons.Message.class, m)));
                c.lastMessageId = news.get(news.size() - 1).id();
            }
            long now = System.currentTimeMillis();
            if (ticking && now - c.rosterAt >= ROSTER_MS && c.viewers.stream().anyMatch(Viewer::staff)) {
                c.rosterAt = now;
                broadcast(c, true, event("roster", LiveLessons.Roster.class, lessons.roster(lessonId)));
            }
            if (now - c.keepaliveAt >= KEEPALIVE_MS) {
                // A comment keeps proxies from closing a quiet stream, and finds the viewers that left.
                c.keepaliveAt = now;
                broadcast(c, false, sse.newEventBuilder().comment("keep-alive").build());
            }
        }
    }

    private <T> OutboundSseEvent event(String name, Class<T> type, T data) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(type, data).build();
    }

    private void broadcast(Channel c, boolean staffOnly, OutboundSseEvent e) {
        for (Viewer v : c.viewers) {
            if (!staffOnly || v.staff()) {
                send(c, v, e);
            }
        }
    }

    private static void send(Channel c, Viewer v, OutboundSseEvent e) {
        try {
            v.sink().send(e).whenComplete((ok, failed) -> {
                if (failed != null) {
                    close(c, v);
                }
            });
        } catch (RuntimeException failed) {
            close(c, v);
        }
    }

    private static void close(Channel c, Viewer v) {
        c.viewers.remove(v);
        try {
            v.sink().close();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        channels.values().forEach(c -> c.viewers.forEach(v -> close(c, v)));
    }
}
