/**
 * Online attendance and the hours ledger: proof, learner by learner and unit by unit, that a remote
 * class met the training package's class hours.
 *
 * <p>A learner opens a playback session for a published lesson video of a unit in one of their active
 * classes ({@code POST /api/attendance/sessions}); opening one ends the learner's other sessions, so one
 * playback earns credit at a time across tabs, devices and nodes (the sessions are rows in MariaDB).
 * The session's signed token is bound to learner, video and session. The player sends a heartbeat
 * every {@code lms.attendance.heartbeat-seconds} with its sequence number, the milliseconds elapsed on a
 * monotonic clock since the session opened, the media ranges played since the previous beat, the
 * playback rate and the page's visibility. {@link cn.imtp.lms.attendance.control.CreditPolicy} (pure)
 * decides what a beat earns: unique whole seconds of the timeline, at an allowed rate, visible, never
 * past the first unwatched second on a first viewing, never more than the elapsed time, never more
 * media than elapsed × rate plus a little slack (or the beat is refused and logged), in sequence and
 * idempotent. The client's wall clock is never used.
 *
 * <p>An accepted beat is stored in one transaction with the learner's watched seconds of the video, the
 * aggregated ledger ({@code ledger_entry}: seconds per learner × unit) and an append-only attendance
 * record chained by SHA-256 to the previous record of its class; only then is it acknowledged. The
 * node's {@link cn.imtp.lms.attendance.control.BeatWriter} stores the beats that arrive together in one
 * transaction (group commit), so that the commit and the class's chain head are shared by the batch.
 * {@code GET /api/attendance/classes/{id}/verify} recomputes a chain and names the first record
 * altered or removed. {@code GET /api/attendance/classes/{id}/ledger} compares each learner's credited
 * minutes per unit (capped at the unit's hours; surplus never spills) with the plan and the level's
 * minimum, with the class hour fixed at activation. {@code GET /api/attendance/classes/{id}/export} is
 * the audit export as CSV (sessions with masked ID numbers, then totals), written to the audit log.
 *
 * <p>Not yet here: the presence prompt (idle → "还在吗？"), live online lessons, teacher-entered other
 * hours, online-share caps, the live roster, the XLSX export, group commit for throughput, and the
 * player module itself.
 */
package cn.imtp.lms.attendance;
