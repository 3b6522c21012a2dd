package cn.imtp.lms.attendance.control;

import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
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
     * figure that differs from what the records add up to (both in both languages, for the page to show).
     */
    public record Check(
            long classId, boolean intact, long records, Long firstBrokenSeq, Words problem, List<Words> differences) {}

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
    private record Playback(String id, long learnerId, long unitId, String assetId, long creditedSeconds) {}

    /** A record as it is stored: its chained fields, the hashes and the key that sealed it (null: before there was one). */
    private record StoredRecord(RecordHash.Fields fields, String prevHash, String hash, String keyId) {

        static final String COLUMNS =
                "chain_seq, session_id, beat_seq, learner_id, unit_id, received_at, elapsed_ms, played, rate, visible,"
                        + " credited_seconds, credited_spans, prev_hash, hash, key_id";

        static StoredRecord read(long classId, ResultSet r) throws SQLException {
            return new StoredRecord(
                    new RecordHash.Fields(
                            classId,
                            r.getLong("chain_seq"),
                            r.getString("session_id"),
                            r.getLong("beat_seq"),
                            r.getLong("learner_id"),
                            r.getLong("unit_id"),
                            r.getTimestamp("received_at").getTime(),
                            r.getLong("elapsed_ms"),
                            r.getString("played"),
                            r.getDouble("rate"),
                            r.getBoolean("visible"),
                            r.getInt("credited_seconds"),
                            r.getString("credited_spans")),
                    r.getString("prev_hash"),
                    r.getString("hash"),
                    r.getString("key_id"));
        }
    }

    /** A live session as its row says. */
    private record Live(String id, long learnerId, long creditedSeconds) {}

    /** A ledger line as its row says. */
    private record LedgerLine(long learnerId, long unitId, long selfPacedSeconds, long liveSeconds) {}

    /** A learner's watched seconds of a video as the row says. */
    private record Watched(long learnerId, String assetId, BitSet seconds) {}

    /** A chain whose records all predate the key: its last record. */
    private record Unsealed(long classId, long lastSeq) {}

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
        Bulk sql = Bulk.on(em);
        Map<String, Playback> playbacks = sql
                .select(
                        "SELECT id, learner_id, unit_id, asset_id, credited_seconds FROM playback_session"
                                + " WHERE class_id = ?",
                        List.of(classId),
                        r -> new Playback(
                                r.getString("id"),
                                r.getLong("learner_id"),
                                r.getLong("unit_id"),
                                r.getString("asset_id"),
                                r.getLong("credited_seconds")))
                .stream()
                .collect(Collectors.toMap(Playback::id, p -> p));
        // Each learner's watched seconds of each video in this class, replayed from the records in chain order.
        Map<List<Object>, BitSet> watched = new HashMap<>();
        final int page = 5000;
        while (true) {
            List<StoredRecord> rows = sql.select(
                    "SELECT " + StoredRecord.COLUMNS + " FROM attendance_record WHERE class_id = ?"
                            + " AND chain_seq >= ? ORDER BY chain_seq LIMIT " + page,
                    List.of(classId, expected),
                    r -> StoredRecord.read(classId, r));
            for (StoredRecord r : rows) {
                RecordHash.Fields fields = r.fields();
                long seq = fields.chainSeq();
                if (seq != expected) {
                    return broken(
                            classId,
                            count,
                            expected,
                            new Words(
                                    "记录 " + expected + " 缺失（下一条为 " + seq + "）",
                                    "record " + expected + " is missing (the next is " + seq + ")"));
                }
                if (!previous.equals(r.prevHash())) {
                    return broken(
                            classId,
                            count,
                            seq,
                            new Words(
                                    "记录 " + seq + " 未接续记录 " + (seq - 1),
                                    "record " + seq + " does not follow record " + (seq - 1)));
                }
                String keyId = r.keyId();
                String hash;
                if (keyId == null) {
                    if (seal == null || seq > seal.seq()) {
                        return broken(
                                classId,
                                count,
                                seq,
                                new Words(
                                        "记录 " + seq + " 未用记录链密钥封存",
                                        "record " + seq + " is not sealed with the chain key"));
                    }
                    hash = RecordHash.of(previous, fields);
                } else {
                    ChainKeys.Key key = keys.byId(keyId);
                    if (key == null) {
                        return broken(
                                classId,
                                count,
                                seq,
                                new Words(
                                        "记录 " + seq + " 使用密钥 " + keyId
                                                + " 封存，但该密钥未配置（lms.attendance.chain-previous-keys）",
                                        "record " + seq + " is sealed with key " + keyId
                                                + ", which is not configured (lms.attendance.chain-previous-keys)"));
                    }
                    hash = RecordHash.keyed(key, previous, fields);
                }
                if (!hash.equals(r.hash())) {
                    return broken(
                            classId, count, seq, new Words("记录 " + seq + " 已被改动", "record " + seq + " was altered"));
                }
                if (seal != null && seq == seal.seq() && !seal.hash().equals(hash)) {
                    return broken(
                            classId,
                            count,
                            seq,
                            new Words(
                                    "记录 " + seq + " 不是记录链封存时所指的那一条",
                                    "record " + seq + " is not the one the chain's seal names"));
                }
                Sum sum = sessions.computeIfAbsent(fields.sessionId(), id -> new Sum());
                sum.learnerId = fields.learnerId();
                sum.unitId = fields.unitId();
                sum.seconds += fields.creditedSeconds();
                sum.live = fields.played().startsWith(AttendanceChain.LIVE_PLAYED);
                Playback playback = playbacks.get(fields.sessionId());
                if (!sum.live && playback != null && fields.creditedSeconds() != 0) {
                    BitSet seconds =
                            watched.computeIfAbsent(List.of(fields.learnerId(), playback.assetId()), k -> new BitSet());
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
                return broken(
                        classId,
                        count,
                        seal.seq(),
                        new Words(
                                "启用记录链密钥之前所写记录的封存已被改动",
                                "the seal of the records written before the chain key was altered"));
            }
            if (count < seal.seq()) {
                return broken(
                        classId,
                        count,
                        count + 1,
                        new Words(
                                "封存记载了 " + seal.seq() + " 条记录，但记录链中只有 " + count + " 条",
                                "the seal names " + seal.seq() + " records but the chain holds " + count));
            }
        }
        for (ChainStatements.Head head : sql.select(
                "SELECT class_id, last_seq, last_hash FROM attendance_chain WHERE class_id = ?",
                List.of(classId),
                ChainStatements.Head::read)) {
            if (head.lastSeq() != count || !previous.equals(head.lastHash())) {
                return broken(
                        classId,
                        count,
                        count + 1,
                        new Words(
                                "记录链止于记录 " + count + "，但已写入 " + head.lastSeq() + " 条：最后的记录已被删除",
                                "the chain ends at record " + count + " but " + head.lastSeq()
                                        + " were written: the last records were removed"));
            }
        }
        List<Words> differences = reconcile(sql, classId, sessions, playbacks, watched);
        return new Check(
                classId,
                differences.isEmpty(),
                count,
                null,
                differences.isEmpty()
                        ? null
                        : new Words(
                                differences.size() + " 项报告数字与记录不符："
                                        + differences.get(0).zh(),
                                differences.size() + " reported figures differ from the records: "
                                        + differences.get(0).en()),
                differences);
    }

    private static Check broken(long classId, long count, long seq, Words problem) {
        return new Check(classId, false, count, seq, problem, List.of());
    }

    /** Each session's, ledger line's and watched-seconds row's figure against what the records add up to. */
    private static List<Words> reconcile(
            Bulk sql,
            long classId,
            Map<String, Sum> sessions,
            Map<String, Playback> playbacks,
            Map<List<Object>, BitSet> watched) {
        List<Words> differences = new ArrayList<>();
        for (Playback p : playbacks.values()) {
            Sum sum = sessions.get(p.id());
            long recorded = sum == null ? 0 : sum.seconds;
            if (p.creditedSeconds() != recorded) {
                differences.add(new Words(
                        "学员 " + p.learnerId() + " 的观看会话 " + p.id() + " 显示计入 " + p.creditedSeconds() + " 秒，其记录合计为 "
                                + recorded + " 秒",
                        "playback session " + p.id() + " of learner " + p.learnerId() + " shows " + p.creditedSeconds()
                                + " s credited; its records add up to " + recorded + " s"));
            }
            if (sum != null && (sum.live || sum.learnerId != p.learnerId() || sum.unitId != p.unitId())) {
                differences.add(new Words(
                        "观看会话 " + p.id() + " 记载的是学员 " + p.learnerId() + "、学习单元 " + p.unitId() + "，其记录记载的却是学员 "
                                + sum.learnerId + "、学习单元 " + sum.unitId + (sum.live ? "（直播课）" : ""),
                        "playback session " + p.id() + " names learner " + p.learnerId() + " and unit " + p.unitId()
                                + "; its records name learner " + sum.learnerId + " and unit " + sum.unitId
                                + (sum.live ? " in a live lesson" : "")));
            }
        }
        List<Live> live = sql.select(
                "SELECT id, learner_id, credited_seconds FROM live_session WHERE class_id = ?",
                List.of(classId),
                r -> new Live(r.getString("id"), r.getLong("learner_id"), r.getLong("credited_seconds")));
        Set<String> liveSessions = new HashSet<>();
        for (Live l : live) {
            liveSessions.add(l.id());
            Sum sum = sessions.get(l.id());
            long recorded = sum == null ? 0 : sum.seconds;
            if (l.creditedSeconds() != recorded || (sum != null && (!sum.live || sum.learnerId != l.learnerId()))) {
                differences.add(new Words(
                        "学员 " + l.learnerId() + " 的直播课会话 " + l.id() + " 显示计入 " + l.creditedSeconds() + " 秒，其记录合计为 "
                                + recorded + " 秒" + (sum != null && !sum.live ? "（课程视频的记录）" : ""),
                        "live session " + l.id() + " of learner " + l.learnerId() + " shows " + l.creditedSeconds()
                                + " s credited; its records add up to " + recorded + " s"
                                + (sum != null && !sum.live ? ", of a lesson video" : "")));
            }
        }
        sessions.forEach((id, sum) -> {
            if (!playbacks.containsKey(id) && !liveSessions.contains(id) && sum.seconds != 0) {
                differences.add(new Words(
                        "学员 " + sum.learnerId + " 的会话 " + id + " 有计入 " + sum.seconds + " 秒的记录，但它不是本班级的会话",
                        "session " + id + " of learner " + sum.learnerId + " has records crediting " + sum.seconds
                                + " s but is no session of the class"));
            }
        });
        // (learner, unit) → {self-paced, live} as the records add them up.
        Map<List<Long>, long[]> lines = new HashMap<>();
        sessions.forEach((id, sum) -> lines.computeIfAbsent(List.of(sum.learnerId, sum.unitId), k -> new long[2])[
                sum.live ? 1 : 0] += sum.seconds);
        List<LedgerLine> ledger = sql.select(
                "SELECT learner_id, unit_id, self_paced_seconds, live_seconds FROM ledger_entry WHERE class_id = ?",
                List.of(classId),
                r -> new LedgerLine(
                        r.getLong("learner_id"),
                        r.getLong("unit_id"),
                        r.getLong("self_paced_seconds"),
                        r.getLong("live_seconds")));
        for (LedgerLine line : ledger) {
            List<Long> key = List.of(line.learnerId(), line.unitId());
            long[] recorded = lines.remove(key);
            long selfPaced = recorded == null ? 0 : recorded[0];
            long liveSeconds = recorded == null ? 0 : recorded[1];
            if (line.selfPacedSeconds() != selfPaced || line.liveSeconds() != liveSeconds) {
                differences.add(new Words(
                        "学员 " + line.learnerId() + "、学习单元 " + line.unitId() + " 的学时台账显示自主学习 " + line.selfPacedSeconds()
                                + " 秒、直播课 " + line.liveSeconds() + " 秒，其记录合计为 " + selfPaced + " 秒和 " + liveSeconds
                                + " 秒",
                        "ledger line of learner " + line.learnerId() + ", unit " + line.unitId() + " shows "
                                + line.selfPacedSeconds() + " s self-paced and " + line.liveSeconds()
                                + " s live; its records add up to " + selfPaced + " s and " + liveSeconds + " s"));
            }
        }
        lines.forEach((key, recorded) -> {
            if (recorded[0] != 0 || recorded[1] != 0) {
                differences.add(new Words(
                        "学时台账中没有学员 " + key.get(0) + "、学习单元 " + key.get(1) + " 的条目，其记录合计为自主学习 " + recorded[0] + " 秒、直播课 "
                                + recorded[1] + " 秒",
                        "the ledger has no line for learner " + key.get(0) + ", unit " + key.get(1)
                                + "; its records add up to " + recorded[0] + " s self-paced and " + recorded[1]
                                + " s live"));
            }
        });
        List<Watched> rows = sql.select(
                "SELECT learner_id, asset_id, seconds FROM watched_video WHERE class_id = ?",
                List.of(classId),
                r -> new Watched(
                        r.getLong("learner_id"),
                        r.getString("asset_id"),
                        r.getBytes("seconds") == null ? new BitSet() : BitSet.valueOf(r.getBytes("seconds"))));
        for (Watched row : rows) {
            List<Object> key = List.of(row.learnerId(), row.assetId());
            BitSet recorded = watched.remove(key);
            BitSet shown = row.seconds();
            if (!shown.equals(recorded == null ? new BitSet() : recorded)) {
                String credit = Spans.format(recorded == null ? new BitSet() : recorded);
                differences.add(new Words(
                        "学员 " + key.get(0) + " 观看视频 " + key.get(1) + " 的已看秒数为 " + Spans.format(shown) + "，其记录计入的是 "
                                + credit,
                        "the watched seconds of learner " + key.get(0) + ", video " + key.get(1) + " are "
                                + Spans.format(shown) + "; its records credit " + credit));
            }
        }
        watched.forEach((key, recorded) -> {
            if (!recorded.isEmpty()) {
                differences.add(new Words(
                        "学员 " + key.get(0) + " 观看视频 " + key.get(1) + " 的已看秒数已丢失，其记录计入的是 " + Spans.format(recorded),
                        "the watched seconds of learner " + key.get(0) + ", video " + key.get(1)
                                + " are gone; its records credit " + Spans.format(recorded)));
            }
        });
        return differences;
    }

    private Seal seal(long classId) {
        return Bulk.on(em)
                .select(
                        "SELECT chain_seq, hash, key_id, sealed_at, mac FROM attendance_seal WHERE class_id = ?",
                        List.of(classId),
                        r -> new Seal(
                                r.getLong("chain_seq"),
                                r.getString("hash"),
                                r.getString("key_id"),
                                r.getTimestamp("sealed_at").toInstant(),
                                r.getString("mac")))
                .stream()
                .findFirst()
                .orElse(null);
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
        int first = em.createNativeQuery(
                        "INSERT IGNORE INTO attendance_seal_run (id, sealed_at, key_id, classes, mac) VALUES (1, ?, ?, '', '')")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, key.id())
                .executeUpdate();
        if (first == 0) {
            return 0;
        }
        List<Unsealed> unsealed = Bulk.on(em)
                .select(
                        "SELECT r.class_id, MAX(r.chain_seq) AS last_seq FROM attendance_record r"
                                + " WHERE r.key_id IS NULL AND NOT EXISTS (SELECT 1 FROM attendance_seal s WHERE s.class_id = r.class_id)"
                                + " AND NOT EXISTS (SELECT 1 FROM attendance_record k WHERE k.class_id = r.class_id AND k.key_id IS NOT NULL)"
                                + " GROUP BY r.class_id ORDER BY r.class_id",
                        List.of(),
                        r -> new Unsealed(r.getLong("class_id"), r.getLong("last_seq")));
        for (Unsealed u : unsealed) {
            long classId = u.classId();
            long seq = u.lastSeq();
            String hash = (String)
                    em.createNativeQuery("SELECT hash FROM attendance_record WHERE class_id = ? AND chain_seq = ?")
                            .setParameter(1, classId)
                            .setParameter(2, seq)
                            .getSingleResult();
            Seal seal = new Seal(seq, hash, key.id(), now, null);
            em.createNativeQuery(
                            "INSERT IGNORE INTO attendance_seal (class_id, chain_seq, hash, key_id, sealed_at, mac) VALUES (?,?,?,?,?,?)")
                    .setParameter(1, classId)
                    .setParameter(2, seq)
                    .setParameter(3, hash)
                    .setParameter(4, key.id())
                    .setParameter(5, Timestamp.from(now))
                    .setParameter(6, ChainKeys.mac(key, seal.text(classId)))
                    .executeUpdate();
        }
        String classes =
                unsealed.stream().map(u -> u.classId() + ":" + u.lastSeq()).collect(Collectors.joining(","));
        em.createNativeQuery("UPDATE attendance_seal_run SET classes = ?, mac = ? WHERE id = 1")
                .setParameter(1, classes)
                .setParameter(
                        2, ChainKeys.mac(key, "seal-run|" + now.toEpochMilli() + "|" + classes + "|key:" + key.id()))
                .executeUpdate();
        return unsealed.size();
    }
}
