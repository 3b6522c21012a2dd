package cn.imtp.lms.identity.boundary;

import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.identity.entity.AuditEntry;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The audit log of personal-data access and account administration, newest first. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allow(Role.ADMINISTRATOR)
public class AuditResource {

    public record Entry(
            long id,
            Instant at,
            Long actorId,
            String actor,
            String action,
            Long subjectId,
            String detail,
            String clientAddress) {
        static Entry of(AuditEntry e) {
            return new Entry(
                    e.id(), e.at(), e.actorId(), e.actor(), e.action(), e.subjectId(), e.detail(), e.clientAddress());
        }
    }

    public record Page(List<Entry> items, int page, int size, long total) {}

    @Inject
    AuditLog audit;

    @GET
    public Page page(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        PlatformException.checkPage(page, size);
        return new Page(audit.page(page, size).stream().map(Entry::of).toList(), page, size, audit.count());
    }
}
