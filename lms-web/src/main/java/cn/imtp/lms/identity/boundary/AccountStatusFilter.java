package cn.imtp.lms.identity.boundary;

import cn.imtp.lms.identity.control.AccountGuard;
import cn.imtp.platform.security.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * After the signature check: refuses tokens of disabled accounts and revoked tokens, and keeps an
 * account that must change its password away from everything but viewing itself and changing it.
 * An endpoint marked {@link AdmissionDeferred} does this itself.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class AccountStatusFilter implements ContainerRequestFilter {

    private static final Set<String> ALLOWED_BEFORE_PASSWORD_CHANGE = Set.of("me", "me/password");

    @Inject
    AccountGuard guard;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (request.getSecurityContext().getUserPrincipal() instanceof Caller caller
                && (method == null || !method.isAnnotationPresent(AdmissionDeferred.class))) {
            guard.admit(
                    caller,
                    ALLOWED_BEFORE_PASSWORD_CHANGE.contains(request.getUriInfo().getPath()));
        }
    }
}
