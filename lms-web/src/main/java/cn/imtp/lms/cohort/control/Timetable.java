package cn.imtp.lms.cohort.control;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays the units of a plan out on days, in the plan's order: as many whole units a day as fit in
 * {@code hoursPerDay} class hours, each lesson starting after the previous one (a class hour and its
 * break take 50 minutes); a unit longer than a day is split over consecutive days. Pure.
 */
public final class Timetable {

    /** Minutes a class hour and the break after it take on the timetable. */
    static final int SLOT_MINUTES = 50;

    public record Need(long unitId, int hours, boolean basic) {}

    public record Slot(long unitId, LocalDate date, LocalTime start, int classHours, boolean basic) {}

    private Timetable() {}

    public static List<Slot> lay(List<Need> needs, LocalDate firstDay, LocalTime dayStarts, int hoursPerDay) {
        if (hoursPerDay < 1) {
            throw new IllegalArgumentException("hoursPerDay must be at least 1");
        }
        List<Slot> slots = new ArrayList<>();
        LocalDate day = firstDay;
        int used = 0;
        for (Need n : needs) {
            int left = n.hours();
            if (used > 0 && used + Math.min(left, hoursPerDay) > hoursPerDay) {
                day = day.plusDays(1);
                used = 0;
            }
            while (left > 0) {
                int now = Math.min(left, hoursPerDay - used);
                slots.add(new Slot(n.unitId(), day, dayStarts.plusMinutes((long) SLOT_MINUTES * used), now, n.basic()));
                used += now;
                left -= now;
                if (used == hoursPerDay && left > 0) {
                    day = day.plusDays(1);
                    used = 0;
                }
            }
        }
        return slots;
    }
}
