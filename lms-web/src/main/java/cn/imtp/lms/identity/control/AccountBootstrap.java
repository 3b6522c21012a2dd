package cn.imtp.lms.identity.control;

import cn.imtp.lms.identity.entity.Account;
import cn.imtp.lms.identity.entity.IdDocumentType;
import cn.imtp.platform.security.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * At start-up, after the schema: creates the first administrator from configuration
 * ({@code lms.admin.user}, {@code lms.admin.password}; a generated password is logged once), and,
 * when {@code lms.demo-data} is true, the demo accounts of {@code demo/accounts.json} from the
 * resources module. Idempotent: existing usernames are left alone, so restarts and several nodes
 * starting together change nothing.
 */
@Startup
@Singleton
@DependsOn("SchemaStartup")
public class AccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class.getName());

    public record DemoAccount(
            String username, Role role, String fullName, IdDocumentType idType, String idNumber, String phone) {}

    public record DemoAccounts(String password, List<DemoAccount> accounts) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @PostConstruct
    void bootstrap() {
        Config config = ConfigProvider.getConfig();
        String admin = config.getValue("lms.admin.user", String.class);
        if (absent(admin)) {
            Optional<String> configured =
                    config.getOptionalValue("lms.admin.password", String.class).filter(p -> !p.isBlank());
            String password = configured.orElseGet(PasswordHasher::temporaryPassword);
            em.persist(new Account(admin, Role.ADMINISTRATOR, "系统管理员", PasswordHasher.hash(password), false));
            if (configured.isEmpty()) {
                LOG.warning("Created the first administrator '" + admin + "' with the generated password " + password
                        + " (shown only this once; set LMS_ADMIN_PASSWORD to choose it).");
            } else {
                LOG.info(() -> "Created the first administrator '" + admin + "' with the configured password.");
            }
        }
        if (config.getValue("lms.demo-data", Boolean.class)) {
            importDemoAccounts();
        }
    }

    private void importDemoAccounts() {
        DemoAccounts demo;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("demo/accounts.json");
                Jsonb jsonb = JsonbBuilder.create()) {
            demo = jsonb.fromJson(in, DemoAccounts.class);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read demo/accounts.json from the resources module", e);
        }
        int created = 0;
        for (DemoAccount d : demo.accounts()) {
            if (absent(d.username())) {
                Account a =
                        new Account(d.username(), d.role(), d.fullName(), PasswordHasher.hash(demo.password()), false);
                a.identify(d.idType(), d.idNumber(), d.phone());
                em.persist(a);
                created++;
            }
        }
        int n = created;
        LOG.info(() -> "Demo accounts: " + n + " created, " + (demo.accounts().size() - n) + " already present.");
    }

    private boolean absent(String username) {
        return em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", username)
                .getResultList()
                .isEmpty();
    }
}
