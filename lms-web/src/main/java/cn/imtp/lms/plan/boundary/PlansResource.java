package cn.imtp.lms.plan.boundary;

import cn.imtp.lms.plan.control.PlanDraft;
import cn.imtp.lms.plan.control.PlanView;
import cn.imtp.lms.plan.control.Plans;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** The course supermarket: teachers and administrators compose training plans. */
@Path("plans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allow({Role.TEACHER, Role.ADMINISTRATOR})
public class PlansResource {

    @Inject
    Plans plans;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /** Checks a draft against the package's rules without saving it. */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    public PlanView check(PlanDraft draft) {
        return plans.check(draft);
    }

    /** Saves a plan; its assessment says whether a certificate class may use it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PlanDraft draft) {
        PlanView created = plans.create(draft, security.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @GET
    public PlanView.Page list(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        PlatformException.checkPage(page, size);
        return plans.list(page, size);
    }

    @GET
    @Path("{id}")
    public PlanView get(@PathParam("id") long id) {
        return plans.get(id);
    }
}
