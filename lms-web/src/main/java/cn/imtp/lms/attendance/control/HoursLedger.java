package cn.imtp.lms.attendance.control;

import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.identity.control.IdDocuments;
import cn.imtp.lms.plan.control.Plans;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The hours ledger of a class, read from the aggregated ledger (never from the raw records). */
@ApplicationScoped
public class HoursLedger {

    public record ClassLedger(
            long classId,
            String className,
            int classHourMinutes,
            int planMinutes,
            int minimumMinutes,
            int learners,
            int meetingHours,
            List<LedgerRules.LearnerStatus> items) {}

    /** One session (a lesson video or a live lesson) as an audit export lists it; the ID number is masked. */
    public record SessionRow(
            String username,
            String fullName,
            String idNumberMasked,
            long unitId,
            String unitName,
            Instant start,
            Instant end,
            int creditedSeconds,
            Kind kind) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    Plans plans;

    @Inject
    AuditLog audit;

    @Inject
    AttendanceSettings settings;

    @Inject
    OtherHours otherHoursEntries;

    @Inject
    Instance<WithheldCredit> withheld;

    /** Which kind of online credit: watching a unit's lesson videos, or attending its live lessons. */
    public enum Kind {
        SELF_PACED,
        LIVE
    }

    /** A learner's unit in a class: a line of the aggregated ledger. */
    public record Line(long classId, long learnerId, long unitId) {}

    /**
     * Adds credit (or takes it back, when negative) to learners' units in the aggregated ledger, within the
     * caller's transaction, through {@code sql}, as beats are stored: reports then never read the raw records.
     */
    public void credit(Bulk sql, Map<Line, Integer> seconds, Kind kind) {
        List<Map.Entry<Line, Integer>> changes = seconds.entrySet().stream()
                .filter(e -> e.getValue() != 0)
                .sorted(Map.Entry.comparingByKey(Comparator.comparingLong(Line::classId)
                        .thenComparingLong(Line::learnerId)
                        .thenComparingLong(Line::unitId)))
                .toList();
        if (changes.isEmpty()) {
            return;
        }
        String column = kind == Kind.LIVE ? "live_seconds" : "self_paced_seconds";
        sql.insert(
                "ledger_entry",
                List.of("class_id", "learner_id", "unit_id", column),
                changes.stream()
                        .map(e -> List.of(
                                e.getKey().classId(),
                                e.getKey().learnerId(),
                                e.getKey().unitId(),
                                e.getValue()))
                        .toList(),
                "ON DUPLICATE KEY UPDATE " + column + " = " + column + " + VALUES(" + column + ")");
    }

    /**
     * Makes sure the learner's unit has its ledger line (at zero) before any beat: beats then lock an existing row, never
     * a gap, so that concurrent learners do not deadlock.
     */
    public void open(Line line) {
        em.createNativeQuery("INSERT IGNORE INTO ledger_entry (class_id, learner_id, unit_id) VALUES (?, ?, ?)")
                .setParameter(1, line.classId())
                .setParameter(2, line.learnerId())
                .setParameter(3, line.unitId())
                .executeUpdate();
    }

    public void credit(long classId, long learnerId, long unitId, Kind kind, int seconds) {
        credit(Bulk.on(em), Map.of(new Line(classId, learnerId, unitId), seconds), kind);
    }

    /** What the audit export holds: the ledger and every session. */
    public record Export(ClassLedger ledger, List<SessionRow> sessions) {}

    /** The ledger and every session of the class for an audit; the export itself is written to the audit log. */
    @Transactional
    public Export export(long classId, Caller caller, String clientAddress) {
        ClassLedger report = ofClass(classId, caller);
        List<SessionRow> rows = sessions(classId, caller);
        audit.record(
                caller,
                "ATTENDANCE_EXPORT",
                classId,
                "class " + classId + ": " + report.learners() + " learners, " + rows.size() + " sessions",
                clientAddress);
        return new Export(report, rows);
    }

    /**
     * Every session of the class, lesson videos and live lessons, by learner and start; the caller must be
     * able to see the class.
     */
    @Transactional
    public List<SessionRow> sessions(long classId, Caller caller) {
        classes.visible(classId, caller);
        return Bulk.on(em)
                .select(
                        "SELECT a.username, a.full_name, a.id_number, u.id AS unit_id, u.name AS unit_name, s.opened_at, s.last_at,"
                                + " s.credited_seconds, s.kind FROM ("
                                + " SELECT learner_id, unit_id, opened_at, COALESCE(last_beat_at, opened_at) last_at, credited_seconds, 'SELF_PACED' kind"
                                + " FROM playback_session WHERE class_id = ?"
                                + " UNION ALL SELECT learner_id, unit_id, opened_at, COALESCE(last_beat_at, opened_at), credited_seconds, 'LIVE'"
                                + " FROM live_session WHERE class_id = ?) s"
                                + " JOIN account a ON a.id = s.learner_id JOIN catalogue_unit u ON u.id = s.unit_id"
                                + " ORDER BY a.username, s.opened_at",
                        List.of(classId, classId),
                        r -> new SessionRow(
                                r.getString("username"),
                                r.getString("full_name"),
                                IdDocuments.mask(r.getString("id_number")),
                                r.getLong("unit_id"),
                                r.getString("unit_name"),
                                Bulk.instant(r, "opened_at"),
                                Bulk.instant(r, "last_at"),
                                r.getInt("credited_seconds"),
                                Kind.valueOf(r.getString("kind"))));
    }

