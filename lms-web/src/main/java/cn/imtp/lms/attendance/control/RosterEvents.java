package cn.imtp.lms.attendance.control;

import cn.imtp.lms.eventstream.SseChannels;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The classes' live rosters as Server-Sent Events ({@code roster}) for their teachers and administrators:
 * one reader per class and node reads the roster from the shared database every {@link #ROSTER_MS},
 * whatever the number of viewers, and pushes it to the viewers on this node; so a class spread over several
 * nodes shows the same roster everywhere.
 */
@ApplicationScoped
public class RosterEvents {

    static final long ROSTER_MS = 3000;

    private final SseChannels<Void> channels = new SseChannels<>("Class");

    @Inject
    LiveRoster roster;

    @Resource
    ManagedScheduledExecutorService scheduler;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        channels.start(
                scheduler,
                ROSTER_MS,
                (classId, c, now) -> c.broadcast(true, c.event("roster", LiveRoster.Roster.class, roster.of(classId))));
    }

    /** Adds a viewer allowed to see the class's roster; it gets {@code first} at once, then every new roster. */
    public void subscribe(long classId, LiveRoster.Roster first, SseEventSink sink, Sse sse) {
        SseChannels.Viewer viewer = new SseChannels.Viewer(sink, true);
        SseChannels<Void>.Channel c = channels.join(classId, viewer, sse, () -> null);
        c.send(viewer, c.event("roster", LiveRoster.Roster.class, first));
    }

    @PreDestroy
    void stop() {
        channels.stop();
    }
}
