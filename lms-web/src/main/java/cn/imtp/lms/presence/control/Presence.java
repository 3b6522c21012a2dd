package cn.imtp.lms.presence.control;

import cn.imtp.lms.attendance.control.CreditHolds;
import cn.imtp.lms.attendance.control.CreditedSession;
import cn.imtp.lms.attendance.control.HoursLedger;
import cn.imtp.lms.attendance.control.SessionOpened;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.lms.presence.entity.CheckState;
import cn.imtp.lms.presence.entity.FaceEnrolment;
import cn.imtp.lms.presence.entity.PresenceCheck;
import cn.imtp.lms.presence.entity.PresenceConsent;
import cn.imtp.lms.presence.entity.PresenceWaiver;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Presence checks of learners in classes that ask for them: consent and the reference photo, the checks the server
 * schedules in each playback session and each live-lesson session (one when it opens, then at random), their answers
 * verified by media-service, and what a failed or missed check does to credit: the session's credit is held while a
 * check is due, and a check failed twice or left unanswered withholds the seconds credited since the last one passed
 * ({@link CreditHolds}, whatever kind of session it is) for review.
 */
@ApplicationScoped
public class Presence {

    /** How many times a learner may answer one check. */
    static final int ATTEMPTS = 2;

    /** A learner's standing: consent (to the current text), enrolment, and the classes that ask for checks. */
    public record Standing(
            String consentVersion,
            Instant consentGivenAt,
            boolean consentCurrent,
            Instant enrolledAt,
            String enrolledBy,
            Instant photoDeletedAfter,
            List<ClassRequirement> classes,
            List<OwnCheck> checks) {}

    /** One of the learner's checks that withheld time, with what the reviewer decided and said (newest first). */
    public record OwnCheck(
            long classId,
            long unitId,
            HoursLedger.Kind kind,
            Long lessonId,
            Instant dueAt,
            CheckState state,
            String outcome,
            int withheldSeconds,
            String reviewNote) {}

    /** A class of the learner's that asks for checks; {@code waived}: an administrator recorded another verification. */
    public record ClassRequirement(
            long classId,
            String className,
            int checksPerClassHour,
            int answerSeconds,
            boolean waived,
            String contact) {}

    /** A check due now, as the player shows it. */
    public record CheckTicket(
            String checkId,
            Instant dueAt,
            Instant deadline,
            int answerSeconds,
            int attempts,
            int attemptsLeft,
            String lastOutcome) {}

    /** An answer's result: the check's state after it, the verdict, and what was withheld (a final failure). */
    public record Answered(
            String checkId,
            CheckState state,
            String outcome,
            int attemptsLeft,
            int withheldSeconds,
            Double distance,
            Double threshold) {}

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    CreditHolds holds;

    @Inject
    FaceService faces;

    @Inject
    PresenceSettings settings;

    @Inject
    AuditLog audit;

    // --- consent and enrolment ---

    @Transactional
    public Standing standing(Caller learner) {
        Optional<PresenceConsent> consent = latestConsent(learner.accountId());
        FaceEnrolment enrolment = em.find(FaceEnrolment.class, learner.accountId());
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery(
                        "SELECT c.id FROM training_class c JOIN class_learner l ON l.class_id = c.id"
                                + " WHERE l.account_id = ? AND c.presence_checks_per_hour IS NOT NULL ORDER BY c.id")
                .setParameter(1, learner.accountId())
                .getResultList();
        List<ClassRequirement> classes = ids.stream()
                .map(id -> em.find(TrainingClass.class, ((Number) id).longValue()))
                .map(c -> new ClassRequirement(
                        c.id(),
                        c.name(),
                        c.presenceChecksPerHour(),
                        c.presenceAnswerSeconds(),
                        em.find(PresenceWaiver.class, new PresenceWaiver.Key(c.id(), learner.accountId())) != null,
                        contact(c)))
                .toList();
        List<OwnCheck> checks = em
                .createQuery(
                        "SELECT c FROM PresenceCheck c WHERE c.learnerId = :l AND c.state IN :s ORDER BY c.dueAt DESC",
                        PresenceCheck.class)
                .setParameter("l", learner.accountId())
                .setParameter(
                        "s", List.of(CheckState.FAILED, CheckState.MISSED, CheckState.APPROVED, CheckState.REJECTED))
                .setMaxResults(50)
                .getResultList()
                .stream()
                .map(c -> new OwnCheck(
                        c.classId(),
                        c.unitId(),
                        c.kind(),
                        c.lessonId(),
                        c.dueAt(),
                        c.state(),
                        c.outcome(),
                        c.withheldSeconds(),
                        c.reviewNote()))
                .toList();
        return new Standing(
                consent.map(PresenceConsent::textVersion).orElse(null),
                consent.map(PresenceConsent::givenAt).orElse(null),
                consent.filter(c -> c.textVersion().equals(ConsentText.CURRENT.version()))
                        .isPresent(),
                enrolment == null ? null : enrolment.enrolledAt(),
                enrolment == null ? null : enrolment.source().name(),
                enrolment == null ? null : enrolment.enrolledAt().plus(settings.retention()),
                classes,
                checks);
    }

