package cn.imtp.lms.identity.boundary;

import cn.imtp.lms.identity.control.AccountGuard;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * After the signature check: refuses tokens of disabled accounts and revoked tokens, and keeps an
 * account that must change its password away from everything but viewing itself and changing it.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class AccountStatusFilter implements ContainerRequestFilter {

    private static final Set<String> ALLOWED_BEFORE_PASSWORD_CHANGE = Set.of("me", "me/password");

    @Inject
    AccountGuard guard;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof Caller caller) {
            boolean mustChange = guard.admit(caller);
            if (mustChange && !ALLOWED_BEFORE_PASSWORD_CHANGE.contains(request.getUriInfo().getPath())) {
                throw new PlatformException(403, "password-change-required", "Password change required",
                        "Change your temporary password first (POST /api/me/password). 请先修改临时密码。");
            }
        }
    }
}
