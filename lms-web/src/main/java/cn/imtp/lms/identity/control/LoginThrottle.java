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
import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Slows password guessing down without letting a stranger lock an owner out. Failed sign-ins are counted in
 * MariaDB (every node sees the same counts) under three keys:
 * <ul>
 * <li>the account from one client address: a few failures slow that pair down (the owner mistyping, or one
 *     guesser);</li>
 * <li>the client address, whatever the accounts: one address spraying many accounts is slowed down;</li>
 * <li>the account from everywhere: many failures slow the account down, but only at addresses it has never
 *     signed in from (a botnet guessing from many addresses); at an address where the owner signed in before,
 *     the failures of others count for nothing.</li>
 * </ul>
 * Each block doubles with every further failure up to a ceiling ({@link ThrottlePolicy}), and a blocked attempt
 * is not checked at all, so guessing stays slow whichever way it comes. Each call runs in its own transaction:
 * a failure is recorded even though the sign-in that caused it is refused.
 */
@ApplicationScoped
public class LoginThrottle {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    private ThrottlePolicy perPair;
    private ThrottlePolicy perAccount;
    private ThrottlePolicy perAddress;
    private Duration knownFor;

    @PostConstruct
    void read() {
        Config c = ConfigProvider.getConfig();
        Duration window = Duration.ofMinutes(c.getValue("lms.auth.failure-window-minutes", Integer.class));
        Duration first = Duration.ofSeconds(c.getValue("lms.auth.first-block-seconds", Integer.class));
        Duration max = Duration.ofMinutes(c.getValue("lms.auth.max-block-minutes", Integer.class));
        perPair = new ThrottlePolicy(
                c.getValue("lms.auth.account-address-failure-limit", Integer.class), window, first, max);
        perAccount =
                new ThrottlePolicy(c.getValue("lms.auth.account-failure-limit", Integer.class), window, first, max);
        perAddress =
                new ThrottlePolicy(c.getValue("lms.auth.address-failure-limit", Integer.class), window, first, max);
        knownFor = Duration.ofDays(c.getValue("lms.auth.known-address-days", Integer.class));
    }

    /** How much longer sign-in stays blocked for this account (null: any) at this address; zero when it is not. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Duration blockedFor(String username, String address, Instant now) {
        if (username == null) {
            return remaining(addressKey(address), now);
        }
        Duration blocked = longer(remaining(pairKey(username, address), now), remaining(addressKey(address), now));
        return known(username, address, now) ? blocked : longer(blocked, remaining(accountKey(username), now));
    }

    /** A failed sign-in of {@code username} (which may not exist) from {@code address}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String username, String address, Instant now) {
        if (username != null) {
            count(pairKey(username, address), perPair, now);
            count(accountKey(username), perAccount, now);
        }
        count(addressKey(address), perAddress, now);
    }

    /**
     * A successful sign-in forgives the failures of this account at this address and makes the address one of the
     * account's own. The account's count from elsewhere stays: the owner signing in does not give a guesser new tries.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSuccess(String username, String address, Instant now) {
        em.createNativeQuery("DELETE FROM login_failure WHERE counter_key = ?1")
                .setParameter(1, pairKey(username, address))
                .executeUpdate();
        em.createNativeQuery("INSERT INTO login_known_address (username, address, last_success_at) VALUES (?1, ?2, ?3)"
                        + " ON DUPLICATE KEY UPDATE last_success_at = VALUES(last_success_at)")
                .setParameter(1, normal(username))
                .setParameter(2, address)
                .setParameter(3, Timestamp.from(now))
                .executeUpdate();
    }

    private boolean known(String username, String address, Instant now) {
        return !em.createNativeQuery(
                        "SELECT 1 FROM login_known_address WHERE username = ?1 AND address = ?2 AND last_success_at > ?3")
                .setParameter(1, normal(username))
                .setParameter(2, address)
                .setParameter(3, Timestamp.from(now.minus(knownFor)))
                .getResultList()
                .isEmpty();
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private Duration remaining(String key, Instant now) {
        @SuppressWarnings("unchecked")
        List<Timestamp> rows = em.createNativeQuery("SELECT blocked_until FROM login_failure WHERE counter_key = ?1")
                .setParameter(1, key)
                .getResultList();
        if (rows.isEmpty() || rows.get(0) == null || !rows.get(0).toInstant().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, rows.get(0).toInstant());
    }

    private void count(String key, ThrottlePolicy policy, Instant now) {
        Timestamp at = Timestamp.from(now);
        em.createNativeQuery(
                        "INSERT IGNORE INTO login_failure (counter_key, failures, first_failure_at) VALUES (?1, 0, ?2)")
                .setParameter(1, key)
                .setParameter(2, at)
                .executeUpdate();
        // A count older than the window starts again (MariaDB assigns left to right: failures sees the old
        // first_failure_at).
        em.createNativeQuery("UPDATE login_failure SET failures = IF(first_failure_at < ?1, 1, failures + 1),"
                        + " first_failure_at = IF(first_failure_at < ?1, ?2, first_failure_at) WHERE counter_key = ?3")
                .setParameter(1, Timestamp.from(now.minus(policy.window())))
                .setParameter(2, at)
                .setParameter(3, key)
                .executeUpdate();
        int failures = ((Number) em.createNativeQuery("SELECT failures FROM login_failure WHERE counter_key = ?1")
                        .setParameter(1, key)
                        .getSingleResult())
                .intValue();
        Duration block = policy.blockAfter(failures);
        em.createNativeQuery("UPDATE login_failure SET blocked_until = ?1 WHERE counter_key = ?2")
                .setParameter(1, block.isZero() ? null : Timestamp.from(now.plus(block)))
                .setParameter(2, key)
                .executeUpdate();
    }

    /** User names are matched without regard to case (as sign-in finds the account). */
    private static String normal(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static String pairKey(String username, String address) {
        return "pair:" + normal(username) + "|" + address;
    }

    private static String accountKey(String username) {
        return "account:" + normal(username);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
