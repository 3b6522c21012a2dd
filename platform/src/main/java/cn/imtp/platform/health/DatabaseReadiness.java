package cn.imtp.platform.health;

import cn.imtp.platform.schema.SchemaStartup;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the WAR's database answers. Each WAR defines {@link SchemaStartup#DATA_SOURCE}. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = SchemaStartup.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "lms.schema.name")
    String schemaName;

    /**
     * Created at deployment, not on the first health request: Payara runs readiness checks on its
     * own threads, where the WAR's configuration is not visible.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        call();
    }

    @Override
    public HealthCheckResponse call() {
        String name = "database-" + schemaName;
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(2);
            return HealthCheckResponse.named(name).status(valid).build();
        } catch (SQLException e) {
            // Anyone may ask: the answer names no server, version or address; the log has the reason.
            Logger.getLogger(DatabaseReadiness.class.getName()).warning(() -> name + " is not ready: " + e);
            return HealthCheckResponse.named(name).down().build();
        }
    }
}
