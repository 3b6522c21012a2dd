package cn.imtp.platform.security;

import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Instant;

/** Makes the caller of a request with a valid bearer token its principal; an invalid token is a 401. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    private static final String PREFIX = "Bearer ";

    @Inject
    TokenSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return;
        }
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new PlatformException(
                    401,
                    "invalid-token",
                    "Invalid token",
                    new Words(
                            "令牌格式无效，请以 'Authorization: Bearer <token>' 发送。",
                            "Send the token as 'Authorization: Bearer <token>'."));
        }
        Caller caller = Jwt.callerOf(Jwt.verify(
                header.substring(PREFIX.length()).trim(), settings.publicKey(), settings.issuer(), Instant.now()));
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.role().name().equals(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }
}
