package cn.imtp.lms.attendance.control;

import cn.imtp.lms.application.ChinaTime;
import cn.imtp.lms.application.TimeFields;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.documents.Document;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Other hours (其他学时): internship, site visits, self-study and the like, entered per learner by a
 * teacher of the class (or an administrator) with a note. They count toward the total hours only. An
 * entry is never changed: a mistake is withdrawn with a reason and stays on record; both are audited.
 */
@ApplicationScoped
public class OtherHours {

    public enum Kind {
        INTERNSHIP,
        SITE_VISIT,
        SELF_STUDY,
        OTHER
    }

    /** At most one day's worth in one entry. */
    static final int MAX_MINUTES = 24 * 60;

    /** {@code date} as the page's date field gives it ({@code 2026-12-10}, a day in China). */
    public record NewEntry(Long learnerId, String kind, Integer minutes, String date, String note) {}

    public record Entry(
            long id,
            long learnerId,
            String username,
            String fullName,
            String kind,
            int minutes,
            LocalDate date,
            String note,
            String enteredBy,
            Instant enteredAt,
            Instant withdrawnAt,
            String withdrawReason,
            EvidenceInfo evidence) {}

    /** The file attached to an entry as evidence (its bytes are fetched on their own). */
    public record EvidenceInfo(String fileName, String contentType, int sizeBytes, String sha256) {}

    /** An evidence file with its bytes, for downloading. */
    public record Evidence(EvidenceInfo info, byte[] content) {}

