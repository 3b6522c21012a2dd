package cn.imtp.lms.attendance.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How credited time becomes class hours (pure): credit counts toward a unit up to the unit's hours and
 * never spills into another unit; online credit counts toward the classroom total up to the configured
 * share of the plan (some provinces cap it at 50 %); a learner meets the hours when every unit of the
 * plan is met, no online credit was left out by the cap, and the classroom total reaches the level's
 * minimum in the allocation table. Other hours count toward the total hours only.
 */
public final class LedgerRules {

    public record PlannedUnit(long unitId, String name, int hours) {}

    /** {@code withheldSeconds}: time withheld for review (待审核), not counted until a reviewer gives it back. */
    public record UnitStatus(
            long unitId,
            String name,
            int requiredMinutes,
            double creditedMinutes,
            int selfPacedSeconds,
            int liveSeconds,
            boolean met,
            double shortMinutes,
            int withheldSeconds) {}

    public record LearnerStatus(
            long learnerId,
            String username,
            String fullName,
            double classroomMinutes,
            int planMinutes,
            int minimumMinutes,
            boolean meetsHours,
            double shortMinutes,
            double onlineOverCapMinutes,
            int otherMinutes,
            int otherRequiredMinutes,
            double totalMinutes,
            List<UnitStatus> units,
            int withheldSeconds) {}

    /**
     * What a class is judged by: minutes per class hour (fixed when the class is activated), the level's
     * minimum classroom hours, the share of the plan's minutes that online credit may fill (1.0: no cap),
     * and the level's other hours in the allocation table.
     */
    public record Terms(int classHourMinutes, int minimumHours, double onlineShareCap, int otherHours) {}

    /** Seconds credited to one unit, by kind of activity, and seconds withheld for review (which do not count). */
    public record Credit(int selfPacedSeconds, int liveSeconds, int withheldSeconds) {

        public Credit(int selfPacedSeconds, int liveSeconds) {
            this(selfPacedSeconds, liveSeconds, 0);
        }
    }

    private LedgerRules() {}

    public static LearnerStatus learner(
            long learnerId,
            String username,
            String fullName,
            List<PlannedUnit> plan,
            Map<Long, Credit> credits,
            int otherMinutes,
            Terms terms) {
        int classHourMinutes = terms.classHourMinutes();
        List<UnitStatus> units = new ArrayList<>();
        double classroom = 0;
        int planMinutes = 0;
        boolean allMet = true;
        for (PlannedUnit u : plan) {
            Credit c = credits.getOrDefault(u.unitId(), new Credit(0, 0));
            int required = u.hours() * classHourMinutes;
            double credited = Math.min(required, (c.selfPacedSeconds() + c.liveSeconds()) / 60.0);
            boolean met = credited >= required;
            allMet &= met;
            classroom += credited;
            planMinutes += required;
            units.add(new UnitStatus(
                    u.unitId(),
                    u.name(),
                    required,
                    round(credited),
                    c.selfPacedSeconds(),
                    c.liveSeconds(),
                    met,
                    round(required - credited),
                    c.withheldSeconds()));
        }
        // Every credit recorded so far is online (self-paced and live online lessons).
        double cap = Math.max(0, Math.min(1, terms.onlineShareCap())) * planMinutes;
        double overCap = Math.max(0, classroom - cap);
        classroom -= overCap;
        int minimum = terms.minimumHours() * classHourMinutes;
        double shortBy = Math.max(planMinutes, minimum) - classroom;
        boolean meets = allMet && overCap == 0 && classroom >= minimum;
        // Other hours (internship, visits, self-study) count toward the total only, never the classroom hours.
        return new LearnerStatus(
                learnerId,
                username,
                fullName,
                round(classroom),
                planMinutes,
                minimum,
                meets,
                round(Math.max(0, shortBy)),
                round(overCap),
                otherMinutes,
                terms.otherHours() * classHourMinutes,
                round(classroom + otherMinutes),
                units,
                units.stream().mapToInt(UnitStatus::withheldSeconds).sum());
    }

    private static double round(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }
}
