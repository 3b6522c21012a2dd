package cn.imtp.platform.security;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The authenticated user of a request, as the verified token says. */
public record Caller(long accountId, String username, Role role, int tokenVersion) implements Principal {

    /**
     * The caller {@link BearerAuthentication} put on the request's security context: what every resource asks with
     * {@code @Context SecurityContext}. Null on a {@link Public} operation called without a token.
     */
    public static Caller of(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    @Override
    public String getName() {
        return username;
    }
}
