package cn.imtp.lms.live.boundary;

import cn.imtp.lms.live.control.LiveAttendance;
import cn.imtp.lms.live.control.LiveEvents;
import cn.imtp.lms.live.control.LiveLessons;
import cn.imtp.lms.live.control.RollCalls;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;

/** Live online lessons: the class's lessons, a lesson's stage, Q&A, roster and events, and learners' presence. */
@Path("live")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LiveResource {

    @Inject
    LiveLessons lessons;

    @Inject
    LiveAttendance attendance;

    @Inject
    LiveEvents events;

    @Inject
    RollCalls rollCalls;

    @Context
    SecurityContext security;

    /** The class's live lessons not ended yet, soonest first; {@code ?past=true} the ended ones, latest first. */
    @GET
    @Path("classes/{classId}/lessons")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public LiveLessons.Page list(
            @PathParam("classId") long classId,
            @QueryParam("past") @DefaultValue("false") boolean past,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return lessons.list(classId, Caller.of(security), past, page, size);
    }

    @GET
    @Path("lessons/{id}")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public LiveLessons.LessonView get(@PathParam("id") long id) {
        return lessons.view(id, Caller.of(security));
    }

    /** What the lesson shows now: a video (playing or paused at a position) or a meeting link; pushed to every viewer. */
    @PUT
    @Path("lessons/{id}/stage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public LiveLessons.Stage stage(@PathParam("id") long id, LiveLessons.StageRequest stage) {
        LiveLessons.Stage s = lessons.setStage(id, stage, Caller.of(security));
        events.changed(id);
        return s;
    }

    /** The Q&A after message {@code after}, oldest first; without it, the latest {@code limit}. */
    @GET
    @Path("lessons/{id}/messages")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public List<LiveLessons.Message> messages(
            @PathParam("id") long id,
            @QueryParam("after") Long after,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return lessons.messages(id, Caller.of(security), after, limit);
    }

    @POST
    @Path("lessons/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public Response post(@PathParam("id") long id, LiveLessons.NewMessage message) {
        LiveLessons.Message m = lessons.post(id, message, Caller.of(security));
        events.changed(id);
        return Response.status(201).entity(m).build();
    }

    /** The lesson's roll calls (签到), newest first: a learner's own check-ins; for teachers and administrators the class's sheet. */
    @GET
    @Path("lessons/{id}/roll-calls")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public List<RollCalls.RollCall> rollCalls(@PathParam("id") long id) {
        return rollCalls.list(id, Caller.of(security));
    }

    /** Opens a roll call for {@code minutes} (1 to 15) while the lesson is open; one at a time. */
    @POST
    @Path("lessons/{id}/roll-calls")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response openRollCall(@PathParam("id") long id, RollCalls.NewRollCall request) {
        RollCalls.RollCall opened = rollCalls.open(id, request, Caller.of(security));
        events.changed(id); // after the commit: this node's viewers hear of it at once
        return Response.status(201).entity(opened).build();
    }

    @POST
    @Path("lessons/{id}/roll-calls/{rollCallId}/close")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public RollCalls.RollCall closeRollCall(@PathParam("id") long id, @PathParam("rollCallId") long rollCallId) {
        RollCalls.RollCall closed = rollCalls.close(id, rollCallId, Caller.of(security));
        events.changed(id);
        return closed;
    }

    /** The learner checks in to an open roll call, while present in the lesson. */
    @POST
    @Path("lessons/{id}/roll-calls/{rollCallId}/check-in")
    @Allow(Role.LEARNER)
    public RollCalls.RollCall checkIn(@PathParam("id") long id, @PathParam("rollCallId") long rollCallId) {
        return rollCalls.checkIn(id, rollCallId, Caller.of(security));
    }

    /** Who of the class is present in the lesson, idle or absent, with the seconds each has been credited. */
    @GET
    @Path("lessons/{id}/roster")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public LiveLessons.Roster roster(@PathParam("id") long id) {
        return lessons.roster(id, Caller.of(security));
    }

    /**
     * Server-Sent Events: {@code hello}, {@code stage}, {@code message} (those after {@code ?after=}, then
     * each new one) and, for teachers and administrators, {@code roster}.
     */
    @GET
    @Path("lessons/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public void events(
            @PathParam("id") long id,
            @QueryParam("after") @DefaultValue("0") long after,
            @Context SseEventSink sink,
            @Context Sse sse) {
        lessons.visible(id, Caller.of(security));
        events.subscribe(id, Caller.of(security).role() != Role.LEARNER, after, sink, sse);
    }

    /** A learner joins the open lesson to be counted; any other activity of theirs stops earning credit. */
    @POST
    @Path("lessons/{id}/join")
    @Allow(Role.LEARNER)
    public Response join(@PathParam("id") long id) {
        return Response.status(201)
                .entity(attendance.join(id, Caller.of(security)))
                .build();
    }

    /** A beat from the lesson page: 200 stored (or its number already taken), 422 refused and logged (its number used up), 410 counted elsewhere since. */
    @POST
    @Path("sessions/{id}/beats")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.LEARNER)
    public Response beat(@PathParam("id") String id, LiveAttendance.BeatRequest beat) {
        LiveAttendance.BeatAck ack = attendance.beat(id, beat, Caller.of(security));
        int status = switch (ack.verdict()) {
            case ACCEPTED, DUPLICATE -> 200;
            case REFUSED -> 422;
        };
        return Response.status(status).entity(ack).build();
    }
}
