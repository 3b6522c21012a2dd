package cn.imtp.lms.presence.entity;

import cn.imtp.lms.attendance.control.CreditedSession;
import cn.imtp.lms.attendance.control.HoursLedger;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One presence check of a playback session or a live session ({@code kind}; a live one names its lesson): due at {@code dueMs} of the session's clock; the session's credit is held
 * from then until it passes. {@code passedUntilMs}: the session's time up to which the previous checks vouch (what a
 * failure withholds is credited after it).
 */
@Entity
@Table(name = "presence_check")
public class PresenceCheck {

    @Id
    private String id;

    @Column(name = "session_id")
    private String sessionId;

    /** Whose session it is: a lesson video's (SELF_PACED) or a live lesson's (LIVE). */
    @Enumerated(EnumType.STRING)
    private HoursLedger.Kind kind;

    /** The live lesson of a live session's check (null for a lesson video's). */
    @Column(name = "lesson_id")
    private Long lessonId;

    @Column(name = "class_id")
    private long classId;

    @Column(name = "learner_id")
    private long learnerId;

    @Column(name = "unit_id")
    private long unitId;

    /** The face subject the check was verified against (null until answered). */
    private String subject;

    @Column(name = "due_ms")
    private long dueMs;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "asked_at")
    private Instant askedAt;

    @Column(name = "passed_until_ms")
    private long passedUntilMs;

    @Enumerated(EnumType.STRING)
    private CheckState state;

    private int attempts;

    /** The last verdict's code (PASSED, NO_FACE, NOT_SAME_PERSON…, or NO_ANSWER). */
    private String outcome;

    private Double distance;

    private Double motion;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "withheld_seconds")
    private int withheldSeconds;

    @Column(name = "withheld_spans")
    private String withheldSpans;

    @Column(name = "frames_kept")
    private boolean framesKept;

    @Column(name = "reviewed_by")
    private Long reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "review_note")
    private String reviewNote;

    protected PresenceCheck() {}

    public PresenceCheck(CreditedSession session, long dueMs, Instant dueAt, long passedUntilMs) {
        this.id = UUID.randomUUID().toString();
        this.kind = session.kind();
        this.lessonId = session.lessonId();
        this.sessionId = session.sessionId();
        this.classId = session.classId();
        this.learnerId = session.learnerId();
        this.unitId = session.unitId();
        this.dueMs = dueMs;
        this.dueAt = dueAt.truncatedTo(ChronoUnit.MILLIS);
        this.passedUntilMs = passedUntilMs;
        this.state = CheckState.OPEN;
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    /** The session the check is of. */
    public CreditedSession session() {
        return new CreditedSession(kind, sessionId, classId, learnerId, unitId, lessonId);
    }

    public HoursLedger.Kind kind() {
        return kind;
    }

    public Long lessonId() {
        return lessonId;
    }

    public long classId() {
        return classId;
    }

    public long learnerId() {
        return learnerId;
    }

    public long unitId() {
        return unitId;
    }

    public String subject() {
        return subject;
    }

    public long dueMs() {
        return dueMs;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant askedAt() {
        return askedAt;
    }

    public long passedUntilMs() {
        return passedUntilMs;
    }

    public CheckState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public String outcome() {
        return outcome;
    }

    public Double distance() {
        return distance;
    }

    public Double motion() {
        return motion;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public int withheldSeconds() {
        return withheldSeconds;
    }

    public String withheldSpans() {
        return withheldSpans;
    }

    public boolean framesKept() {
        return framesKept;
    }

    public Long reviewedBy() {
        return reviewedBy;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    public String reviewNote() {
        return reviewNote;
    }

    /** The learner was shown the check (the first time counts: the answer window runs from then). */
    public void asked(Instant at) {
        if (askedAt == null) {
            askedAt = at.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** One answer as verified. */
    public void answered(String subject, String outcome, Double distance, Double motion, boolean keptFrames) {
        this.subject = subject;
        this.attempts++;
        this.outcome = outcome;
        this.distance = distance;
        this.motion = motion;
        this.framesKept |= keptFrames;
    }

    public void decide(CheckState to, Instant at) {
        this.state = to;
        this.decidedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    public void noAnswer() {
        this.outcome = "NO_ANSWER";
    }

    public void withheld(int seconds, String spans) {
        this.withheldSeconds = seconds;
        this.withheldSpans = spans;
    }

    public void reviewed(boolean approved, long reviewer, String note, Instant at) {
        this.state = approved ? CheckState.APPROVED : CheckState.REJECTED;
        this.reviewedBy = reviewer;
        this.reviewNote = note;
        this.reviewedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The frames kept for review were deleted (reviewed, or past retention). */
    public void framesForgotten() {
        this.framesKept = false;
    }
}
