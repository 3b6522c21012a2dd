package cn.imtp.lms.practical.boundary;

import cn.imtp.lms.documents.Exports;
import cn.imtp.lms.documents.Reader;
import cn.imtp.lms.identity.boundary.RequestOrigin;
import cn.imtp.lms.practical.control.Grading;
import cn.imtp.lms.practical.control.HandIns;
import cn.imtp.lms.practical.control.PracticalResults;
import cn.imtp.lms.practical.control.Practicals;
import cn.imtp.lms.practical.control.Work;
import cn.imtp.lms.resourcepack.control.MediaTickets;
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
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Practical exams (操作技能考核): set up from the class plan's practical blueprint, tasks with rubrics, learners'
 * work (text, documents for hands-on tasks) and teachers' grades.
 */
@Path("assessment/practicals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PracticalResource {

    @Inject
    Practicals practicals;

    @Inject
    HandIns handIns;

    @Inject
    Grading grading;

    @Inject
    PracticalResults results;

    @Inject
    RequestOrigin origin;

    @Context
    HttpServletRequest http;

    @Context
    SecurityContext security;

    /** The practical exams of a class ({@code ?classId=}), newest first. */
    @GET
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public List<Practicals.PracticalView> ofClass(@QueryParam("classId") long classId) {
        return practicals.ofClass(classId, Caller.of(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response create(@QueryParam("classId") long classId, Practicals.NewPractical n) {
        return Response.status(201)
                .entity(practicals.create(classId, n, Caller.of(security), origin.addressOf(http)))
                .build();
    }

    @GET
    @Path("{id}")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public Practicals.PracticalView get(@PathParam("id") long id) {
        return practicals.get(id, Caller.of(security));
    }

    /** A task's instructions and rubric, until its first grade. */
    @PUT
    @Path("{id}/tasks/{taskId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Practicals.TaskView editTask(
            @PathParam("id") long id, @PathParam("taskId") long taskId, Practicals.TaskEdit edit) {
        return practicals.editTask(id, taskId, edit, Caller.of(security), origin.addressOf(http));
    }

    /** The learner's text answer to a task. */
    @PUT
    @Path("{id}/tasks/{taskId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.LEARNER)
    public Work answer(@PathParam("id") long id, @PathParam("taskId") long taskId, HandIns.Answer answer) {
        return handIns.answer(id, taskId, answer, Caller.of(security));
    }

    /** The learner's document for a hands-on task: the file's bytes as the body, {@code ?name=} its file name. */
    @PUT
    @Path("{id}/tasks/{taskId}/document")
    @Consumes(MediaType.WILDCARD)
    @Allow(Role.LEARNER)
    public Work attach(
            @PathParam("id") long id,
            @PathParam("taskId") long taskId,
            @QueryParam("name") String name,
            InputStream body)
            throws IOException {
        // One byte more than allowed is enough to know a file is too large: a huge upload is never held whole.
        byte[] content = body == null ? new byte[0] : body.readNBytes(handIns.fileMaxBytes() + 1);
        return handIns.attach(id, taskId, name, content, Caller.of(security));
    }

    /** Starts the learner's recorded video for a hands-on task: {@code {"fileName","size"}}; answers the ticket to upload it to media-service. */
    @POST
    @Path("{id}/tasks/{taskId}/recording")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.LEARNER)
    public Response record(@PathParam("id") long id, @PathParam("taskId") long taskId, HandIns.NewRecording recording) {
        return Response.status(201)
                .entity(handIns.record(id, taskId, recording, Caller.of(security)))
                .build();
    }

    /** A fresh grant to resume the upload of the recording the learner started on the task (after a reload or an expired grant). */
    @POST
    @Path("{id}/tasks/{taskId}/recording/upload-grant")
    @Allow(Role.LEARNER)
    public MediaTickets.Upload recordingGrant(@PathParam("id") long id, @PathParam("taskId") long taskId) {
        return handIns.recordingGrant(id, taskId, Caller.of(security));
    }

    /** A learner's recording to watch (learners: their own): its HLS playlist, poster and processing, with a grant for the caller. */
    @GET
    @Path("{id}/tasks/{taskId}/work/{learnerId}/recording")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public MediaTickets.View recording(
            @PathParam("id") long id, @PathParam("taskId") long taskId, @PathParam("learnerId") long learnerId) {
        return handIns.recording(id, taskId, learnerId, Caller.of(security));
    }

    /** A learner's handed-in document (learners: their own). */
    @GET
    @Path("{id}/tasks/{taskId}/work/{learnerId}/document")
    @Produces(MediaType.WILDCARD)
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public Response document(
            @PathParam("id") long id, @PathParam("taskId") long taskId, @PathParam("learnerId") long learnerId) {
        return Exports.document(handIns.document(id, taskId, learnerId, Caller.of(security)));
    }

    /** Grades a learner's work on a task by its rubric: {@code {"points": [one per criterion], "comment"}}. */
    @PUT
    @Path("{id}/tasks/{taskId}/work/{learnerId}/grade")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Work grade(
            @PathParam("id") long id,
            @PathParam("taskId") long taskId,
            @PathParam("learnerId") long learnerId,
            Grading.Grade grade) {
        return grading.grade(id, taskId, learnerId, grade, Caller.of(security), origin.addressOf(http));
    }

    @GET
    @Path("{id}/results")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public List<PracticalResults.LearnerRow> results(@PathParam("id") long id) {
        return results.results(id, Caller.of(security));
    }

    @GET
    @Path("{id}/export")
    @Produces({Exports.CSV, Exports.XLSX})
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response export(
            @PathParam("id") long id,
            @QueryParam("format") @DefaultValue("csv") String format,
            @BeanParam Reader reader) {
        return Exports.download(
                List.of(results.export(id, Caller.of(security))),
                Exports.format(format),
                "practical-" + id + "-results",
                reader.language());
    }
}
