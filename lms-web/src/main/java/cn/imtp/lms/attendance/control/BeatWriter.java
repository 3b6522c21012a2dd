package cn.imtp.lms.attendance.control;

import cn.imtp.lms.identity.control.AccountGuard;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.text.Words;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Group commit for lesson videos' heartbeats. Each request checks its beat (fields, token) in its own
 * thread, then waits while this node's writer stores it with the beats that arrived meanwhile, in one
 * transaction ({@link BeatStore#store}); the request is answered only after that transaction committed,
 * so an acknowledged beat is durable. One transaction per batch instead of one per beat: the commit, the
 * locks on the class's chain head and the round trips are shared by the batch.
 *
 * <p>The writer keeps a connection of its own, outside the pool and JTA: it stays in manual commit (no
 * {@code SET autocommit} pair around each transaction) and allows multi-queries, so that a batch takes two
 * round trips: its three locking reads together, then its writes with its {@code COMMIT}.
 *
 * <p>Should a batch fail as a whole (a deadlock with another node's writer, a lock wait that timed out),
 * its beats are stored one by one, each in its own transaction, so that one beat's trouble is its own.
 */
@ApplicationScoped
public class BeatWriter {

    private static final Logger LOG = Logger.getLogger(BeatWriter.class.getName());
    /** The most beats stored in one transaction. */
    static final int MAX_BATCH = 256;

    static final int QUEUE_CAPACITY = 20_000;
    static final long ANSWER_WITHIN_SECONDS = 30;
    /** After this long without a batch the writer checks its connection before using it. */
    static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(60);

    private record Job(Attendance.Pending beat, CompletableFuture<BeatStore.Answer> answer) {}

    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private volatile boolean running;

    @Inject
    Attendance attendance;

    @Inject
    BeatStore beats;

    @Inject
    AccountGuard guard;

    @Inject
    @ConfigProperty(name = "lms.db.url")
    String dbUrl;

    @Inject
    @ConfigProperty(name = "lms.db.user")
    String dbUser;

    @Inject
    @ConfigProperty(name = "lms.db.password")
    String dbPassword;

    /** The writer thread's own connection (see the class comment); opened again after a failure. */
    private Connection connection;
    /** When {@link #connection} last stored a batch ({@link System#nanoTime()}). */
    private long lastUsed;

    @Resource
    ManagedExecutorService executor;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        running = true;
        executor.execute(this::run);
    }

    /** Stores one beat with whatever else is waiting, and answers once it is durable (or refused). */
    public Attendance.BeatAck write(Caller learner, String sessionId, Attendance.BeatRequest beat) {
        PlaybackToken token;
        try {
            token = attendance.check(learner, sessionId, beat);
        } catch (PlatformException refused) {
            // The batch checks the learner's account (AdmissionDeferred); a revoked token hears so before anything
            // else.
            guard.admit(learner, false);
            throw refused;
        }
        Job job = new Job(new Attendance.Pending(learner, sessionId, beat, token), new CompletableFuture<>());
        try {
            if (!running || !queue.offer(job, 2, TimeUnit.SECONDS)) {
                throw busy();
            }
            BeatStore.Answer answer = job.answer().get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
            if (answer instanceof BeatStore.Refused refused) {
                throw refused.problem();
            }
            return ((BeatStore.Stored) answer).ack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } catch (TimeoutException e) {
            throw busy();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        try {
            connection(); // now rather than on the first beat, which would wait for it
        } catch (SQLException e) {
            LOG.log(
                    Level.WARNING,
                    "The heartbeat writer cannot reach the database yet; it tries again with the first beats",
                    e);
        }
        try {
            take();
        } finally {
            close();
        }
    }

    private void take() {
        while (running) {
            try {
                Job first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<Job> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The heartbeat writer failed; it goes on with the next beats", e);
            }
        }
    }

    private void store(List<Job> batch) {
        try {
            Bulk sql = Bulk.deferred(connection());
            List<BeatStore.Answer> answers =
                    beats.store(sql, batch.stream().map(Job::beat).toList());
            sql.execute("COMMIT", List.of());
            sql.flush();
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(answers.get(i));
            }
        } catch (SQLException | RuntimeException failed) {
            rollback();
            if (batch.size() == 1) {
                if (failed instanceof RuntimeException r) {
                    // A beat judged and refused is answered from within the transaction; this one could not be stored
                    // at all.
                    LOG.log(
                            Level.WARNING,
                            "A beat of session " + batch.get(0).beat().sessionId() + " could not be stored",
                            r);
                    batch.get(0).answer().completeExceptionally(r);
                } else {
                    batch.get(0).answer().complete(new BeatStore.Refused(unreachable(failed)));
                }
                return;
            }
            LOG.log(
                    Level.INFO,
                    "A batch of " + batch.size() + " beats failed as a whole; storing them one by one",
                    failed);
            for (Job job : batch) {
                store(List.of(job));
            }
        }
    }

    private Connection connection() throws SQLException {
        // A connection left idle may have been closed by the server (wait_timeout) or a network device meanwhile.
        if (connection != null && System.nanoTime() - lastUsed > IDLE_CHECK_NANOS && !connection.isValid(2)) {
            close();
        }
        lastUsed = System.nanoTime();
        if (connection == null) {
            String url = dbUrl + (dbUrl.contains("?") ? "&" : "?") + "allowMultiQueries=true";
            Connection c = new MariaDbDataSource(url).getConnection(dbUser, dbPassword);
            c.setAutoCommit(false);
            connection = c;
        }
        return connection;
    }

    /** Undoes what a failed batch did; a connection that cannot even do that is dropped, and the next batch opens another. */
    private void rollback() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "The heartbeat writer's connection failed; it opens a new one", e);
            close();
        }
    }

    private void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing a failed connection", e);
        }
        connection = null;
    }

    private static PlatformException unreachable(Exception cause) {
        LOG.log(Level.SEVERE, "The heartbeat writer cannot reach the database", cause);
        return new PlatformException(
                503,
                "busy",
                "Busy",
                new Words(
                        "暂时无法连接数据库，未保存任何内容，请重新发送。",
                        "The database cannot be reached just now; nothing was stored, send it again."));
    }

    private static PlatformException busy() {
        return new PlatformException(
                503,
                "busy",
                "Busy",
                new Words(
                        "心跳到达过快，来不及保存，未保存任何内容，请重新发送。",
                        "Heartbeats are arriving faster than they can be stored; nothing was stored, send it again."));
    }

    @PreDestroy
    void stop() {
        running = false;
        for (Job job = queue.poll(); job != null; job = queue.poll()) {
            job.answer().complete(new BeatStore.Refused(busy()));
        }
    }
}
