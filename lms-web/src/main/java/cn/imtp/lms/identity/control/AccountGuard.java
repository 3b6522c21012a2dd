package cn.imtp.lms.identity.control;

import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.schema.SchemaStartup;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.text.Words;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What a valid signature cannot tell: whether the account still exists, is enabled, and has not
 * revoked the token (its token version moved on with a password reset or a disable). Read from the
 * database for every request, so a revocation holds on every node at once: one primary-key read in
 * autocommit, no transaction and no persistence context, since every request pays for it. An endpoint
 * marked {@code @AdmissionDeferred} reads it instead for many requests at once, in the transaction that
 * stores what they sent ({@link #standings}), before acting on any of them.
 */
@ApplicationScoped
public class AccountGuard {

    private static final String COLUMNS = "id, role, disabled, token_version, must_change_password";

    /** An account as the guard reads it. */
    public record Standing(String role, boolean disabled, int tokenVersion, boolean mustChangePassword) {

        static Standing read(ResultSet r) throws SQLException {
            return new Standing(
                    r.getString("role"),
                    r.getBoolean("disabled"),
                    r.getInt("token_version"),
                    r.getBoolean("must_change_password"));
        }
    }

    @Resource(lookup = SchemaStartup.DATA_SOURCE)
    DataSource db;

    /**
     * Refuses the caller's request unless the account admits it ({@link #check}).
     *
     * @param changingPassword whether the request only views the account or changes its password, which an
     *                         account that must change its password may still do
     */
    public void admit(Caller caller, boolean changingPassword) {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM account WHERE id = ?")) {
            st.setLong(1, caller.accountId());
            try (ResultSet r = st.executeQuery()) {
                check(caller, r.next() ? Standing.read(r) : null, changingPassword);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read account " + caller.accountId(), e);
        }
    }

    /**
     * The query that reads these accounts' standings into {@code into} (by account id), for {@link Bulk#selectTogether};
     * a plain read that locks nothing. Each caller is then {@link #check checked} against its own.
     */
    public Bulk.Query standings(List<Long> accountIds, Map<Long, Standing> into) {
        return new Bulk.Query(
                "SELECT " + COLUMNS + " FROM account WHERE id IN " + Bulk.marks(accountIds.size()),
                accountIds,
                r -> into.put(r.getLong("id"), Standing.read(r)));
    }

    /**
     * 401 for a token whose account is gone or disabled, or whose token version or role moved on since it was
     * signed; 403 for an account that must change its password first, unless {@code changingPassword}.
     *
     * @param standing the account as read now, or null if there is none
     */
    public static void check(Caller caller, Standing standing, boolean changingPassword) {
        if (standing == null
                || standing.disabled()
                || standing.tokenVersion() != caller.tokenVersion()
                || !caller.role().name().equals(standing.role())) {
            throw new PlatformException(
                    401,
                    "token-revoked",
                    "Token no longer valid",
                    new Words(
                            "登录已失效（账号被停用、密码被重置或角色变更），请重新登录。",
                            "This token was revoked (account disabled, password reset or role changed); sign in again."));
        }
        if (standing.mustChangePassword() && !changingPassword) {
            throw new PlatformException(
                    403,
                    "password-change-required",
                    "Password change required",
                    new Words("请先修改临时密码。", "Change your temporary password first (POST /api/me/password)."));
        }
    }
}
