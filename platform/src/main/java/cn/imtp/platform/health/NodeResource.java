package cn.imtp.platform.health;

import cn.imtp.platform.security.Public;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code GET /api/node} (lms-web) and {@code /media/api/node} (media-service): whether this node's WAR is deployed and
 * reaches the database, 200 or 503 — what the load balancer checks before sending a node requests. Object storage and
 * ffmpeg are left out on purpose: every node shares them, so their outage would take all nodes out of the balancer at
 * once although sign-in, heartbeats and exams do not need them; the calls that do need them answer 503 problem
 * documents of their own. {@code /health/ready} still reports every check, for monitoring.
 */
@Path("node")
@Public
@RequestScoped
public class NodeResource {

    @Inject
    @Readiness
    DatabaseReadiness database;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        HealthCheckResponse.Status status = database.call().getStatus();
        return Response.status(status == HealthCheckResponse.Status.UP ? 200 : 503)
                .entity(Map.of("status", status.name()))
                .build();
    }
}
