package cn.imtp.platform.security;

import java.security.Principal;

/** The authenticated user of a request, as the verified token says. */
public record Caller(long accountId, String username, Role role, int tokenVersion) implements Principal {

    @Override
    public String getName() {
        return username;
    }
}