    /** A learner's unit as the aggregated ledger holds it. */
    private record LedgerLine(long learnerId, long unitId, int selfPacedSeconds, int liveSeconds) {}

    /** A learner of the class, as the ledger lists them. */
    private record Learner(long id, String username, String fullName) {}

    @Transactional
    public ClassLedger ofClass(long classId, Caller caller) {
        TrainingClass c = classes.visible(classId, caller);
        if (c.classHourMinutes() == null) {
            throw PlatformException.conflict(new Words(
                    "班级 " + classId + " 尚未开班，开班后才开始记录学时。",
                    "Class " + classId + " is not active yet; its ledger starts when it is activated."));
        }
        List<LedgerRules.PlannedUnit> plan = c.plan().units().stream()
                .map(u -> new LedgerRules.PlannedUnit(u.id(), u.name(), u.hours()))
                .toList();
        int minimumHours = plans.get(c.plan().id()).assessment().minimumClassroomHours();
        Map<Long, Map<Long, LedgerRules.Credit>> credits = new HashMap<>();
        List<LedgerLine> rows = Bulk.on(em)
                .select(
                        "SELECT learner_id, unit_id, self_paced_seconds, live_seconds FROM ledger_entry WHERE class_id = ?",
                        List.of(classId),
                        r -> new LedgerLine(
                                r.getLong("learner_id"),
                                r.getLong("unit_id"),
                                r.getInt("self_paced_seconds"),
                                r.getInt("live_seconds")));
        Map<Long, Map<Long, Integer>> held = new HashMap<>();
        withheld.forEach(w -> w.awaitingReview(classId)
                .forEach((learner, units) -> units.forEach((unit, seconds) ->
                        held.computeIfAbsent(learner, k -> new HashMap<>()).merge(unit, seconds, Integer::sum))));
        for (LedgerLine r : rows) {
            credits.computeIfAbsent(r.learnerId(), k -> new HashMap<>())
                    .put(
                            r.unitId(),
                            new LedgerRules.Credit(
                                    r.selfPacedSeconds(),
                                    r.liveSeconds(),
                                    held.getOrDefault(r.learnerId(), Map.of()).getOrDefault(r.unitId(), 0)));
        }
        StringBuilder where = new StringBuilder(
                "SELECT a.id, a.username, a.full_name FROM class_learner cl JOIN account a ON a.id = cl.account_id"
                        + " WHERE cl.class_id = ?");
        if (caller.role() == Role.LEARNER) {
            where.append(" AND a.id = ").append(caller.accountId());
        }
        List<Learner> learners = Bulk.on(em)
                .select(
                        where + " ORDER BY a.username",
                        List.of(classId),
                        r -> new Learner(r.getLong("id"), r.getString("username"), r.getString("full_name")));
        int otherHours = ((Number) em.createNativeQuery(
                                "SELECT other_hours FROM catalogue_allocation WHERE edition_id = ? AND level = ?")
                        .setParameter(1, c.plan().edition().id())
                        .setParameter(2, c.plan().level().name())
                        .getSingleResult())
                .intValue();
        LedgerRules.Terms terms =
                new LedgerRules.Terms(c.classHourMinutes(), minimumHours, settings.onlineShareCap(), otherHours);
        Map<Long, Integer> other = otherHoursEntries.minutesByLearner(classId);
        List<LedgerRules.LearnerStatus> items = learners.stream()
                .map(l -> LedgerRules.learner(
                        l.id(),
                        l.username(),
                        l.fullName(),
                        plan,
                        credits.getOrDefault(l.id(), Map.of()),
                        other.getOrDefault(l.id(), 0),
                        terms))
                .toList();
        int planMinutes =
                plan.stream().mapToInt(u -> u.hours() * c.classHourMinutes()).sum();
        return new ClassLedger(
                classId,
                c.name(),
                c.classHourMinutes(),
                planMinutes,
                minimumHours * c.classHourMinutes(),
                items.size(),
                (int) items.stream()
                        .filter(LedgerRules.LearnerStatus::meetsHours)
                        .count(),
                items);
    }
}
