package org.motcua.server.score;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * Working time as the deadlines count it: Monday to Friday, 07:30–11:30 and 13:30–17:30 in Vietnam, less the
 * holidays and swapped days off, plus the compensatory working days. The index does not count the citizen's time
 * between a supplement request and the supplement; that pause is measured here and added to the receipt's due time
 * in working time, as the desk's deadline calculator does.
 */
public final class WorkingTime {

    private record Session(LocalTime start, LocalTime end) {
    }

    private static final List<Session> SESSIONS = List.of(new Session(LocalTime.of(7, 30), LocalTime.of(11, 30)),
            new Session(LocalTime.of(13, 30), LocalTime.of(17, 30)));
    /** Ten years: no pause or deadline of a dossier reaches further. */
    private static final int MAX_DAYS = 3660;

    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> workdays;

    public WorkingTime(Set<LocalDate> daysOff, Set<LocalDate> workdays) {
        this.daysOff = Set.copyOf(daysOff);
        this.workdays = Set.copyOf(workdays);
    }

    /** The civil-service week without any holiday. */
    public static WorkingTime weekdays() {
        return new WorkingTime(Set.of(), Set.of());
    }

    boolean isWorkingDay(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        return !daysOff.contains(day) && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Working time from {@code from} to {@code to}; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime a = local(from);
        LocalDateTime b = local(to);
        Duration total = Duration.ZERO;
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Session s : SESSIONS) {
                LocalDateTime start = later(day.atTime(s.start()), a);
                LocalDateTime end = earlier(day.atTime(s.end()), b);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** {@code from} moved forward by {@code amount} of working time; unchanged when the amount is zero. */
    public Instant plus(Instant from, Duration amount) {
        if (amount.isZero() || amount.isNegative()) {
            return from;
        }
        LocalDateTime at = local(from);
        Duration left = amount;
        LocalDate day = at.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Session s : SESSIONS) {
                LocalDateTime start = later(day.atTime(s.start()), at);
                LocalDateTime end = day.atTime(s.end());
                if (!end.isAfter(start)) {
                    continue;
                }
                Duration available = Duration.between(start, end);
                if (left.compareTo(available) <= 0) {
                    return start.plus(left).atZone(Period.VIETNAM).toInstant();
                }
                left = left.minus(available);
            }
        }
        throw new IllegalArgumentException("no working time within ten years after " + from);
    }

    private static LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, Period.VIETNAM);
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
