package cn.imtp.lms.identity.control;

import cn.imtp.lms.identity.entity.Account;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Password sign-in with the slow-down for repeated failures. A refusal never says which field was wrong. */
@ApplicationScoped
public class SignIn {

    public record SignedIn(String token, Instant expiresAt, AccountView account) {}

    @Inject
    Accounts accounts;

    @Inject
    LoginThrottle throttle;

    @Inject
    TokenIssuer tokens;

    public SignedIn signIn(String username, String password, String address) {
        Instant now = Instant.now();
        // No account has such a name or password: refused before any hashing, counted against the address only.
        boolean impossible = username.length() > Accounts.MAX_USERNAME || password.length() > PasswordHasher.MAX_LENGTH;
        Duration blocked = throttle.blockedFor(impossible ? null : username, address, now);
        if (!blocked.isZero()) {
            long seconds = Math.max(1, blocked.toSeconds());
            throw PlatformException.tooManyRequests(
                    new Words(
                            "登录失败次数过多，请 " + seconds + " 秒后再试。",
                            "Too many failed sign-ins; try again in " + seconds + " s."),
                    seconds);
        }
        if (impossible) {
            throttle.recordFailure(null, address, now);
            throw PlatformException.invalid(
                    new Words(
                            "用户名最多 " + Accounts.MAX_USERNAME + " 个字符，密码最多 " + PasswordHasher.MAX_LENGTH + " 个字符。",
                            "A user name has at most " + Accounts.MAX_USERNAME + " characters and a password at most "
                                    + PasswordHasher.MAX_LENGTH + "."),
                    List.of(new FieldError(
                            username.length() > Accounts.MAX_USERNAME ? "username" : "password",
                            new Words("过长", "too long"))));
        }
        Optional<Account> found = accounts.byUsername(username);
        boolean valid;
        if (found.isPresent()) {
            valid = PasswordHasher.matches(password, found.get().passwordHash());
        } else {
            PasswordHasher.spendTimeOfOneCheck(password);
            valid = false;
        }
        if (!valid) {
            throttle.recordFailure(username, address, now);
            throw new PlatformException(
                    401,
                    "invalid-credentials",
                    "Sign-in failed",
                    new Words("用户名或密码错误。", "The username or password is wrong."));
        }
        Account account = found.get();
        if (account.disabled()) {
            throw new PlatformException(
                    403,
                    "account-disabled",
                    "Account disabled",
                    new Words("该账号已停用，请联系管理员。", "This account is disabled; ask an administrator."));
        }
        throttle.recordSuccess(username, address, now);
        TokenIssuer.Issued issued = tokens.issue(account, now);
        return new SignedIn(issued.token(), issued.expiresAt(), AccountView.of(account));
    }
}
