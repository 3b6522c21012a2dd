package cn.imtp.media.upload.boundary;

import cn.imtp.media.access.Grants;
import cn.imtp.media.asset.entity.AssetState;
import cn.imtp.media.upload.control.Uploads;
import cn.imtp.platform.security.MediaGrant;
import cn.imtp.platform.security.Public;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * Resumable uploads of one asset, authorised by lms-web's upload grant (no sign-in token needed here):
 * start (or resume), ask for part URLs, PUT the parts to storage, complete.
 */
@Path("uploads/{assetId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Public
public class UploadsResource {

    public record PartRequest(List<Integer> numbers) {}

    public record PartUrls(List<Uploads.PartUrl> parts) {}

    @Inject
    Uploads uploads;

    @Inject
    Grants grants;

    @PathParam("assetId")
    UUID assetId;

    @QueryParam("grant")
    String grant;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uploads.UploadStatus start(Uploads.NewUpload request) {
        return uploads.start(grants.require(grant, assetId, MediaGrant.Scope.UPLOAD), request);
    }

    /** What storage holds of this upload: the parts a resuming client can skip. */
    @GET
    public Uploads.UploadStatus status() {
        return uploads.status(grants.require(grant, assetId, MediaGrant.Scope.UPLOAD));
    }

    @POST
    @Path("parts")
    @Consumes(MediaType.APPLICATION_JSON)
    public PartUrls parts(PartRequest request) {
        return new PartUrls(uploads.partUrls(
                grants.require(grant, assetId, MediaGrant.Scope.UPLOAD), request == null ? null : request.numbers()));
    }

    @POST
    @Path("complete")
    public Response complete() {
        Uploads.UploadStatus status = uploads.complete(grants.require(grant, assetId, MediaGrant.Scope.UPLOAD));
        return Response.status(status.state() == AssetState.PROCESSING ? 202 : 200)
                .entity(status)
                .build();
    }
}
