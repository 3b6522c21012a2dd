package cn.imtp.lms.attendance.control;

import cn.imtp.lms.identity.control.TokenIssuer;
import cn.imtp.platform.json.Jsonp;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Jwt;
import cn.imtp.platform.security.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What makes the attendance chains evidence: the check of a class's chain (every record's seal recomputed with
 * the chain key, and every reported figure — each playback session's credited seconds and each ledger line —
 * recomputed from the records), the one-time seal of records written before there was a key, and signed
 * statements of the chains' heads that an auditor keeps, so that history rewritten after a statement is found.
 */
@ApplicationScoped
public class ChainAudit {

    /**
     * The outcome of checking a class's chain: the first record that does not fit, if any, and every reported
     * figure that differs from what the records add up to.
     */
    public record Check(long classId, boolean intact, long records, Long firstBrokenSeq, String problem, List<String> differences) {
    }

    /** A chain's head as a statement names it. */
    public record Head(long classId, long lastSeq, String lastHash) {
    }

    /** A signed statement of every chain's head: {@code statement} is a JWT signed with the platform's key. */
    public record Statement(Instant issuedAt, List<Head> heads, String statement) {
    }

    /** How one chain compares with a statement made earlier. */
    public record HeadCheck(long classId, long lastSeq, boolean holds, String problem) {
    }

    public record StatementCheck(Instant issuedAt, boolean holds, List<HeadCheck> classes) {
    }

    static final String STATEMENT_AUDIENCE = "attendance-statement";

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    ChainKeys keys;

    @Inject
    TokenIssuer tokens;

