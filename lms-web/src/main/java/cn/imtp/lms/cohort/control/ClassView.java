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

/**
 * A class as the API shows it; learners' identity numbers stay masked. A learner sees the class as
 * {@link #asSeenBy}: the classmates' names only, no account, user name or identity data of anyone else.
 */
public record ClassView(
        long id,
        String name,
        long planId,
        String planName,
        Level level,
        JobType jobType,
        DeliveryMode deliveryMode,
        LocalDate startsOn,
        LocalDate endsOn,
        boolean leadsToCertificate,
        ClassStatus status,
        Integer classHourMinutes,
        Requests.PresenceChecks presenceChecks,
        List<Member> learners,
        List<TeacherSeat> teachers,
        List<LessonView> lessons) {

    /** A learner of the class; a classmate, to a learner, is a full name alone (the other fields are absent). */
    public record Member(Long accountId, String username, String fullName, String idNumberMasked) {}

    /** A teacher of the class; to a learner, without the user name. */
    public record TeacherSeat(long accountId, String username, String fullName, Duty duty) {}

    /** The class as the learner {@code me} sees it: own entry whole, classmates by name, teachers without user names. */
    public ClassView asSeenBy(long me) {
        List<Member> members = learners.stream()
                .map(m -> m.accountId() == me ? m : new Member(null, null, m.fullName(), null))
                .toList();
        List<TeacherSeat> seats = teachers.stream()
                .map(t -> new TeacherSeat(t.accountId(), null, t.fullName(), t.duty()))
                .toList();
        return new ClassView(
                id,
                name,
                planId,
                planName,
                level,
                jobType,
                deliveryMode,
                startsOn,
                endsOn,
                leadsToCertificate,
                status,
                classHourMinutes,
                presenceChecks,
                members,
                seats,
                lessons);
    }

    public record LessonView(
            long id,
            long unitId,
            String unitName,
            LocalDate date,
            LocalTime start,
            int classHours,
            long teacherId,
            LessonMode mode) {}

    public record Summary(
            long id,
            String name,
            Level level,
            JobType jobType,
            DeliveryMode deliveryMode,
            LocalDate startsOn,
            LocalDate endsOn,
            ClassStatus status,
            int learners) {}

    public record Page(List<Summary> items, int page, int size, long total) {}
}
