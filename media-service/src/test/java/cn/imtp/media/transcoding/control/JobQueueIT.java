package cn.imtp.media.transcoding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.media.sql.MediaDatabase;
import cn.imtp.platform.schema.MariaDbLocalDataSource;
import cn.imtp.platform.schema.SchemaStartup;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transcoding queue inside the running WAR, against a real MariaDB of its own: what an HTTP test cannot show — two
 * workers racing for the same rows ({@code FOR UPDATE SKIP LOCKED}), a lapsed lease taken over, the schema the WAR's
 * own Flyway start-up built from an empty database, and a database at version 2 with assets, renditions, segments,
 * captions and a job in each state (the fixture {@code db/v2/media-v2.sql}, see {@code sql/V2Fixture}) upgraded by the
 * same start-up code to the same schema with every row kept. The WAR runs no worker of its own here
 * ({@code lms.transcode.workers=0}): the tests are the workers. One class, so that all of it shares one Payara boot.
 */
@ExtendWith(ArquillianExtension.class)
class JobQueueIT {

    private static final long SHORT_MS = 300_000;

    /** The fixture's version (the latest when it was written was 4: V3 and V4 are what it guards). */
    private static final int FIXTURE_VERSION = 2;

    private static final String UPGRADED = "media_v2_upgraded";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")))
                .addAsResource("db/v2/media-v2.sql");
    }

    @Inject
    JobQueue queue;

    @Inject
    MediaDatabase db;

    @Resource(lookup = SchemaStartup.DATA_SOURCE)
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Test
    void theWarsStartUpMigratesAnEmptyDatabaseToItsLatestSchema() {
        List<String> versions = db.run(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                            "SELECT version, success FROM flyway_history_media WHERE version IS NOT NULL ORDER BY installed_rank");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    assertTrue(r.getBoolean("success"), "migration " + r.getString("version") + " failed");
                    out.add(r.getString("version"));
                }
            }
            return out;
        });
        assertEquals(List.of("1", "2", "3", "4"), versions);
        // What the last migrations added is there: V3's column, V4's table.
        int found = db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) AS n FROM information_schema.columns"
                            + " WHERE table_schema = DATABASE() AND ((table_name = 'media_asset' AND column_name = 'tracks_note')"
                            + " OR (table_name = 'media_measure' AND column_name = 'asset_id'))");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt("n");
            }
        });
        assertEquals(2, found);
    }

    @Test
    void aDatabaseAtVersion2WithRowsIsUpgradedByTheStartUpsOwnCodeWithEveryRowKept() throws Exception {
        MariaDbLocalDataSource old = freshDatabase(UPGRADED);
        try (Connection c = old.getConnection();
                Statement s = c.createStatement()) {
            runAll(s, resource("db/v2/media-v2.sql"));
        }
        assertEquals(
                upTo(1, FIXTURE_VERSION),
                column(old, "SELECT version AS v FROM flyway_history_media WHERE success = 1 ORDER BY installed_rank"),
                "the fixture is a database at V" + FIXTURE_VERSION);
        Map<String, List<String>> columnsBefore = columns(old, UPGRADED);
        Map<String, List<String>> rowsBefore = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> t : columnsBefore.entrySet()) {
            rowsBefore.put(t.getKey(), rows(old, t.getKey(), t.getValue()));
        }
        // What the fixture holds (so that the comparison below compares something): eight assets of every kind and
        // state that matters, a ladder with its segments and captions, and a job in each of the five states.
        assertEquals(8, rowsBefore.get("media_asset").size());
        assertEquals(4, rowsBefore.get("media_rendition").size());
        assertEquals(7, rowsBefore.get("media_segment").size());
        assertEquals(2, rowsBefore.get("media_caption").size());
        assertEquals(
                List.of("CANCELLED", "FAILED", "QUEUED", "RUNNING", "SUCCEEDED"),
                column(old, "SELECT state AS v FROM transcode_job ORDER BY state"));

        MigrateResult result =
                SchemaStartup.migrateSchema(old, "media", Thread.currentThread().getContextClassLoader());

        int latest = latestMigration();
        assertTrue(latest >= 4, "the migrations found: up to V" + latest);
        assertEquals(latest - FIXTURE_VERSION, result.migrationsExecuted, "the migrations after V" + FIXTURE_VERSION);
        assertEquals(String.valueOf(latest), result.targetSchemaVersion);
        assertEquals(
                upTo(1, latest),
                column(old, "SELECT version AS v FROM flyway_history_media WHERE success = 1 ORDER BY installed_rank"));
        String fresh = column(dataSource, "SELECT DATABASE() AS v").get(0);
        assertEquals(
                schema(dataSource, fresh),
                schema(old, UPGRADED),
                "an upgraded database has the schema a new one gets: tables, columns, types, defaults, keys");

        // Every row kept with every value it had, in every table of before.
        for (Map.Entry<String, List<String>> t : columnsBefore.entrySet()) {
            assertEquals(rowsBefore.get(t.getKey()), rows(old, t.getKey(), t.getValue()), "the rows of " + t.getKey());
        }
        // Every column added since holds its default in every row of before.
        Map<String, List<String>> columnsAfter = columns(old, UPGRADED);
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, List<String>> t : columnsBefore.entrySet()) {
            for (String col : columnsAfter.get(t.getKey())) {
                if (!t.getValue().contains(col)) {
                    added.add(t.getKey() + "." + col);
                    String dflt = column(
                                    old,
                                    "SELECT IFNULL(column_default, 'NULL') AS v FROM information_schema.columns"
                                            + " WHERE table_schema = '" + UPGRADED + "' AND table_name = '"
                                            + t.getKey() + "' AND column_name = '" + col + "'")
                            .get(0);
                    assertEquals(
                            List.of("0"),
                            column(
                                    old,
                                    "SELECT COUNT(*) AS v FROM " + t.getKey() + " WHERE NOT (" + col + " <=> " + dflt
                                            + ")"),
                            t.getKey() + "." + col + " is " + dflt + " in every row of before");
                }
            }
        }
        assertTrue(
                added.containsAll(List.of(
                        "media_asset.tracks_note",
                        "media_rendition.source_audio",
                        "media_rendition.alternate",
                        "media_rendition.language",
                        "media_rendition.label",
                        "media_rendition.is_default")),
                "V3's columns: " + added);
        assertEquals(
                List.of("1 0 0 1 0 0", "1 0 0 1 0 0", "1 0 0 0 0 0", "1 0 0 0 0 0"),
                column(
                        old,
                        "SELECT CONCAT_WS(' ', source_audio IS NULL, alternate, is_default, complete,"
                                + " language IS NOT NULL, label IS NOT NULL) AS v FROM media_rendition"
                                + " ORDER BY asset_id, name"),
                "V3: a rendition of before carries no source track, is no alternate and no default");
        assertEquals(List.of("0"), column(old, "SELECT COUNT(*) AS v FROM media_measure"), "V4: no measure yet");
        assertEquals(
                List.of("a0000002-0000-4000-8000-000000000002 node-a/worker-1 1 0.25"),
                column(
                        old,
                        "SELECT CONCAT_WS(' ', asset_id, worker, attempts, progress) AS v FROM transcode_job"
                                + " WHERE state = 'RUNNING'"),
                "the running job keeps its worker, attempt and progress");

        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + UPGRADED);
        }
    }

    @Test
    void twoWorkersRacingForTheQueueTakeEveryJobExactlyOnce() throws Exception {
        Set<UUID> ours = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            ours.add(asset(100 + i % 4, 5_000 + i * 1_000L));
        }
        ours.forEach(queue::enqueue);
        ConcurrentHashMap<UUID, String> takenBy = new ConcurrentHashMap<>();
        List<String> twice = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        for (String worker : List.of("it-worker-a", "it-worker-b")) {
            workers.add(executor.submit(() -> {
                start.await();
                int taken = 0;
                for (Optional<JobQueue.Claim> claim = queue.claim(worker, 60, 3, false, SHORT_MS);
                        claim.isPresent();
                        claim = queue.claim(worker, 60, 3, false, SHORT_MS)) {
                    String before = takenBy.putIfAbsent(claim.get().job().assetId(), worker);
                    if (before != null) {
                        synchronized (twice) {
                            twice.add(claim.get().job().assetId() + " by " + before + " and " + worker);
                        }
                    }
                    taken++;
                    queue.succeed(claim.get().job().id());
                }
                return taken;
            }));
        }
        start.countDown();
        int a = workers.get(0).get(60, TimeUnit.SECONDS);
        int b = workers.get(1).get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), twice, "no job is taken by two workers");
        assertTrue(takenBy.keySet().containsAll(ours), "every job is taken: " + takenBy.size() + " of " + ours.size());
        assertEquals(takenBy.size(), a + b, "each claim is a different job");
        for (UUID asset : ours) {
            assertEquals("SUCCEEDED", jobState(asset));
        }
    }

    @Test
    void aJobWhoseWorkerStoppedRenewingItsLeaseIsTakenOverOnItsNextAttempt() {
        UUID asset = asset(200, 4_000L);
        queue.enqueue(asset);
        JobQueue.Claim first = claimOf(asset, "it-worker-gone");
        assertEquals(1, first.attempt());
        // The worker's node goes away: its lease lapses without a renewal.
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE transcode_job SET lease_until = NOW(3) - INTERVAL 1 SECOND WHERE id = ?")) {
                s.setLong(1, first.job().id());
                return s.executeUpdate();
            }
        });
        JobQueue.Claim second = claimOf(asset, "it-worker-next");
        assertEquals(first.job().id(), second.job().id());
        assertEquals(2, second.attempt());
        assertTrue(!queue.renew(first.job().id(), "it-worker-gone", 60, 0.5), "the old worker's renewal is refused");
        assertTrue(queue.renew(second.job().id(), "it-worker-next", 60, 0.5));
        queue.succeed(second.job().id());
    }

    @Test
    void aSourceOfUnknownLengthIsNotTakenByTheShortLane() {
        UUID unknown = asset(300, null);
        UUID clip = asset(300, 3_000L);
        queue.enqueue(unknown);
        queue.enqueue(clip);
        List<UUID> shortLane = new ArrayList<>();
        for (Optional<JobQueue.Claim> claim = queue.claim("it-short-lane", 60, 3, true, SHORT_MS);
                claim.isPresent();
                claim = queue.claim("it-short-lane", 60, 3, true, SHORT_MS)) {
            shortLane.add(claim.get().job().assetId());
            queue.succeed(claim.get().job().id());
        }
        assertTrue(shortLane.contains(clip), "the 3-second clip goes to the short lane");
        assertTrue(!shortLane.contains(unknown), "a source not probed yet waits for a general worker");
        assertEquals("QUEUED", jobState(unknown));
        queue.succeed(claimOf(unknown, "it-general").job().id());
    }

    /** Claims until this asset's job comes up (other tests' leftovers are finished on the way). */
    private JobQueue.Claim claimOf(UUID asset, String worker) {
        for (int i = 0; i < 1_000; i++) {
            JobQueue.Claim claim = queue.claim(worker, 60, 3, false, SHORT_MS)
                    .orElseThrow(() -> new AssertionError("the job was never offered"));
            if (claim.job().assetId().equals(asset)) {
                return claim;
            }
            queue.succeed(claim.job().id());
        }
        throw new AssertionError("the job was never offered");
    }

    /** A teacher's uploaded video whose job may be queued; {@code durationMs} null: not probed yet. */
    private UUID asset(long owner, Long durationMs) {
        UUID id = UUID.randomUUID();
        db.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO media_asset (id, kind, owner_id, file_name, content_type,"
                            + " declared_bytes, part_size, state, duration_ms, created_at, updated_at)"
                            + " VALUES (?, 'VIDEO', ?, 'lesson.mp4', 'video/mp4', 1000, 1000, 'PROCESSING', ?, NOW(3), NOW(3))")) {
                s.setString(1, id.toString());
                s.setLong(2, owner);
                s.setObject(3, durationMs);
                return s.executeUpdate();
            }
        });
        return id;
    }

    private String jobState(UUID asset) {
        return db.run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT state FROM transcode_job WHERE asset_id = ?")) {
                s.setString(1, asset.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString("state") : null;
                }
            }
        });
    }

    private int latestMigration() throws SQLException {
        return Integer.parseInt(
                column(dataSource, "SELECT MAX(version + 0) AS v FROM flyway_history_media WHERE success = 1")
                        .get(0));
    }

    private static List<String> upTo(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toList();
    }

    /** A new empty database on the same server, reached with its own data source (several statements a call). */
    private MariaDbLocalDataSource freshDatabase(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        String url = ConfigProvider.getConfig().getValue("lms.db.url", String.class);
        MariaDbLocalDataSource other = new MariaDbLocalDataSource();
        other.setUrl(url.substring(0, url.lastIndexOf('/') + 1) + name + "?allowMultiQueries=true");
        other.setUser(ConfigProvider.getConfig().getValue("lms.db.user", String.class));
        other.setPassword(ConfigProvider.getConfig().getValue("lms.db.password", String.class));
        return other;
    }

    /** Each table's columns in order (Flyway's history left out). */
    private static Map<String, List<String>> columns(DataSource on, String database) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String row : column(
                on,
                "SELECT CONCAT(table_name, ' ', column_name) AS v FROM information_schema.columns WHERE table_schema = '"
                        + database + "' AND table_name NOT LIKE 'flyway%' ORDER BY table_name, ordinal_position")) {
            String[] tableAndColumn = row.split(" ", 2);
            out.computeIfAbsent(tableAndColumn[0], t -> new ArrayList<>()).add(tableAndColumn[1]);
        }
        return out;
    }

    /** Every row of a table in these columns, as text, in the order of those columns. */
    private static List<String> rows(DataSource on, String table, List<String> columns) throws SQLException {
        String list = String.join(", ", columns);
        List<String> out = new ArrayList<>();
        try (Connection c = on.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT " + list + " FROM " + table + " ORDER BY " + list)) {
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (String col : columns) {
                    row.append(col).append('=').append(r.getString(col)).append(' ');
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** Columns, indexes and foreign keys of every table of a database, as comparable text. */
    private static List<String> schema(DataSource on, String database) throws SQLException {
        List<String> out = new ArrayList<>();
        out.addAll(column(
                on,
                "SELECT CONCAT_WS(' ', 'column', table_name, ordinal_position, column_name, column_type, is_nullable,"
                        + " IFNULL(column_default, '-'), extra, IFNULL(collation_name, '-')) AS v"
                        + " FROM information_schema.columns WHERE table_schema = '" + database
                        + "' ORDER BY table_name, ordinal_position"));
        out.addAll(column(
                on,
                "SELECT CONCAT_WS(' ', 'index', table_name, index_name, seq_in_index, column_name, non_unique) AS v"
                        + " FROM information_schema.statistics WHERE table_schema = '" + database
                        + "' ORDER BY table_name, index_name, seq_in_index"));
        out.addAll(column(
                on,
                "SELECT CONCAT_WS(' ', 'foreign key', table_name, constraint_name, referenced_table_name,"
                        + " update_rule, delete_rule) AS v FROM information_schema.referential_constraints"
                        + " WHERE constraint_schema = '" + database + "' ORDER BY table_name, constraint_name"));
        return out;
    }

    /** The column {@code v} of every row, as text. */
    private static List<String> column(DataSource on, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = on.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString("v"));
            }
        }
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not in the deployment");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A script of several statements in one call; every result read, so that a failing statement throws here. */
    private static void runAll(Statement s, String script) throws SQLException {
        s.execute(script);
        while (s.getMoreResults() || s.getUpdateCount() != -1) {
            // next result
        }
    }
}
