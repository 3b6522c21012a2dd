/**
 * Online attendance and the hours ledger: proof, learner by learner and unit by unit, that a remote
 * class met the training package's class hours.
 *
 * <p>A learner opens a playback session for a published lesson video of a unit in one of their active
 * classes, for the class the lesson was opened from ({@code POST /api/attendance/sessions}); opening one
 * ends the learner's other sessions, so one playback earns credit at a time across tabs, devices and
 * nodes (the sessions are rows in MariaDB), and credit is per class (watched seconds per learner, class
 * and video). The session's signed token is bound to learner, class, video and session. The player sends
 * a heartbeat one period ({@code lms.attendance.heartbeat-seconds}) after the last while playing, with its
 * number, the milliseconds elapsed on a monotonic clock since the session opened, the media ranges played
 * since the previous beat, the playback rate and the page's visibility.
 * {@link cn.imtp.lms.attendance.control.CreditPolicy} (pure) decides what a beat earns: whole seconds of
 * the timeline covered but for 100 ms, at an allowed rate, visible, never past the first unwatched second
 * on a first viewing, never more than the session's clock (bounded by the server's and by the session's
 * end), at most one period of playback per beat and the slack once per session (or the beat is refused,
 * logged and its number used up). The client's wall clock is never used. Sign-out and a disabled account
 * end the sessions ({@code SignInsRevoked}).
 *
 * <p>An accepted beat is stored in one transaction with the learner's watched seconds of the video, the
 * aggregated ledger ({@code ledger_entry}: seconds per class × learner × unit) and an append-only
 * attendance record chained to the previous record of its class and sealed with HMAC-SHA256 under the
 * chain key ({@link cn.imtp.lms.attendance.control.ChainKeys}, a file outside the database); only then is
 * it acknowledged. The node's {@link cn.imtp.lms.attendance.control.BeatWriter} stores the beats that
 * arrive together in one transaction (group commit). {@link cn.imtp.lms.attendance.control.ChainAudit}
 * makes the records evidence: {@code GET /api/attendance/classes/{id}/verify} recomputes every seal and
 * every reported figure (sessions' and ledger lines' seconds) from the records, and signed statements of
 * the chains' heads ({@code GET /api/attendance/statement}) find history rewritten after them.
 * {@code GET /api/attendance/classes/{id}/ledger} compares each learner's credited minutes per unit
 * (capped at the unit's hours; surplus never spills) with the plan and the level's minimum, with the
 * class hour fixed at activation. {@code GET /api/attendance/classes/{id}/export} is the audit export
 * (sessions in exact seconds with masked ID numbers, then totals), written to the audit log.
 */
package cn.imtp.lms.attendance;
