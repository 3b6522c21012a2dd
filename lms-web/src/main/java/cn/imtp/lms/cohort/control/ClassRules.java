package cn.imtp.lms.cohort.control;

import cn.imtp.lms.catalogue.control.PackageData;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.cohort.entity.CredentialKind;
import cn.imtp.lms.cohort.entity.Duty;
import cn.imtp.lms.cohort.entity.TitleGrade;
import cn.imtp.platform.text.Words;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The package's rules for activating a class (sections 1.3.1 and 1.3.2); who may teach and how many, as section 1.3.1's data says. Pure. */
public final class ClassRules {

    public record Credential(CredentialKind kind, Level level, TitleGrade grade, LocalDate issuedOn) {}

    public record Teacher(long accountId, String name, Set<Duty> duties, List<Credential> credentials) {}

    public record UnitNeed(long unitId, String name, int hours) {}

    public record ScheduledLesson(long unitId, int classHours, LocalDate date, long teacherId) {}

    public record Violation(String rule, Words message) {}

    /** A learner with the levels of the certificates they hold and the levels a teacher approved them for. */
    public record Learner(String name, Set<Level> certificates, Set<Level> approvals) {}

    public record Facts(
            Level planLevel,
            boolean planCertificateEligible,
            boolean leadsToCertificate,
            List<Learner> learners,
            List<Teacher> teachers,
            List<UnitNeed> planUnits,
            List<ScheduledLesson> lessons,
            LocalDate startsOn,
            LocalDate endsOn,
            PackageData.TeacherRequirementsFile teacherRules) {}

    private ClassRules() {}

    public static List<Violation> check(Facts f) {
        List<Violation> v = new ArrayList<>();
        if (f.startsOn().isAfter(f.endsOn())) {
            v.add(new Violation(
                    "DATES",
                    new Words(
                            "班级的结束日期（" + f.endsOn() + "）早于开始日期（" + f.startsOn() + "）。",
                            "The class ends (" + f.endsOn() + ") before it starts (" + f.startsOn() + ").")));
        }
        if (f.leadsToCertificate() && !f.planCertificateEligible()) {
            v.add(
                    new Violation(
                            "PLAN_BELOW_MINIMUM",
                            new Words(
                                    "培训计划未达到培训包的最低要求；可获得等级证书的班级须采用没有欠缺项的培训计划。",
                                    "The plan has shortfalls against the package's minimum; a class that leads to a level certificate needs a plan without them.")));
        }
        int learners = f.learners().size();
        if (learners == 0) {
            v.add(new Violation("NO_LEARNERS", new Words("班级还没有学员。", "The class has no learners.")));
        }
        if (f.leadsToCertificate() && f.planLevel() != Level.L5) {
            for (Learner l : f.learners()) {
                if (!eligible(f.planLevel(), l)) {
                    v.add(new Violation(
                            "LEARNER_ELIGIBILITY",
                            new Words(
                                    l.name() + " 未持有低于 " + f.planLevel() + " 等级的证书，也没有教师批准其参加 " + f.planLevel()
                                            + " 培训。",
                                    l.name() + " holds no certificate of a level below " + f.planLevel()
                                            + " and has no teacher's approval for " + f.planLevel() + ".")));
                }
            }
        }
        for (PackageData.Staffing staffing : f.teacherRules().staffing()) {
            Duty duty = Duty.valueOf(staffing.duty());
            int needed = Math.max(
                    staffing.atLeast(), (learners + staffing.learnersPerTeacher() - 1) / staffing.learnersPerTeacher());
            long have =
                    f.teachers().stream().filter(t -> t.duties().contains(duty)).count();
            if (have < needed) {
                v.add(new Violation(
                        "TEACHER_RATIO",
                        new Words(
                                learners + " 名学员至少需要 " + needed + " 名" + (duty == Duty.THEORY ? "理论课教师" : "实习指导教师")
                                        + "，本班现有 " + have + " 名（1.3.1 节：" + staffing.text() + "）。",
                                learners + " learners need at least " + needed + " "
                                        + (duty == Duty.THEORY
                                                ? "theory teacher(s) (理论课教师)"
                                                : "practical instructor(s) (实习指导教师)")
                                        + "; the class has " + have
                                        + " (section 1.3.1: " + staffing.text() + ").")));
            }
        }
        PackageData.TeacherQualification qualification = f.teacherRules().qualificationFor(f.planLevel());
        for (Teacher t : f.teachers()) {
            if (!qualified(qualification, t.credentials(), f.startsOn())) {
                Words requirement = requirement(qualification);
                v.add(new Violation(
                        "TEACHER_QUALIFICATION",
                        new Words(
                                t.name() + " 不具备 " + f.planLevel() + " 的授课资格：" + requirement.zh() + "（1.3.1 节："
                                        + qualification.text() + "）。",
                                t.name() + " is not qualified to teach " + f.planLevel() + ": " + requirement.en()
                                        + " (section 1.3.1: " + qualification.text() + ").")));
            }
        }
        Map<Long, Integer> scheduled = new HashMap<>();
        Set<Long> teacherIds = new HashSet<>();
        f.teachers().forEach(t -> teacherIds.add(t.accountId()));
        for (ScheduledLesson l : f.lessons()) {
            scheduled.merge(l.unitId(), l.classHours(), Integer::sum);
            if (l.date().isBefore(f.startsOn()) || l.date().isAfter(f.endsOn())) {
                v.add(new Violation(
                        "LESSON_OUTSIDE_DATES",
                        new Words(
                                l.date() + " 的课次不在班级的起止日期内。",
                                "A lesson on " + l.date() + " lies outside the class's dates.")));
            }
            if (!teacherIds.contains(l.teacherId())) {
                v.add(new Violation(
                        "LESSON_TEACHER",
                        new Words(
                                l.date() + " 的课次由非本班教师讲授。",
                                "A lesson on " + l.date()
                                        + " is given by someone who is not a teacher of the class.")));
            }
        }
        for (UnitNeed u : f.planUnits()) {
            int have = scheduled.getOrDefault(u.unitId(), 0);
            if (have < u.hours()) {
                v.add(new Violation(
                        "SCHEDULE_COVERAGE",
                        new Words(
                                "学习单元“" + u.name() + "”需要 " + u.hours() + " 学时，已排 " + have + " 学时。",
                                "Unit '" + u.name() + "' needs " + u.hours() + " class hour(s); " + have
                                        + " are scheduled.")));
            }
        }
        return v;
    }

