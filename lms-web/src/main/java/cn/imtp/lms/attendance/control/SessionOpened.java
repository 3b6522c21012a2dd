package cn.imtp.lms.attendance.control;

import java.time.Instant;

/**
 * A session that earns credit was opened, a lesson video's or a live lesson's ({@link CreditedSession}), fired within
 * the opening transaction once the session row exists: an observer may refuse it by throwing, or hold its credit
 * ({@link CreditHolds#hold}) until something it asks is done.
 */
public record SessionOpened(CreditedSession session, Instant openedAt) {}
