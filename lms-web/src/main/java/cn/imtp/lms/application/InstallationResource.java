package cn.imtp.lms.application;

import cn.imtp.platform.security.Public;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

@Path("platform")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Public
public class InstallationResource {

    public record InstallationInfo(String installationId, Instant installedAt, String schemaVersion) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    /** Who this installation is: stable across restarts, shared by every node of one database. */
    @GET
    public InstallationInfo installation() {
        Installation i = em.find(Installation.class, Installation.SINGLETON_ID);
        String schemaVersion = (String) em.createNativeQuery(
                        "SELECT version FROM flyway_history_lms WHERE success = 1 ORDER BY installed_rank DESC LIMIT 1")
                .getSingleResult();
        return new InstallationInfo(i.installationId(), i.installedAt(), schemaVersion);
    }
}
