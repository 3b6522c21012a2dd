package cn.imtp.lms.identity.control;

import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.schema.SchemaStartup;
import cn.imtp.platform.security.Caller;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What a valid signature cannot tell: whether the account still exists, is enabled, and has not
 * revoked the token (its token version moved on with a password reset or a disable). Read from the
 * database on every request, so a revocation holds on every node at once: one primary-key read in
 * autocommit, no transaction and no persistence context, since every request pays for it.
 */
@ApplicationScoped
public class AccountGuard {

    private static final String SQL = "SELECT role, disabled, token_version, must_change_password FROM account WHERE id = ?";

    @Resource(lookup = SchemaStartup.DATA_SOURCE)
    DataSource db;

    /** @return whether the account must change its password before doing anything else */
    public boolean admit(Caller caller) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(SQL)) {
            st.setLong(1, caller.accountId());
            try (ResultSet r = st.executeQuery()) {
                if (!r.next() || r.getBoolean("disabled") || r.getInt("token_version") != caller.tokenVersion()
                        || !caller.role().name().equals(r.getString("role"))) {
                    throw new PlatformException(401, "token-revoked", "Token no longer valid",
                            "This token was revoked (account disabled, password reset or role changed); sign in again.");
                }
                return r.getBoolean("must_change_password");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read account " + caller.accountId(), e);
        }
    }
}
