package cn.imtp.media.vision.boundary;

import cn.imtp.media.access.Grants;
import cn.imtp.media.vision.control.RecordingMeasures;
import cn.imtp.platform.security.MediaGrant;
import cn.imtp.platform.security.Public;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** A recording's objective measures for whoever may view it (the grader's view grant): see {@link RecordingMeasures}. */
@Path("assets/{assetId}/measures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Public
public class MeasuresResource {

    @Inject
    RecordingMeasures measures;

    @Inject
    Grants grants;

    @GET
    public RecordingMeasures.Measures get(@PathParam("assetId") UUID assetId, @QueryParam("grant") String grant) {
        grants.require(grant, assetId, MediaGrant.Scope.VIEW);
        return measures.of(assetId);
    }
}
