package org.motcua.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A year the province sends replaces that year of the sample whole; other years keep the sample's days. */
class CalendarYearsTest {

    @Test
    void aReplacedYearLosesTheDaysUpstreamDroppedAndKeepsOtherYears() {
        WorkingCalendar sample = HolidayCalendarLoader.sampleCalendar(WorkingSessions.standard());
        LocalDate swappedIn2026 = LocalDate.of(2026, 1, 2);
        assertFalse(sample.isWorkingDay(swappedIn2026), "the sample swaps 2 January 2026 for a day off");
        LocalDate newHoliday = LocalDate.of(2026, 3, 12);
        assertTrue(sample.isWorkingDay(newHoliday));

        WorkingCalendar province = sample.withYearsReplaced(Map.of(2026, List.of(
                CalendarEntry.of(LocalDate.of(2026, 1, 1), DayKind.HOLIDAY, "Tết Dương lịch", "feed"),
                CalendarEntry.of(newHoliday, DayKind.HOLIDAY, "Ngày nghỉ của tỉnh", "feed"))));
        assertTrue(province.isWorkingDay(swappedIn2026), "a day the province's 2026 does not list is worked");
        assertFalse(province.isWorkingDay(newHoliday));
        assertFalse(province.isWorkingDay(LocalDate.of(2025, 9, 2)), "2025 keeps the sample's days");
        assertEquals(sample.sessions(), province.sessions());
    }
}
