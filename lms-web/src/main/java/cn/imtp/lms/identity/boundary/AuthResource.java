package cn.imtp.lms.identity.boundary;

import cn.imtp.lms.identity.control.Accounts;
import cn.imtp.lms.identity.control.SignIn;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Public;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;

@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Public
public class AuthResource {

    public record Credentials(String username, String password) {}

    @Inject
    SignIn signIn;

    @Inject
    Accounts accounts;

    @Context
    SecurityContext security;

    @Inject
    RequestOrigin origin;

    @Context
    HttpServletRequest http;

    /** Signs in: a token for the Authorization header, its expiry, and who signed in. */
    @POST
    @Path("login")
    public SignIn.SignedIn login(Credentials credentials) {
        List<FieldError> missing = new ArrayList<>();
        if (credentials == null
                || credentials.username() == null
                || credentials.username().isBlank()) {
            missing.add(new FieldError("username", new Words("必填", "is required")));
        }
        if (credentials == null
                || credentials.password() == null
                || credentials.password().isEmpty()) {
            missing.add(new FieldError("password", new Words("必填", "is required")));
        }
        if (!missing.isEmpty()) {
            throw PlatformException.invalid(new Words("请发送用户名和密码。", "Send {\"username\", \"password\"}."), missing);
        }
        return signIn.signIn(credentials.username().trim(), credentials.password(), origin.addressOf(http));
    }

    /**
     * Signs out: every token of the account stops working at once on every node (204), and the account's
     * playback and live sessions end, so that nothing sent after this moment earns credit.
     */
    @POST
    @Path("logout")
    @Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
    public Response logout() {
        accounts.signOut((Caller) security.getUserPrincipal(), origin.addressOf(http));
        return Response.noContent().build();
    }
}
