package cn.imtp.lms.cohort.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimetableTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final LocalTime NINE = LocalTime.of(9, 0);

    @Test
    void wholeUnitsFillADayInThePlansOrderEachLessonAfterThePrevious() {
        List<Timetable.Slot> slots = Timetable.lay(
                List.of(
                        new Timetable.Need(1, 3, true),
                        new Timetable.Need(2, 4, true),
                        new Timetable.Need(3, 2, false)),
                MONDAY,
                NINE,
                8);
        assertEquals(
                List.of(
                        new Timetable.Slot(1, MONDAY, NINE, 3, true),
                        new Timetable.Slot(2, MONDAY, LocalTime.of(11, 30), 4, true),
                        new Timetable.Slot(3, MONDAY.plusDays(1), NINE, 2, false)),
                slots,
                "a unit that does not fit goes to the next day whole");
    }

    @Test
    void aUnitLongerThanADayIsSplitOverConsecutiveDays() {
        List<Timetable.Slot> slots = Timetable.lay(
                List.of(new Timetable.Need(1, 2, true), new Timetable.Need(2, 10, false)), MONDAY, NINE, 4);
        assertEquals(
                List.of(
                        new Timetable.Slot(1, MONDAY, NINE, 2, true),
                        new Timetable.Slot(2, MONDAY.plusDays(1), NINE, 4, false),
                        new Timetable.Slot(2, MONDAY.plusDays(2), NINE, 4, false),
                        new Timetable.Slot(2, MONDAY.plusDays(3), NINE, 2, false)),
                slots);
        assertEquals(
                10,
                slots.stream()
                        .filter(s -> s.unitId() == 2)
                        .mapToInt(Timetable.Slot::classHours)
                        .sum());
    }
}
