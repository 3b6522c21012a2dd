package cn.imtp.media.vision.boundary;

import cn.imtp.media.access.Grants;
import cn.imtp.media.vision.control.Faces;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.MediaGrant;
import cn.imtp.platform.security.Public;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One person's face data for presence checks, called by lms-web alone, with a face grant it signs for the person's
 * face subject (no browser holds one): enrol the reference photo, verify a check's frames, read the photos for a
 * reviewer, forget them. The images never leave this service except to lms-web.
 */
@Path("faces/{subject}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Public
public class FacesResource {

    /** A check's frames, each a JPEG, PNG or WebP image in base64 (a {@code data:} URL is taken too). */
    public record CheckRequest(List<String> frames, Boolean keepFailed) {}

    @Inject
    Faces faces;

    @Inject
    Grants grants;

    @PathParam("subject")
    UUID subject;

    @QueryParam("grant")
    String grant;

    private void allowed() {
        grants.require(grant, subject, MediaGrant.Scope.FACE);
    }

    @PUT
    @Path("reference")
    @Consumes({"image/jpeg", "image/png", "image/webp", MediaType.APPLICATION_OCTET_STREAM})
    public Faces.Enrolled enrol(byte[] photo) {
        allowed();
        return faces.enrol(subject, photo);
    }

    @POST
    @Path("checks/{check}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Faces.Checked verify(@PathParam("check") UUID check, CheckRequest request) {
        allowed();
        List<byte[]> frames = new ArrayList<>();
        List<String> sent = request == null || request.frames() == null ? List.of() : request.frames();
        for (int i = 0; i < sent.size(); i++) {
            String s = sent.get(i) == null ? "" : sent.get(i);
            int comma = s.startsWith("data:") ? s.indexOf(',') : -1;
            try {
                frames.add(Base64.getDecoder().decode(s.substring(comma + 1)));
            } catch (IllegalArgumentException e) {
                throw PlatformException.invalid(
                        new Words("画面不是 base64 编码的图片。", "A frame is not a base64-encoded image."),
                        List.of(new FieldError("frames[" + i + "]", new Words("不是 base64 编码", "not base64"))));
            }
        }
        return faces.verify(subject, check, frames, request != null && Boolean.TRUE.equals(request.keepFailed()));
    }

    @GET
    @Path("reference")
    @Produces("image/jpeg")
    public Response reference() {
        allowed();
        return image(faces.photo(subject, null, 0));
    }

    @GET
    @Path("checks/{check}/{frame: [0-9]}")
    @Produces("image/jpeg")
    public Response frame(@PathParam("check") UUID check, @PathParam("frame") int frame) {
        allowed();
        return image(faces.photo(subject, check, frame));
    }

    /** Forgets every photo of the person (consent withdrawn, retention over). */
    @DELETE
    public Map<String, Integer> forget() {
        allowed();
        return Map.of("removed", faces.forget(subject));
    }

    @DELETE
    @Path("checks/{check}")
    public Map<String, Integer> forgetCheck(@PathParam("check") UUID check) {
        allowed();
        return Map.of("removed", faces.forgetCheck(subject, check));
    }

    private static Response image(byte[] bytes) {
        // The bytes are whatever image was sent (JPEG from the pages); browsers sniff PNG and WebP alike.
        return Response.ok(bytes).header("Cache-Control", "no-store").build();
    }
}
