package cn.imtp.lms.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import org.junit.jupiter.api.Test;

class AccountGuardTest {

    private static final Caller LEARNER = new Caller(7, "learner07", Role.LEARNER, 3);
    private static final AccountGuard.Standing CURRENT = new AccountGuard.Standing("LEARNER", false, 3, false);

    @Test
    void theAccountAsSignedInIsAdmitted() {
        AccountGuard.check(LEARNER, CURRENT, false);
    }

    @Test
    void aTokenOfAGoneDisabledRevokedOrRecastAccountIsRefused() {
        for (AccountGuard.Standing s : new AccountGuard.Standing[] {
            null,
            new AccountGuard.Standing("LEARNER", true, 3, false),
            new AccountGuard.Standing("LEARNER", false, 4, false),
            new AccountGuard.Standing("TEACHER", false, 3, false)
        }) {
            PlatformException refused = assertThrows(
                    PlatformException.class, () -> AccountGuard.check(LEARNER, s, true), String.valueOf(s));
            assertEquals(401, refused.status(), String.valueOf(s));
        }
    }

    @Test
    void anAccountThatMustChangeItsPasswordMayOnlyDoThat() {
        AccountGuard.Standing temporary = new AccountGuard.Standing("LEARNER", false, 3, true);
        AccountGuard.check(LEARNER, temporary, true);
        assertEquals(
                403,
                assertThrows(PlatformException.class, () -> AccountGuard.check(LEARNER, temporary, false))
                        .status());
    }
}
