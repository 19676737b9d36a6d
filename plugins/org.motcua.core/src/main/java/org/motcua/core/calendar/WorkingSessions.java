package org.motcua.core.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The weekly opening hours of a one-stop desk: the sessions of each weekday, plus the sessions used on
 * a compensatory working day (a Saturday or Sunday the government turns into a working day, which is
 * worked like a normal weekday, not like a Saturday morning).
 *
 * <p>Immutable. The default is the national civil-service week: Monday to Friday 07:30–11:30 and
 * 13:30–17:30 (8 working hours a day); many centers also open on Saturday morning, see
 * {@link #withSaturdayMorning()}.
 */
public final class WorkingSessions {

    private static final Session MORNING = Session.of("07:30", "11:30");
    private static final Session AFTERNOON = Session.of("13:30", "17:30");

    private final Map<DayOfWeek, List<Session>> weekly;
    private final List<Session> compensatoryDay;

    private WorkingSessions(Map<DayOfWeek, List<Session>> weekly, List<Session> compensatoryDay) {
        this.weekly = weekly;
        this.compensatoryDay = compensatoryDay;
    }

    /** Monday to Friday, 07:30–11:30 and 13:30–17:30; Saturday and Sunday closed. */
    public static WorkingSessions standard() {
        Map<DayOfWeek, List<Session>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean weekday = day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
            week.put(day, weekday ? List.of(MORNING, AFTERNOON) : List.of());
        }
        return of(week, List.of(MORNING, AFTERNOON));
    }

    /**
     * Any weekly pattern. Days missing from {@code weekly} are closed.
     *
     * @param compensatoryDay the sessions of a weekend day turned into a working day by a government notice
     * @throws IllegalArgumentException when a day's sessions overlap or are out of order, when no day of
     *                                  the week is open, or when {@code compensatoryDay} is empty
     */
    public static WorkingSessions of(Map<DayOfWeek, List<Session>> weekly, List<Session> compensatoryDay) {
        Map<DayOfWeek, List<Session>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, checked(day.toString(), weekly.getOrDefault(day, List.of())));
        }
        if (week.values().stream().allMatch(List::isEmpty)) {
            // Without one open day no deadline could ever be reached.
            throw new IllegalArgumentException("at least one day of the week must have a session");
        }
        List<Session> compensatory = checked("compensatory day", compensatoryDay);
        if (compensatory.isEmpty()) {
            throw new IllegalArgumentException("a compensatory working day needs at least one session");
        }
        return new WorkingSessions(Collections.unmodifiableMap(week), compensatory);
    }

    /** These sessions with Saturday open in the morning, 07:30–11:30. */
    public WorkingSessions withSaturdayMorning() {
        return withDay(DayOfWeek.SATURDAY, List.of(MORNING));
    }

    /** These sessions with {@code day} replaced by {@code sessions} (empty: closed). */
    public WorkingSessions withDay(DayOfWeek day, List<Session> sessions) {
        Map<DayOfWeek, List<Session>> week = new EnumMap<>(weekly);
        week.put(day, sessions);
        return of(week, compensatoryDay);
    }

    /** The sessions of an ordinary {@code day}, in order; empty when the desk is closed that day. */
    public List<Session> on(DayOfWeek day) {
        return weekly.get(day);
    }

    /** The sessions of a compensatory working day (làm bù), in order. */
    public List<Session> compensatoryDay() {
        return compensatoryDay;
    }

    /** Total working time of an ordinary {@code day}. */
    public Duration lengthOf(DayOfWeek day) {
        return on(day).stream().map(Session::length).reduce(Duration.ZERO, Duration::plus);
    }

    private static List<Session> checked(String what, List<Session> sessions) {
        List<Session> sorted = new ArrayList<>(sessions);
        sorted.forEach(s -> Objects.requireNonNull(s, what));
        sorted.sort((a, b) -> a.start().compareTo(b.start()));
        for (int i = 1; i < sorted.size(); i++) {
            // Touching sessions would make a session end and the next start the same instant, which
            // breaks the rule that a due instant at a session end stays at that end.
            if (!sorted.get(i - 1).end().isBefore(sorted.get(i).start())) {
                throw new IllegalArgumentException(what + ": sessions overlap or touch: " + sorted);
            }
        }
        return List.copyOf(sorted);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingSessions other && weekly.equals(other.weekly)
                && compensatoryDay.equals(other.compensatoryDay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weekly, compensatoryDay);
    }

    @Override
    public String toString() {
        return "WorkingSessions" + weekly + ", compensatory day " + compensatoryDay;
    }
}