    /** Records the learner's consent to the current text; 409 when {@code version} is not the text shown now. */
    @Transactional
    public Standing consent(Caller learner, String version, String address) {
        if (version == null || version.isBlank()) {
            throw PlatformException.invalid(
                    new Words("请注明所同意的说明版本。", "Say which version of the consent text you agree to."),
                    List.of(new FieldError(
                            "version",
                            new Words(
                                    "必填：" + ConsentText.CURRENT.version(),
                                    "required: " + ConsentText.CURRENT.version()))));
        }
        if (!ConsentText.CURRENT.version().equals(version)) {
            throw PlatformException.conflict(new Words(
                    "说明已更新，请阅读当前版本（" + ConsentText.CURRENT.version() + "）后再同意。",
                    "The consent text changed; read the current version (" + ConsentText.CURRENT.version()
                            + ") and agree to it."));
        }
        if (latestConsent(learner.accountId())
                .filter(c -> c.textVersion().equals(version))
                .isEmpty()) {
            em.persist(new PresenceConsent(learner.accountId(), version, Instant.now()));
            audit.record(learner, "PRESENCE_CONSENT", learner.accountId(), "consent text " + version, address);
        }
        return standing(learner);
    }

    /** Withdraws consent: the photos are deleted at once; study in classes with checks no longer counts (unless waived). */
    @Transactional
    public Standing withdraw(Caller learner, String address) {
        PresenceConsent consent = latestConsent(learner.accountId())
                .orElseThrow(() ->
                        PlatformException.conflict(new Words("您没有有效的同意可撤回。", "There is no consent to withdraw.")));
        consent.withdraw(Instant.now());
        forgetEnrolment(learner.accountId(), learner);
        audit.record(
                learner,
                "PRESENCE_WITHDRAW",
                learner.accountId(),
                "consent " + consent.textVersion() + " withdrawn, photos deleted",
                address);
        return standing(learner);
    }

    /**
     * Enrols the learner's reference photo (taken with the camera, or imported by an administrator): needs the learner's
     * consent to the current text; media-service refuses a photo without exactly one clear, large enough face (422).
     * A new photo replaces the old one, which is deleted.
     */
    @Transactional
    public Standing enrol(long learnerId, byte[] photo, String contentType, Caller actor, String address) {
        if (latestConsent(learnerId)
                .filter(c -> c.textVersion().equals(ConsentText.CURRENT.version()))
                .isEmpty()) {
            throw PlatformException.conflict(new Words(
                    "登记照片前需要本人先阅读并同意人脸核验说明。", "The learner must first read and agree to the face-check consent text."));
        }
        if (photo == null || photo.length == 0) {
            throw PlatformException.invalid(
                    new Words("请发送一张照片（JPEG、PNG 或 WebP）。", "Send one photo (JPEG, PNG or WebP)."),
                    List.of(new FieldError("body", new Words("为空", "empty"))));
        }
        UUID subject = UUID.randomUUID();
        faces.enrol(subject, photo, contentType, actor);
        forgetEnrolment(learnerId, actor);
        em.persist(new FaceEnrolment(
                learnerId,
                subject,
                actor.accountId() == learnerId ? FaceEnrolment.Source.CAMERA : FaceEnrolment.Source.IMPORT,
                Instant.now(),
                actor.accountId()));
        audit.record(
                actor,
                "PRESENCE_ENROL",
                learnerId,
                actor.accountId() == learnerId ? "reference photo taken" : "reference photo imported",
                address);
        Account a = em.find(Account.class, learnerId);
        return standing(new Caller(a.id(), a.username(), a.role(), 0));
    }

