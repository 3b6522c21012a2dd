package cn.imtp.lms.attendance.control;

import cn.imtp.lms.identity.control.TokenIssuer;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.json.Jsonp;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Jwt;
import cn.imtp.platform.security.TokenSettings;
import cn.imtp.platform.text.Language;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed statements of the attendance chains' heads, for an auditor to keep outside the platform (e.g. daily):
 * history rewritten or cut after a statement is found by checking the statement against the chains, even where
 * the chains themselves were made to look whole again.
 */
@ApplicationScoped
public class ChainStatements {

    /** A chain's head as a statement names it. */
    public record Head(long classId, long lastSeq, String lastHash) {

        /** From a row of {@code SELECT class_id, last_seq, last_hash FROM attendance_chain}. */
        static Head read(ResultSet r) throws SQLException {
            return new Head(r.getLong("class_id"), r.getLong("last_seq"), r.getString("last_hash"));
        }
    }

    /** A signed statement of every chain's head: {@code statement} is a JWT signed with the platform's key. */
    public record Statement(Instant issuedAt, List<Head> heads, String statement) {}

    /** How one chain compares with a statement made earlier; {@code problem} in both languages (null when it holds). */
    public record HeadCheck(long classId, long lastSeq, boolean holds, Words problem) {}

    public record StatementCheck(Instant issuedAt, boolean holds, List<HeadCheck> classes) {}

    static final String AUDIENCE = "attendance-statement";

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    TokenIssuer tokens;

    @Inject
    TokenSettings tokenSettings;

    /** A statement of every chain's head now, signed with the platform's key (an auditor keeps it). */
    @Transactional
    public Statement statement() {
        List<Head> heads = Bulk.on(em)
                .select(
                        "SELECT class_id, last_seq, last_hash FROM attendance_chain ORDER BY class_id",
                        List.of(),
                        Head::read);
        Instant now = Instant.now();
        JsonArrayBuilder claimed = Jsonp.array();
        heads.forEach(h -> claimed.add(Jsonp.object()
                .add("classId", h.classId())
                .add("lastSeq", h.lastSeq())
                .add("lastHash", h.lastHash())));
        // A statement is evidence for as long as the records are kept: it does not expire for practical purposes.
        String signed = tokens.sign(Jsonp.object()
                .add("aud", AUDIENCE)
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(Duration.ofDays(365L * 100)).getEpochSecond())
                .add("heads", claimed));
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
            throw PlatformException.invalid(
                    new Words("这不是本平台签发的考勤声明。", "This is not a statement signed by this platform."),
                    List.of(new FieldError("statement", new Words(e.detail(Language.ZH), e.detail(Language.EN)))));
        }
        if (!AUDIENCE.equals(claims.getString("aud", "")) || !(claims.get("heads") instanceof JsonArray heads)) {
            throw PlatformException.invalid(
                    new Words("这不是考勤记录链的声明。", "This is not a statement of the attendance chains."),
                    List.of(new FieldError("statement", new Words("是另一种令牌", "is another kind of token"))));
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
            List<?> found = em.createNativeQuery(
                            "SELECT hash FROM attendance_record WHERE class_id = ? AND chain_seq = ?")
                    .setParameter(1, classId)
                    .setParameter(2, seq)
                    .getResultList();
            Words problem = found.isEmpty()
                    ? new Words("声明所指的记录 " + seq + " 已不存在", "record " + seq + " named by the statement is gone")
                    : !hash.equals(found.get(0))
                            ? new Words(
                                    "记录 " + seq + " 已不是声明所指的那一条",
                                    "record " + seq + " is no longer the one the statement names")
                            : null;
            checks.add(new HeadCheck(classId, seq, problem == null, problem));
        }
        return new StatementCheck(
                Instant.ofEpochSecond(claims.getJsonNumber("iat").longValue()),
                checks.stream().allMatch(HeadCheck::holds),
                checks);
    }
}
