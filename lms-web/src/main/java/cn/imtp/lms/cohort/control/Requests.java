package cn.imtp.lms.cohort.control;

import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.cohort.entity.CredentialKind;
import cn.imtp.lms.cohort.entity.DeliveryMode;
import cn.imtp.lms.cohort.entity.Duty;
import cn.imtp.lms.cohort.entity.LearnerQualification;
import cn.imtp.lms.cohort.entity.LessonMode;
import cn.imtp.lms.cohort.entity.TitleGrade;
import java.util.List;

/** What clients send to compose a class. */
public final class Requests {

    private Requests() {}

    /**
     * {@code presenceChecks}: face checks during online study (absent: none); chosen at creation, fixed after.
     * {@code startsOn} / {@code endsOn} as a page's date fields give them ({@code 2026-12-10}), read by {@link
     * cn.imtp.lms.application.TimeFields#date}.
     */
    public record NewClass(
            String name,
            Long planId,
            DeliveryMode deliveryMode,
            String startsOn,
            String endsOn,
            Boolean leadsToCertificate,
            PresenceChecks presenceChecks) {}

    /** Presence checks of a class: how many per class hour of study (1–12), and how long each may take to answer (30–600 s). */
    public record PresenceChecks(Integer perClassHour, Integer answerSeconds) {}

    public record Enrolment(List<Long> accountIds) {}

    public record TeacherAssignment(Long accountId, Duty duty) {}

    /** {@code date} ({@code 2026-12-10}) and {@code start} ({@code 09:00}) in China, as the page's fields give them. */
    public record NewLesson(
            Long unitId, String date, String start, Integer classHours, Long teacherId, LessonMode mode) {}

    /** Lays the plan's units not yet covered on days from the class's start: {@code hoursPerDay} (default 8) from {@code dayStarts} (09:00, China time). */
    public record AutoSchedule(Integer hoursPerDay, String dayStarts) {}

    /** {@code dated} as a page's date field gives it ({@code 2026-12-10}). */
    public record NewQualification(
            LearnerQualification.Kind kind, Level level, String dated, String reference, String reason) {}

    /** {@code issuedOn} as a page's date field gives it ({@code 2026-12-10}). */
    public record NewCredential(
            CredentialKind kind, Level level, TitleGrade titleGrade, String issuedOn, String reference) {}
}
