package cn.imtp.lms.attendance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What makes the attendance chains evidence: the check of a class's chain (every record's seal recomputed with
 * the chain key, and every reported figure recomputed from the records: each playback and live session's credited
 * seconds, each ledger line, each learner's watched seconds of each video) and the one-time seal of records
 * written before there was a key. {@link ChainStatements} signs the chains' heads for auditors.
 */
@ApplicationScoped
public class ChainAudit {

    /**
     * The outcome of checking a class's chain: the first record that does not fit, if any, and every reported
     * figure that differs from what the records add up to.
     */
    public record Check(long classId, boolean intact, long records, Long firstBrokenSeq, String problem, List<String> differences) {
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    ChainKeys keys;

    private record Seal(long seq, String hash, String keyId, Instant sealedAt, String mac) {

        String text(long classId) {
            return "seal|" + classId + "|" + seq + "|" + hash + "|" + sealedAt.toEpochMilli() + "|key:" + keyId;
        }
    }

    /** A session's credit as its records add it up. */
    private static final class Sum {
        long learnerId;
        long unitId;
        long seconds;
        boolean live;
    }

    /** A playback session as its row says. */
    private record Playback(String id, long learnerId, long unitId, String assetId, long creditedSeconds) {
    }

    /**
     * Recomputes every record's seal in order and names the first record altered, inserted or removed; then
     * recomputes each playback session's credited seconds and each ledger line from the records and names every
     * row that differs.
     */
    @Transactional
    public Check verify(long classId) {
        Seal seal = seal(classId);
        String previous = RecordHash.GENESIS;
        long expected = 1;
        long count = 0;
        Map<String, Sum> sessions = new HashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Playback> playbacks = ((List<Object[]>) em.createNativeQuery("SELECT id, learner_id, unit_id, asset_id, credited_seconds"
                + " FROM playback_session WHERE class_id = ?").setParameter(1, classId).getResultList()).stream()
                .map(r -> new Playback((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), (String) r[3],
                        ((Number) r[4]).longValue())).collect(Collectors.toMap(Playback::id, p -> p));
        // Each learner's watched seconds of each video in this class, replayed from the records in chain order.
        Map<List<Object>, BitSet> watched = new HashMap<>();
        final int page = 5000;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT chain_seq, session_id, beat_seq, learner_id, unit_id, received_at, elapsed_ms,"
                            + " played, rate, visible, credited_seconds, prev_hash, hash, credited_spans, key_id FROM attendance_record"
                            + " WHERE class_id = ? AND chain_seq >= ? ORDER BY chain_seq LIMIT " + page)
                    .setParameter(1, classId).setParameter(2, expected).getResultList();
            for (Object[] r : rows) {
                long seq = ((Number) r[0]).longValue();
                if (seq != expected) {
                    return broken(classId, count, expected, "record " + expected + " is missing (the next is " + seq + ")");
                }
                if (!previous.equals(r[11])) {
                    return broken(classId, count, seq, "record " + seq + " does not follow record " + (seq - 1));
                }
                RecordHash.Fields fields = new RecordHash.Fields(classId, seq, (String) r[1], ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Timestamp) r[5]).getTime(),
                        ((Number) r[6]).longValue(), (String) r[7], ((Number) r[8]).doubleValue(), bool(r[9]),
                        ((Number) r[10]).intValue(), (String) r[13]);
                String keyId = (String) r[14];
                String hash;
                if (keyId == null) {
                    if (seal == null || seq > seal.seq()) {
                        return broken(classId, count, seq, "record " + seq + " is not sealed with the chain key");
                    }
                    hash = RecordHash.of(previous, fields);
                } else {
                    ChainKeys.Key key = keys.byId(keyId);
                    if (key == null) {
                        return broken(classId, count, seq, "record " + seq + " is sealed with key " + keyId
                                + ", which is not configured (lms.attendance.chain-previous-keys)");
                    }
                    hash = RecordHash.keyed(key, previous, fields);
                }
                if (!hash.equals(r[12])) {
                    return broken(classId, count, seq, "record " + seq + " was altered");
                }
                if (seal != null && seq == seal.seq() && !seal.hash().equals(hash)) {
                    return broken(classId, count, seq, "record " + seq + " is not the one the chain's seal names");
                }
                Sum sum = sessions.computeIfAbsent((String) r[1], id -> new Sum());
                sum.learnerId = fields.learnerId();
                sum.unitId = fields.unitId();
                sum.seconds += fields.creditedSeconds();
                sum.live = fields.played().startsWith(AttendanceChain.LIVE_PLAYED);
                Playback playback = playbacks.get(fields.sessionId());
                if (!sum.live && playback != null && fields.creditedSeconds() != 0) {
                    BitSet seconds = watched.computeIfAbsent(List.of(fields.learnerId(), playback.assetId()), k -> new BitSet());
                    if (fields.creditedSeconds() > 0) {
                        seconds.or(Spans.parse(fields.creditedSpans()));
                    } else {
                        seconds.andNot(Spans.parse(fields.creditedSpans()));
                    }
                }
                previous = hash;
                expected++;
                count++;
            }
            if (rows.size() < page) {
                break;
            }
        }
        if (seal != null) {
            ChainKeys.Key key = keys.byId(seal.keyId());
            if (key == null || !ChainKeys.mac(key, seal.text(classId)).equals(seal.mac())) {
                return broken(classId, count, seal.seq(), "the seal of the records written before the chain key was altered");
            }
            if (count < seal.seq()) {
                return broken(classId, count, count + 1, "the seal names " + seal.seq() + " records but the chain holds " + count);
            }
        }
        List<?> head = em.createNativeQuery("SELECT last_seq, last_hash FROM attendance_chain WHERE class_id = ?")
                .setParameter(1, classId).getResultList();
        if (!head.isEmpty()) {
            Object[] h = (Object[]) head.get(0);
            if (((Number) h[0]).longValue() != count || !previous.equals(h[1])) {
                return broken(classId, count, count + 1, "the chain ends at record " + count + " but "
                        + ((Number) h[0]).longValue() + " were written: the last records were removed");
            }
        }
        List<String> differences = reconcile(classId, sessions, playbacks, watched);
        return new Check(classId, differences.isEmpty(), count, null,
                differences.isEmpty() ? null : differences.size() + " reported figures differ from the records: " + differences.get(0),
                differences);
    }

    private static Check broken(long classId, long count, long seq, String problem) {
        return new Check(classId, false, count, seq, problem, List.of());
    }

    /** Each session's, ledger line's and watched-seconds row's figure against what the records add up to. */
    private List<String> reconcile(long classId, Map<String, Sum> sessions, Map<String, Playback> playbacks, Map<List<Object>, BitSet> watched) {
        List<String> differences = new ArrayList<>();
        for (Playback p : playbacks.values()) {
            Sum sum = sessions.get(p.id());
            long recorded = sum == null ? 0 : sum.seconds;
            if (p.creditedSeconds() != recorded) {
                differences.add("playback session " + p.id() + " of learner " + p.learnerId() + " shows " + p.creditedSeconds()
                        + " s credited; its records add up to " + recorded + " s");
            }
            if (sum != null && (sum.live || sum.learnerId != p.learnerId() || sum.unitId != p.unitId())) {
                differences.add("playback session " + p.id() + " names learner " + p.learnerId() + " and unit " + p.unitId()
                        + "; its records name learner " + sum.learnerId + " and unit " + sum.unitId + (sum.live ? " in a live lesson" : ""));
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> live = em.createNativeQuery("SELECT id, learner_id, credited_seconds FROM live_session WHERE class_id = ?")
                .setParameter(1, classId).getResultList();
        Set<String> liveSessions = new java.util.HashSet<>();
        for (Object[] r : live) {
            liveSessions.add((String) r[0]);
            Sum sum = sessions.get((String) r[0]);
            long recorded = sum == null ? 0 : sum.seconds;
            if (((Number) r[2]).longValue() != recorded || (sum != null && (!sum.live || sum.learnerId != ((Number) r[1]).longValue()))) {
                differences.add("live session " + r[0] + " of learner " + r[1] + " shows " + r[2] + " s credited; its records add up to "
                        + recorded + " s" + (sum != null && !sum.live ? ", of a lesson video" : ""));
            }
        }
        sessions.forEach((id, sum) -> {
            if (!playbacks.containsKey(id) && !liveSessions.contains(id) && sum.seconds != 0) {
                differences.add("session " + id + " of learner " + sum.learnerId + " has records crediting " + sum.seconds
                        + " s but is no session of the class");
            }
        });
        // (learner, unit) → {self-paced, live} as the records add them up.
        Map<List<Long>, long[]> lines = new HashMap<>();
        sessions.forEach((id, sum) -> lines.computeIfAbsent(List.of(sum.learnerId, sum.unitId), k -> new long[2])[sum.live ? 1 : 0] += sum.seconds);
        @SuppressWarnings("unchecked")
        List<Object[]> ledger = em.createNativeQuery("SELECT learner_id, unit_id, self_paced_seconds, live_seconds FROM ledger_entry WHERE class_id = ?")
                .setParameter(1, classId).getResultList();
        for (Object[] r : ledger) {
            List<Long> key = List.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            long[] recorded = lines.remove(key);
            long selfPaced = recorded == null ? 0 : recorded[0];
            long liveSeconds = recorded == null ? 0 : recorded[1];
            if (((Number) r[2]).longValue() != selfPaced || ((Number) r[3]).longValue() != liveSeconds) {
                differences.add("ledger line of learner " + key.get(0) + ", unit " + key.get(1) + " shows " + r[2] + " s self-paced and " + r[3]
                        + " s live; its records add up to " + selfPaced + " s and " + liveSeconds + " s");
            }
        }
        lines.forEach((key, recorded) -> {
            if (recorded[0] != 0 || recorded[1] != 0) {
                differences.add("the ledger has no line for learner " + key.get(0) + ", unit " + key.get(1) + "; its records add up to "
                        + recorded[0] + " s self-paced and " + recorded[1] + " s live");
            }
        });
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT learner_id, asset_id, seconds FROM watched_video WHERE class_id = ?")
                .setParameter(1, classId).getResultList();
        for (Object[] r : rows) {
            List<Object> key = List.of(((Number) r[0]).longValue(), (String) r[1]);
            BitSet recorded = watched.remove(key);
            BitSet shown = r[2] == null ? new BitSet() : BitSet.valueOf((byte[]) r[2]);
            if (!shown.equals(recorded == null ? new BitSet() : recorded)) {
                differences.add("the watched seconds of learner " + key.get(0) + ", video " + key.get(1) + " are " + Spans.format(shown)
                        + "; its records credit " + Spans.format(recorded == null ? new BitSet() : recorded));
            }
        }
        watched.forEach((key, recorded) -> {
            if (!recorded.isEmpty()) {
                differences.add("the watched seconds of learner " + key.get(0) + ", video " + key.get(1) + " are gone; its records credit "
                        + Spans.format(recorded));
            }
        });
        return differences;
    }

    private Seal seal(long classId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT chain_seq, hash, key_id, sealed_at, mac FROM attendance_seal WHERE class_id = ?")
                .setParameter(1, classId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Seal(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Timestamp) r[3]).toInstant(), (String) r[4]);
    }

    /**
     * Seals the chains whose records were all written before there was a chain key: each chain's last record and
     * an HMAC of it under the key. Those records keep their plain SHA-256 hashes; the seal makes rewriting them
     * without the key detectable. This runs once, at the first start after the upgrade that brought the key
     * ({@code attendance_seal_run}, taken first, so that several nodes starting together seal once), and never
     * again: unkeyed records written later are tampering, and sealing them at a later start would launder them.
     *
     * @return how many chains were sealed (0 when the one run was made before)
     */
    @Transactional
    public int sealUnkeyedChains() {
        ChainKeys.Key key = keys.current();
        Instant now = Instant.ofEpochMilli(Instant.now().toEpochMilli());
        int first = em.createNativeQuery("INSERT IGNORE INTO attendance_seal_run (id, sealed_at, key_id, classes, mac) VALUES (1, ?, ?, '', '')")
                .setParameter(1, Timestamp.from(now)).setParameter(2, key.id()).executeUpdate();
        if (first == 0) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> unsealed = em.createNativeQuery("SELECT r.class_id, MAX(r.chain_seq) FROM attendance_record r"
                + " WHERE r.key_id IS NULL AND NOT EXISTS (SELECT 1 FROM attendance_seal s WHERE s.class_id = r.class_id)"
                + " AND NOT EXISTS (SELECT 1 FROM attendance_record k WHERE k.class_id = r.class_id AND k.key_id IS NOT NULL)"
                + " GROUP BY r.class_id ORDER BY r.class_id").getResultList();
        for (Object[] u : unsealed) {
            long classId = ((Number) u[0]).longValue();
            long seq = ((Number) u[1]).longValue();
            String hash = (String) em.createNativeQuery("SELECT hash FROM attendance_record WHERE class_id = ? AND chain_seq = ?")
                    .setParameter(1, classId).setParameter(2, seq).getSingleResult();
            Seal seal = new Seal(seq, hash, key.id(), now, null);
            em.createNativeQuery("INSERT IGNORE INTO attendance_seal (class_id, chain_seq, hash, key_id, sealed_at, mac) VALUES (?,?,?,?,?,?)")
                    .setParameter(1, classId).setParameter(2, seq).setParameter(3, hash).setParameter(4, key.id())
                    .setParameter(5, Timestamp.from(now)).setParameter(6, ChainKeys.mac(key, seal.text(classId))).executeUpdate();
        }
        String classes = unsealed.stream().map(u -> u[0] + ":" + u[1]).collect(Collectors.joining(","));
        em.createNativeQuery("UPDATE attendance_seal_run SET classes = ?, mac = ? WHERE id = 1").setParameter(1, classes)
                .setParameter(2, ChainKeys.mac(key, "seal-run|" + now.toEpochMilli() + "|" + classes + "|key:" + key.id())).executeUpdate();
        return unsealed.size();
    }

    private static boolean bool(Object o) {
        return o instanceof Boolean b ? b : ((Number) o).intValue() != 0;
    }
}
