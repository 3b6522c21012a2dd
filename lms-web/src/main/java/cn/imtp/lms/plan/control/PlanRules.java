package cn.imtp.lms.plan.control;

import cn.imtp.lms.catalogue.control.PackageData;
import cn.imtp.lms.catalogue.entity.JobType;
import cn.imtp.lms.catalogue.entity.Level;
import cn.imtp.lms.plan.entity.PlanKind;
import cn.imtp.platform.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The package's rules for a training plan (sections 1.1.1 to 1.1.3, as the edition's data gives them). Pure: values in, an assessment out. */
public final class PlanRules {

    /** A picked unit, with the table it comes from ({@code basic} true for the basic course). */
    public record Pick(long unitId, String name, int hours, boolean basic, Level level, JobType jobType) {}

    /** The minimum classroom hours of a level (a row of the allocation table). */
    public record Minimum(int basicHours, int skillHours) {
        public int classroomHours() {
            return basicHours + skillHours;
        }
    }

    public record Shortfall(String rule, Words message, int missingHours) {}

    public record Assessment(
            int basicHours,
            int skillHours,
            int classroomHours,
            int minimumClassroomHours,
            List<Shortfall> shortfalls,
            boolean certificateEligible) {}

    private PlanRules() {}

    /**
     * @param ownLevelTable unit id → class hours of the skill table of the plan's level and job
     *                      type (for a kind of plan that takes the whole table, the new entrant's)
     * @param selection     section 1.1.3 as the edition's data gives it
     */
    public static Assessment assess(
            Level level,
            JobType jobType,
            PlanKind kind,
            List<Pick> picks,
            Minimum minimum,
            Map<Long, Integer> ownLevelTable,
            PackageData.CourseSelectionFile selection) {
        List<Shortfall> shortfalls = new ArrayList<>();
        int basic = picks.stream().filter(Pick::basic).mapToInt(Pick::hours).sum();
        int skill = picks.stream().filter(p -> !p.basic()).mapToInt(Pick::hours).sum();
        if (selection.basicCourse().mandatory() && basic < minimum.basicHours()) {
            shortfalls.add(new Shortfall(
                    "BASIC_COURSE_MANDATORY",
                    new Words(
                            "职业基本素质培训课程为必修：" + level + " 要求 " + minimum.basicHours() + " 学时，目前只安排了 " + basic + " 学时。",
                            "The basic course (职业基本素质培训课程) is mandatory: " + basic + " of the " + minimum.basicHours()
                                    + " class hours required for " + level + " are planned."),
                    minimum.basicHours() - basic));
        }
        PackageData.PlanKindRule rule = selection.ruleFor(kind.name());
        if (rule.startLevel() != null && level != rule.startLevel()) {
            shortfalls.add(new Shortfall(
                    "NEW_ENTRANT_LEVEL",
                    new Words(
                            "类型为 " + kind + " 的培训计划从 " + rule.startLevel() + " 开始，而不是 " + level + "（1.1.3 节："
                                    + quotation(rule.text()) + "）。",
                            "A " + kind + " plan starts at " + rule.startLevel() + ", not " + level
                                    + " (section 1.1.3: " + quotation(rule.text()) + ")."),
                    0));
        } else if (rule.wholeTable()) {
            Set<Long> picked = picks.stream().map(Pick::unitId).collect(Collectors.toSet());
            List<Long> missing = ownLevelTable.keySet().stream()
                    .filter(id -> !picked.contains(id))
                    .sorted()
                    .toList();
            if (!missing.isEmpty()) {
                int hours = missing.stream().mapToInt(ownLevelTable::get).sum();
                shortfalls.add(new Shortfall(
                        "NEW_ENTRANT_WHOLE_TABLE",
                        new Words(
                                "类型为 " + kind + " 的培训计划须包含 " + level + "/" + jobType + " 的全部学习单元：缺少 " + missing.size()
                                        + " 个（编号 " + missing + "）。",
                                "A " + kind + " plan takes all of " + level + " for " + jobType + ": " + missing.size()
                                        + " unit(s) are missing (ids " + missing + ")."),
                        hours));
            }
        }
        if (rule.ownTableOnly()) {
            List<Pick> foreign = picks.stream()
                    .filter(p -> !p.basic() && (p.level() != level || p.jobType() != jobType))
                    .toList();
            if (!foreign.isEmpty()) {
                shortfalls.add(new Shortfall(
                        "SKILL_UNITS_OF_OWN_TABLE",
                        new Words(
                                "类型为 " + kind + " 的培训计划只能选择 " + level + "/" + jobType
                                        + " 的技能学习单元；以下学习单元来自其他课程表："
                                        + String.join(
                                                "、",
                                                foreign.stream()
                                                        .map(p -> p.name() + "（" + p.level() + "/" + p.jobType() + "）")
                                                        .toList())
                                        + "。自由选课仅适用于有经验的学员和订单培训。",
                                "A " + kind + " plan takes skill units of "
                                        + level + "/" + jobType + " only; these come from other tables: "
                                        + String.join(
                                                ", ",
                                                foreign.stream()
                                                        .map(p -> p.name() + " (" + p.level() + "/" + p.jobType() + ")")
                                                        .toList())
                                        + ". Free choice is for experienced learners and order training."),
                        0));
            }
        }
        if (skill < minimum.skillHours()) {
            shortfalls.add(new Shortfall(
                    "SKILL_HOURS_MINIMUM",
                    new Words(
                            "技能课程已安排 " + skill + " 学时；" + level + " 至少需要 " + minimum.skillHours() + " 学时。",
                            skill + " skill-course class hours are planned; " + level + " requires at least "
                                    + minimum.skillHours() + "."),
                    minimum.skillHours() - skill));
        }
        int classroom = basic + skill;
        if (classroom < minimum.classroomHours()) {
            shortfalls.add(new Shortfall(
                    "CLASSROOM_HOURS_MINIMUM",
                    new Words(
                            "课堂教学已安排 " + classroom + " 学时；学时分配表规定 " + level + " 至少 " + minimum.classroomHours()
                                    + " 学时。",
                            classroom + " classroom hours are planned; the allocation table's minimum for " + level
                                    + " is " + minimum.classroomHours() + "."),
                    minimum.classroomHours() - classroom));
        }
        return new Assessment(basic, skill, classroom, minimum.classroomHours(), shortfalls, shortfalls.isEmpty());
    }

    /** The seed's words as a quotation: a clause the seed continues (it ends in ，) ends in …… instead. */
    static String quotation(String text) {
        return text.endsWith("，") ? text.substring(0, text.length() - 1) + "……" : text;
    }
}
