package org.motcua.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

    private static final WorkingCalendar CALENDAR = HolidayCalendarLoader.sampleCalendar(WorkingSessions.standard());
    private static final WorkingCalendar WITH_SATURDAY =
            CALENDAR.withSessions(WorkingSessions.standard().withSaturdayMorning());

    @ParameterizedTest(name = "{0} working: {1}")
    @CsvSource({
        "2025-01-01,false", "2025-01-27,false", "2025-02-02,false", "2025-02-03,true",
        "2025-04-07,false", "2025-04-26,true", "2025-05-02,false", "2025-09-01,false", "2025-09-03,true",
        "2026-01-01,false", "2026-01-02,false", "2026-01-10,true", "2026-01-11,false",
        "2026-02-13,true", "2026-02-14,false", "2026-02-20,false", "2026-02-22,false", "2026-02-23,true",
        "2026-04-27,false", "2026-04-30,false", "2026-05-01,false", "2026-09-01,false",
        "2026-11-24,true", "2027-01-01,false", "2027-09-02,false", "2026-03-07,false", "2026-03-09,true"})
    void daysOfTheSampleCalendar(LocalDate date, boolean working) {
        assertEquals(working, CALENDAR.isWorkingDay(date));
    }

    @Test
    void compensatorySaturdayIsWorkedLikeAWeekday() {
        LocalDate lamBu = LocalDate.of(2026, 1, 10);
        assertEquals(DayOfWeek.SATURDAY, lamBu.getDayOfWeek());
        assertEquals(List.of(Session.of("07:30", "11:30"), Session.of("13:30", "17:30")), CALENDAR.sessionsOn(lamBu));
        // Even where Saturday mornings are open, a làm bù Saturday is a full day.
        assertEquals(2, WITH_SATURDAY.sessionsOn(lamBu).size());
        assertTrue(WITH_SATURDAY.isWithinSession(LocalDateTime.of(2026, 1, 10, 15, 0)));
    }

    @Test
    void saturdayMorningOptionOpensOrdinarySaturdaysOnly() {
        assertEquals(List.of(Session.of("07:30", "11:30")), WITH_SATURDAY.sessionsOn(LocalDate.of(2026, 3, 7)));
        assertFalse(WITH_SATURDAY.isWithinSession(LocalDateTime.of(2026, 3, 7, 14, 0)));
        assertFalse(WITH_SATURDAY.isWorkingDay(LocalDate.of(2026, 2, 14)));  // Tết Saturday
        assertFalse(WITH_SATURDAY.isWorkingDay(LocalDate.of(2026, 3, 8)));   // Sunday
    }

    @ParameterizedTest(name = "{0} is inside an announced break")
    @CsvSource({"2025-05-03", "2025-05-04", "2026-05-02", "2026-04-25", "2025-08-30"})
    void aSaturdayInsideAnAnnouncedBreakIsNeverWorkedEvenWithSaturdayMornings(LocalDate day) {
        // 30/4–4/5/2025: the notice lists 30/4, 1/5 and 2/5; the break runs on over Saturday 3 and Sunday 4 May
        assertFalse(WITH_SATURDAY.isWorkingDay(day));
        assertFalse(WITH_SATURDAY.isWithinSession(day.atTime(9, 0)));
    }

    @Test
    void saturdaysNextToAWorkingDayStayOpenAndALamBuSaturdayStaysWorked() {
        assertTrue(WITH_SATURDAY.isWorkingDay(LocalDate.of(2025, 5, 10)));   // the Saturday after the break
        assertTrue(WITH_SATURDAY.isWorkingDay(LocalDate.of(2025, 4, 26)));   // làm bù, just before the break
        assertTrue(WITH_SATURDAY.isWorkingDay(LocalDate.of(2026, 1, 10)));
    }

    @Test
    void sessionEndsCountAsInside() {
        assertTrue(CALENDAR.isWithinSession(LocalDateTime.of(2026, 3, 2, 7, 30)));
        assertTrue(CALENDAR.isWithinSession(LocalDateTime.of(2026, 3, 2, 11, 30)));
        assertFalse(CALENDAR.isWithinSession(LocalDateTime.of(2026, 3, 2, 11, 31)));
        assertTrue(CALENDAR.isWithinSession(LocalDateTime.of(2026, 3, 2, 17, 30)));
        assertFalse(CALENDAR.isWithinSession(LocalDateTime.of(2026, 2, 16, 9, 0)));
    }

    @Test
    void nextWorkingDaySkipsTet() {
        assertEquals(LocalDate.of(2026, 2, 23), CALENDAR.nextWorkingDay(LocalDate.of(2026, 2, 13)));
        assertEquals(LocalDate.of(2026, 1, 10), CALENDAR.nextWorkingDay(LocalDate.of(2026, 1, 9)));
        assertEquals(LocalDate.of(2025, 5, 5), CALENDAR.nextWorkingDay(LocalDate.of(2025, 4, 29)));
    }

    @Test
    void unconfirmedEntriesAreKeptButDoNotCount() {
        assertTrue(CALENDAR.entryOn(LocalDate.of(2026, 11, 24)).isPresent());
        assertTrue(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 24)));
    }

    @Test
    void defaultWeekIsEightHoursMondayToFriday() {
        WorkingSessions week = WorkingSessions.standard();
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            assertEquals(weekend ? Duration.ZERO : Duration.ofHours(8), week.lengthOf(day), day.toString());
        }
        assertEquals(Duration.ofHours(4), week.withSaturdayMorning().lengthOf(DayOfWeek.SATURDAY));
    }

    @Test
    void badSessionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Session.of("11:30", "07:30"));
        assertThrows(IllegalArgumentException.class, () -> WorkingSessions.standard().withDay(DayOfWeek.MONDAY,
                List.of(Session.of("07:30", "12:00"), Session.of("11:00", "17:00"))));
        assertThrows(IllegalArgumentException.class, () -> WorkingSessions.standard().withDay(DayOfWeek.MONDAY,
                List.of(Session.of("07:30", "11:30"), Session.of("11:30", "17:00"))));
        assertThrows(IllegalArgumentException.class, () -> WorkingSessions.of(Map.of(), List.of(Session.of("07:30", "11:30"))));
    }

    @Test
    void processingTimeNames() {
        Locale vi = Locale.forLanguageTag("vi-VN");
        assertEquals("03 ngày làm việc", ProcessingTime.workingDays(3).displayName(vi));
        assertEquals("12 ngày làm việc", ProcessingTime.workingDays(12).displayName(vi));
        assertEquals("04 giờ làm việc", ProcessingTime.workingHours(4).displayName(vi));
        assertEquals("Trong ngày", ProcessingTime.sameDay().displayName(vi));
        assertEquals("1 working day", ProcessingTime.workingDays(1).displayName(Locale.ENGLISH));
        assertEquals("5 working days", ProcessingTime.workingDays(5).displayName(Locale.ENGLISH));
        assertEquals(Duration.ofHours(24), ProcessingTime.workingDays(3).workingTime());
        assertThrows(IllegalArgumentException.class, () -> ProcessingTime.workingDays(-1));
    }
}
