package cn.imtp.lms.cohort.boundary;

import cn.imtp.lms.application.Bodies;
import cn.imtp.lms.cohort.control.ClassRules;
import cn.imtp.lms.cohort.control.ClassView;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.control.Requests;
import cn.imtp.lms.identity.boundary.RequestOrigin;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Classes: administrators compose them; teachers schedule their own; everyone sees the classes they belong to. */
@Path("classes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allow(Role.ADMINISTRATOR)
public class ClassesResource {

    @Inject
    Classes classes;

    @Inject
    RequestOrigin origin;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Requests.NewClass n) {
        ClassView created = classes.create(n);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    /** Administrators: every class; teachers: the classes they teach; learners: their own. */
    @GET
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public ClassView.Page list(
            @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        PlatformException.checkPage(page, size);
        return classes.list(Caller.of(security), q, page, size);
    }

    @GET
    @Path("{id}")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public ClassView get(@PathParam("id") long id) {
        return classes.get(id, Caller.of(security));
    }

    @POST
    @Path("{id}/learners")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClassView enrol(@PathParam("id") long id, Requests.Enrolment enrolment) {
        return classes.enrol(id, enrolment == null ? null : enrolment.accountIds());
    }

    /** A UTF-8 CSV roster (username,fullName,idType,idNumber,phone): all rows are imported, or none. */
    @POST
    @Path("{id}/roster")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public List<Classes.ImportedLearner> importRoster(@PathParam("id") long id, InputStream body) throws IOException {
        return classes.importRoster(id, Bodies.csv(body, "roster CSV"), Caller.of(security), origin.addressOf(http));
    }

    @POST
    @Path("{id}/teachers")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClassView assignTeacher(@PathParam("id") long id, Requests.TeacherAssignment t) {
        return classes.assignTeacher(id, t);
    }

    @POST
    @Path("{id}/lessons")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public ClassView addLesson(@PathParam("id") long id, Requests.NewLesson lesson) {
        return classes.addLesson(id, lesson, Caller.of(security));
    }

    /** What still stands in the way of activation. */
    /** Lays the plan's units that no lesson covers yet on days from the class's start; 409 when they do not fit before its end. */
    @POST
    @Path("{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public ClassView autoSchedule(@PathParam("id") long id, Requests.AutoSchedule schedule) {
        return classes.autoSchedule(id, schedule);
    }

    @GET
    @Path("{id}/check")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public List<ClassRules.Violation> check(@PathParam("id") long id) {
        return classes.check(id, Caller.of(security));
    }

    @POST
    @Path("{id}/activate")
    public ClassView activate(@PathParam("id") long id) {
        return classes.activate(id);
    }
}
