package cn.imtp.lms.attendance.control;

import java.time.Instant;

/**
 * Sessions of another feature that earn a learner time beside lesson videos (live lessons): {@link Attendance} ends them
 * when the learner starts another activity or loses their sign-ins, so that a learner's time is credited to one activity
 * at a time. The feature that owns such sessions answers it; without one, there is nothing else to end.
 */
public interface OpenActivities {

    /**
     * Ends the learner's open sessions at {@code now} for {@code reason} (SUPERSEDED, or why the sign-ins were revoked),
     * within the caller's transaction; the caller holds the learner's account row (see {@link Attendance#endActivities}).
     */
    void end(long learnerId, String reason, Instant now);
}
