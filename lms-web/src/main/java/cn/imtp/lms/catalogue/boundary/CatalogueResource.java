package cn.imtp.lms.catalogue.boundary;

import cn.imtp.lms.application.Params;
import cn.imtp.lms.catalogue.control.Catalogue;
import cn.imtp.lms.catalogue.control.CatalogueViews;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The training package's catalogue, for every signed-in user. */
@Path("catalogue")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
public class CatalogueResource {

    @Inject
    Catalogue catalogue;

    /** The current edition: the hours allocation table and a summary of every table. */
    @GET
    public CatalogueViews.Summary summary() {
        return catalogue.summary();
    }

    @GET
    @Path("tables/basic")
    public CatalogueViews.Table basicCourse() {
        return catalogue.table(null, null);
    }

    /** One level's skill course for one job type, e.g. {@code tables/L5/LIVE_SELLER}. */
    @GET
    @Path("tables/{level}/{jobType}")
    public CatalogueViews.Table skillCourse(@PathParam("level") String level, @PathParam("jobType") String jobType) {
        return catalogue.table(
                Params.required(Level.class, "level", level), Params.required(JobType.class, "jobType", jobType));
    }

    /** The basic course's theory blueprint (section 2.3.1). */
    @GET
    @Path("tables/basic/blueprints")
    public CatalogueViews.Blueprints basicBlueprints() {
        return catalogue.blueprints(null, null);
    }

    /** A skill course's theory and practical blueprints of section 2.3. */
    @GET
    @Path("tables/{level}/{jobType}/blueprints")
    public CatalogueViews.Blueprints skillBlueprints(
            @PathParam("level") String level, @PathParam("jobType") String jobType) {
        return catalogue.blueprints(
                Params.required(Level.class, "level", level), Params.required(JobType.class, "jobType", jobType));
    }

    @GET
    @Path("units/{id}")
    public CatalogueViews.UnitDetail unit(@PathParam("id") long id) {
        return catalogue.unit(id);
    }

    /** The whole current edition as JSON. */
    @GET
    @Path("export")
    public CatalogueViews.Export export() {
        return catalogue.export();
    }

    /** Every place where the seed contradicts itself. */
    @GET
    @Path("integrity")
    public List<CatalogueViews.Discrepancy> integrity() {
        return catalogue.integrity();
    }
}