    public record Withdrawal(String reason) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "lms.attendance.evidence-max-bytes")
    int evidenceMaxBytes;

    /** The most bytes an evidence upload may have; the boundary reads one more to know a file is too large. */
    public int evidenceMaxBytes() {
        return evidenceMaxBytes;
    }

    /**
     * Attaches a document to an entry as evidence, once (teachers of the class, administrators). The content is
     * checked, not the name or the declared type: a PDF, JPEG or PNG by its first bytes. Audited.
     */
    @Transactional
    public Entry attach(
            long classId, long entryId, String fileName, byte[] content, Caller caller, String clientAddress) {
        classes.visible(classId, caller);
        Entry entry = find(classId, entryId);
        if (entry.withdrawnAt() != null) {
            throw PlatformException.conflict(new Words(
                    "记录 " + entryId + " 已撤销，证明材料只能附在有效的记录上。",
                    "Entry " + entryId + " was withdrawn; evidence goes with a valid entry."));
        }
        if (entry.evidence() != null) {
            throw PlatformException.conflict(new Words(
                    "记录 " + entryId + " 已有证明材料（" + entry.evidence().fileName() + "）；如需更换，请撤销该记录后重新录入。",
                    "Entry " + entryId + " already has its evidence ("
                            + entry.evidence().fileName()
                            + "); to change it, withdraw the entry and record it again."));
        }
        Document d = Document.checked(fileName, content, evidenceMaxBytes, "file", "evidence");
        String name = d.fileName();
        String sha256 = d.sha256();
        String type = d.contentType();
        em.createNativeQuery(
                        "INSERT INTO other_hours_evidence (entry_id, file_name, content_type, size_bytes, sha256, content, attached_by, attached_at)"
                                + " VALUES (?,?,?,?,?,?,?,?)")
                .setParameter(1, entryId)
                .setParameter(2, name)
                .setParameter(3, type)
                .setParameter(4, content.length)
                .setParameter(5, sha256)
                .setParameter(6, content)
                .setParameter(7, caller.accountId())
                .setParameter(8, Timestamp.from(Instant.now()))
                .executeUpdate();
        audit.record(
                caller,
                "OTHER_HOURS_EVIDENCE",
                entry.learnerId(),
                "class " + classId + ", entry " + entryId + ": " + name + ", " + content.length + " bytes, sha256 "
                        + sha256,
                clientAddress);
        return find(classId, entryId);
    }

    /** An entry's evidence file; learners reach only their own entries'. */
    @Transactional
    public Evidence evidence(long classId, long entryId, Caller caller) {
        classes.visible(classId, caller);
        Entry entry = find(classId, entryId);
        if (entry.evidence() == null || (caller.role() == Role.LEARNER && entry.learnerId() != caller.accountId())) {
            throw PlatformException.notFound(new Words("其他学时记录的证明材料", "Evidence of other hours entry"), entryId);
        }
        byte[] content = (byte[]) em.createNativeQuery("SELECT content FROM other_hours_evidence WHERE entry_id = ?")
                .setParameter(1, entryId)
                .getSingleResult();
        return new Evidence(entry.evidence(), content);
    }

    @Transactional
    public Entry enter(long classId, NewEntry e, Caller caller, String clientAddress) {
        TrainingClass c = classes.visible(classId, caller);
        List<FieldError> errors = new ArrayList<>();
        if (e == null) {
            throw PlatformException.invalid(
                    new Words(
                            "请以 JSON 格式发送其他学时信息：学员、类型、分钟数、日期和说明。",
                            "Send {\"learnerId\", \"kind\", \"minutes\", \"date\", \"note\"}."),
                    List.of());
        }
        if (e.learnerId() == null || !c.learnerIds().contains(e.learnerId())) {
            errors.add(new FieldError("learnerId", new Words("须为本班级的学员", "must be a learner of this class")));
        }
        Kind kind = null;
        try {
            kind = e.kind() == null ? null : Kind.valueOf(e.kind());
        } catch (IllegalArgumentException notAKind) {
            // reported below
        }
        if (kind == null) {
            errors.add(new FieldError(
                    "kind",
                    new Words(
                            "须为 INTERNSHIP、SITE_VISIT、SELF_STUDY、OTHER 之一",
                            "one of INTERNSHIP, SITE_VISIT, SELF_STUDY, OTHER")));
        }
        if (e.minutes() == null || e.minutes() < 1 || e.minutes() > MAX_MINUTES) {
            errors.add(new FieldError(
                    "minutes",
                    new Words(
                            "每条记录须为 1 至 " + MAX_MINUTES + " 分钟（一天）",
                            "between 1 and " + MAX_MINUTES + " (one day) per entry")));
        }
        LocalDate today = ChinaTime.today();
        LocalDate date = TimeFields.date(e.date(), "date", false, errors);
        boolean garbled = errors.stream().anyMatch(f -> f.field().equals("date"));
        if (!garbled
                && (date == null || date.isBefore(c.startsOn()) || date.isAfter(c.endsOn()) || date.isAfter(today))) {
            errors.add(new FieldError(
                    "date",
                    new Words(
                            "须为班级期间（" + c.startsOn() + " 至 " + c.endsOn() + "）内的日期，且不晚于今天",
                            "a day of the class (" + c.startsOn() + " to " + c.endsOn() + "), not after today")));
        }
        if (e.note() == null || e.note().isBlank() || e.note().length() > 1000) {
            errors.add(new FieldError(
                    "note",
                    new Words("请说明做了什么、在哪里（最多 1000 个字符）", "say what was done and where (at most 1000 characters)")));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(new Words("其他学时未录入。", "The other hours were not recorded."), errors);
        }
        Instant now = Instant.now();
        em.createNativeQuery(
                        "INSERT INTO other_hours (class_id, learner_id, kind, minutes, on_date, note, entered_by, entered_at)"
                                + " VALUES (?,?,?,?,?,?,?,?)")
                .setParameter(1, classId)
                .setParameter(2, e.learnerId())
                .setParameter(3, kind.name())
                .setParameter(4, e.minutes())
                .setParameter(5, Date.valueOf(date))
                .setParameter(6, e.note().trim())
                .setParameter(7, caller.accountId())
                .setParameter(8, Timestamp.from(now))
                .executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
        audit.record(
                caller,
                "OTHER_HOURS_ENTERED",
                e.learnerId(),
                "class " + classId + ", entry " + id + ": " + kind + " " + e.minutes() + " min on " + date,
                clientAddress);
        return find(classId, id);
    }

    @Transactional
    public Entry withdraw(long classId, long entryId, Withdrawal w, Caller caller, String clientAddress) {
        classes.visible(classId, caller);
        if (w == null
                || w.reason() == null
                || w.reason().isBlank()
                || w.reason().length() > 500) {
            throw PlatformException.invalid(
                    new Words("请说明撤销该记录的理由。", "Say why the entry is withdrawn."),
                    List.of(new FieldError("reason", new Words("必填，最多 500 个字符", "required, at most 500 characters"))));
        }
        Entry entry = find(classId, entryId);
        if (entry.withdrawnAt() != null) {
            throw PlatformException.conflict(new Words(
                    "记录 " + entryId + " 已于 "
                            + ChinaTime.inWords(entry.withdrawnAt()).zh() + " 撤销。",
                    "Entry " + entryId + " was already withdrawn on "
                            + ChinaTime.inWords(entry.withdrawnAt()).en() + "."));
        }
        em.createNativeQuery(
                        "UPDATE other_hours SET withdrawn_by = ?, withdrawn_at = ?, withdraw_reason = ? WHERE id = ? AND withdrawn_at IS NULL")
                .setParameter(1, caller.accountId())
                .setParameter(2, Timestamp.from(Instant.now()))
                .setParameter(3, w.reason().trim())
                .setParameter(4, entryId)
                .executeUpdate();
        audit.record(
                caller,
                "OTHER_HOURS_WITHDRAWN",
                entry.learnerId(),
                "class " + classId + ", entry " + entryId + ": " + w.reason().trim(),
                clientAddress);
        return find(classId, entryId);
    }

    /** The class's entries, newest first; learners see their own. */
    @Transactional
    public List<Entry> list(long classId, Caller caller) {
        classes.visible(classId, caller);
        return query(
                "WHERE o.class_id = ?"
                        + (caller.role() == Role.LEARNER ? " AND o.learner_id = " + caller.accountId() : ""),
                classId);
    }

    /** Minutes per learner of the class, withdrawn entries left out. */
    Map<Long, Integer> minutesByLearner(long classId) {
        Map<Long, Integer> out = new HashMap<>();
        Bulk.on(em)
                .selectTogether(List.of(new Bulk.Query(
                        "SELECT learner_id, SUM(minutes) AS minutes FROM other_hours"
                                + " WHERE class_id = ? AND withdrawn_at IS NULL GROUP BY learner_id",
                        List.of(classId),
                        r -> out.put(r.getLong("learner_id"), r.getInt("minutes")))));
        return out;
    }

    private Entry find(long classId, long id) {
        List<Entry> found = query("WHERE o.class_id = ? AND o.id = " + id, classId);
        if (found.isEmpty()) {
            throw PlatformException.notFound(new Words("其他学时记录", "Other hours entry"), id);
        }
        return found.get(0);
    }

    private List<Entry> query(String where, long classId) {
        return Bulk.on(em)
                .select(
                        "SELECT o.id, o.learner_id, a.username, a.full_name, o.kind, o.minutes, o.on_date, o.note,"
                                + " e.username AS entered_by, o.entered_at, o.withdrawn_at, o.withdraw_reason,"
                                + " v.file_name, v.content_type, v.size_bytes, v.sha256"
                                + " FROM other_hours o JOIN account a ON a.id = o.learner_id JOIN account e ON e.id = o.entered_by"
                                + " LEFT JOIN other_hours_evidence v ON v.entry_id = o.id " + where
                                + " ORDER BY o.id DESC",
                        List.of(classId),
                        r -> new Entry(
                                r.getLong("id"),
                                r.getLong("learner_id"),
                                r.getString("username"),
                                r.getString("full_name"),
                                r.getString("kind"),
                                r.getInt("minutes"),
                                r.getDate("on_date").toLocalDate(),
                                r.getString("note"),
                                r.getString("entered_by"),
                                Bulk.instant(r, "entered_at"),
                                Bulk.instant(r, "withdrawn_at"),
                                r.getString("withdraw_reason"),
                                r.getString("file_name") == null
                                        ? null
                                        : new EvidenceInfo(
                                                r.getString("file_name"),
                                                r.getString("content_type"),
                                                r.getInt("size_bytes"),
                                                r.getString("sha256"))));
    }
}
