package cn.imtp.lms.attendance.control;

/**
 * A session that earns credit, as those who watch over it know it: a lesson video's ({@link HoursLedger.Kind#SELF_PACED})
 * or a live lesson's ({@link HoursLedger.Kind#LIVE}, with its {@code lessonId}; null for a lesson video's), the learner
 * studying in it, and the class and unit its credit goes to.
 */
public record CreditedSession(
        HoursLedger.Kind kind, String sessionId, long classId, long learnerId, long unitId, Long lessonId) {}
