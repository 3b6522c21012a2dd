package cn.imtp.lms.cohort.boundary;

import cn.imtp.lms.cohort.control.LearnerQualifications;
import cn.imtp.lms.cohort.control.Requests;
import cn.imtp.lms.cohort.entity.LearnerQualification;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.List;

/**
 * What entitles a learner to a plan above level 5: certificates (recorded by administrators) and
 * teachers' approvals with their reasons. A teacher reads and approves only the learners of the classes taught.
 */
@Path("learners/{accountId}/qualifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allow({Role.TEACHER, Role.ADMINISTRATOR})
public class LearnersResource {

    public record QualificationView(
            long id, String kind, String level, LocalDate dated, String reference, String reason, String recordedBy) {
        static QualificationView of(LearnerQualification q) {
            return new QualificationView(
                    q.id(), q.kind().name(), q.level().name(), q.dated(), q.reference(), q.reason(), q.recordedBy());
        }
    }

    @Inject
    LearnerQualifications learnerQualifications;

    @Context
    SecurityContext security;

    @GET
    public List<QualificationView> list(@PathParam("accountId") long accountId) {
        return learnerQualifications.qualifications(accountId, (Caller) security.getUserPrincipal()).stream()
                .map(QualificationView::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public QualificationView add(@PathParam("accountId") long accountId, Requests.NewQualification q) {
        return QualificationView.of(
                learnerQualifications.addQualification(accountId, q, (Caller) security.getUserPrincipal()));
    }
}
