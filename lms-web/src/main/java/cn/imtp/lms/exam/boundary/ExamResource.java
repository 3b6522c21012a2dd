package cn.imtp.lms.exam.boundary;

import cn.imtp.lms.application.Params;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.documents.Exports;
import cn.imtp.lms.documents.Reader;
import cn.imtp.lms.exam.control.AssessmentSettings;
import cn.imtp.lms.exam.control.Attempts;
import cn.imtp.lms.exam.control.Blueprints;
import cn.imtp.lms.exam.control.ExamResults;
import cn.imtp.lms.exam.control.Exams;
import cn.imtp.lms.exam.control.PaperDrawer;
import cn.imtp.lms.identity.boundary.RequestOrigin;
import cn.imtp.lms.resourcepack.control.ResourcePacks;
import cn.imtp.lms.resourcepack.control.ResourceView;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
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
import java.util.List;

/**
 * Theory exams: how far the bank covers a blueprint, the class's exams, and learners' attempts. The question bank
 * itself is {@code assessment/questions} (the questionbank feature); learners see questions only inside their own attempt.
 */
@Path("assessment")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExamResource {

    @Inject
    Blueprints blueprints;

    @Inject
    Exams exams;

    @Inject
    Attempts attempts;

    @Inject
    ExamResults examResults;

    @Inject
    AssessmentSettings settings;

    @Inject
    RequestOrigin origin;

    @Context
    HttpServletRequest http;

    @Context
    SecurityContext security;

    /** How far the bank covers a blueprint ({@code ?level=&jobType=}, neither for the basic course) and what it lacks. */
    @GET
    @Path("coverage")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Blueprints.Coverage coverage(
            @QueryParam("level") String level,
            @QueryParam("jobType") String jobType,
            @QueryParam("pointsSingleChoice") Integer single,
            @QueryParam("pointsMultipleChoice") Integer multiple,
            @QueryParam("pointsTrueFalse") Integer trueFalse) {
        PaperDrawer.Points d = settings.defaultPoints();
        PaperDrawer.Points points = new PaperDrawer.Points(
                single == null ? d.singleChoice() : Math.max(1, single),
                multiple == null ? d.multipleChoice() : Math.max(1, multiple),
                trueFalse == null ? d.trueFalse() : Math.max(1, trueFalse));
        return blueprints.coverage(
                Params.optional(Level.class, "level", level),
                Params.optional(JobType.class, "jobType", jobType),
                points);
    }

    @GET
    @Path("classes/{classId}/exams")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public List<Exams.ExamView> exams(@PathParam("classId") long classId) {
        return exams.ofClass(classId, Caller.of(security));
    }

    @POST
    @Path("classes/{classId}/exams")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response createExam(@PathParam("classId") long classId, Exams.NewExam exam) {
        return Response.status(201)
                .entity(exams.create(classId, exam, Caller.of(security), origin.addressOf(http)))
                .build();
    }

    @GET
    @Path("exams/{id}")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public Exams.ExamView exam(@PathParam("id") long id) {
        return exams.get(id, Caller.of(security));
    }

    /** Starts the learner's attempt, or returns the open one with the answers saved so far. */
    @POST
    @Path("exams/{id}/attempts")
    @Allow(Role.LEARNER)
    public Attempts.AttemptView start(@PathParam("id") long id) {
        return attempts.start(id, Caller.of(security));
    }

    @POST
    @Path("exams/{id}/grants")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Exams.ExamView grant(@PathParam("id") long id, Exams.Grant grant) {
        return exams.grant(id, grant, Caller.of(security), origin.addressOf(http));
    }

    @POST
    @Path("exams/{id}/release-answers")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Exams.ExamView releaseAnswers(@PathParam("id") long id) {
        return exams.releaseAnswers(id, Caller.of(security), origin.addressOf(http));
    }

    @GET
    @Path("exams/{id}/results")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public List<ExamResults.ResultRow> results(@PathParam("id") long id) {
        return examResults.results(id, Caller.of(security));
    }

    @GET
    @Path("exams/{id}/export")
    @Produces({Exports.CSV, Exports.XLSX})
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response exportResults(
            @PathParam("id") long id,
            @QueryParam("format") @DefaultValue("csv") String format,
            @BeanParam Reader reader) {
        return Exports.download(
                List.of(examResults.export(id, Caller.of(security))),
                Exports.format(format),
                "exam-" + id + "-results",
                reader.language());
    }

    @GET
    @Path("attempts/{id}")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public Attempts.AttemptView attempt(@PathParam("id") long id) {
        return attempts.attempt(id, Caller.of(security));
    }

    /** The exam materials of the learner's own open attempt: published assessment resources of the units on its paper (409 once over). */
    @GET
    @Path("attempts/{id}/materials")
    @Allow(Role.LEARNER)
    public List<ResourceView> materials(@PathParam("id") long id) {
        return attempts.materials(id, Caller.of(security));
    }

    /** A short-lived grant to one of them, while the attempt is open. */
    @GET
    @Path("attempts/{id}/materials/{resourceId}")
    @Allow(Role.LEARNER)
    public ResourcePacks.AccessTicket material(@PathParam("id") long id, @PathParam("resourceId") long resourceId) {
        return attempts.material(id, resourceId, Caller.of(security));
    }

    @PUT
    @Path("attempts/{id}/answers/{position}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.LEARNER)
    public Attempts.ItemView answer(
            @PathParam("id") long id, @PathParam("position") int position, Attempts.Answer answer) {
        return attempts.answer(id, position, answer, Caller.of(security));
    }

    @POST
    @Path("attempts/{id}/submit")
    @Allow(Role.LEARNER)
    public Attempts.AttemptView submit(@PathParam("id") long id) {
        return attempts.submit(id, Caller.of(security));
    }
}
