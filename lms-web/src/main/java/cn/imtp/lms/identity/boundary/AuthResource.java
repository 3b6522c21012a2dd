package cn.imtp.lms.identity.boundary;

import cn.imtp.lms.identity.control.SignIn;
import cn.imtp.platform.security.Public;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import java.util.ArrayList;
import java.util.List;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Public
public class AuthResource {

    public record Credentials(String username, String password) {
    }

    @Inject
    SignIn signIn;

    @Inject
    RequestOrigin origin;

    @Context
    HttpServletRequest http;

    /** Signs in: a token for the Authorization header, its expiry, and who signed in. */
    @POST
    @Path("login")
    public SignIn.SignedIn login(Credentials credentials) {
        List<FieldError> missing = new ArrayList<>();
        if (credentials == null || credentials.username() == null || credentials.username().isBlank()) {
            missing.add(new FieldError("username", "is required"));
        }
        if (credentials == null || credentials.password() == null || credentials.password().isEmpty()) {
            missing.add(new FieldError("password", "is required"));
        }
        if (!missing.isEmpty()) {
            throw PlatformException.invalid("Send {\"username\", \"password\"}.", missing);
        }
        return signIn.signIn(credentials.username().trim(), credentials.password(), origin.addressOf(http));
    }
}
