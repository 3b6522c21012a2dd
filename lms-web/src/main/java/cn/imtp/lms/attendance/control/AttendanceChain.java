package cn.imtp.lms.attendance.control;

import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The append-only, chained attendance records of each class, each sealed with the chain key
 * ({@link ChainKeys}, {@link RecordHash#keyed}). One chain per class, so classes do not contend; within a
 * class the chain's head row is locked while a record is appended. {@link ChainAudit} checks them.
 */
@ApplicationScoped
public class AttendanceChain {

    private static final Logger LOG = Logger.getLogger(AttendanceChain.class.getName());

    /** How a live lesson's record begins its {@code played} field (a lesson video's lists the played ranges). */
    public static final String LIVE_PLAYED = "live lesson ";

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    ChainKeys keys;

    /** Which session of whom, studying which unit of which class, a record belongs to. */
    public record Link(long classId, String sessionId, long learnerId, long unitId) {}

    /** Makes the class's chain head if it is not there yet (when a session opens), within the caller's transaction. */
    public void open(long classId) {
        open(Bulk.on(em), classId);
    }

    private static void open(Bulk sql, long classId) {
        sql.execute(
                "INSERT IGNORE INTO attendance_chain (class_id, last_seq, last_hash) VALUES (?, 0, ?)",
                List.of(classId, RecordHash.GENESIS));
    }

    /** Appends one record within the caller's transaction. */
    public void append(
            Link s,
            long beatSeq,
            Instant receivedAt,
            long elapsedMs,
            String played,
            double rate,
            boolean visible,
            int creditedSeconds,
            String creditedSpans) {
        Appender records = appender(Bulk.on(em));
        records.append(s, beatSeq, receivedAt, elapsedMs, played, rate, visible, creditedSeconds, creditedSpans);
        records.flush();
    }

    /** Appends many records through {@code sql}: each chain's head is locked once, the records written together. */
    public Appender appender(Bulk sql) {
        return new Appender(sql);
    }

    /**
     * Records waiting to be written in the caller's transaction, with the heads of their chains, locked
     * (exclusively, straight away: two transactions upgrading shared locks on one head deadlock) in class
     * order, so that two writers never wait for each other in a circle.
     */
    public final class Appender {

        private static final List<String> RECORD_COLUMNS = List.of(
                "class_id",
                "chain_seq",
                "session_id",
                "beat_seq",
                "learner_id",
                "unit_id",
                "received_at",
                "elapsed_ms",
                "played",
                "rate",
                "visible",
                "credited_seconds",
                "credited_spans",
                "prev_hash",
                "hash",
                "key_id");

        private final Bulk sql;
        private final Map<Long, Head> heads = new TreeMap<>();
        private final List<List<Object>> rows = new ArrayList<>();

        private static final class Head {
            long seq;
            String hash;
            boolean moved;

            Head(long seq, String hash) {
                this.seq = seq;
                this.hash = hash;
            }
        }

        private Appender(Bulk sql) {
            this.sql = sql;
        }

        /**
         * The query that locks the heads of these classes' chains (at least one class), in class order, for
         * {@link Bulk#selectTogether}, to run with other locking reads; {@link #lock} then makes any chain missing.
         */
        public Bulk.Query heads(Collection<Long> classIds) {
            List<Long> ids = classIds.stream().distinct().sorted().toList();
            return new Bulk.Query(
                    "SELECT class_id, last_seq, last_hash FROM attendance_chain WHERE class_id IN "
                            + Bulk.marks(ids.size()) + " ORDER BY class_id FOR UPDATE",
                    ids,
                    r -> heads.put(r.getLong("class_id"), new Head(r.getLong("last_seq"), r.getString("last_hash"))));
        }

        /** Locks the chains of these classes (made if missing: a session opened before the chain existed). */
        public void lock(Collection<Long> classIds) {
            List<Long> missing = classIds.stream()
                    .filter(id -> !heads.containsKey(id))
                    .distinct()
                    .sorted()
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            sql.selectTogether(List.of(heads(missing)));
            for (long id : missing) {
                if (!heads.containsKey(id)) {
                    open(sql, id);
                    sql.selectTogether(List.of(heads(List.of(id))));
                }
            }
        }

        public void append(
                Link s,
                long beatSeq,
                Instant receivedAt,
                long elapsedMs,
                String played,
                double rate,
                boolean visible,
                int creditedSeconds,
                String creditedSpans) {
            lock(List.of(s.classId()));
            Head head = heads.get(s.classId());
            long seq = head.seq + 1;
            long receivedMs = receivedAt.toEpochMilli();
            ChainKeys.Key key = keys.current();
            String hash = RecordHash.keyed(
                    key,
                    head.hash,
                    new RecordHash.Fields(
                            s.classId(),
                            seq,
                            s.sessionId(),
                            beatSeq,
                            s.learnerId(),
                            s.unitId(),
                            receivedMs,
                            elapsedMs,
                            played,
                            rate,
                            visible,
                            creditedSeconds,
                            creditedSpans));
            rows.add(Arrays.asList(
                    s.classId(),
                    seq,
                    s.sessionId(),
                    beatSeq,
                    s.learnerId(),
                    s.unitId(),
                    new Timestamp(receivedMs),
                    elapsedMs,
                    played,
                    rate,
                    visible,
                    creditedSeconds,
                    creditedSpans,
                    head.hash,
                    hash,
                    key.id()));
            head.seq = seq;
            head.hash = hash;
            head.moved = true;
        }

        /** Writes the records appended so far and moves their chains' heads. */
        public void flush() {
            sql.insert("attendance_record", RECORD_COLUMNS, rows, null);
            rows.clear();
            heads.forEach((classId, h) -> {
                if (h.moved) {
                    sql.execute(
                            "UPDATE attendance_chain SET last_seq = ?, last_hash = ? WHERE class_id = ?",
                            List.of(h.seq, h.hash, classId));
                    h.moved = false;
                }
            });
        }
    }

    /** Keeps a beat refused as impossible (forged, or a clock that ran ahead) for review, through {@code sql}. */
    public void refuse(
            Bulk sql, String sessionId, Caller learner, long beatSeq, Instant receivedAt, String reason, String beat) {
        LOG.warning(() -> "Refused beat " + beatSeq + " of session " + sessionId + " (learner " + learner.username()
                + "): " + reason);
        sql.execute(
                "INSERT INTO refused_beat (session_id, learner_id, beat_seq, received_at, reason, beat) VALUES (?,?,?,?,?,?)",
                Arrays.asList(
                        sessionId,
                        learner.accountId(),
                        beatSeq,
                        Timestamp.from(receivedAt),
                        truncate(reason, 500),
                        truncate(beat, 4000)));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /**
     * The seconds a session's records credited in beats sent after {@code elapsedMs} (session time), as its
     * records say: what an unanswered presence question takes back. A beat that straddles the moment is
     * taken back whole: at most one heartbeat of presence is lost, and never an absent second kept.
     */
    public BitSet creditedAfter(Bulk sql, String sessionId, long elapsedMs) {
        BitSet back = new BitSet();
        sql.select(
                        "SELECT credited_spans FROM attendance_record WHERE session_id = ? AND elapsed_ms > ? AND credited_seconds > 0",
                        List.of(sessionId, elapsedMs),
                        r -> r.getString("credited_spans"))
                .forEach(spans -> back.or(Spans.parse(spans)));
        return back;
    }
}
