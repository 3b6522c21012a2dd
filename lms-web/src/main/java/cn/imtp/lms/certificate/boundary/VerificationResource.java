package cn.imtp.lms.certificate.boundary;

import cn.imtp.lms.certificate.control.Certificates;
import cn.imtp.platform.security.Public;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The anonymous check of a completion certificate by its verification code (the page {@code /verify/}): the number,
 * the masked name, class, level and job type, hours, dates and whether it is valid or revoked; nothing else about the
 * person. Codes are 80 random bits, so trying codes finds nothing.
 */
@Path("verify")
@Public
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    @Inject
    Certificates certificates;

    @GET
    @Path("{code}")
    public Certificates.Verification verify(@PathParam("code") String code) {
        return certificates.verify(code);
    }
}
