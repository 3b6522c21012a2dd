package cn.imtp.lms.cohort.control;

import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.cohort.entity.CredentialKind;
import cn.imtp.lms.cohort.entity.DeliveryMode;
import cn.imtp.lms.cohort.entity.Duty;
import cn.imtp.lms.cohort.entity.LearnerQualification;
import cn.imtp.lms.cohort.entity.LessonMode;
import cn.imtp.lms.cohort.entity.TitleGrade;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** What clients send to compose a class. */
public final class Requests {

    private Requests() {}

    /** {@code presenceChecks}: face checks during online study (absent: none); chosen at creation, fixed after. */
    public record NewClass(
            String name,
            Long planId,
            DeliveryMode deliveryMode,
            LocalDate startsOn,
            LocalDate endsOn,
            Boolean leadsToCertificate,
            PresenceChecks presenceChecks) {}

    /** Presence checks of a class: how many per class hour of study (1–12), and how long each may take to answer (30–600 s). */
    public record PresenceChecks(Integer perClassHour, Integer answerSeconds) {}

    public record Enrolment(List<Long> accountIds) {}

    public record TeacherAssignment(Long accountId, Duty duty) {}

    public record NewLesson(
            Long unitId, LocalDate date, LocalTime start, Integer classHours, Long teacherId, LessonMode mode) {}

    /** Lays the plan's units not yet covered on days from the class's start: {@code hoursPerDay} (default 8) from {@code dayStarts} (09:00). */
    public record AutoSchedule(Integer hoursPerDay, LocalTime dayStarts) {}

    public record NewQualification(
            LearnerQualification.Kind kind, Level level, LocalDate dated, String reference, String reason) {}

    public record NewCredential(
            CredentialKind kind, Level level, TitleGrade titleGrade, LocalDate issuedOn, String reference) {}
}
