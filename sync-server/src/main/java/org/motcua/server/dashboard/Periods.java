package org.motcua.server.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Calendar periods as the province counts them: days and months in Vietnam's time zone, as half-open instants. */
public final class Periods {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** [from, to) in instants. */
    public record Span(Instant from, Instant to) {
        public boolean contains(Instant t) {
            return t != null && !t.isBefore(from) && t.isBefore(to);
        }
    }

    private Periods() {
    }

    /** The calendar month (Vietnam time) that holds {@code now}. */
    public static Span monthOf(Instant now) {
        ZonedDateTime start = now.atZone(VIETNAM).toLocalDate().withDayOfMonth(1).atStartOfDay(VIETNAM);
        return new Span(start.toInstant(), start.plusMonths(1).toInstant());
    }

    /** From the start of {@code first} to the end of {@code last}, both days included. */
    public static Span days(LocalDate first, LocalDate last) {
        return new Span(first.atStartOfDay(VIETNAM).toInstant(), last.plusDays(1).atStartOfDay(VIETNAM).toInstant());
    }

    public static LocalDate today(Instant now) {
        return now.atZone(VIETNAM).toLocalDate();
    }
}
