package cn.imtp.lms.cohort.boundary;

import cn.imtp.lms.cohort.control.Requests;
import cn.imtp.lms.cohort.control.TeacherCredentials;
import cn.imtp.lms.cohort.entity.TeacherCredential;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;

/** Teachers' certificates and professional titles, which the qualification rules read. */
@Path("teachers/{accountId}/credentials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allow(Role.ADMINISTRATOR)
public class TeachersResource {

    public record CredentialView(
            long id, String kind, String level, String titleGrade, LocalDate issuedOn, String reference) {
        static CredentialView of(TeacherCredential t) {
            return new CredentialView(
                    t.id(),
                    t.kind().name(),
                    t.level() == null ? null : t.level().name(),
                    t.titleGrade() == null ? null : t.titleGrade().name(),
                    t.issuedOn(),
                    t.reference());
        }
    }

    @Inject
    TeacherCredentials teacherCredentials;

    @GET
    public List<CredentialView> list(@PathParam("accountId") long accountId) {
        return teacherCredentials.credentials(accountId).stream()
                .map(CredentialView::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public CredentialView add(@PathParam("accountId") long accountId, Requests.NewCredential credential) {
        return CredentialView.of(teacherCredentials.addCredential(accountId, credential));
    }
}
