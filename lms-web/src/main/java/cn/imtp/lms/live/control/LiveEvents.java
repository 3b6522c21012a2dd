package cn.imtp.lms.live.control;

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
import java.time.Instant;
import java.util.List;

/**
 * The live lessons' Server-Sent Events on this node: {@code stage} when a teacher plays, pauses, seeks or
 * changes what the lesson shows, {@code message} for each Q&A message, {@code roll-call} when a roll call (签到) opens or
 * closes early, {@code roster} (teachers and
 * administrators only) every few seconds, {@code hello} with the server's clock on connecting. One reader
 * per lesson and node looks at the shared database every second, whatever the number of viewers, so a
 * change made through any node reaches the viewers of every node; a change made here is pushed at once.
 */
@ApplicationScoped
public class LiveEvents {

    static final long TICK_MS = 1000;
    static final long ROSTER_MS = 3000;
    static final int MESSAGES_PER_TICK = 200;

    public record Hello(Instant serverTime, long lessonId) {}

    /** What a lesson's viewers on this node were last sent. */
    private static final class Sent {
        long stageVersion;
        long lastMessageId;
        long rosterAt;
        long rollCalls;

        Sent(long stageVersion, long lastMessageId, long rollCalls) {
            this.stageVersion = stageVersion;
            this.lastMessageId = lastMessageId;
            this.rollCalls = rollCalls;
        }
    }

    private final SseChannels<Sent> channels = new SseChannels<>("Live lesson");

    @Inject
    LiveLessons lessons;

    @Inject
    RollCalls rollCalls;

    @Resource
    ManagedScheduledExecutorService scheduler;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        channels.start(scheduler, TICK_MS, this::refresh);
    }

    /**
     * Adds a viewer (the caller was allowed to see the lesson): it gets {@code hello}, the stage, the
     * messages after {@code afterMessage} it has not seen yet, then every change.
     */
    public void subscribe(long lessonId, boolean staff, long afterMessage, SseEventSink sink, Sse sse) {
        LiveLessons.Heads heads = lessons.heads(lessonId);
        SseChannels.Viewer v = new SseChannels.Viewer(sink, staff);
        // Added first, so that nothing broadcast from now on is missed; what it is sent below may come twice
        // (the page keeps one of each message by id, and the newest stage by version).
        SseChannels<Sent>.Channel c = channels.join(
                lessonId, v, sse, () -> new Sent(heads.stageVersion(), heads.lastMessageId(), heads.rollCalls()));
        c.send(v, c.event("hello", Hello.class, new Hello(Instant.now(), lessonId)));
        c.send(v, c.event("stage", LiveLessons.Stage.class, lessons.stage(lessonId)));
        for (LiveLessons.Message m : lessons.messagesAfter(lessonId, afterMessage, MESSAGES_PER_TICK)) {
            c.send(v, c.event("message", LiveLessons.Message.class, m));
        }
        RollCalls.Notice rollCall = rollCalls.newest(lessonId);
        if (rollCall != null) {
            c.send(v, c.event("roll-call", RollCalls.Notice.class, rollCall));
        }
        if (staff) {
            c.send(v, c.event("roster", LiveLessons.Roster.class, lessons.roster(lessonId)));
        }
    }

    /** A change made through this node: pushed now rather than at the next tick. */
    public void changed(long lessonId) {
        channels.refreshSoon(lessonId);
    }

    /** What changed since the channel's last refresh; the roster (staff only) once in {@link #ROSTER_MS}. */
    private void refresh(long lessonId, SseChannels<Sent>.Channel c, long now) {
        Sent sent = c.state();
        LiveLessons.Heads heads = lessons.heads(lessonId);
        if (heads.stageVersion() != sent.stageVersion) {
            LiveLessons.Stage stage = lessons.stage(lessonId);
            sent.stageVersion = stage.version();
            c.broadcast(false, c.event("stage", LiveLessons.Stage.class, stage));
        }
        while (heads.lastMessageId() > sent.lastMessageId) {
            List<LiveLessons.Message> news = lessons.messagesAfter(lessonId, sent.lastMessageId, MESSAGES_PER_TICK);
            if (news.isEmpty()) {
                break;
            }
            news.forEach(m -> c.broadcast(false, c.event("message", LiveLessons.Message.class, m)));
            sent.lastMessageId = news.get(news.size() - 1).id();
        }
        if (heads.rollCalls() != sent.rollCalls) {
            sent.rollCalls = heads.rollCalls();
            RollCalls.Notice rollCall = rollCalls.newest(lessonId);
            if (rollCall != null) {
                c.broadcast(false, c.event("roll-call", RollCalls.Notice.class, rollCall));
            }
            sent.rosterAt = 0; // the roster's check-ins changed
        }
        if (now - sent.rosterAt >= ROSTER_MS && c.hasStaff()) {
            sent.rosterAt = now;
            c.broadcast(true, c.event("roster", LiveLessons.Roster.class, lessons.roster(lessonId)));
        }
    }

    @PreDestroy
    void stop() {
        channels.stop();
    }
}
