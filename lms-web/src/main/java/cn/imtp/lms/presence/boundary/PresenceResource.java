package cn.imtp.lms.presence.boundary;

import cn.imtp.lms.application.Bodies;
import cn.imtp.lms.identity.boundary.RequestOrigin;
import cn.imtp.lms.presence.control.ConsentText;
import cn.imtp.lms.presence.control.PhotoImport;
import cn.imtp.lms.presence.control.Presence;
import cn.imtp.lms.presence.control.PresenceReviews;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Presence checks (face): a learner's consent, reference photo and the checks of their lessons; the reviews of checks
 * that withheld credit, by the class's teachers and administrators; other verifications, by administrators.
 */
@Path("presence")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PresenceResource {

    /** The largest photo or frame set accepted (a phone camera's JPEG at 1280 × 960 is about 200 KB). */
    static final int MAX_PHOTO_BYTES = 1 << 20;

    static final int MAX_ZIP_BYTES = 64 << 20;

    public record Consent(String version) {}

    /** A check's answer: 2–5 frames from the camera, about a second apart, each a base64 JPEG (a {@code data:} URL is fine). */
    public record Answer(List<String> frames) {}

    @Inject
    Presence presence;

    @Inject
    PresenceReviews reviews;

    @Inject
    PhotoImport photos;

    @Inject
    RequestOrigin origin;

    @Context
    HttpServletRequest http;

    @Context
    SecurityContext security;

    private String address() {
        return origin.addressOf(http);
    }

    /** The consent text now in force, in Chinese and English, with its version. */
    @GET
    @Path("consent-text")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public ConsentText consentText() {
        return ConsentText.CURRENT;
    }

    @GET
    @Path("me")
    @Allow(Role.LEARNER)
    public Presence.Standing me() {
        return presence.standing(Caller.of(security));
    }

    @POST
    @Path("me/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.LEARNER)
    public Presence.Standing consent(Consent c) {
        return presence.consent(Caller.of(security), c == null ? null : c.version(), address());
    }

    @DELETE
    @Path("me/consent")
    @Allow(Role.LEARNER)
    public Presence.Standing withdraw() {
        return presence.withdraw(Caller.of(security), address());
    }

    /** The learner's own reference photo, taken with the camera. */
    @PUT
    @Path("me/photo")
    @Consumes({"image/jpeg", "image/png", "image/webp"})
    @Allow(Role.LEARNER)
    public Presence.Standing enrol(InputStream body, @HeaderParam("Content-Type") String type) throws IOException {
        return presence.enrol(
                Caller.of(security).accountId(),
                Bodies.bytes(body, MAX_PHOTO_BYTES, "photo"),
                type,
                Caller.of(security),
                address());
    }

    /** A learner's reference photo imported by an administrator (the learner's consent is still needed). */
    @PUT
    @Path("learners/{learnerId}/photo")
    @Consumes({"image/jpeg", "image/png", "image/webp"})
    @Allow(Role.ADMINISTRATOR)
    public Presence.Standing importPhoto(
            @PathParam("learnerId") long learnerId, InputStream body, @HeaderParam("Content-Type") String type)
            throws IOException {
        return presence.enrol(
                learnerId, Bodies.bytes(body, MAX_PHOTO_BYTES, "photo"), type, Caller.of(security), address());
    }

    /**
     * Reference photos imported in bulk (administrators): a ZIP of {@code <user name>.jpg} files, at most 64 MB; a report
     * line per file (each learner's consent is still needed).
     */
    @POST
    @Path("photos")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Allow(Role.ADMINISTRATOR)
    public List<PhotoImport.Line> importPhotos(InputStream body) throws IOException {
        return photos.importZip(Bodies.bytes(body, MAX_ZIP_BYTES, "ZIP of photos"), Caller.of(security), address());
    }

    /** The check due now in this playback session (200), or nothing due (204). */
    @GET
    @Path("sessions/{sessionId}/check")
    @Allow(Role.LEARNER)
    public Response due(@PathParam("sessionId") String sessionId) {
        Presence.CheckTicket t = presence.due(sessionId, Caller.of(security));
        return t == null ? Response.noContent().build() : Response.ok(t).build();
    }

    @POST
    @Path("checks/{checkId}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.LEARNER)
    public Presence.Answered answer(@PathParam("checkId") String checkId, Answer a) {
        return presence.answer(checkId, a == null ? null : a.frames(), Caller.of(security));
    }

    /** The class's checks that withheld credit and await review ({@code all=true}: every decided check). */
    @GET
    @Path("classes/{classId}/checks")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public List<PresenceReviews.CheckView> checks(
            @PathParam("classId") long classId, @QueryParam("all") @DefaultValue("false") boolean all) {
        return reviews.list(classId, all, Caller.of(security));
    }

    @POST
    @Path("checks/{checkId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public PresenceReviews.CheckView review(@PathParam("checkId") String checkId, PresenceReviews.Decision d) {
        return reviews.decide(checkId, d, Caller.of(security), address());
    }

    @GET
    @Path("checks/{checkId}/photos/reference")
    @Produces("image/jpeg")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response reference(@PathParam("checkId") String checkId) {
        return image(reviews.photo(checkId, null, Caller.of(security)));
    }

    @GET
    @Path("checks/{checkId}/photos/{frame: [0-4]}")
    @Produces("image/jpeg")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response frame(@PathParam("checkId") String checkId, @PathParam("frame") int frame) {
        return image(reviews.photo(checkId, frame, Caller.of(security)));
    }

    @PUT
    @Path("classes/{classId}/learners/{learnerId}/waiver")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMINISTRATOR)
    public Response waive(
            @PathParam("classId") long classId, @PathParam("learnerId") long learnerId, PresenceReviews.Waiver w) {
        reviews.waive(classId, learnerId, w, Caller.of(security), address());
        return Response.noContent().build();
    }

    @DELETE
    @Path("classes/{classId}/learners/{learnerId}/waiver")
    @Allow(Role.ADMINISTRATOR)
    public Response unwaive(@PathParam("classId") long classId, @PathParam("learnerId") long learnerId) {
        reviews.unwaive(classId, learnerId, Caller.of(security), address());
        return Response.noContent().build();
    }

    private static Response image(byte[] bytes) {
        return Response.ok(bytes).header("Cache-Control", "no-store").build();
    }
}
