package cn.imtp.lms.notice.control;

import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.cohort.entity.ClassStatus;
import cn.imtp.lms.cohort.entity.TrainingClass;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.notice.entity.Notice;
import cn.imtp.lms.sql.Bulk;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Study reminders (学习提醒): a class's teachers and the administrators send learners of the class who are behind a
 * personal notice each, seen only by that learner and its author ({@link Notices} shows and withdraws them like any
 * notice). A learner reminded by the class within {@link #AGAIN_AFTER} is skipped and said so, so that a second click
 * sends nothing twice; requests for one class are served one at a time (the class's row in
 * {@code notice_reminder_gate}, {@link ReminderGate}), so that two identical requests at once send once, and requests
 * for two classes never wait for each other. Only an active class's learners are reminded (a class not yet activated:
 * 422).
 */
@ApplicationScoped
public class Reminders {

    public static final int MAX_BODY = 1000;
    public static final int MAX_LEARNERS = 100;
    public static final Duration AGAIN_AFTER = Duration.ofHours(12);

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    AuditLog audit;

    @Inject
    ReminderGate gate;

    /** Whom to remind (learners of the class), a title (absent: "学习提醒：" and the class's name) and a text. */
    public record Request(Long classId, List<Long> learnerIds, String title, String body) {}

    /** A learner not reminded this time, and why. */
    public record Skipped(long learnerId, Words reason) {}

    /** The learners reminded, and those skipped. */
    public record Outcome(List<Long> sent, List<Skipped> skipped) {}

    /**
     * Sends each learner named a reminder: teachers of the class and administrators (a class the teacher does not teach:
     * 404). Any id that is not a learner of the class refuses the whole request (422 naming them), as does a text empty
     * or over {@value #MAX_BODY} characters or more than {@value #MAX_LEARNERS} learners, and a class that is not
     * active (422 on {@code classId}).
     */
    @Transactional
    public Outcome send(Request r, Caller caller, String clientAddress) {
        Long classId = r == null ? null : r.classId();
        List<Long> asked = r == null || r.learnerIds() == null ? List.of() : r.learnerIds();
        String title = r == null || r.title() == null ? "" : r.title().strip();
        String body = r == null || r.body() == null ? "" : r.body().strip();
        List<FieldError> errors = new ArrayList<>();
        if (asked.isEmpty() || asked.size() > MAX_LEARNERS || asked.stream().anyMatch(Objects::isNull)) {
            errors.add(new FieldError(
                    "learnerIds",
                    new Words("须为 1 至 " + MAX_LEARNERS + " 名本班学员", "1 to " + MAX_LEARNERS + " learners of the class")));
        }
        if (title.length() > Notices.MAX_TITLE) {
            errors.add(new FieldError(
                    "title",
                    new Words("最多 " + Notices.MAX_TITLE + " 个字符", "at most " + Notices.MAX_TITLE + " characters")));
        }
        if (body.isEmpty() || body.length() > MAX_BODY) {
            errors.add(new FieldError(
                    "body", new Words("须为 1 至 " + MAX_BODY + " 个字符", "1 to " + MAX_BODY + " characters")));
        }
        if (classId == null) {
            errors.add(new FieldError("classId", new Words("必填：您任教的班级", "required: a class you teach")));
            throw invalid(errors);
        }
        TrainingClass c = classes.visible(classId, caller);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (c.status() != ClassStatus.ACTIVE) {
            // Nobody of a class not yet activated is behind: its ledger has not started (HoursLedger), nor its lessons.
            throw PlatformException.invalid(
                    new Words(
                            "班级 " + classId + " 尚未开班，学习提醒只能发给进行中班级的学员。",
                            "Class " + classId
                                    + " is not active: study reminders go to learners of active classes only."),
                    List.of(new FieldError("classId", new Words("班级尚未开班", "the class is not active"))));
        }
        Set<Long> learners = new LinkedHashSet<>(asked);
        List<Long> strangers =
                learners.stream().filter(id -> !c.learnerIds().contains(id)).toList();
        if (!strangers.isEmpty()) {
            String ids = strangers.stream().map(String::valueOf).collect(Collectors.joining(", "));
            throw invalid(List.of(
                    new FieldError("learnerIds", new Words("不是本班的学员：" + ids, "not learners of this class: " + ids))));
        }
        if (title.isEmpty()) {
            title = "学习提醒：" + c.name();
            title = title.substring(0, Math.min(title.length(), Notices.MAX_TITLE));
        }

        // One request for this class at a time (its gate row's lock waits for the other's commit; no gap is locked, so
        // two classes never wait for each other), then the reminders of the last 12 hours as committed (read after the
        // turn, in a transaction of its own) — withdrawn ones too, so that send, withdraw, send is no way around the 12
        // hours (the author edits the text instead).
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        gate.open(classId, now);
        gate.take(classId, now);
        Set<Long> reminded = gate.remindedSince(classId, now.minus(AGAIN_AFTER), learners);
        Bulk bulk = Bulk.on(em);

        List<Long> sent = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        for (long learner : learners) {
            if (reminded.contains(learner)) {
                skipped.add(new Skipped(
                        learner,
                        new Words("12 小时内已收到过本班的学习提醒", "already reminded by this class in the last 12 hours")));
            } else {
                Notice n = Notice.personal(classId, learner, title, body, caller.accountId(), now);
                em.persist(n);
                notices.add(n);
                sent.add(learner);
            }
        }
        if (!notices.isEmpty()) {
            em.flush();
            // Its author has read each one.
            bulk.insert(
                    "notice_read",
                    List.of("notice_id", "account_id", "read_at"),
                    notices.stream()
                            .map(n -> List.<Object>of(n.id(), caller.accountId(), now))
                            .toList(),
                    null);
            audit.record(
                    caller,
                    "REMINDERS_SENT",
                    classId,
                    "class " + classId + ": reminders sent: " + sent.size() + ", skipped: " + skipped.size()
                            + " (reminded within 12 hours)",
                    clientAddress);
        }
        return new Outcome(sent, skipped);
    }

    private static PlatformException invalid(List<FieldError> errors) {
        return PlatformException.invalid(
                new Words(
                        "学习提醒需要本班的学员（每次 1 至 " + MAX_LEARNERS + " 人）和正文（1 至 " + MAX_BODY + " 字）。",
                        "A reminder needs learners of the class (1 to " + MAX_LEARNERS + " at a time) and a text (1 to "
                                + MAX_BODY + " characters)."),
                errors);
    }
}
