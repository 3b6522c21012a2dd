package cn.imtp.lms.certificate.boundary;

import cn.imtp.lms.certificate.control.CertificatePdf;
import cn.imtp.lms.certificate.control.Certificates;
import cn.imtp.lms.documents.Document;
import cn.imtp.lms.documents.Exports;
import cn.imtp.lms.documents.Reader;
import cn.imtp.lms.identity.boundary.RequestOrigin;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Language;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Completion certificates (结业证明) of a learner in a class: issue, list, the PDF, revocation. */
@Path("certificates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CertificatesResource {

    @Inject
    Certificates certificates;

    @Inject
    RequestOrigin origin;

    @Inject
    @ConfigProperty(name = "lms.institution.name")
    String institution;

    /** The platform's address as people reach it (printed on certificates); unset: the address this request came to. */
    @Inject
    @ConfigProperty(name = "lms.public-url")
    Optional<String> publicUrl;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @GET
    @Path("classes/{classId}/learners/{learnerId}")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public List<Certificates.View> list(@PathParam("classId") long classId, @PathParam("learnerId") long learnerId) {
        return certificates.of(classId, learnerId, Caller.of(security));
    }

    /**
     * Issues the certificate once every requirement is met and the class's records verify (201), or answers the valid one
     * already issued (200); 409 says what is missing. The body is optional: an administrator's {@code recordsChecked}.
     */
    @POST
    @Path("classes/{classId}/learners/{learnerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public Response issue(
            @PathParam("classId") long classId,
            @PathParam("learnerId") long learnerId,
            Certificates.IssueRequest request) {
        Certificates.Issued issued =
                certificates.issue(classId, learnerId, request, Caller.of(security), origin.addressOf(http));
        return Response.status(issued.created() ? 201 : 200)
                .entity(issued.certificate())
                .build();
    }

    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public Response pdf(@PathParam("id") long id, @BeanParam Reader reader) {
        Language language = reader.language();
        Certificates.View c = certificates.get(id, Caller.of(security));
        String base = publicUrl
                .filter(u -> !u.isBlank())
                .orElse(uri.getBaseUri().resolve("/").toString());
        String verifyUrl = base.replaceAll("/+$", "") + "/verify/?code=" + c.code();
        String name = (language == Language.ZH ? "结业证明-" : "certificate-") + c.number() + ".pdf";
        return Exports.document(new Document(
                name, "application/pdf", CertificatePdf.render(c, institution, verifyUrl, language), null));
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMINISTRATOR)
    public Certificates.View revoke(@PathParam("id") long id, Certificates.Revocation revocation) {
        return certificates.revoke(id, revocation, Caller.of(security), origin.addressOf(http));
    }
}
