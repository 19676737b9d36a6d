package org.motcua.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Concrete deadlines on the real 2025–2027 sample calendar; each expected value was worked out by hand. */
class DeadlineCalculatorTest {

    private static final WorkingCalendar CALENDAR = HolidayCalendarLoader.sampleCalendar(WorkingSessions.standard());
    private static final DeadlineCalculator CALC = new DeadlineCalculator(CALENDAR);
    private static final Optional<LocalTime> CUT_OFF_15 = Optional.of(DeadlineCalculator.USUAL_CUT_OFF);

    private static ProcessingTime time(String spec) {
        if (spec.equals("same-day")) {
            return ProcessingTime.sameDay();
        }
        int amount = Integer.parseInt(spec.substring(0, spec.length() - 1));
        return spec.endsWith("d") ? ProcessingTime.workingDays(amount) : ProcessingTime.workingHours(amount);
    }

    @ParameterizedTest(name = "{0} + {1} (cut-off {2}) -> {3}: {4}")
    @CsvSource({
        // Tết Bính Ngọ: Friday afternoon, then 14/2–22/2 off.
        "2026-02-13T14:00, 3d, none, 2026-02-25T14:00, 3.5 h on Friday then Mon and Tue and 4.5 h on Wednesday",
        "2026-02-13T14:00, 3d, 15:00, 2026-02-25T14:00, before the cut-off nothing changes",
        "2026-02-13T15:30, 1d, 15:00, 2026-02-23T17:30, after the cut-off counting starts Monday after Tết",
        "2026-02-13T15:30, same-day, 15:00, 2026-02-23T17:30, same-day after the cut-off: next working day",
        "2026-02-13T10:00, same-day, 15:00, 2026-02-13T17:30, same-day: close of the same day",
        "2026-02-13T10:00, same-day, none, 2026-02-13T17:30, same-day without cut-off",
        // The 15:00 cut-off on an ordinary week.
        "2026-03-02T16:00, 1d, 15:00, 2026-03-03T17:30, received 16:00 with a 15:00 cut-off",
        "2026-03-02T16:00, 1d, none, 2026-03-03T16:00, received 16:00 without cut-off",
        "2026-03-02T15:00, 1d, 15:00, 2026-03-03T15:00, exactly at the cut-off is not after it",
        "2026-03-02T18:00, same-day, none, 2026-03-03T17:30, same-day received in the evening",
        // Compensatory working Saturdays and swapped days.
        "2026-01-09T09:00, 1d, none, 2026-01-10T09:00, Saturday 10/1/2026 is a làm bù day",
        "2026-01-09T16:00, 1d, 15:00, 2026-01-10T17:30, the next working day after Friday 9/1 is Saturday 10/1",
        "2025-12-31T10:00, 2d, none, 2026-01-06T10:00, 1/1 holiday and 2/1 swapped off",
        "2025-04-25T10:00, 1d, none, 2025-04-26T10:00, Saturday 26/4/2025 is a làm bù day",
        "2025-04-29T09:00, 2d, none, 2025-05-06T09:00, 30/4 and 1/5 holidays and 2/5 swapped",
        "2026-04-24T10:00, 2d, none, 2026-04-29T10:00, Giỗ Tổ on Sunday 26/4 and nghỉ bù Monday 27/4",
        "2025-08-29T10:00, 1d, none, 2025-09-03T10:00, Quốc khánh 30/8–2/9/2025",
        "2025-01-24T10:00, 1d, none, 2025-02-03T10:00, Tết Ất Tỵ 25/1–2/2/2025",
        "2026-08-31T10:00, 1d, none, 2026-09-03T10:00, Quốc khánh 2026 with the inferred adjacent day",
        "2027-04-29T10:00, 1d, none, 2027-05-03T10:00, 2027 fixed dates: 30/4 Friday, 1/5 Saturday",
        "2026-11-23T10:00, 1d, none, 2026-11-24T10:00, the unconfirmed 24/11 does not count",
        // Where counting starts and where the due instant falls.
        "2026-03-02T11:30, 1d, none, 2026-03-03T11:30, received at a session end",
        "2026-03-02T12:00, 1d, none, 2026-03-03T11:30, received at lunch: due at a session end stays there",
        "2026-03-02T17:30, 1d, none, 2026-03-03T17:30, received at closing",
        "2026-03-02T06:00, 1d, none, 2026-03-02T17:30, received before opening",
        "2026-03-03T07:30, 3d, none, 2026-03-05T17:30, three full days end at Thursday close not Friday 07:30",
        "2026-03-07T10:00, 1d, none, 2026-03-09T17:30, received on a Saturday counts from Monday",
        "2026-03-02T09:30, 5d, none, 2026-03-09T09:30, five working days is the same time next week",
        "2026-03-02T10:00, 4h, none, 2026-03-02T16:00, hours cross the lunch break",
        "2026-03-02T09:30, 2h, none, 2026-03-02T11:30, hours ending at a session end stay there",
        "2026-03-02T09:30, 8h, none, 2026-03-03T09:30, eight hours are one working day",
        "2026-03-02T10:00, 0h, none, 2026-03-02T10:00, zero hours is the counting start"})
    void dueAt(LocalDateTime receivedAt, String spec, String cutOff, LocalDateTime expected, String why) {
        Optional<LocalTime> cut = cutOff.equals("none") ? Optional.empty() : Optional.of(LocalTime.parse(cutOff));
        assertEquals(expected, CALC.dueAt(receivedAt, time(spec), cut), why);
    }

