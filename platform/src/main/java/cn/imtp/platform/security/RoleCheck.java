package cn.imtp.platform.security;

import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;

/**
 * Enforces the roles every resource method declares with {@link Allow} or {@link Public} (on the
 * method, or else on its class). A method that declares neither is denied to everyone, so an
 * endpoint is never open by omission.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        Allow allow = method.getAnnotation(Allow.class);
        boolean isPublic = method.isAnnotationPresent(Public.class);
        if (allow == null && !isPublic) {
            allow = type.getAnnotation(Allow.class);
            isPublic = allow == null && type.isAnnotationPresent(Public.class);
        }
        if (isPublic) {
            return;
        }
        Set<Role> roles = allow == null ? Set.of() : Set.copyOf(Arrays.asList(allow.value()));
        context.register(new Filter(roles));
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Filter implements ContainerRequestFilter {

        private final Set<Role> roles;

        Filter(Set<Role> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (!(request.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
                throw new PlatformException(
                        401,
                        "unauthenticated",
                        "Sign-in required",
                        new Words(
                                "请先登录，并以 'Authorization: Bearer <token>' 发送令牌。",
                                "Sign in first and send the token as 'Authorization: Bearer <token>'."));
            }
            if (!roles.contains(caller.role())) {
                throw new PlatformException(
                        403,
                        "forbidden",
                        "Forbidden",
                        new Words(
                                "您的角色（" + caller.role().words.zh() + "）无权执行此操作，需要以下角色之一："
                                        + String.join(
                                                "、",
                                                roles.stream()
                                                        .map(r -> r.words.zh())
                                                        .toList()) + "。",
                                "Your role (" + caller.role() + ") may not do this; it needs one of " + roles + "."));
            }
        }
    }
}
