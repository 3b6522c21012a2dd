package cn.imtp.lms.identity.control;

import cn.imtp.lms.identity.entity.AuditEntry;
import cn.imtp.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** Writes and reads the audit log. Writes join the caller's transaction, so the record and the act commit together. */
@ApplicationScoped
public class AuditLog {

    public static final String REVEAL_ID_NUMBER = "REVEAL_ID_NUMBER";
    public static final String EXPORT_PERSONAL_DATA = "EXPORT_PERSONAL_DATA";
    public static final String CREATE_ACCOUNT = "CREATE_ACCOUNT";
    public static final String RESET_PASSWORD = "RESET_PASSWORD";
    public static final String DISABLE_ACCOUNT = "DISABLE_ACCOUNT";
    public static final String ENABLE_ACCOUNT = "ENABLE_ACCOUNT";
    public static final String SIGN_OUT = "SIGN_OUT";

    static final int MAX_DETAIL = 500;

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller actor, String action, Long subjectId, String detail, String clientAddress) {
        // The column holds 500 characters: a long detail is cut (with an ellipsis) rather than refusing the action it
        // records.
        String kept =
                detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
        em.persist(new AuditEntry(
                actor == null ? null : actor.accountId(),
                actor == null ? "system" : actor.username(),
                action,
                subjectId,
                kept,
                clientAddress));
    }

    @Transactional
    public List<AuditEntry> page(int page, int size) {
        return em.createQuery("SELECT e FROM AuditEntry e ORDER BY e.id DESC", AuditEntry.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    @Transactional
    public long count() {
        return em.createQuery("SELECT COUNT(e) FROM AuditEntry e", Long.class).getSingleResult();
    }
}
