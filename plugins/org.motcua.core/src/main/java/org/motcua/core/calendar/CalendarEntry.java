package org.motcua.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated line of the holiday calendar.
 *
 * @param name      what the notice calls the day, in Vietnamese
 * @param source    where the date comes from (a notice number, a URL); kept for audit, may be empty
 * @param inferred  true when no notice confirms the date yet (e.g. a fixed statutory date of a year
 *                  whose notice is not out); such days still count, because the law fixes them
 * @param confirmed false when the day depends on a law not yet in force (e.g. 24/11 Ngày Văn hóa
 *                  Việt Nam); {@link WorkingCalendar} ignores such entries
 */
public record CalendarEntry(LocalDate date, DayKind kind, String name, String source, boolean inferred,
        boolean confirmed) {

    public CalendarEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
        source = source == null ? "" : source;
    }

    /** A confirmed, sourced entry, e.g. one added by hand or received from upstream. */
    public static CalendarEntry of(LocalDate date, DayKind kind, String name, String source) {
        return new CalendarEntry(date, kind, name, source, false, true);
    }

    /** True when this entry changes the working calendar. */
    public boolean inForce() {
        return confirmed;
    }
}
