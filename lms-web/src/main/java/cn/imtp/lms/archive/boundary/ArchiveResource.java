package cn.imtp.lms.archive.boundary;

import cn.imtp.lms.archive.control.ArchivePdf;
import cn.imtp.lms.archive.control.LearningArchive;
import cn.imtp.lms.documents.Document;
import cn.imtp.lms.documents.Exports;
import cn.imtp.lms.documents.Reader;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Language;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Learning archives (学习档案): one learner's in a class, and the class's as CSV/XLSX. */
@Path("archive")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveResource {

    @Inject
    LearningArchive archives;

    @Context
    SecurityContext security;

    @GET
    @Path("classes/{classId}/learners/{learnerId}")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public LearningArchive.Archive archive(@PathParam("classId") long classId, @PathParam("learnerId") long learnerId) {
        return archives.of(classId, learnerId, Caller.of(security));
    }

    /**
     * The same archive as a PDF for the institution's files, in the reader's language: Chinese unless {@code lang=en} or
     * the pages' {@code Accept-Language} asks for English.
     */
    @GET
    @Path("classes/{classId}/learners/{learnerId}/pdf")
    @Produces("application/pdf")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public Response pdf(
            @PathParam("classId") long classId, @PathParam("learnerId") long learnerId, @BeanParam Reader reader) {
        Language language = reader.language();
        LearningArchive.Archive a = archives.of(classId, learnerId, Caller.of(security));
        String name = (language == Language.ZH ? "学习档案-" : "archive-")
                + a.learner().username() + "-class-" + classId + ".pdf";
        return Exports.document(new Document(name, "application/pdf", ArchivePdf.render(a, language), null));
    }

    @GET
    @Path("classes/{classId}/export")
    @Produces({Exports.CSV, Exports.XLSX})
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response export(
            @PathParam("classId") long classId,
            @QueryParam("format") @DefaultValue("csv") String format,
            @BeanParam Reader reader) {
        return Exports.download(
                List.of(archives.export(classId, Caller.of(security))),
                Exports.format(format),
                "archives-class-" + classId,
                reader.language());
    }
}
