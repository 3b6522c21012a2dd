package cn.imtp.lms.presence.entity;

/** Where a presence check stands. */
public enum CheckState {
    /** Scheduled or due: the session's credit is held from its due time until it passes. */
    OPEN,
    /** The enrolled face answered: study goes on. */
    PASSED,
    /** Failed twice: the seconds since the last passed check are withheld for review. */
    FAILED,
    /** Not answered within its window: the same. */
    MISSED,
    /** The session ended before the check was due. */
    CANCELLED,
    /** A reviewer gave the withheld seconds back. */
    APPROVED,
    /** A reviewer confirmed the withholding. */
    REJECTED;

    /** Withheld and waiting for a reviewer. */
    public boolean awaitsReview() {
        return this == FAILED || this == MISSED;
    }
}
