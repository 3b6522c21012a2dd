package cn.imtp.media.transcoding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.imtp.media.sql.MediaDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.File;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transcoding queue inside the running WAR, against a real MariaDB of its own: what an HTTP test cannot show — two
 * workers racing for the same rows ({@code FOR UPDATE SKIP LOCKED}), a lapsed lease taken over, and the schema the
 * WAR's own Flyway start-up built from an empty database. The WAR runs no worker of its own here
 * ({@code lms.transcode.workers=0}): the tests are the workers.
 */
@ExtendWith(ArquillianExtension.class)
class JobQueueIT {

    private static final long SHORT_MS = 300_000;

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    @Inject
    JobQueue queue;

    @Inject
    MediaDatabase db;

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
}