    @Test
    void saturdayMorningIsCountedWhereTheDeskOpensThen() {
        DeadlineCalculator withSaturday =
                new DeadlineCalculator(CALENDAR.withSessions(WorkingSessions.standard().withSaturdayMorning()));
        LocalDateTime fridayAfternoon = LocalDateTime.of(2026, 3, 6, 16, 0);
        assertEquals(LocalDateTime.of(2026, 3, 7, 10, 0),
                withSaturday.dueAt(fridayAfternoon, ProcessingTime.workingHours(4), Optional.empty()));
        assertEquals(LocalDateTime.of(2026, 3, 9, 10, 0),
                withSaturday.dueAt(fridayAfternoon, ProcessingTime.workingDays(1), Optional.empty()));
        // Same-day on a Saturday morning: due at noon close.
        assertEquals(LocalDateTime.of(2026, 3, 7, 11, 30),
                withSaturday.dueAt(LocalDateTime.of(2026, 3, 7, 8, 0), ProcessingTime.sameDay(), CUT_OFF_15));
    }

    @Test
    void countingStart() {
        assertEquals(LocalDateTime.of(2026, 3, 2, 13, 30),
                CALC.countingStart(LocalDateTime.of(2026, 3, 2, 11, 30), Optional.empty()));
        assertEquals(LocalDateTime.of(2026, 3, 2, 11, 29, 59),
                CALC.countingStart(LocalDateTime.of(2026, 3, 2, 11, 29, 59), CUT_OFF_15));
        assertEquals(LocalDateTime.of(2026, 2, 23, 7, 30),
                CALC.countingStart(LocalDateTime.of(2026, 2, 13, 15, 0, 1), CUT_OFF_15));
        assertEquals(LocalDateTime.of(2026, 2, 23, 7, 30),
                CALC.countingStart(LocalDateTime.of(2026, 2, 17, 9, 0), CUT_OFF_15));
    }

    @Test
    void extendCountsFromTheCurrentDue() {
        assertEquals(LocalDateTime.of(2026, 3, 6, 17, 30),
                CALC.extend(LocalDateTime.of(2026, 3, 5, 17, 30), ProcessingTime.workingDays(1)));
        assertEquals(LocalDateTime.of(2026, 2, 23, 17, 30),
                CALC.extend(LocalDateTime.of(2026, 2, 13, 17, 30), ProcessingTime.workingDays(1)));
        assertEquals(LocalDateTime.of(2026, 2, 23, 9, 30),
                CALC.extend(LocalDateTime.of(2026, 2, 13, 17, 30), ProcessingTime.workingHours(2)));
        LocalDateTime due = LocalDateTime.of(2026, 3, 5, 10, 0);
        assertEquals(due, CALC.extend(due, ProcessingTime.workingHours(0)));
        assertEquals(due, CALC.extend(due, ProcessingTime.sameDay()));
    }

    @Test
    void extendFromADueThatBecameADayOff() {
        LocalDate declaredLater = LocalDate.of(2026, 3, 5);
        DeadlineCalculator calc = new DeadlineCalculator(CALENDAR.withEntries(List.of(
                CalendarEntry.of(declaredLater, DayKind.HOLIDAY, "ngày nghỉ đột xuất (kiểm thử)", "test"))));
        assertEquals(LocalDateTime.of(2026, 3, 6, 8, 30),
                calc.extend(LocalDateTime.of(2026, 3, 5, 10, 0), ProcessingTime.workingHours(1)));
    }

    @Test
    void workingTimeBetween() {
        LocalDateTime received = LocalDateTime.of(2026, 2, 13, 14, 0);
        LocalDateTime due = LocalDateTime.of(2026, 2, 25, 14, 0);
        assertEquals(Duration.ofHours(24), CALC.workingTimeBetween(received, due));
        assertEquals(Duration.ofHours(-24), CALC.workingTimeBetween(due, received));
        assertEquals(Duration.ZERO, CALC.workingTimeBetween(LocalDateTime.of(2026, 2, 14, 0, 0),
                LocalDateTime.of(2026, 2, 22, 23, 59)));
        assertEquals(Duration.ofHours(1), CALC.workingTimeBetween(LocalDateTime.of(2026, 3, 2, 11, 0),
                LocalDateTime.of(2026, 3, 2, 14, 0)));
        assertEquals(Duration.ZERO, CALC.workingTimeBetween(received, received));
        assertEquals(Duration.ofHours(8), CALC.workingTimeBetween(LocalDateTime.of(2026, 1, 9, 17, 30),
                LocalDateTime.of(2026, 1, 12, 7, 30)));
    }

    @Test
    void negativeWorkingTimeIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> CALC.plusWorkingTime(LocalDateTime.of(2026, 3, 2, 9, 0), Duration.ofHours(-1)));
    }
}
