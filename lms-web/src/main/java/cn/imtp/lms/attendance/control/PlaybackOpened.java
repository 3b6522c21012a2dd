package cn.imtp.lms.attendance.control;

import java.time.Instant;

/**
 * A playback session was opened (fired within the opening transaction, once the session row exists): an observer may
 * refuse it by throwing, or hold its credit ({@link CreditHolds#hold}) until something it asks is done.
 */
public record PlaybackOpened(String sessionId, long classId, long learnerId, long unitId, Instant openedAt) {}
