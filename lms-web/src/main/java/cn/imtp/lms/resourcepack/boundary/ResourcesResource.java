package cn.imtp.lms.resourcepack.boundary;

import cn.imtp.lms.identity.boundary.RequestOrigin;
import cn.imtp.lms.resourcepack.control.ResourceDraft;
import cn.imtp.lms.resourcepack.control.ResourcePacks;
import cn.imtp.lms.resourcepack.control.ResourceView;
import cn.imtp.lms.resourcepack.entity.ResourceCategory;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Resource packs: teachers add resources and upload versions; everyone gets grants for what they may see. */
@Path("resources")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
public class ResourcesResource {

    @Inject
    ResourcePacks packs;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Inject
    RequestOrigin origin;

    @Context
    HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response create(ResourceDraft draft) {
        ResourceView created = packs.create(draft, Caller.of(security));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    /** The resources the caller may see, newest first; learners see published ones only; {@code classId}: those reaching one class. */
    @GET
    public ResourceView.Page list(
            @QueryParam("unitId") Long unitId,
            @QueryParam("category") ResourceCategory category,
            @QueryParam("classId") Long classId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        PlatformException.checkPage(page, size);
        return packs.list(Caller.of(security), unitId, category, classId, page, size);
    }

    /**
     * One class's four resource packs (教学资源, 学习资源, 考核资源, 信息资源) as the caller may see them: a class the
     * caller teaches or learns in, any for an administrator (otherwise 404); the first {@code size} of each pack.
     */
    @GET
    @Path("packs")
    public ResourcePacks.ClassPacks packs(
            @QueryParam("classId") Long classId, @QueryParam("size") @DefaultValue("20") int size) {
        if (classId == null) {
            throw PlatformException.invalid(
                    new Words("请指明要查看哪个班级的资源包（班级编号）。", "Name the class: ?classId=<id>."),
                    List.of(new FieldError("classId", new Words("必填", "required"))));
        }
        PlatformException.checkPage(0, size);
        return packs.packs(Caller.of(security), classId, size);
    }

    /** Shows an assessment resource to its class's learners, or hides it (teachers of its class, administrators). */
    @PUT
    @Path("{id}/learner-visibility")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public ResourceView showToLearners(@PathParam("id") long id, ResourcePacks.LearnerVisibility request) {
        return packs.showToLearners(id, request, Caller.of(security), origin.addressOf(http));
    }

    /** Shares the resource with other classes, or with every class whose plan has its unit (administrators). */
    @PUT
    @Path("{id}/sharing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMINISTRATOR)
    public ResourceView share(@PathParam("id") long id, ResourcePacks.Sharing sharing) {
        return packs.share(id, sharing, Caller.of(security));
    }

    @GET
    @Path("{id}")
    public ResourceView get(@PathParam("id") long id) {
        return packs.get(id, Caller.of(security));
    }

    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response newVersion(@PathParam("id") long id, ResourcePacks.NewVersion request) {
        return Response.status(201)
                .entity(packs.newVersion(id, request, Caller.of(security)))
                .build();
    }

    @POST
    @Path("{id}/versions/{number}/upload-grant")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public ResourcePacks.UploadTicket uploadGrant(@PathParam("id") long id, @PathParam("number") int number) {
        return packs.uploadGrant(id, number, Caller.of(security));
    }

    @POST
    @Path("{id}/versions/{number}/publish")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public ResourceView publish(@PathParam("id") long id, @PathParam("number") int number) {
        return packs.publish(id, number, Caller.of(security));
    }

    /** Deletes the resource and all its versions (its files are removed; attendance already credited on it stays). */
    @DELETE
    @Path("{id}")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public Response delete(@PathParam("id") long id) {
        packs.delete(id, Caller.of(security), origin.addressOf(http));
        return Response.noContent().build();
    }

    /** Deletes one version, or cancels its upload or transcoding; the published version is refused (409). */
    @DELETE
    @Path("{id}/versions/{number}")
    @Allow({Role.TEACHER, Role.ADMINISTRATOR})
    public ResourceView deleteVersion(@PathParam("id") long id, @PathParam("number") int number) {
        return packs.deleteVersion(id, number, Caller.of(security), origin.addressOf(http));
    }

    /** A grant and the addresses to play or download the published version (teachers: any version). */
    @GET
    @Path("{id}/access")
    public ResourcePacks.AccessTicket access(@PathParam("id") long id, @QueryParam("version") Integer version) {
        return packs.access(id, version, Caller.of(security));
    }
}
