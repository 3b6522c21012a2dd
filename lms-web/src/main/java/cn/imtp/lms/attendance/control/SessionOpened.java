package cn.imtp.lms.attendance.control;

import java.time.Instant;

/**
 * A session that earns credit was opened, a lesson video's ({@link HoursLedger.Kind#SELF_PACED}) or a live lesson's
 * ({@link HoursLedger.Kind#LIVE}, with its {@code lessonId}), fired within the opening transaction once the session row
 * exists: an observer may refuse it by throwing, or hold its credit ({@link CreditHolds#hold}) until something it asks
 * is done.
 */
public record SessionOpened(
        HoursLedger.Kind kind,
        String sessionId,
        long classId,
        long learnerId,
        long unitId,
        Long lessonId,
        Instant openedAt) {}
