package cn.imtp.lms.notice.control;

import cn.imtp.lms.application.TimeFields;
import cn.imtp.lms.cohort.control.Classes;
import cn.imtp.lms.identity.control.Accounts;
import cn.imtp.lms.identity.control.AuditLog;
import cn.imtp.lms.notice.entity.Notice;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Notices and who has read them. Who sees a notice: one to everyone, every account; one to a class, those who may see
 * the class ({@link Classes#idsVisibleTo}: administrators, its teachers, its learners); a personal one (a study
 * reminder, {@link Reminders}), its learner, its author and those who answer for the class: its other teachers and the
 * administrators (never another learner, nor a teacher of another class: 404). News only to its learner: for those
 * who supervise it is listed as read and never counted unread. Who publishes: administrators to any class or everyone,
 * teachers to the classes they teach (another class is 404, as everywhere). Who edits and withdraws, reminders as
 * notices: the author or an administrator (audited); a colleague who sees it 403.
 */
@ApplicationScoped
public class Notices {

    public static final int MAX_TITLE = 100;
    public static final int MAX_BODY = 5000;

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    Classes classes;

    @Inject
    Accounts accounts;

    @Inject
    AuditLog audit;

    /** What a notice asks of the server: a class (null: everyone, administrators only), a title and a text. */
    public record NewNotice(Long classId, String title, String body) {}

    /**
     * A notice as the caller sees it; {@code recipientId} and {@code recipient}: the one learner a personal notice is for
     * (null: a notice to its class or to everyone); {@code editedAt} and {@code editedBy}: its last edit and who made it
     * (null: as published);
     * {@code mayWithdraw}: the caller is its author or an administrator, who may also edit it (a reminder too). Nulls
     * are written out ({@code "editedAt": null}).
     */
    @JsonbNillable
    public record NoticeView(
            long id,
            Long classId,
            String className,
            Long recipientId,
            String recipient,
            String title,
            String body,
            String author,
            Instant publishedAt,
            Instant editedAt,
            String editedBy,
            boolean read,
            boolean mayWithdraw) {}

    public record Page(List<NoticeView> items, int page, int size, long total, long unread) {}

    /**
     * What an edit asks: a new title and text ({@code classId}, if sent, must be the notice's own: 422 otherwise);
     * {@code editedAt}: the last edit the editor saw (null: the notice as published) — if it was edited since, 409, so
     * that one editor never silently overwrites another. Without the field (a script), the edit applies as it is.
     */
    public record NoticeEdit(Long classId, String title, String body, Optional<String> editedAt) {}

    /** What a reader saw when opening a notice: its last edit (empty: as published; null: not said, nothing checked). */
    public record Seen(Optional<Instant> editedAt) {

        /** From {@code ?editedAt=}: absent, empty (as published) or an instant; 422 for anything else. */
        public static Seen of(String editedAt) {
            if (editedAt == null) {
                return new Seen(null);
            }
            if (editedAt.isBlank()) {
                return new Seen(Optional.empty());
            }
            return new Seen(Optional.of(TimeFields.optionalInstant(editedAt, "editedAt")));
        }
    }

    @Transactional
    public NoticeView publish(NewNotice n, Caller caller) {
        String title = n == null || n.title() == null ? "" : n.title().strip();
        String body = n == null || n.body() == null ? "" : n.body().strip();
        Long classId = n == null ? null : n.classId();
        List<FieldError> errors = textErrors(title, body, MAX_BODY);
        if (classId == null && caller.role() != Role.ADMINISTRATOR) {
            errors.add(new FieldError("classId", new Words("必填：您任教的班级", "required: a class you teach")));
        }
        refuseIfAny(errors, caller, MAX_BODY);
        String className =
                classId == null ? null : classes.visible(classId, caller).name();
        Notice notice = new Notice(classId, title, body, caller.accountId(), Instant.now());
        em.persist(notice);
        em.flush();
        markReadBy(notice.id(), caller.accountId()); // its author has read it
        return view(notice, caller, false, c -> className, this::fullName);
    }

    /**
     * Changes a notice's title and text (its author or an administrator; another who sees it: 403; withdrawn or not
     * visible: 404). Its audience stays: a notice meant for another class is withdrawn and published again. An edited
     * notice is news again: unread for everyone but the editor, so that a correction is seen.
     */
    @Transactional
    public NoticeView edit(long id, NoticeEdit e, Caller caller, String clientAddress) {
        Notice n = mayChange(
                id, caller, new Words("只有发布者本人或管理员可以修改通知。", "Only its author or an administrator may edit a notice."));
        String title = e == null || e.title() == null ? "" : e.title().strip();
        String body = e == null || e.body() == null ? "" : e.body().strip();
        int maxBody = n.recipientId() == null ? MAX_BODY : Reminders.MAX_BODY;
        List<FieldError> errors = textErrors(title, body, maxBody);
        if (e != null && e.classId() != null && !e.classId().equals(n.classId())) {
            errors.add(new FieldError(
                    "classId",
                    new Words(
                            "通知的对象不能修改：请撤回后重新发布给其他班级",
                            "the audience cannot change: withdraw the notice and publish it again")));
        }
        refuseIfAny(errors, caller, maxBody);
        // As the page echoes it back, read as every time a page sends (empty: as published).
        if (e.editedAt() != null
                && !sameEdit(TimeFields.optionalInstant(e.editedAt().orElse(null), "editedAt"), n.editedAt())) {
            throw changedMeanwhile(new Words(
                    "这条通知刚刚被别人修改过，请刷新后在最新内容上修改。",
                    "Someone else edited this notice meanwhile; reload it and edit the latest text."));
        }
        if (title.equals(n.title()) && body.equals(n.body())) {
            return view(n, caller, true); // nothing changed: nobody's read mark is taken back
        }
        String before = n.title();
        String beforeBody = n.body();
        n.edit(title, body, Instant.now(), caller.accountId());
        em.createQuery("DELETE FROM NoticeRead r WHERE r.noticeId = :id AND r.accountId <> :me")
                .setParameter("id", id)
                .setParameter("me", caller.accountId())
                .executeUpdate();
        markReadBy(id, caller.accountId());
        audit.record(
                caller,
                "NOTICE_EDITED",
                id,
                "notice " + id + ": " + before + (before.equals(title) ? "" : " → " + title) + "; text before: "
                        + (beforeBody.length() > 500 ? beforeBody.substring(0, 500) + "…" : beforeBody),
                clientAddress);
        return view(n, caller, true);
    }

    private NoticeView view(Notice n, Caller caller, boolean read) {
        return view(n, caller, read, c -> classes.names(List.of(c)).get(c), this::fullName);
    }

    /**
     * The one way a notice is shown: {@code className} and {@code fullName} look up the names of its class and of the
     * people it names (asked only for those it has).
     */
    private static NoticeView view(
            Notice n, Caller caller, boolean read, Function<Long, String> className, Function<Long, String> fullName) {
        return new NoticeView(
                n.id(),
                n.classId(),
                n.classId() == null ? null : className.apply(n.classId()),
                n.recipientId(),
                n.recipientId() == null ? null : fullName.apply(n.recipientId()),
                n.title(),
                n.body(),
                fullName.apply(n.authorId()),
                n.publishedAt(),
                n.editedAt(),
                n.editedBy() == null ? null : fullName.apply(n.editedBy()),
                read,
                n.authorId() == caller.accountId() || caller.role() == Role.ADMINISTRATOR);
    }

    private String fullName(long accountId) {
        return accounts.view(accountId).fullName();
    }

    /** Whether the edit a client saw is the notice's last one (both null: never edited), to the millisecond. */
    private static boolean sameEdit(Instant seen, Instant last) {
        return seen == null ? last == null : last != null && seen.toEpochMilli() == last.toEpochMilli();
    }

    private static PlatformException changedMeanwhile(Words detail) {
        return new PlatformException(409, "notice-changed", "Changed meanwhile", detail);
    }

    /** The title's and the text's errors (1 to {@value #MAX_TITLE} and {@code maxBody} characters). */
    private static List<FieldError> textErrors(String title, String body, int maxBody) {
        List<FieldError> errors = new ArrayList<>();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            errors.add(new FieldError(
                    "title", new Words("须为 1 至 " + MAX_TITLE + " 个字符", "1 to " + MAX_TITLE + " characters")));
        }
        if (body.isEmpty() || body.length() > maxBody) {
            errors.add(
                    new FieldError("body", new Words("须为 1 至 " + maxBody + " 个字符", "1 to " + maxBody + " characters")));
        }
        return errors;
    }

    private static void refuseIfAny(List<FieldError> errors, Caller caller, int maxBody) {
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(
                    new Words(
                            "通知需要标题（最多 " + MAX_TITLE + " 字）和正文（最多 " + maxBody + " 字）"
                                    + (caller.role() == Role.ADMINISTRATOR ? "。" : "，并选择您任教的班级。"),
                            "A notice needs a title (at most " + MAX_TITLE + " characters) and a text (at most "
                                    + maxBody + ")"
                                    + (caller.role() == Role.ADMINISTRATOR ? "." : ", to a class you teach.")),
                    errors);
        }
    }

    /** The caller's notices, newest first, with how many of them the caller has not read. */
    @Transactional
    public Page list(Caller caller, int page, int size) {
        List<Long> visible = classes.idsVisibleTo(caller);
        List<Notice> items = addressed(
                        "SELECT n",
                        Notice.class,
                        caller,
                        visible,
                        true,
                        " ORDER BY COALESCE(n.editedAt, n.publishedAt) DESC, n.id DESC")
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        long total = addressed("SELECT COUNT(n)", Long.class, caller, visible, true, "")
                .getSingleResult();
        List<Long> ids = items.stream().map(Notice::id).toList();
        List<Long> marked = ids.isEmpty()
                ? List.of()
                : em.createQuery(
                                "SELECT r.noticeId FROM NoticeRead r WHERE r.accountId = :me AND r.noticeId IN :ids",
                                Long.class)
                        .setParameter("me", caller.accountId())
                        .setParameter("ids", ids)
                        .getResultList();
        Instant since = accounts.view(caller.accountId()).createdAt();
        List<Long> read = items.stream()
                .filter(n -> marked.contains(n.id()) || n.newsAt().isBefore(since) || supervisedOnly(n, caller))
                .map(Notice::id)
                .toList();
        Map<Long, String> classNames = classes.names(items.stream()
                .map(Notice::classId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Map<Long, String> people = new HashMap<>();
        List<NoticeView> views = items.stream()
                .map(x -> view(
                        x,
                        caller,
                        read.contains(x.id()),
                        classNames::get,
                        a -> people.computeIfAbsent(a, this::fullName)))
                .toList();
        return new Page(views, page, size, total, unread(caller, visible));
    }

    /** How many notices addressed to the caller they have not read (the header shows it on every page). */
    @Transactional
    public long unread(Caller caller) {
        return unread(caller, classes.idsVisibleTo(caller));
    }

    /** Marks a notice the caller can see as read (again: nothing changes); 404 for one they cannot see. */
    @Transactional
    public void markRead(long id, Seen seen, Caller caller) {
        Notice n = visible(id, caller);
        if (seen != null && seen.editedAt() != null && !sameEdit(seen.editedAt().orElse(null), n.editedAt())) {
            throw changedMeanwhile(new Words(
                    "这条通知刚刚被修改过，请刷新后阅读最新内容。", "This notice was edited meanwhile; reload it to read the latest text."));
        }
        markReadBy(id, caller.accountId());
    }

    /**
     * Withdraws a notice: it leaves every feed and unread count at once (the row stays). Its author or an administrator
     * only (another who sees it: 403); a notice withdrawn already, or one the caller cannot see: 404.
     */
    @Transactional
    public void withdraw(long id, Caller caller, String clientAddress) {
        Notice n = mayChange(
                id,
                caller,
                new Words("只有发布者本人或管理员可以撤回通知。", "Only its author or an administrator may withdraw a notice."));
        n.withdraw(Instant.now(), caller.accountId());
        audit.record(caller, "NOTICE_WITHDRAWN", id, "notice " + id + ": " + n.title(), clientAddress);
    }

    /**
     * The notice, locked, when the caller may change it: its author or an administrator (another who sees it: 403,
     * {@code refusal}); withdrawn (also by another request meanwhile) or not addressed to the caller: 404.
     */
    private Notice mayChange(long id, Caller caller, Words refusal) {
        Notice n = visible(id, caller);
        if (n.authorId() != caller.accountId() && caller.role() != Role.ADMINISTRATOR) {
            throw new PlatformException(403, "forbidden", "Forbidden", refusal);
        }
        em.lock(n, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(n);
        if (n.withdrawnAt() != null) {
            throw PlatformException.notFound(new Words("通知", "Notice"), id);
        }
        return n;
    }

    /**
     * The notice if it is shown and addressed to the caller (a personal one: its learner, its author, a teacher of its
     * class or an administrator); otherwise 404.
     */
    private Notice visible(long id, Caller caller) {
        Notice n = em.find(Notice.class, id);
        boolean shown = n != null && n.withdrawnAt() == null;
        if (shown && n.recipientId() != null) {
            shown = n.recipientId() == caller.accountId()
                    || n.authorId() == caller.accountId()
                    || switch (caller.role()) {
                        case ADMINISTRATOR -> true;
                        case TEACHER ->
                            n.classId() != null && classes.idsVisibleTo(caller).contains(n.classId());
                        case LEARNER -> false;
                    };
        } else if (shown && n.classId() != null) {
            List<Long> visible = classes.idsVisibleTo(caller);
            shown = visible == null || visible.contains(n.classId());
        }
        if (!shown) {
            throw PlatformException.notFound(new Words("通知", "Notice"), id);
        }
        return n;
    }

    /** One row per reader and notice, whoever comes first: two tabs opening the same notice at once are both fine. */
    private void markReadBy(long noticeId, long accountId) {
        em.createNativeQuery("INSERT IGNORE INTO notice_read (notice_id, account_id, read_at) VALUES (?, ?, NOW(3))")
                .setParameter(1, noticeId)
                .setParameter(2, accountId)
                .executeUpdate();
    }

    /** Notices published before the account existed are not news to it: a new account starts with nothing unread. */
    private long unread(Caller caller, List<Long> visible) {
        return addressed(
                        "SELECT COUNT(n)",
                        Long.class,
                        caller,
                        visible,
                        false,
                        " AND COALESCE(n.editedAt, n.publishedAt) >= :since AND NOT EXISTS (SELECT r FROM NoticeRead r WHERE r.noticeId = n.id AND r.accountId = :me)")
                .setParameter("since", accounts.view(caller.accountId()).createdAt())
                .getSingleResult();
    }

    /** A personal notice the caller only supervises (neither its learner nor its author): nothing for them to read. */
    private static boolean supervisedOnly(Notice n, Caller caller) {
        return n.recipientId() != null && n.recipientId() != caller.accountId() && n.authorId() != caller.accountId();
    }

    /**
     * Notices addressed to the caller: to everyone, or to a class they may see ({@code visible}; null: every class), or
     * personal ones to them or by them; with {@code supervised} (the list, not the unread count) also the personal ones
     * of the classes they answer for: an administrator every class's, a teacher those of the classes taught. {@code :me}
     * is bound.
     */
    private <T> TypedQuery<T> addressed(
            String select, Class<T> type, Caller caller, List<Long> visible, boolean supervised, String rest) {
        String shared = visible == null
                ? ""
                : visible.isEmpty() ? " AND n.classId IS NULL" : " AND (n.classId IS NULL OR n.classId IN :classes)";
        String answeredFor = !supervised
                ? ""
                : caller.role() == Role.ADMINISTRATOR
                        ? " OR n.recipientId IS NOT NULL"
                        : caller.role() == Role.TEACHER && visible != null && !visible.isEmpty()
                                ? " OR n.classId IN :classes"
                                : "";
        String where = " WHERE n.withdrawnAt IS NULL AND ((n.recipientId IS NULL" + shared + ")"
                + " OR n.recipientId = :me OR (n.recipientId IS NOT NULL AND (n.authorId = :me" + answeredFor + ")))";
        TypedQuery<T> q = em.createQuery(select + " FROM Notice n" + where + rest, type);
        q.setParameter("me", caller.accountId());
        if (visible != null && !visible.isEmpty()) {
            q.setParameter("classes", visible);
        }
        return q;
    }
}
