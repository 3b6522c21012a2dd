package cn.imtp.media.asset.boundary;

import cn.imtp.media.asset.control.AssetStatus;
import cn.imtp.media.asset.control.AssetView;
import cn.imtp.media.platform.control.Grants;
import cn.imtp.media.transcoding.control.JobQueue;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.MediaGrant;
import cn.imtp.platform.security.Public;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Logger;

/** An asset's processing status, live as Server-Sent Events, and a teacher's retry of a failed job. */
@Path("assets/{assetId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Public
public class AssetsResource {

    private static final Logger LOG = Logger.getLogger(AssetsResource.class.getName());
    /** How often the event stream looks for a change; it reads the database, so it sees every node's work. */
    private static final long POLL_MS = 1000;
    private static final long MAX_STREAM_MS = 4 * 60 * 60 * 1000L;

    @Inject
    AssetStatus status;

    @Inject
    JobQueue queue;

    @Inject
    Grants grants;

    @Resource
    ManagedExecutorService executor;

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
     * Sends the asset's status as an {@code asset} event whenever it changes (progress, segments,
     * state), and ends the stream once the asset is READY, FAILED or REJECTED.
     */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        grants.require(grant, assetId, MediaGrant.Scope.VIEW);
        AssetView first = status.of(assetId);
        executor.execute(() -> {
            try (sink) {
                AssetView last = null;
                AssetView now = first;
                long end = System.currentTimeMillis() + MAX_STREAM_MS;
                while (!sink.isClosed() && System.currentTimeMillis() < end) {
                    if (!Objects.equals(now, last)) {
                        sink.send(sse.newEventBuilder().name("asset").mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(AssetView.class, now).build()).toCompletableFuture().join();
                        last = now;
                    }
                    if (now.state().isFinal()) {
                        return;
                    }
                    Thread.sleep(POLL_MS);
                    now = status.of(assetId);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.fine(() -> "Event stream of " + assetId + " ended: " + e);
            }
        });
    }

    /** Puts a failed transcoding job back in the queue (the uploader's grant is needed). */
    @POST
    @Path("retry")
    public Response retry() {
        grants.require(grant, assetId, MediaGrant.Scope.UPLOAD);
        if (!queue.retryFailed(assetId)) {
            throw PlatformException.conflict("Only a failed transcoding job can be retried; this one is "
                    + queue.forAsset(assetId).map(j -> j.state().name()).orElse("not queued") + ".");
        }
        status.markProcessing(assetId);
        return Response.accepted(status.of(assetId)).build();
    }
}
