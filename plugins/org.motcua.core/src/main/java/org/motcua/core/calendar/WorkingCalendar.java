package org.motcua.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which days and hours the one-stop desk works: the weekly {@link WorkingSessions} corrected by the
 * dated entries of the government's holiday notices.
 *
 * <p>A date is worked with:
 * <ul>
 * <li>no session when an in-force entry makes it a {@link DayKind#HOLIDAY} or a
 * {@link DayKind#DAY_OFF_SWAPPED};</li>
 * <li>the {@linkplain WorkingSessions#compensatoryDay() compensatory-day sessions} when it is a
 * {@link DayKind#COMPENSATORY_WORKING_DAY};</li>
 * <li>no session on a weekend day that belongs to an announced holiday break: a Saturday or Sunday joined to a
 * holiday or swapped day off by other days off (30 April – 4 May 2025 lists 30/4, 1/5 and 2/5, and the break
 * runs over the weekend). A desk that opens on Saturday mornings is closed then too;</li>
 * <li>otherwise the sessions of its weekday.</li>
 * </ul>
 * Entries with {@code confirmed = false} are kept (so a screen can list them) but do not count.
 *
 * <p>The calendar is data that arrives from upstream, so it is immutable and cheap to rebuild:
 * {@link #withEntries(Collection)} returns a new calendar in which the given entries win over earlier
 * ones for the same date (an upstream correction replaces the sample).
 */
public final class WorkingCalendar {

    /**
     * How far {@link #nextWorkingDay(LocalDate)} looks before giving up. Longer than any announced
     * break (the longest, Tết, is 9 days) with a wide margin; reaching it means broken data.
     */
    private static final int MAX_DAYS_WITHOUT_WORK = 60;

    private final WorkingSessions sessions;
    private final Map<LocalDate, CalendarEntry> entries;

    private WorkingCalendar(WorkingSessions sessions, Map<LocalDate, CalendarEntry> entries) {
        this.sessions = sessions;
        this.entries = entries;
    }

    /** A calendar of {@code sessions} with {@code entries}; for one date the last entry wins. */
    public static WorkingCalendar of(WorkingSessions sessions, Collection<CalendarEntry> entries) {
        Objects.requireNonNull(sessions, "sessions");
        return new WorkingCalendar(sessions, new TreeMap<>()).withEntries(entries);
    }

    /** A new calendar where {@code extra} is added; for a date already present, the extra entry wins. */
    public WorkingCalendar withEntries(Collection<CalendarEntry> extra) {
        TreeMap<LocalDate, CalendarEntry> merged = new TreeMap<>(entries);
        for (CalendarEntry entry : extra) {
            merged.put(entry.date(), entry);
        }
        return new WorkingCalendar(sessions, Collections.unmodifiableMap(merged));
    }

    /**
     * A new calendar in which each year of {@code years} is replaced whole by its entries: the days of that year
     * upstream announced, where an entry this calendar had for that year and upstream dropped must go too.
     */
    public WorkingCalendar withYearsReplaced(Map<Integer, ? extends Collection<CalendarEntry>> years) {
        TreeMap<LocalDate, CalendarEntry> merged = new TreeMap<>(entries);
        merged.keySet().removeIf(day -> years.containsKey(day.getYear()));
        years.values().forEach(list -> list.forEach(entry -> merged.put(entry.date(), entry)));
        return new WorkingCalendar(sessions, Collections.unmodifiableMap(merged));
    }

    /** The same dated entries with other weekly sessions (e.g. Saturday morning opened). */
    public WorkingCalendar withSessions(WorkingSessions other) {
        return new WorkingCalendar(Objects.requireNonNull(other, "sessions"), entries);
    }

    public WorkingSessions sessions() {
        return sessions;
    }

    /** Every entry, in date order, including those not in force. */
    public List<CalendarEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry for {@code date}, in force or not. */
    public Optional<CalendarEntry> entryOn(LocalDate date) {
        return Optional.ofNullable(entries.get(date));
    }

    /** The sessions worked on {@code date}, in order; empty on a day off. */
    public List<Session> sessionsOn(LocalDate date) {
        CalendarEntry entry = entries.get(date);
        if (entry != null && entry.inForce()) {
            return switch (entry.kind()) {
                case HOLIDAY, DAY_OFF_SWAPPED -> List.of();
                case COMPENSATORY_WORKING_DAY -> sessions.compensatoryDay();
            };
        }
        if (isWeekend(date) && insideBreak(date)) {
            return List.of();
        }
        return sessions.on(date.getDayOfWeek());
    }

    /**
     * True when a weekend day without an entry of its own is joined to an in-force holiday or swapped day off by a
     * run of other weekend days or days off: it is then part of that announced break.
     */
    private boolean insideBreak(LocalDate weekendDay) {
        return reachesDayOff(weekendDay, -1) || reachesDayOff(weekendDay, 1);
    }

    private boolean reachesDayOff(LocalDate from, int step) {
        for (LocalDate day = from.plusDays(step); ; day = day.plusDays(step)) {
            CalendarEntry entry = entries.get(day);
            if (entry != null && entry.inForce()) {
                return entry.kind() != DayKind.COMPENSATORY_WORKING_DAY;
            }
            if (!isWeekend(day)) {
                return false;
            }
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        return !sessionsOn(date).isEmpty();
    }

    /** True when {@code at} falls in a session of a working day; a session's start and end count as inside. */
    public boolean isWithinSession(LocalDateTime at) {
        LocalTime time = at.toLocalTime();
        return sessionsOn(at.toLocalDate()).stream().anyMatch(s -> s.contains(time));
    }

    /**
     * The first working day strictly after {@code date}.
     *
     * @throws IllegalStateException when no working day follows within 60 days (broken calendar data)
     */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate day = date.plusDays(1);
        for (int i = 0; i < MAX_DAYS_WITHOUT_WORK; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("no working day in the " + MAX_DAYS_WITHOUT_WORK + " days after " + date);
    }

    /** True when {@code date} is a Saturday or Sunday. */
    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + sessions + ", " + entries.size() + " dated entries]";
    }
}
