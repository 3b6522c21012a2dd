package cn.imtp.media.transcoding.boundary;

import cn.imtp.media.access.Grants;
import cn.imtp.media.transcoding.control.AssetStatus;
import cn.imtp.media.transcoding.control.AssetView;
import cn.imtp.media.transcoding.control.JobQueue;
import cn.imtp.media.transcoding.control.StatusStreams;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.MediaGrant;
import cn.imtp.platform.security.Public;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.UUID;

/** An asset's processing status, live as Server-Sent Events, and a teacher's retry of a failed job. */
@Path("assets/{assetId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Public
public class AssetsResource {

    @Inject
    AssetStatus status;

    @Inject
    JobQueue queue;

    @Inject
    Grants grants;

    @Inject
    StatusStreams streams;

    @PathParam("assetId")
    UUID assetId;

    @QueryParam("grant")
    String grant;

    @GET
    public AssetView get() {
        grants.require(grant, assetId, MediaGrant.Scope.VIEW);
        return status.of(assetId);
    }

    /**
     * Sends the asset's status as an {@code asset} event whenever it changes (progress, segments, state), and ends the
     * stream once the asset's state is final ({@link StatusStreams}: no thread held, closed clients noticed, at most
     * {@value StatusStreams#MAX_PER_HOLDER} streams per grant holder and node).
     */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        MediaGrant g = grants.require(grant, assetId, MediaGrant.Scope.VIEW);
        streams.open(assetId, g.accountId(), sink, sse);
    }

    /** Puts a failed transcoding job back in the queue (the uploader's grant is needed). */
    @POST
    @Path("retry")
    public Response retry() {
        grants.require(grant, assetId, MediaGrant.Scope.UPLOAD);
        if (!queue.retryFailed(assetId)) {
            String state = queue.forAsset(assetId).map(j -> j.state().name()).orElse(null);
            throw PlatformException.conflict(new Words(
                    "只有转码失败的任务才能重试；" + (state == null ? "这个文件没有转码任务。" : "这个任务的状态是 " + state + "。"),
                    "Only a failed transcoding job can be retried; this one is "
                            + (state == null ? "not queued" : state) + "."));
        }
        status.markProcessing(assetId);
        return Response.accepted(status.of(assetId)).build();
    }
}