    /**
     * Sections 1.1.2/1.1.3: a plan above level 5 is for holders of the lower certificate (the level
     * just below the plan's, or any higher one) or for learners a teacher approved for that level.
     */
    public static boolean eligible(Level planLevel, Learner learner) {
        Level lower = Level.values()[planLevel.ordinal() - 1];
        return learner.approvals().contains(planLevel)
                || learner.certificates().stream().anyMatch(c -> c.ordinal() >= lower.ordinal());
    }

    /**
     * Section 1.3.1: whether one of the credentials qualifies for the levels of {@code q}: a certificate of at least its
     * level, held for its years by {@code asOf} (the class's start), or a professional title of at least its grade.
     */
    public static boolean qualified(PackageData.TeacherQualification q, List<Credential> credentials, LocalDate asOf) {
        TitleGrade title = TitleGrade.valueOf(q.titleAtLeast());
        return credentials.stream()
                .anyMatch(c -> c.kind() == CredentialKind.CERTIFICATE
                        ? c.level() != null
                                && c.level().ordinal() >= q.certificateAtLeast().ordinal()
                                && !c.issuedOn()
                                        .plusYears(q.certificateHeldYears())
                                        .isAfter(asOf)
                        : c.grade() != null && c.grade().ordinal() >= title.ordinal());
    }

    private static Words requirement(PackageData.TeacherQualification q) {
        String title = TitleGrade.valueOf(q.titleAtLeast()) == TitleGrade.SENIOR ? "高级" : "中级";
        return new Words(
                "须持有 " + q.certificateAtLeast() + " 或更高等级的证书"
                        + (q.certificateHeldYears() > 0 ? "且持证满 " + q.certificateHeldYears() + " 年" : "") + "，或具有"
                        + title + "及以上专业技术职称",
                "a " + q.certificateAtLeast() + " certificate or higher"
                        + (q.certificateHeldYears() > 0
                                ? " held for at least " + q.certificateHeldYears() + " years"
                                : "")
                        + ", or a professional title of grade " + q.titleAtLeast() + " or higher");
    }
}
