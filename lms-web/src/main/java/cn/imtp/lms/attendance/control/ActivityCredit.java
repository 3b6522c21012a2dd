package cn.imtp.lms.attendance.control;

import java.time.Instant;
import java.util.Optional;

/**
 * The credit of another feature's sessions (live lessons), which a presence check may hold, take back and give back as
 * it does a lesson video's: {@link CreditHolds} handles lesson videos itself and hands the others' sessions to the
 * feature that owns them. Each change is the owner's to write, with the ledger and the class's attendance chain, in the
 * caller's transaction.
 */
public interface ActivityCredit {

    /** The kind of session this feature owns. */
    HoursLedger.Kind kind();

    /** The session as a hold sees it, locked for the caller's transaction when {@code lock}; empty when it is not this feature's. */
    Optional<CreditHolds.Held> session(String sessionId, boolean lock);

    /** Holds the session's credit from {@code fromMs} of its clock (null lifts the hold). */
    void hold(String sessionId, Long fromMs);

    /** Takes back what the session credited in beats sent after {@code sinceMs} of its clock, and ends the session. */
    CreditHolds.Taken withhold(String sessionId, long sinceMs, String why, Instant now);

    /** Gives back withheld seconds (those not credited again since); returns how many. */
    int restore(String sessionId, String spans, String why, Instant now);
}
