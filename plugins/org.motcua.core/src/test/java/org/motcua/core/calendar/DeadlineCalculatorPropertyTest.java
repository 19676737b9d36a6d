package org.motcua.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of deadlines over thousands of seeded random receptions in 2025–2026, on the sample
 * calendar, with and without Saturday mornings. The expected due instants are also recomputed by a
 * minute-by-minute oracle that reads the raw holiday entries and shares no code with the calculator.
 */
class DeadlineCalculatorPropertyTest {

    private static final int CASES = 4000;
    private static final int ORACLE_CASES = 1500;
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final int DAYS = 730;
    private static final LocalTime CUT_OFF = LocalTime.of(15, 0);

    private static final List<CalendarEntry> ENTRIES = HolidayCalendarLoader.readSample();

    private record Case(LocalDateTime receivedAt, ProcessingTime time, Optional<LocalTime> cutOff) {
    }

    private static Case randomCase(Random random) {
        LocalDate day = FIRST.plusDays(random.nextInt(DAYS));
        LocalDateTime at = day.atStartOfDay().plusMinutes(random.nextInt(24 * 60));
        if (random.nextInt(10) == 0) {
            at = at.plusSeconds(1 + random.nextInt(59));  // officers' clocks have seconds too
        }
        int kind = random.nextInt(10);
        ProcessingTime time = kind == 0 ? ProcessingTime.sameDay()
                : kind <= 6 ? ProcessingTime.workingDays(1 + random.nextInt(30))
                : ProcessingTime.workingHours(1 + random.nextInt(40));
        return new Case(at, time, random.nextBoolean() ? Optional.of(CUT_OFF) : Optional.empty());
    }

    private static DeadlineCalculator calculator(boolean saturdayMorning) {
        WorkingSessions sessions = saturdayMorning
                ? WorkingSessions.standard().withSaturdayMorning() : WorkingSessions.standard();
        return new DeadlineCalculator(WorkingCalendar.of(sessions, ENTRIES));
    }

    private static boolean afterCutOff(Case c) {
        return c.cutOff().isPresent() && c.receivedAt().toLocalTime().isAfter(c.cutOff().get());
    }

