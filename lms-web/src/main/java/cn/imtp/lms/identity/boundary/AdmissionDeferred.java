package cn.imtp.lms.identity.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method that checks its caller's account itself, for many requests at once, before it acts
 * on any of them (with {@code AccountGuard.standings} and {@code AccountGuard.check}): {@link AccountStatusFilter}
 * then leaves its per-request read out. The method must also check the account ({@code AccountGuard.admit})
 * before it answers with any other refusal, so that a revoked token hears so first, as everywhere else.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AdmissionDeferred {}
