package cn.imtp.lms.identity.control;

import cn.imtp.lms.application.ChinaTime;
import cn.imtp.lms.identity.entity.Account;
import cn.imtp.lms.sql.Search;
import cn.imtp.platform.problem.FieldError;
import cn.imtp.platform.problem.PlatformException;
import cn.imtp.platform.security.Caller;
import cn.imtp.platform.security.Role;
import cn.imtp.platform.text.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creating and administering accounts. Every change of personal data or access is audited. */
@ApplicationScoped
public class Accounts {

    /** The longest user name (the column's width). */
    public static final int MAX_USERNAME = 64;

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._-]{3," + MAX_USERNAME + "}");

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<SignInsRevoked> revoked;

    public record Created(AccountView account, String temporaryPassword) {}

    public record Page(List<AccountView> items, int page, int size, long total) {}

    @Transactional
    public Created create(NewAccount n, Caller actor, String address) {
        List<FieldError> errors = new ArrayList<>();
        if (n.username() == null || !USERNAME.matcher(n.username()).matches()) {
            errors.add(new FieldError(
                    "username",
                    new Words("须为 3 至 64 个字母、数字、点、短横线或下划线", "3 to 64 letters, digits, dots, dashes or underscores")));
        }
        if (n.role() == null) {
            errors.add(new FieldError(
                    "role",
                    new Words("必填：LEARNER、TEACHER 或 ADMINISTRATOR", "is required: LEARNER, TEACHER or ADMINISTRATOR")));
        }
        if (n.fullName() == null || n.fullName().isBlank() || n.fullName().length() > 100) {
            errors.add(new FieldError("fullName", new Words("必填，最多 100 个字符", "is required, at most 100 characters")));
        }
        String idNumber = IdDocuments.normalise(n.idNumber());
        if (n.password() != null && PasswordHasher.weakness(n.password()) != null) {
            errors.add(new FieldError("password", PasswordHasher.weakness(n.password())));
        }
        if (n.role() == Role.LEARNER && (n.idType() == null || idNumber == null || idNumber.isEmpty())) {
            errors.add(new FieldError(
                    "idNumber",
                    new Words(
                            "学员须登记证件（证件类型和证件号码）",
                            "a learner registers with an identity document (idType and idNumber)")));
        } else if (n.idType() != null) {
            Words problem = IdDocuments.problemWith(n.idType(), idNumber, ChinaTime.today());
            if (problem != null) {
                errors.add(new FieldError("idNumber", problem));
            }
        }
        if (n.role() == Role.LEARNER && (n.phone() == null || n.phone().isBlank())) {
            errors.add(new FieldError("phone", new Words("学员须登记手机号码", "a learner registers with a mobile number")));
        } else if (IdDocuments.phoneProblem(n.phone()) != null) {
            errors.add(new FieldError("phone", IdDocuments.phoneProblem(n.phone())));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(
                    new Words("账号未创建，请更正所列字段。", "The account was not created; correct the fields listed."), errors);
        }
        if (byUsername(n.username()).isPresent()) {
            throw PlatformException.conflict(new Words(
                    "用户名 " + n.username() + " 已被占用，请另选一个。", "Username " + n.username() + " is taken; choose another."));
        }
        if (n.idType() != null
                && !em.createNamedQuery(Account.BY_DOCUMENT, Account.class)
                        .setParameter("type", n.idType())
                        .setParameter("number", idNumber)
                        .getResultList()
                        .isEmpty()) {
            throw PlatformException.conflict(new Words(
                    "已有账号登记了此证件；每人只能有一个账号。",
                    "An account with this identity document exists already; a person has one account."));
        }
        String temporary = n.password() == null ? PasswordHasher.temporaryPassword() : null;
        Account a = new Account(
                n.username(),
                n.role(),
                n.fullName().trim(),
                PasswordHasher.hash(temporary != null ? temporary : n.password()),
                temporary != null);
        if (n.idType() != null || n.phone() != null) {
            a.identify(
                    n.idType(), idNumber, n.phone() == null ? null : n.phone().trim());
        }
        em.persist(a);
        em.flush();
        audit.record(actor, AuditLog.CREATE_ACCOUNT, a.id(), n.role() + " " + n.username(), address);
        return new Created(AccountView.of(a), temporary);
    }

    @Transactional
    public Page list(Role role, String q, int page, int size) {
        String term = Search.term(q);
        long total = matching("SELECT COUNT(a)", Long.class, role, term).getSingleResult();
        List<AccountView> items = matching("SELECT a", Account.class, role, term)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList()
                .stream()
                .map(AccountView::of)
                .toList();
        return new Page(items, page, size, total);
    }

    @Transactional
    public AccountView view(long id) {
        return AccountView.of(find(id));
    }

    @Transactional
    public String resetPassword(long id, Caller actor, String address) {
        Account a = find(id);
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        String temporary = PasswordHasher.temporaryPassword();
        a.setPassword(PasswordHasher.hash(temporary), true);
        audit.record(actor, AuditLog.RESET_PASSWORD, id, a.username(), address);
        // The reset revokes the account's tokens; what they kept running (sessions, media grants) ends with them.
        revoked.fire(new SignInsRevoked(id, "PASSWORD_RESET", Instant.now()));
        return temporary;
    }

    @Transactional
    public AccountView setDisabled(long id, boolean disabled, Caller actor, String address) {
        Account a = find(id);
        if (disabled && a.id() == actor.accountId()) {
            throw PlatformException.conflict(new Words(
                    "不能停用自己的账号，请联系其他管理员。", "You cannot disable your own account; ask another administrator."));
        }
        if (disabled && !a.disabled()) {
            // The account row first, as a learner's session opening takes it, then what the observers end.
            em.lock(a, LockModeType.PESSIMISTIC_WRITE);
            a.disable();
            audit.record(actor, AuditLog.DISABLE_ACCOUNT, id, a.username(), address);
            revoked.fire(new SignInsRevoked(id, "ACCOUNT_DISABLED", Instant.now()));
        } else if (!disabled && a.disabled()) {
            a.enable();
            audit.record(actor, AuditLog.ENABLE_ACCOUNT, id, a.username(), address);
        }
        return AccountView.of(a);
    }

    /**
     * Signs the caller out: every token of the account stops working at once, on every node (its token version
     * moves on, as with a new password), and what it kept running ends ({@link SignInsRevoked}).
     */
    @Transactional
    public void signOut(Caller caller, String address) {
        Account a = find(caller.accountId());
        em.lock(a, LockModeType.PESSIMISTIC_WRITE);
        if (a.tokenVersion() != caller.tokenVersion()) {
            return; // already signed out
        }
        a.signOut();
        audit.record(caller, AuditLog.SIGN_OUT, a.id(), a.username(), address);
        revoked.fire(new SignInsRevoked(a.id(), "SIGNED_OUT", Instant.now()));
    }

    @Transactional
    public void changeOwnPassword(Caller caller, String current, String next) {
        Account a = find(caller.accountId());
        if (current == null || !PasswordHasher.matches(current, a.passwordHash())) {
            throw PlatformException.invalid(
                    new Words("密码未修改。", "The password was not changed."),
                    List.of(new FieldError("currentPassword", new Words("与当前密码不符", "is not your current password"))));
        }
        Words weakness = PasswordHasher.weakness(next);
        if (weakness != null) {
            throw PlatformException.invalid(
                    new Words("密码未修改。", "The password was not changed."),
                    List.of(new FieldError("newPassword", weakness)));
        }
        if (PasswordHasher.matches(next, a.passwordHash())) {
            throw PlatformException.invalid(
                    new Words("密码未修改。", "The password was not changed."),
                    List.of(new FieldError(
                            "newPassword", new Words("须与当前密码不同", "must differ from the current password"))));
        }
        a.setPassword(PasswordHasher.hash(next), false);
    }

    /** The full identity number, for an administrator who gives a reason; the reveal is audited in the same transaction. */
    @Transactional
    public String revealIdNumber(long id, String reason, Caller actor, String address) {
        if (reason == null || reason.isBlank()) {
            throw PlatformException.invalid(
                    new Words(
                            "请说明查看完整号码的理由，理由将记入审计日志。",
                            "Say why the number is needed; the reason is kept in the audit log."),
                    List.of(new FieldError("reason", new Words("必填", "is required"))));
        }
        Account a = find(id);
        if (a.idNumber() == null) {
            throw PlatformException.notFound(
                    new Words("账号 " + id + " 没有登记证件。", "Identity document of account " + id + " does not exist."));
        }
        audit.record(actor, AuditLog.REVEAL_ID_NUMBER, id, reason.trim(), address);
        return a.idNumber();
    }

    /** Every account for an export, masked; the export itself is audited. */
    @Transactional
    public List<AccountView> exportAll(Role role, Caller actor, String address) {
        List<AccountView> all = matching("SELECT a", Account.class, role, null).getResultList().stream()
                .map(AccountView::of)
                .toList();
        audit.record(
                actor,
                AuditLog.EXPORT_PERSONAL_DATA,
                null,
                all.size() + " account(s)" + (role == null ? "" : ", role " + role),
                address);
        return all;
    }

    @Transactional
    public Optional<Account> byUsername(String username) {
        return em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    @Transactional
    public Optional<Account> byId(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /** Accounts of one role (all when null), by username. */
    /** Accounts of {@code role} (all: null) whose user name or name contains {@code term} (all: null), by user name. */
    private <T> TypedQuery<T> matching(String select, Class<T> type, Role role, String term) {
        List<String> where = new ArrayList<>();
        if (role != null) {
            where.add("a.role = :role");
        }
        if (term != null) {
            where.add("(LOWER(a.username) LIKE :q ESCAPE '!' OR LOWER(a.fullName) LIKE :q ESCAPE '!')");
        }
        var q = em.createQuery(
                select + " FROM Account a" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + (type == Account.class ? " ORDER BY a.username" : ""),
                type);
        if (role != null) {
            q.setParameter("role", role);
        }
        if (term != null) {
            q.setParameter("q", Search.containing(term));
        }
        return q;
    }

    private Account find(long id) {
        Account a = em.find(Account.class, id);
        if (a == null) {
            throw PlatformException.notFound(new Words("账号", "Account"), id);
        }
        return a;
    }
}