    @ParameterizedTest(name = "Saturday morning open: {0}")
    @ValueSource(booleans = {false, true})
    void dueIsAlwaysInsideASessionOfAWorkingDay(boolean saturdayMorning) {
        DeadlineCalculator calc = calculator(saturdayMorning);
        Set<LocalDate> daysOff = new HashSet<>();
        Set<LocalDate> lamBu = new HashSet<>();
        for (CalendarEntry e : ENTRIES) {
            if (e.confirmed() && e.kind().isDayOff()) {
                daysOff.add(e.date());
            } else if (e.kind() == DayKind.COMPENSATORY_WORKING_DAY) {
                lamBu.add(e.date());
            }
        }
        Random random = new Random(20260213L);
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random);
            LocalDateTime due = calc.dueAt(c.receivedAt(), c.time(), c.cutOff());
            LocalDate day = due.toLocalDate();
            String what = c + " -> " + due;
            assertFalse(daysOff.contains(day), "due on a holiday or swapped day off: " + what);
            boolean sunday = day.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean saturday = day.getDayOfWeek() == DayOfWeek.SATURDAY;
            assertTrue(lamBu.contains(day) || !sunday && (saturdayMorning || !saturday), "due on a closed day: " + what);
            assertTrue(calc.calendar().isWithinSession(due), "due outside a session: " + what);
            assertFalse(due.isBefore(c.receivedAt()), "due before reception: " + what);
            if (!c.time().isSameDay()) {
                boolean atSessionStart = calc.calendar().sessionsOn(day).stream()
                        .anyMatch(s -> s.start().equals(due.toLocalTime()));
                assertFalse(atSessionStart, "a positive duration never ends at a session start: " + what);
            }
        }
    }

    @ParameterizedTest(name = "Saturday morning open: {0}")
    @ValueSource(booleans = {false, true})
    void workingTimeFromReceptionToDueEqualsTheDuration(boolean saturdayMorning) {
        DeadlineCalculator calc = calculator(saturdayMorning);
        Random random = new Random(42L);
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random);
            LocalDateTime due = calc.dueAt(c.receivedAt(), c.time(), c.cutOff());
            LocalDateTime start = calc.countingStart(c.receivedAt(), c.cutOff());
            if (c.time().isSameDay()) {
                assertEquals(start.toLocalDate(), due.toLocalDate(), c.toString());
                continue;
            }
            assertEquals(c.time().workingTime(), calc.workingTimeBetween(start, due), c.toString());
            if (!afterCutOff(c)) {
                assertEquals(c.time().workingTime(), calc.workingTimeBetween(c.receivedAt(), due), c.toString());
            }
        }
    }

    @ParameterizedTest(name = "Saturday morning open: {0}")
    @ValueSource(booleans = {false, true})
    void dueIsMonotonicInTheDuration(boolean saturdayMorning) {
        DeadlineCalculator calc = calculator(saturdayMorning);
        Random random = new Random(7L);
        for (int i = 0; i < CASES / 4; i++) {
            Case c = randomCase(random);
            // Same day is at most one working day (equal when counting starts at opening time).
            LocalDateTime previous = calc.dueAt(c.receivedAt(), ProcessingTime.sameDay(), c.cutOff());
            LocalDateTime oneDay = calc.dueAt(c.receivedAt(), ProcessingTime.workingDays(1), c.cutOff());
            assertFalse(oneDay.isBefore(previous), c + ": same day after one working day");
            previous = oneDay;
            for (int days = 2; days <= 20; days++) {
                LocalDateTime due = calc.dueAt(c.receivedAt(), ProcessingTime.workingDays(days), c.cutOff());
                assertTrue(due.isAfter(previous), c + ": " + days + " days -> " + due + " not after " + previous);
                previous = due;
            }
            previous = calc.dueAt(c.receivedAt(), ProcessingTime.workingHours(0), c.cutOff());
            for (int hours = 1; hours <= 40; hours++) {
                LocalDateTime due = calc.dueAt(c.receivedAt(), ProcessingTime.workingHours(hours), c.cutOff());
                assertTrue(due.isAfter(previous), c + ": " + hours + " hours");
                previous = due;
                if (hours % 8 == 0) {
                    assertEquals(calc.dueAt(c.receivedAt(), ProcessingTime.workingDays(hours / 8), c.cutOff()), due);
                }
            }
        }
    }

    @ParameterizedTest(name = "Saturday morning open: {0}")
    @ValueSource(booleans = {false, true})
    void extendIsMonotonicAndNeverEarlier(boolean saturdayMorning) {
        DeadlineCalculator calc = calculator(saturdayMorning);
        Random random = new Random(99L);
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase(random);
            LocalDateTime due = calc.dueAt(c.receivedAt(), c.time(), c.cutOff());
            ProcessingTime smaller = random.nextBoolean()
                    ? ProcessingTime.workingDays(random.nextInt(15)) : ProcessingTime.workingHours(random.nextInt(60));
            ProcessingTime larger = new ProcessingTime(smaller.amount() + 1 + random.nextInt(5), smaller.unit());
            LocalDateTime extended = calc.extend(due, smaller);
            LocalDateTime extendedMore = calc.extend(due, larger);
            assertFalse(extended.isBefore(due), c + " extended by " + smaller);
            assertTrue(extendedMore.isAfter(extended), c + " extended by " + smaller + " then " + larger);
            assertEquals(smaller.workingTime(), calc.workingTimeBetween(due, extended), c + " + " + smaller);
            assertTrue(calc.calendar().isWithinSession(extendedMore), c + " + " + larger);
            // Any instant, even off-session, only moves later.
            LocalDateTime anyInstant = c.receivedAt();
            assertTrue(calc.extend(anyInstant, larger).isAfter(anyInstant));
        }
    }

    @ParameterizedTest(name = "Saturday morning open: {0}")
    @ValueSource(booleans = {false, true})
    void agreesWithAMinuteByMinuteOracle(boolean saturdayMorning) {
        DeadlineCalculator calc = calculator(saturdayMorning);
        MinuteOracle oracle = new MinuteOracle(ENTRIES, saturdayMorning);
        Random random = new Random(1234L);
        for (int i = 0; i < ORACLE_CASES; i++) {
            Case c = randomCase(random);
            LocalDateTime receivedAt = c.receivedAt().withSecond(0);
            ProcessingTime time = c.time().amount() > 10 ? new ProcessingTime(c.time().amount() % 10 + 1, c.time().unit())
                    : c.time();
            assertEquals(oracle.dueAt(receivedAt, time, c.cutOff()), calc.dueAt(receivedAt, time, c.cutOff()),
                    receivedAt + " + " + time + " cut-off " + c.cutOff());
        }
    }

    /** A deliberately naive model: walks the clock one minute at a time over hard-coded opening hours. */
    private static final class MinuteOracle {
        private final Set<LocalDate> daysOff = new HashSet<>();
        private final Set<LocalDate> lamBu = new HashSet<>();
        private final boolean saturdayMorning;

        MinuteOracle(List<CalendarEntry> entries, boolean saturdayMorning) {
            this.saturdayMorning = saturdayMorning;
            for (CalendarEntry e : entries) {
                if (!e.confirmed()) {
                    continue;
                }
                switch (e.kind()) {
                    case HOLIDAY, DAY_OFF_SWAPPED -> daysOff.add(e.date());
                    case COMPENSATORY_WORKING_DAY -> lamBu.add(e.date());
                }
            }
        }

        /** True when the minute starting at {@code t} is worked. */
        boolean worked(LocalDateTime t) {
            LocalDate d = t.toLocalDate();
            if (daysOff.contains(d)) {
                return false;
            }
            int m = t.getHour() * 60 + t.getMinute();
            boolean morning = m >= 7 * 60 + 30 && m < 11 * 60 + 30;
            boolean afternoon = m >= 13 * 60 + 30 && m < 17 * 60 + 30;
            DayOfWeek w = d.getDayOfWeek();
            if (lamBu.contains(d) || w.getValue() <= 5) {
                return morning || afternoon;
            }
            return w == DayOfWeek.SATURDAY && saturdayMorning && morning && !inAnnouncedBreak(d);
        }

        /** A Saturday next to a day off, or next to a Sunday next to a day off, belongs to that break. */
        private boolean inAnnouncedBreak(LocalDate saturday) {
            return daysOff.contains(saturday.minusDays(1)) || daysOff.contains(saturday.plusDays(1))
                    || daysOff.contains(saturday.plusDays(2));
        }

        boolean workingDay(LocalDate d) {
            LocalDateTime t = d.atStartOfDay();
            for (int m = 0; m < 24 * 60; m++, t = t.plusMinutes(1)) {
                if (worked(t)) {
                    return true;
                }
            }
            return false;
        }

        LocalDateTime dueAt(LocalDateTime receivedAt, ProcessingTime time, Optional<LocalTime> cutOff) {
            LocalDateTime t = receivedAt;
            if (cutOff.isPresent() && receivedAt.toLocalTime().isAfter(cutOff.get())) {
                LocalDate d = receivedAt.toLocalDate().plusDays(1);
                while (!workingDay(d)) {
                    d = d.plusDays(1);
                }
                t = d.atStartOfDay();
            }
            while (!worked(t)) {
                t = t.plusMinutes(1);
            }
            if (time.isSameDay()) {
                LocalDate d = t.toLocalDate();
                LocalDateTime end = t;
                for (LocalDateTime u = t; u.toLocalDate().equals(d); u = u.plusMinutes(1)) {
                    if (worked(u)) {
                        end = u.plusMinutes(1);
                    }
                }
                return end;
            }
            long remaining = time.workingTime().toMinutes();
            while (remaining > 0) {
                if (worked(t)) {
                    remaining--;
                }
                t = t.plusMinutes(1);
            }
            // t is just after the last worked minute: the earliest instant with the time worked.
            return t;
        }
    }
}
