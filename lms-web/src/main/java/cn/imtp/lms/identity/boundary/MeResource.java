package cn.imtp.lms.identity.boundary;

import cn.imtp.lms.identity.control.AccountView;
import cn.imtp.lms.identity.control.Accounts;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Allow;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** The signed-in account itself. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Allow({Role.LEARNER, Role.TEACHER, Role.ADMINISTRATOR})
public class MeResource {

    public record PasswordChange(String currentPassword, String newPassword) {}

    @Inject
    Accounts accounts;

    @Context
    SecurityContext security;

    @GET
    public AccountView me() {
        return accounts.view(Caller.of(security).accountId());
    }

    /** Changes the caller's password; every token issued before stops working. */
    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public void changePassword(PasswordChange change) {
        if (change == null) {
            throw PlatformException.invalid(
                    new Words("请发送当前密码和新密码。", "Send {\"currentPassword\", \"newPassword\"}."), List.of());
        }
        accounts.changeOwnPassword(Caller.of(security), change.currentPassword(), change.newPassword());
    }
}
