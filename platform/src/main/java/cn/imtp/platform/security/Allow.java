package cn.imtp.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a resource method (or every method of a resource class). Our own
 * annotation, not {@code @RolesAllowed}: Payara enforces that one on CDI beans with the servlet
 * container's principal, which knows nothing of bearer tokens, and answers a Basic-auth HTML page.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allow {
    Role[] value();
}
