package cn.imtp.media.streaming.boundary;

import cn.imtp.media.access.Grants;
import cn.imtp.media.asset.control.Assets;
import cn.imtp.media.asset.control.Captions;
import cn.imtp.media.streaming.control.Playback;
import cn.imtp.media.streaming.control.Variant;
import cn.imtp.platform.security.MediaGrant;
import cn.imtp.platform.security.Public;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.UUID;

/** Per-viewer HLS playlists, poster and file downloads of one asset, for the holder of its grant. */
@Path("play/{assetId}")
@RequestScoped
@Public
public class PlaybackResource {

    static final String HLS = "application/vnd.apple.mpegurl";

    @Inject
    Playback playback;

    @Inject
    Grants grants;

    @Inject
    Captions captions;

    @PathParam("assetId")
    UUID assetId;

    @QueryParam("grant")
    String grant;

    @GET
    @Path("master.m3u8")
    @Produces(HLS)
    public Response master() {
        grants.require(grant, assetId, MediaGrant.Scope.VIEW);
        return personal(Response.ok(playback.master(assetId, grant)));
    }

    @GET
    @Path("{rendition: [0-9a-z]+(-[0-9]+)?}.m3u8")
    @Produces(HLS)
    public Response variant(
            @PathParam("rendition") String rendition, @HeaderParam("Accept-Encoding") String acceptEncoding) {
        long t0 = System.nanoTime();
        grants.require(grant, assetId, MediaGrant.Scope.VIEW);
        long t1 = System.nanoTime();
        // A long lecture's playlist is 650 KB of URLs: gzipped once per slot for every browser (they all accept it).
        boolean gzip = Variant.acceptsGzip(acceptEncoding);
        Variant v = playback.variant(assetId, rendition, gzip);
        byte[] gzipped = gzip ? playback.gzipped(v) : null;
        long t2 = System.nanoTime();
        // Plain, the parts as written one after the other (never copied into one humongous array); gzipped, one array
        // of a fifth of the size.
        StreamingOutput body = gzipped != null ? out -> out.write(gzipped) : v::writeTo;
        Response.ResponseBuilder r = Response.ok(body)
                .header("Content-Length", gzipped != null ? gzipped.length : v.length())
                .header("Vary", "Accept-Encoding");
        if (gzip) {
            r.header("Content-Encoding", "gzip");
        }
        // Where a request's time went (W3C Server Timing; shown in browsers' developer tools and read by
        // ops/bench/playlists): the grant's check, and finding, writing or gzipping the playlist; when this request
        // wrote it, the parts of that too.
        String written = v.writingSince(t1);
        return personal(r.header(
                "Server-Timing",
                "grant;dur=" + Playback.millis(t1 - t0) + ", playlist;dur=" + Playback.millis(t2 - t1)
                        + (written.isEmpty() ? "" : ", " + written)));
    }

    @GET
    @Path("captions/{language}.m3u8")
    @Produces(HLS)
    public Response captions(@PathParam("language") String language) {
        MediaGrant g = grants.require(grant, assetId, MediaGrant.Scope.VIEW);
        return personal(Response.ok(playback.captionPlaylist(assetId, language, g)));
    }

    /** Adds or replaces a WebVTT caption track (the uploader's grant); {@code name} is what players show. */
    @PUT
    @Path("captions/{language}")
    @Consumes({"text/vtt", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Assets.Caption putCaptions(
            @PathParam("language") String language, @QueryParam("name") String name, byte[] body) {
        grants.require(grant, assetId, MediaGrant.Scope.UPLOAD);
        return captions.put(assetId, language, name, body);
    }

    /** Deletes a caption track (the uploader's grant): 204, or 404 when the video has none in that language. */
    @DELETE
    @Path("captions/{language}")
    public Response deleteCaptions(@PathParam("language") String language) {
        grants.require(grant, assetId, MediaGrant.Scope.UPLOAD);
        captions.delete(assetId, language);
        return Response.noContent().build();
    }

    @GET
    @Path("poster")
    public Response poster() {
        MediaGrant g = grants.require(grant, assetId, MediaGrant.Scope.VIEW);
        return personal(Response.seeOther(URI.create(playback.posterUrl(assetId, g))));
    }

    @GET
    @Path("file")
    public Response file() {
        MediaGrant g = grants.require(grant, assetId, MediaGrant.Scope.VIEW);
        return personal(Response.seeOther(URI.create(playback.fileUrl(assetId, g))));
    }

    /**
     * Every answer here is for the holder of a grant, which is in its URL: no shared cache may keep it. (The segments the
     * variant playlists list are the cacheable part: their URLs are the same for every viewer of a signing slot.)
     */
    private static Response personal(Response.ResponseBuilder r) {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        cc.setPrivate(true);
        return r.cacheControl(cc).build();
    }
}