    /** Deletes the learner's reference photo and enrolment, if any (the kept frames of checks stay until reviewed or expired). */
    void forgetEnrolment(long learnerId, Caller actor) {
        FaceEnrolment old = em.find(FaceEnrolment.class, learnerId, LockModeType.PESSIMISTIC_WRITE);
        if (old != null) {
            faces.forget(old.subject(), actor);
            em.remove(old);
        }
    }

    private Optional<PresenceConsent> latestConsent(long learnerId) {
        return em
                .createQuery(
                        "SELECT c FROM PresenceConsent c WHERE c.learnerId = :l AND c.withdrawnAt IS NULL ORDER BY c.id DESC",
                        PresenceConsent.class)
                .setParameter("l", learnerId)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }

    // --- checks ---

    /**
     * A lesson video is opened, or a live lesson joined, in a class that asks for checks: the learner must have consented
     * and enrolled (or be waived), else the session is refused with whom to contact; then the first check is due at
     * once, and nothing counts until it passes.
     */
    void onOpened(@Observes SessionOpened opened) {
        CreditedSession session = opened.session();
        TrainingClass c = em.find(TrainingClass.class, session.classId());
        if (c.presenceChecksPerHour() == null
                || em.find(PresenceWaiver.class, new PresenceWaiver.Key(c.id(), session.learnerId())) != null) {
            return;
        }
        boolean consented = latestConsent(session.learnerId())
                .filter(x -> x.textVersion().equals(ConsentText.CURRENT.version()))
                .isPresent();
        if (!consented || em.find(FaceEnrolment.class, session.learnerId()) == null) {
            throw new PlatformException(
                    409,
                    "presence-check-required",
                    "Face check required",
                    new Words(
                            "本班要求学习时进行人脸核验：请先在“人脸核验”页面阅读并同意说明、登记本人照片。没有摄像头或不同意的，请联系" + contact(c) + "，由管理员登记其他核验方式。",
                            "This class requires face checks during study: read and agree to the consent text and"
                                    + " enrol your photo on the face-check page first. Without a camera or consent, contact your class's teachers so that"
                                    + " an administrator records another verification."));
        }
        em.persist(new PresenceCheck(session, 0, opened.openedAt(), 0));
        holds.hold(session.kind(), session.sessionId(), 0L);
    }

