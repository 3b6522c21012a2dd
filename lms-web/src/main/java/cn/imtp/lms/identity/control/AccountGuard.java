package cn.imtp.lms.identity.control;

import cn.imtp.lms.identity.entity.Account;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * What a valid signature cannot tell: whether the account still exists, is enabled, and has not
 * revoked the token (its token version moved on with a password reset or a disable). Read from the
 * database on every request, so a revocation holds on every node at once.
 */
@ApplicationScoped
public class AccountGuard {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    /** @return whether the account must change its password before doing anything else */
    @Transactional
    public boolean admit(Caller caller) {
        Account a = em.find(Account.class, caller.accountId());
        if (a == null || a.disabled() || a.tokenVersion() != caller.tokenVersion() || a.role() != caller.role()) {
            throw new PlatformException(401, "token-revoked", "Token no longer valid",
                    "This token was revoked (account disabled, password reset or role changed); sign in again.");
        }
        return a.mustChangePassword();
    }
}
