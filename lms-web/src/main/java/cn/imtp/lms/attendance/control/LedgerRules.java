package cn.imtp.lms.attendance.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How credited time becomes class hours (pure): credit counts toward a unit up to the unit's hours and
 * never spills into another unit; a learner meets the hours when every unit of the plan is met and the
 * classroom total reaches the level's minimum in the allocation table.
 */
public final class LedgerRules {

    public record PlannedUnit(long unitId, String name, int hours) {
    }

    public record UnitStatus(long unitId, String name, int requiredMinutes, double creditedMinutes, int selfPacedSeconds,
                             int liveSeconds, boolean met, double shortMinutes) {
    }

    public record LearnerStatus(long learnerId, String username, String fullName, double classroomMinutes, int planMinutes,
                                int minimumMinutes, boolean meetsHours, double shortMinutes, List<UnitStatus> units) {
    }

    /** Seconds credited to one unit, by kind of activity. */
    public record Credit(int selfPacedSeconds, int liveSeconds) {
    }

    private LedgerRules() {
    }

    public static LearnerStatus learner(long learnerId, String username, String fullName, List<PlannedUnit> plan,
                                        Map<Long, Credit> credits, int classHourMinutes, int minimumHours) {
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
            units.add(new UnitStatus(u.unitId(), u.name(), required, round(credited), c.selfPacedSeconds(), c.liveSeconds(), met,
                    round(required - credited)));
        }
        int minimum = minimumHours * classHourMinutes;
        double shortBy = Math.max(planMinutes, minimum) - classroom;
        boolean meets = allMet && classroom >= minimum;
        return new LearnerStatus(learnerId, username, fullName, round(classroom), planMinutes, minimum, meets,
                round(Math.max(0, shortBy)), units);
    }

    private static double round(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }
}
