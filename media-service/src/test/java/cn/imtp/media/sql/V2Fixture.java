package cn.imtp.media.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Writes {@code src/test/resources/db/v2/media-v2.sql}, the database {@code JobQueueIT} upgrades: an empty database
 * migrated by this module's own migrations to version 2 (the schema before the migrations this fixture guards), the
 * rows of {@code db/v2/rows.sql}, then {@code mariadb-dump} of the in-container tests' MariaDB. The history's times are
 * fixed, so that the same migrations give the same file. Not a test of anything and run only when named (no failsafe
 * include matches it); with the in-container tests' MariaDB started by Maven:
 *
 * <pre>
 * mvn -B -o -pl platform,media-service verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=V2Fixture
 * </pre>
 */
class V2Fixture {

    static final int VERSION = 2;
    static final String DATABASE = "media_v2_fixture";

    @Test
    void write() throws Exception {
        String server = System.getProperty("it.db.url");
        try (Connection c = DriverManager.getConnection(server + "media_it", "lms_it", "lms_it");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        String url = server + DATABASE + "?allowMultiQueries=true&user=lms_it&password=lms_it";
        Flyway.configure(getClass().getClassLoader())
                .dataSource(url, "lms_it", "lms_it")
                .locations("classpath:db/migration/media")
                .table("flyway_history_media")
                .target(String.valueOf(VERSION))
                .load()
                .migrate();
        String basedir;
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            // The rows' times are UTC, as the dump writes them (mariadb-dump's --tz-utc).
            s.execute("SET time_zone = '+00:00'");
            runAll(s, resource("db/v2/rows.sql"));
            s.execute("UPDATE flyway_history_media SET installed_on = '2025-03-01 00:00:00', execution_time = 0,"
                    + " installed_by = 'lms'");
            try (ResultSet r = s.executeQuery("SELECT MAX(version + 0) AS v, @@basedir AS basedir"
                    + " FROM flyway_history_media WHERE success = 1")) {
                r.next();
                assertEquals(VERSION, r.getInt("v"));
                basedir = r.getString("basedir");
            }
        }
        Path out = Path.of(System.getProperty("it.fixture.dir", "src/test/resources/db/v2"), "media-v2.sql");
        String port = server.replaceAll(".*:(\\d+)/$", "$1");
        Process dump = new ProcessBuilder(List.of(
                        Path.of(basedir, "bin", "mariadb-dump").toString(),
                        "--host=127.0.0.1",
                        "--port=" + port,
                        "--user=lms_it",
                        "--skip-comments",
                        "--skip-dump-date",
                        "--skip-add-locks",
                        "--skip-lock-tables",
                        "--skip-disable-keys",
                        "--skip-add-drop-table",
                        "--skip-extended-insert",
                        "--order-by-primary",
                        DATABASE))
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertEquals(0, dump.waitFor(), "mariadb-dump's exit status");
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + DATABASE);
        }
        System.out.println("[V2Fixture] wrote " + out.toAbsolutePath() + " (" + Files.size(out) + " bytes)");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = V2Fixture.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs a script of several statements in one round trip (the connection allows multi-queries). */
    static void runAll(Statement s, String script) throws SQLException {
        s.execute(script);
        while (s.getMoreResults() || s.getUpdateCount() != -1) {
            // every result read, so that an error in a later statement is thrown here
        }
    }
}
