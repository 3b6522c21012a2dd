package cn.imtp.lms.notice.boundary;

import cn.imtp.lms.identity.boundary.RequestOrigin;
import cn.imtp.lms.notice.control.Notices;
import cn.imtp.lms.notice.control.Reminders;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.Map;

/** Notices (通知公告): the caller's, newest first; publishing, editing and withdrawing them; what the caller has read. */
@Path("notices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
public class NoticesResource {

    @Inject
    Notices notices;

    @Inject
    Reminders reminders;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @Inject
    RequestOrigin origin;

    @GET
    public Notices.Page list(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        PlatformException.checkPage(page, size);
        return notices.list(Caller.of(security), page, size);
    }

    /** To a class ({@code classId}: administrators any, teachers one they teach) or, from an administrator, to everyone. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response publish(Notices.NewNotice n) {
        Notices.NoticeView created = notices.publish(n, Caller.of(security));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    /**
     * Study reminders: a personal notice to each learner named ({@code learnerIds}, learners of {@code classId}, at most
     * 100), seen by that learner and its author only; those reminded by the class within 12 hours are skipped:
     * {@code {"sent": [ids], "skipped": [{"learnerId", "reason": {"zh", "en"}}]}}.
     */
    @POST
    @Path("reminders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Reminders.Outcome remind(Reminders.Request r) {
        return reminders.send(r, Caller.of(security), origin.addressOf(http));
    }

    /** How many of the caller's notices are unread: {@code {"unread": n}}. */
    @GET
    @Path("unread")
    public Map<String, Long> unread() {
        return Map.of("unread", notices.unread(Caller.of(security)));
    }

    /**
     * Marks the notice read; {@code ?editedAt=…} says which edit the reader saw (empty: as published): if it was edited
     * since, 409 and it stays unread, so that nobody marks a correction read while looking at the text before it.
     */
    @POST
    @Path("{id}/read")
    public Response read(@PathParam("id") long id, @QueryParam("editedAt") String editedAt) {
        notices.markRead(id, Notices.Seen.of(editedAt), Caller.of(security));
        return Response.noContent().build();
    }

    /** Changes the notice's title and text (its author or an administrator); it is unread again for its readers. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Notices.NoticeView edit(@PathParam("id") long id, Notices.NoticeEdit e) {
        return notices.edit(id, e, Caller.of(security), origin.addressOf(http));
    }

    /** Withdraws the notice (its author or an administrator): gone from every feed. */
    @POST
    @Path("{id}/withdraw")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response withdraw(@PathParam("id") long id) {
        notices.withdraw(id, Caller.of(security), origin.addressOf(http));
        return Response.noContent().build();
    }
}
