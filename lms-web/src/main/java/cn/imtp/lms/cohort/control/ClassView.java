package cn.imtp.lms.cohort.control;

import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.cohort.entity.ClassStatus;
import cn.imtp.lms.cohort.entity.DeliveryMode;
import cn.imtp.lms.cohort.entity.Duty;
import cn.imtp.lms.cohort.entity.LessonMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A class as the API shows it; learners' identity numbers stay masked. */
public record ClassView(long id, String name, long planId, String planName, Level level, JobType jobType,
                        DeliveryMode deliveryMode, LocalDate startsOn, LocalDate endsOn, boolean leadsToCertificate,
                        ClassStatus status, Integer classHourMinutes, List<Member> learners, List<TeacherSeat> teachers,
                        List<LessonView> lessons) {

    public record Member(long accountId, String username, String fullName, String idNumberMasked) {
    }

    public record TeacherSeat(long accountId, String username, String fullName, Duty duty) {
    }

    public record LessonView(long id, long unitId, String unitName, LocalDate date, LocalTime start, int classHours,
                             long teacherId, LessonMode mode) {
    }

    public record Summary(long id, String name, Level level, JobType jobType, DeliveryMode deliveryMode, LocalDate startsOn,
                          LocalDate endsOn, ClassStatus status, int learners) {
    }

    public record Page(List<Summary> items, int page, int size, long total) {
    }
}
