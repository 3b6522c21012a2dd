package cn.imtp.lms.live.control;

import cn.imtp.lms.attendance.control.ActivityCredit;
import cn.imtp.lms.attendance.control.AttendanceChain;
import cn.imtp.lms.attendance.control.CreditHolds;
import cn.imtp.lms.attendance.control.HoursLedger;
import cn.imtp.lms.attendance.control.Spans;
import cn.imtp.lms.cohort.entity.Lesson;
import cn.imtp.lms.sql.Bulk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A live session's credit under a presence check, as {@link CreditHolds} does it for lesson videos: held from a moment of
 * the session's clock (its beats earn nothing from then, {@link LiveAttendance#beat}), the seconds of the lesson's window
 * credited since the last passed check taken back when one fails or is missed (from the session, the learner's seconds
 * of the lesson and the ledger's live column; the session ends), and given back when a reviewer approves. Each change is
 * a record of the class's attendance chain under the session's next beat number (which it uses up), locked in the beat's
 * order: session, the learner's seconds of the lesson, ledger, chain head.
 */
@ApplicationScoped
public class LiveCreditHolds implements ActivityCredit {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    LiveLessons lessons;

    @Inject
    AttendanceChain chain;

    @Inject
    HoursLedger ledger;

    @Override
    public HoursLedger.Kind kind() {
        return HoursLedger.Kind.LIVE;
    }

    @Override
    public Optional<CreditHolds.Held> session(String sessionId, boolean lock) {
        return LiveAttendance.session(em, sessionId, lock)
                .map(s -> new CreditHolds.Held(
                        HoursLedger.Kind.LIVE,
                        s.id(),
                        s.classId(),
                        s.learnerId(),
                        s.unitId(),
                        s.lessonId(),
                        s.openedAt(),
                        s.endedAt(),
                        lessons.window(em.find(Lesson.class, s.lessonId()), Instant.now())
                                .endsAt()));
    }

    @Override
    public void hold(String sessionId, Long fromMs) {
        Bulk.on(em).execute("UPDATE live_session SET held_from_ms = ? WHERE id = ?", Arrays.asList(fromMs, sessionId));
    }

    @Override
    public CreditHolds.Taken withhold(String sessionId, long sinceMs, String why, Instant now) {
        LiveAttendance.LiveSession s = locked(sessionId);
        BitSet present = LiveAttendance.present(em, s.lessonId(), s.learnerId(), true);
        BitSet back = chain.creditedAfter(Bulk.on(em), sessionId, sinceMs);
        back.and(present);
        present.andNot(back);
        LiveAttendance.keep(em, s.lessonId(), s.learnerId(), present);
        record(s, -back.cardinality(), back, "withheld: " + why, now);
        Bulk.on(em)
                .execute(
                        // Beats of the withheld time that arrive late earn nothing either: held from the last pass on.
                        "UPDATE live_session SET held_from_ms = ?, ended_at = COALESCE(ended_at, ?),"
                                + " ended_reason = COALESCE(ended_reason, 'PRESENCE_CHECK') WHERE id = ?",
                        List.of(sinceMs, Timestamp.from(now), sessionId));
        return new CreditHolds.Taken(sessionId, s.classId(), s.learnerId(), s.unitId(), back);
    }

    @Override
    public int restore(String sessionId, String spans, String why, Instant now) {
        LiveAttendance.LiveSession s = locked(sessionId);
        BitSet present = LiveAttendance.present(em, s.lessonId(), s.learnerId(), true);
        BitSet given = Spans.parse(spans);
        given.andNot(present);
        present.or(given);
        LiveAttendance.keep(em, s.lessonId(), s.learnerId(), present);
        record(s, given.cardinality(), given, "approved: " + why, now);
        return given.cardinality();
    }

    private LiveAttendance.LiveSession locked(String sessionId) {
        return LiveAttendance.session(em, sessionId, true)
                .orElseThrow(() -> new IllegalStateException("no live session " + sessionId));
    }

    /** The change of credit: the session's figure and number, the ledger's live column, and a record of the chain. */
    private void record(LiveAttendance.LiveSession s, int seconds, BitSet spans, String played, Instant now) {
        long seq = s.lastSeq() + 1;
        Bulk.on(em)
                .execute(
                        "UPDATE live_session SET last_seq = ?, credited_seconds = credited_seconds + ? WHERE id = ?",
                        List.of(seq, seconds, s.id()));
        if (seconds != 0) {
            ledger.credit(s.classId(), s.learnerId(), s.unitId(), HoursLedger.Kind.LIVE, seconds);
        }
        chain.append(
                new AttendanceChain.Link(s.classId(), s.id(), s.learnerId(), s.unitId()),
                seq,
                now,
                s.lastElapsedMs(),
                // A live lesson's record (the chain check counts it as live), then what it is.
                AttendanceChain.LIVE_PLAYED + s.lessonId() + " " + CreditHolds.PRESENCE_PLAYED + played,
                1.0,
                true,
                seconds,
                Spans.format(spans));
    }
}
