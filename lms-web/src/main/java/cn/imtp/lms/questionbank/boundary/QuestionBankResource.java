package cn.imtp.lms.questionbank.boundary;

import cn.imtp.lms.application.Bodies;
import cn.imtp.lms.application.Params;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.documents.ExportTable;
import cn.imtp.lms.documents.Exports;
import cn.imtp.lms.documents.Reader;
import cn.imtp.lms.identity.boundary.RequestOrigin;
import cn.imtp.lms.questionbank.control.QuestionBank;
import cn.imtp.lms.questionbank.control.QuestionQti;
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
import jakarta.ws.rs.HeaderParam;
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
 * The question bank (teachers and administrators): questions written, edited, retired, imported and exported.
 * Learners never reach the bank; they see questions only inside their own attempt.
 */
@Path("assessment/questions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuestionBankResource {

    @Inject
    QuestionBank bank;

    @Inject
    RequestOrigin origin;

    @Context
    HttpServletRequest http;

    @Context
    SecurityContext security;

    /** The questions of a unit ({@code ?unit=}) or of a table ({@code ?level=&jobType=}, neither for the basic course), newest first. */
    @GET
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public QuestionBank.Page questions(
            @QueryParam("unit") Long unit,
            @QueryParam("level") String level,
            @QueryParam("jobType") String jobType,
            @QueryParam("retired") @DefaultValue("false") boolean retired,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return bank.list(
                unit,
                Params.optional(Level.class, "level", level),
                Params.optional(JobType.class, "jobType", jobType),
                retired,
                page,
                size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response create(QuestionBank.Draft draft) {
        return Response.status(201)
                .entity(bank.create(draft, Caller.of(security), origin.addressOf(http)))
                .build();
    }

    @GET
    @Path("{id}")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public QuestionBank.QuestionView question(@PathParam("id") long id) {
        return bank.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public QuestionBank.QuestionView update(@PathParam("id") long id, QuestionBank.Draft draft) {
        return bank.update(id, draft, Caller.of(security), origin.addressOf(http));
    }

    @POST
    @Path("{id}/retire")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public QuestionBank.QuestionView retire(@PathParam("id") long id) {
        return bank.retire(id, Caller.of(security), origin.addressOf(http));
    }

    /** A CSV file in the export's format (see {@code questions/template}); all lines or none. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response importCsv(InputStream body) throws IOException {
        return imported(bank.importCsv(Bodies.csv(body, "question CSV"), Caller.of(security), origin.addressOf(http)));
    }

    /**
     * The same questions as an Excel workbook (the XLSX template, filled in: its first sheet) or as a QTI 2.1
     * content package (a ZIP, as the export's {@code format=qti} makes it); at most 10 MB; all or none.
     */
    @POST
    @Path("import")
    @Consumes({Exports.XLSX, QuestionQti.MEDIA_TYPE})
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response importFile(@HeaderParam("Content-Type") String type, InputStream body) throws IOException {
        byte[] file = Bodies.bytes(body, MAX_FILE_BYTES, "question file");
        return imported(
                type != null && type.startsWith(QuestionQti.MEDIA_TYPE)
                        ? bank.importQti(file, Caller.of(security), origin.addressOf(http))
                        : bank.importXlsx(file, Caller.of(security), origin.addressOf(http)));
    }

    private static Response imported(List<QuestionBank.QuestionView> created) {
        return Response.status(201)
                .entity(new Imported(
                        created.size(),
                        created.stream().map(QuestionBank.QuestionView::id).toList()))
                .build();
    }

    /** The largest workbook or package a question import reads (413 beyond). */
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    public record Imported(int imported, List<Long> ids) {}

    /**
     * The live questions of a table ({@code ?level=&jobType=}, neither for the basic course; {@code ?all=true} for every
     * table) as CSV, XLSX or ({@code format=qti}) a QTI 2.1 content package.
     */
    @GET
    @Path("export")
    @Produces({Exports.CSV, Exports.XLSX, QuestionQti.MEDIA_TYPE})
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response export(
            @QueryParam("level") String level,
            @QueryParam("jobType") String jobType,
            @QueryParam("all") @DefaultValue("false") boolean all,
            @QueryParam("format") @DefaultValue("csv") String format,
            @BeanParam Reader reader) {
        ExportTable questions = bank.export(
                Params.optional(Level.class, "level", level), Params.optional(JobType.class, "jobType", jobType), all);
        if (Exports.named(format, "qti").equals("qti")) {
            return Response.ok(QuestionQti.write(questions.rows()), QuestionQti.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"question-bank-qti.zip\"")
                    .build();
        }
        return Exports.download(List.of(questions), Exports.format(format), "question-bank", reader.language());
    }

    /** The import format with one example of each question type. */
    @GET
    @Path("template")
    @Produces({Exports.CSV, Exports.XLSX})
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response template(@QueryParam("format") @DefaultValue("csv") String format, @BeanParam Reader reader) {
        return Exports.download(
                List.of(QuestionTemplate.table()), Exports.format(format), "question-bank-template", reader.language());
    }
}
