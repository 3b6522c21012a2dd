package cn.imtp.lms.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Counts failed sign-ins per account and per client address in MariaDB, so that every node sees
 * the same counts. Each call runs in its own transaction: a failure is recorded even though the
 * sign-in that caused it is refused.
 */
@ApplicationScoped
public class LoginThrottle {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    private ThrottlePolicy perAccount;
    private ThrottlePolicy perAddress;

    @PostConstruct
    void read() {
        Config c = ConfigProvider.getConfig();
        Duration window = Duration.ofMinutes(c.getValue("lms.auth.failure-window-minutes", Integer.class));
        Duration first = Duration.ofSeconds(c.getValue("lms.auth.first-block-seconds", Integer.class));
        Duration max = Duration.ofMinutes(c.getValue("lms.auth.max-block-minutes", Integer.class));
        perAccount = new ThrottlePolicy(c.getValue("lms.auth.account-failure-limit", Integer.class), window, first, max);
        perAddress = new ThrottlePolicy(c.getValue("lms.auth.address-failure-limit", Integer.class), window, first, max);
    }

    /** How much longer sign-in stays blocked for this account or address; zero when it is not. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Duration blockedFor(String username, String address, Instant now) {
        Duration a = remaining(accountKey(username), now);
        Duration b = remaining(addressKey(address), now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String username, String address, Instant now) {
        count(accountKey(username), perAccount, now);
        count(addressKey(address), perAddress, now);
    }

    /** A successful sign-in forgives the account's failures; the address keeps its count. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSuccess(String username) {
        em.createNativeQuery("DELETE FROM login_failure WHERE counter_key = ?1").setParameter(1, accountKey(username)).executeUpdate();
    }

    private Duration remaining(String key, Instant now) {
        @SuppressWarnings("unchecked")
        List<Timestamp> rows = em.createNativeQuery("SELECT blocked_until FROM login_failure WHERE counter_key = ?1")
                .setParameter(1, key).getResultList();
        if (rows.isEmpty() || rows.get(0) == null || !rows.get(0).toInstant().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, rows.get(0).toInstant());
    }

    private void count(String key, ThrottlePolicy policy, Instant now) {
        em.createNativeQuery("INSERT IGNORE INTO login_failure (counter_key, failures, first_failure_at) VALUES (?1, 0, ?2)")
                .setParameter(1, key).setParameter(2, Timestamp.from(now)).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT failures, first_failure_at FROM login_failure WHERE counter_key = ?1 FOR UPDATE")
                .setParameter(1, key).getSingleResult();
        int failures = ((Number) row[0]).intValue();
        Instant first = ((Timestamp) row[1]).toInstant();
        if (first.plus(policy.window()).isBefore(now)) {
            failures = 0;
            first = now;
        }
        failures++;
        Duration block = policy.blockAfter(failures);
        em.createNativeQuery("UPDATE login_failure SET failures = ?1, first_failure_at = ?2, blocked_until = ?3 WHERE counter_key = ?4")
                .setParameter(1, failures).setParameter(2, Timestamp.from(first))
                .setParameter(3, block.isZero() ? null : Timestamp.from(now.plus(block)))
                .setParameter(4, key).executeUpdate();
    }

    private static String accountKey(String username) {
        return "account:" + username.toLowerCase();
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