    @Inject
    TokenSettings tokenSettings;

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
        List<String> differences = reconcile(classId, sessions);
        return new Check(classId, differences.isEmpty(), count, null,
                differences.isEmpty() ? null : differences.size() + " reported figures differ from the records: " + differences.get(0),
                differences);
    }

    private static Check broken(long classId, long count, long seq, String problem) {
        return new Check(classId, false, count, seq, problem, List.of());
    }

    /** Each playback session's and each ledger line's figure against what the records add up to. */
    private List<String> reconcile(long classId, Map<String, Sum> sessions) {
        List<String> differences = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> playback = em.createNativeQuery("SELECT id, learner_id, credited_seconds FROM playback_session WHERE class_id = ?")
                .setParameter(1, classId).getResultList();
        Set<String> videoSessions = playback.stream().map(r -> (String) r[0]).collect(Collectors.toSet());
        for (Object[] r : playback) {
            Sum sum = sessions.get((String) r[0]);
            long recorded = sum == null ? 0 : sum.seconds;
            long shown = ((Number) r[2]).longValue();
            if (shown != recorded) {
                differences.add("playback session " + r[0] + " of learner " + r[1] + " shows " + shown + " s credited; its records add up to "
                        + recorded + " s");
            }
        }
        // (learner, unit) → {self-paced, live} as the records add them up.
        Map<List<Long>, long[]> lines = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0)) ? Long.compare(a.get(1), b.get(1))
                : Long.compare(a.get(0), b.get(0)));
        sessions.forEach((id, sum) -> lines.computeIfAbsent(List.of(sum.learnerId, sum.unitId), k -> new long[2])[videoSessions.contains(id) ? 0 : 1]
                += sum.seconds);
        @SuppressWarnings("unchecked")
        List<Object[]> ledger = em.createNativeQuery("SELECT learner_id, unit_id, self_paced_seconds, live_seconds FROM ledger_entry WHERE class_id = ?")
                .setParameter(1, classId).getResultList();
        for (Object[] r : ledger) {
            List<Long> key = List.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            long[] recorded = lines.remove(key);
            long selfPaced = recorded == null ? 0 : recorded[0];
            long live = recorded == null ? 0 : recorded[1];
            if (((Number) r[2]).longValue() != selfPaced || ((Number) r[3]).longValue() != live) {
                differences.add("ledger line of learner " + key.get(0) + ", unit " + key.get(1) + " shows " + r[2] + " s self-paced and " + r[3]
                        + " s live; its records add up to " + selfPaced + " s and " + live + " s");
            }
        }
        lines.forEach((key, recorded) -> {
            if (recorded[0] != 0 || recorded[1] != 0) {
                differences.add("the ledger has no line for learner " + key.get(0) + ", unit " + key.get(1) + "; its records add up to "
                        + recorded[0] + " s self-paced and " + recorded[1] + " s live");
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
     * Seals, once, each chain whose records were all written before there was a chain key: its last record and an
     * HMAC of it under the key. Those records keep their plain SHA-256 hashes; the seal makes rewriting them
     * without the key detectable. Chains with keyed records are never sealed again.
     *
     * @return how many chains were sealed
     */
    @Transactional
    public int sealUnkeyedChains() {
        @SuppressWarnings("unchecked")
        List<Object[]> unsealed = em.createNativeQuery("SELECT r.class_id, MAX(r.chain_seq) FROM attendance_record r"
                + " WHERE r.key_id IS NULL AND NOT EXISTS (SELECT 1 FROM attendance_seal s WHERE s.class_id = r.class_id)"
                + " AND NOT EXISTS (SELECT 1 FROM attendance_record k WHERE k.class_id = r.class_id AND k.key_id IS NOT NULL)"
                + " GROUP BY r.class_id").getResultList();
        ChainKeys.Key key = keys.current();
        Instant now = Instant.ofEpochMilli(Instant.now().toEpochMilli());
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
        return unsealed.size();
    }

    /** A statement of every chain's head now, signed with the platform's key (an auditor keeps it). */
    @Transactional
    public Statement statement() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT class_id, last_seq, last_hash FROM attendance_chain ORDER BY class_id").getResultList();
        List<Head> heads = rows.stream().map(r -> new Head(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2])).toList();
        Instant now = Instant.now();
        JsonArrayBuilder claimed = Jsonp.array();
        heads.forEach(h -> claimed.add(Jsonp.object().add("classId", h.classId()).add("lastSeq", h.lastSeq()).add("lastHash", h.lastHash())));
        // A statement is evidence for as long as the records are kept: it does not expire for practical purposes.
        String signed = tokens.sign(Jsonp.object().add("aud", STATEMENT_AUDIENCE).add("iat", now.getEpochSecond())
                .add("exp", now.plus(Duration.ofDays(365L * 100)).getEpochSecond()).add("heads", claimed));
        return new Statement(now, heads, signed);
    }

    /**
     * Checks a statement made earlier: its signature, and that each chain it names still holds, at the sequence
     * number it names, the record it names (history rewritten or cut since then breaks this).
     */
    @Transactional
    public StatementCheck check(String statement) {
        JsonObject claims;
        try {
            claims = Jwt.verify(statement, tokenSettings.publicKey(), tokenSettings.issuer(), Instant.now());
        } catch (PlatformException e) {
            throw PlatformException.invalid("This is not a statement signed by this platform.", List.of(new FieldError("statement", e.getMessage())));
        }
        if (!STATEMENT_AUDIENCE.equals(claims.getString("aud", "")) || !(claims.get("heads") instanceof JsonArray heads)) {
            throw PlatformException.invalid("This is not a statement of the attendance chains.",
                    List.of(new FieldError("statement", "is another kind of token")));
        }
        List<HeadCheck> checks = new ArrayList<>();
        for (JsonValue v : heads) {
            JsonObject h = v.asJsonObject();
            long classId = h.getJsonNumber("classId").longValue();
            long seq = h.getJsonNumber("lastSeq").longValue();
            String hash = h.getString("lastHash");
            if (seq == 0) {
                checks.add(new HeadCheck(classId, seq, true, null));
                continue;
            }
            List<?> found = em.createNativeQuery("SELECT hash FROM attendance_record WHERE class_id = ? AND chain_seq = ?")
                    .setParameter(1, classId).setParameter(2, seq).getResultList();
            String problem = found.isEmpty() ? "record " + seq + " named by the statement is gone"
                    : !hash.equals(found.get(0)) ? "record " + seq + " is no longer the one the statement names" : null;
            checks.add(new HeadCheck(classId, seq, problem == null, problem));
        }
        return new StatementCheck(Instant.ofEpochSecond(claims.getJsonNumber("iat").longValue()), checks.stream().allMatch(HeadCheck::holds),
                checks);
    }

    private static boolean bool(Object o) {
        return o instanceof Boolean b ? b : ((Number) o).intValue() != 0;
    }
}
