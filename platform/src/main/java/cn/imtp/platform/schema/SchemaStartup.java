package cn.imtp.platform.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Defines the WAR's data source from configuration and migrates its schema before anything else
 * runs. Each WAR names its schema ({@code lms.schema.name}): its migrations live under
 * {@code db/migration/<name>} and its history in {@code flyway_history_<name>}, so the two WARs can
 * share one database and still be upgraded independently.
 */
// Local transactions, not XA: see MariaDbLocalDataSource.
@DataSourceDefinition(
        name = SchemaStartup.DATA_SOURCE,
        className = "cn.imtp.platform.schema.MariaDbLocalDataSource",
        url = "${MPCONFIG=lms.db.url}",
        user = "${MPCONFIG=lms.db.user}",
        password = "${MPCONFIG=lms.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        // After a database outage the pooled connections are dead: each is checked (Connection.isValid, a round trip,
        // at most every 2 s) before it is handed out, and one that fails makes the pool drop them all and open new
        // ones.
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=2",
            "fish.payara.fail-all-connections=true"
        })
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaStartup {

    /** The WAR's data source, as its beans look it up (lms-web's persistence.xml names it too). */
    public static final String DATA_SOURCE = "java:app/jdbc/main";

    private static final Logger LOG = Logger.getLogger(SchemaStartup.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "lms.schema.name")
    String schemaName;

    @PostConstruct
    void migrate() {
        MigrateResult result =
                migrateSchema(dataSource, schemaName, Thread.currentThread().getContextClassLoader());
        LOG.info(() -> "Schema " + schemaName + ": " + result.migrationsExecuted
                + " migration(s) applied, now at version " + result.targetSchemaVersion);
    }

    /**
     * Migrates the schema {@code schemaName} in {@code dataSource} to the latest of the migrations {@code loader} finds:
     * what every start-up does, open to the in-container tests, which migrate a database of their own with it.
     */
    public static MigrateResult migrateSchema(DataSource dataSource, String schemaName, ClassLoader loader) {
        return Flyway.configure(loader)
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + schemaName)
                .table("flyway_history_" + schemaName)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
