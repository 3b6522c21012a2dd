package cn.imtp.lms.notice.control;

import cn.imtp.lms.sql.Bulk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The turn of one class's reminder requests, without a gap lock anywhere: its row in {@code notice_reminder_gate} is
 * made in a short transaction of its own ({@link #open}), so that the request's own transaction locks an existing row
 * by its primary key ({@link #take}: a record lock), never a gap; and who was reminded lately is read in a transaction
 * of its own begun after the turn was taken ({@link #remindedSince}: a plain read that sees everything the previous
 * turn committed), not by a locking read of {@code notice}, whose range would lock the gaps that two classes' first
 * reminders insert into, and deadlock them (answered 503).
 */
@ApplicationScoped
public class ReminderGate {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    /**
     * Makes sure the class has its row, committed at once: a new row takes an insert-intention lock, which does not
     * wait for another class's; an existing one is left as it is, and the shared lock its duplicate check took ends
     * with this transaction, before anyone asks for it exclusively.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void open(long classId, Instant now) {
        Bulk.on(em)
                .execute(
                        "INSERT IGNORE INTO notice_reminder_gate (class_id, last_sent_at) VALUES (?, ?)",
                        List.of(classId, now));
    }

    /** Waits for the class's turn (its row, by primary key), held until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void take(long classId, Instant now) {
        Bulk bulk = Bulk.on(em);
        bulk.select(
                "SELECT class_id FROM notice_reminder_gate WHERE class_id = ? FOR UPDATE",
                List.of(classId),
                row -> row.getLong("class_id"));
        bulk.execute("UPDATE notice_reminder_gate SET last_sent_at = ? WHERE class_id = ?", List.of(now, classId));
    }

    /**
     * Of these learners, those the class reminded after {@code since} (withdrawn reminders too), as committed now: read
     * in a new transaction, so after the turn was taken it sees the previous turn's reminders.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Set<Long> remindedSince(long classId, Instant since, Set<Long> learners) {
        List<Object> params = new ArrayList<>(List.of(classId, since));
        params.addAll(learners);
        return new HashSet<>(Bulk.on(em)
                .select(
                        "SELECT recipient_id FROM notice WHERE class_id = ? AND published_at > ? AND recipient_id IN "
                                + Bulk.marks(learners.size()),
                        params,
                        row -> row.getLong("recipient_id")));
    }
}