    /** The check due now in the learner's session, shown from now on (its answer window runs); null when none is due. */
    @Transactional
    public CheckTicket due(String sessionId, Caller learner) {
        CreditHolds.Held s = holds.session(sessionId).orElse(null);
        if (s == null || s.learnerId() != learner.accountId()) {
            throw PlatformException.notFound(new Words("学习会话", "Study session"), sessionId);
        }
        Instant now = Instant.now();
        PresenceCheck c = em
                .createQuery(
                        "SELECT c FROM PresenceCheck c WHERE c.sessionId = :s AND c.state = :open", PresenceCheck.class)
                .setParameter("s", sessionId)
                .setParameter("open", CheckState.OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .stream()
                .findFirst()
                .orElse(null);
        if (c == null || c.dueAt().isAfter(now)) {
            return null;
        }
        c.asked(now);
        return ticket(c, answerSeconds(c));
    }

    /**
     * An answer to a check: frames from the camera (base64 images, about a second apart), verified on the server. A pass
     * lifts the hold and schedules the next check; a failure leaves one more try; a second failure, or an answer after
     * the window, withholds the seconds credited since the last pass and ends the session.
     */
    @Transactional
    public Answered answer(String checkId, List<String> frames, Caller learner) {
        PresenceCheck c = em.find(PresenceCheck.class, checkId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.learnerId() != learner.accountId()) {
            throw PlatformException.notFound(new Words("人脸核验记录", "Presence check"), checkId);
        }
        if (c.state() != CheckState.OPEN) {
            throw PlatformException.conflict(
                    new Words("这次核验已经结束（" + c.state() + "）。", "This check is over (" + c.state() + ")."));
        }
        Instant now = Instant.now();
        if (c.dueAt().isAfter(now)) {
            throw PlatformException.conflict(new Words("这次核验还没有到时间。", "This check is not due yet."));
        }
        int window = answerSeconds(c);
        if (now.isAfter(deadline(c, window))) {
            missed(c, now);
            return answered(c, window);
        }
        if (frames == null || frames.isEmpty()) {
            throw PlatformException.invalid(
                    new Words("请发送摄像头拍摄的画面。", "Send the frames taken by the camera."),
                    List.of(new FieldError("frames", new Words("必填", "required"))));
        }
        FaceEnrolment enrolment = em.find(FaceEnrolment.class, learner.accountId());
        if (enrolment == null) {
            throw PlatformException.conflict(new Words(
                    "您的参照照片已删除（撤回同意或超过保存期限），请重新登记后再学习。",
                    "Your reference photo was deleted (consent withdrawn or retention over); enrol again to go on."));
        }
        FaceService.Verdict v =
                seenBefore(frames, c, now) ? REPLAYED : faces.verify(enrolment.subject(), c.id(), frames, learner);
        c.answered(enrolment.subject().toString(), v.outcome(), v.distance(), v.motion(), v.kept());
        if (v.passed()) {
            c.decide(CheckState.PASSED, now);
            if (c.framesKept()) {
                // A failed first try kept its frames for a reviewer; the pass makes them needless.
                faces.forgetCheck(enrolment.subject(), c.id(), learner);
                c.framesForgotten();
            }
            scheduleNext(c, now);
        } else if (c.attempts() >= ATTEMPTS) {
            withhold(c, CheckState.FAILED, now);
        }
        Answered a = answered(c, window);
        return new Answered(
                a.checkId(),
                a.state(),
                a.outcome(),
                a.attemptsLeft(),
                a.withheldSeconds(),
                v.distance(),
                v.threshold());
    }

    /** The verdict on frames sent before: not the camera now (a script replaying a check that passed). */
    private static final FaceService.Verdict REPLAYED =
            new FaceService.Verdict("REPLAYED", false, null, 0, null, false);

    /**
     * Whether any of the frames was sent before, for any check (by its SHA-256, decoded from base64); the frames' hashes are
     * kept from now on, the pictures never. Two equal frames within one answer are media-service's to judge (not live).
     */
    private boolean seenBefore(List<String> frames, PresenceCheck c, Instant now) {
        List<String> hashes =
                frames.stream().map(Presence::frameHash).distinct().toList();
        String marks = String.join(", ", Collections.nCopies(hashes.size(), "?"));
        var count = em.createNativeQuery("SELECT COUNT(*) FROM presence_frame WHERE hash IN (" + marks + ")");
        for (int i = 0; i < hashes.size(); i++) {
            count.setParameter(i + 1, hashes.get(i));
        }
        boolean seen = ((Number) count.getSingleResult()).longValue() > 0;
        for (String h : hashes) {
            em.createNativeQuery(
                            "INSERT IGNORE INTO presence_frame (hash, learner_id, check_id, seen_at) VALUES (?, ?, ?, ?)")
                    .setParameter(1, h)
                    .setParameter(2, c.learnerId())
                    .setParameter(3, c.id())
                    .setParameter(4, Timestamp.from(now))
                    .executeUpdate();
        }
        return seen;
    }

    static String frameHash(String frame) {
        String s = frame == null ? "" : frame;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(s.substring(s.startsWith("data:") ? s.indexOf(',') + 1 : 0));
        } catch (IllegalArgumentException e) {
            bytes = s.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Marks a check nobody answered in time as missed (the sweeper, or a late answer), within the caller's transaction. */
    void missed(PresenceCheck c, Instant now) {
        CreditHolds.Held s = holds.session(c.kind(), c.sessionId(), false).orElseThrow();
        if (s.endedAt() != null && s.endedAt().isBefore(c.dueAt())) {
            c.decide(CheckState.CANCELLED, now); // the session ended before the check was due
            return;
        }
        c.noAnswer();
        withhold(c, CheckState.MISSED, now);
    }

    /** Expires one open check whose window is over, in a transaction of its own (every node sweeps; the row lock lets one). */
    @Transactional
    public boolean expire(String checkId) {
        PresenceCheck c = em.find(PresenceCheck.class, checkId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        if (c == null || c.state() != CheckState.OPEN) {
            return false;
        }
        CreditHolds.Held s = holds.session(c.kind(), c.sessionId(), false).orElseThrow();
        boolean endedBeforeDue = s.endedAt() != null && s.endedAt().isBefore(c.dueAt());
        if (!endedBeforeDue && !now.isAfter(deadline(c, answerSeconds(c)))) {
            return false;
        }
        missed(c, now);
        return true;
    }

    /**
     * Open checks whose answer window may be over, or whose lesson video's session ended before they were due: for the
     * sweeper (a live session's check whose session ended is found once its window would be over).
     */
    @Transactional
    public List<String> expiring(int limit) {
        Instant now = Instant.now();
        return em.createQuery(
                        "SELECT c.id FROM PresenceCheck c WHERE c.state = :open AND (c.dueAt < :soonest OR EXISTS"
                                + " (SELECT s.id FROM PlaybackSession s WHERE s.id = c.sessionId"
                                + " AND s.endedAt IS NOT NULL AND s.endedAt < c.dueAt))",
                        String.class)
                .setParameter("open", CheckState.OPEN)
                .setParameter("soonest", now.minusSeconds(30))
                .setMaxResults(limit)
                .getResultList();
    }

    private void withhold(PresenceCheck c, CheckState state, Instant now) {
        CreditHolds.Taken taken = holds.withhold(
                c.kind(),
                c.sessionId(),
                c.passedUntilMs(),
                "check " + c.id() + " " + state + " (" + c.outcome() + ")",
                now);
        c.withheld(taken.seconds().cardinality(), taken.spans());
        c.decide(state, now);
    }

    private void scheduleNext(PresenceCheck passed, Instant now) {
        CreditHolds.Held s =
                holds.session(passed.kind(), passed.sessionId(), true).orElseThrow();
        if (s.endedAt() != null) {
            return;
        }
        TrainingClass c = em.find(TrainingClass.class, passed.classId());
        long mean = settings.intervalSeconds()
                .map(sec -> sec * 1000L)
                .orElse(CheckSchedule.meanIntervalMs(
                        c.classHourMinutes() == null ? 45 : c.classHourMinutes(), c.presenceChecksPerHour()));
        long elapsed = Duration.between(s.openedAt(), now).toMillis();
        long n = em.createQuery("SELECT COUNT(c) FROM PresenceCheck c WHERE c.sessionId = :s", Long.class)
                .setParameter("s", s.id())
                .getSingleResult();
        long due = CheckSchedule.next(elapsed, mean, CheckSchedule.random(settings.seed(), s.id(), (int) n));
        Integer window = c.presenceAnswerSeconds();
        if (s.closesAt() != null
                && !s.openedAt()
                        .plusMillis(due)
                        .plusSeconds(window == null ? 120 : window)
                        .isBefore(s.closesAt())) {
            // The live lesson is over before the next check could be answered (a learner who leaves at the bell would
            // miss it): nothing to ask, nothing held.
            holds.hold(s.kind(), s.id(), null);
            return;
        }
        // The next check of the same session.
        em.persist(new PresenceCheck(passed.session(), due, s.openedAt().plusMillis(due), elapsed));
        holds.hold(s.kind(), s.id(), due);
    }

    int answerSeconds(PresenceCheck c) {
        Integer seconds = em.find(TrainingClass.class, c.classId()).presenceAnswerSeconds();
        return seconds == null ? 120 : seconds;
    }

    static Instant deadline(PresenceCheck c, int answerSeconds) {
        return (c.askedAt() == null ? c.dueAt() : c.askedAt()).plusSeconds(answerSeconds);
    }

    private static CheckTicket ticket(PresenceCheck c, int window) {
        return new CheckTicket(
                c.id(),
                c.dueAt(),
                deadline(c, window),
                window,
                c.attempts(),
                Math.max(0, ATTEMPTS - c.attempts()),
                c.outcome());
    }

    private static Answered answered(PresenceCheck c, int window) {
        return new Answered(
                c.id(),
                c.state(),
                c.outcome(),
                c.state() == CheckState.OPEN ? ATTEMPTS - c.attempts() : 0,
                c.withheldSeconds(),
                c.distance(),
                null);
    }

    /** Whom a learner asks about the class's checks: its teachers, by name. */
    String contact(TrainingClass c) {
        String names = c.teachers().stream()
                .map(t -> em.find(Account.class, t.accountId()).fullName())
                .distinct()
                .collect(Collectors.joining("、"));
        return names.isEmpty() ? "本班老师" : "本班老师（" + names + "）";
    }
}
