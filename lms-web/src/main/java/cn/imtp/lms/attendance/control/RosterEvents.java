package cn.imtp.lms.attendance.control;

import cn.imtp.lms.platform.control.SseChannels;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The classes' live rosters as Server-Sent Events ({@code roster}) for their teachers and administrators:
 * one reader per class and node reads the roster from the shared database every {@link #ROSTER_MS},
 * whatever the number of viewers, and pushes it to the viewers on this node; so a class spread over several
 * nodes shows the same roster everywhere.
 */
@ApplicationScoped
public class RosterEvents {

    private static final Logger LOG = Logger.getLogger(RosterEvents.class.getName());
    static final long ROSTER_MS = 3000;

    private final SseChannels<Void> channels = new SseChannels<>();
    private volatile Sse sse;

    @Inject
    LiveRoster roster;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        task = scheduler.scheduleWithFixedDelay(this::tick, ROSTER_MS, ROSTER_MS, TimeUnit.MILLISECONDS);
    }

    /** Adds a viewer allowed to see the class's roster; it gets {@code first} at once, then every new roster. */
    public void subscribe(long classId, LiveRoster.Roster first, SseEventSink sink, Sse sse) {
        this.sse = sse;
        SseChannels.Viewer viewer = new SseChannels.Viewer(sink, true);
        channels.join(classId, viewer, () -> null).send(viewer, SseChannels.event(sse, "roster", LiveRoster.Roster.class, first));
    }

    void tick() {
        for (Long classId : channels.keys()) {
            try {
                SseChannels<Void>.Channel c = channels.viewed(classId);
                if (c != null) {
                    synchronized (c) {
                        c.broadcast(true, SseChannels.event(sse, "roster", LiveRoster.Roster.class, roster.of(classId)));
                        c.keepAlive(sse, System.currentTimeMillis());
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Class " + classId + ": its roster could not be refreshed; the next tick tries again", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        channels.closeAll();
    }
}
