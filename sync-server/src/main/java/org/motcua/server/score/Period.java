package org.motcua.server.score;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A scoring period of the service-quality index: a calendar month, quarter or year in Vietnam's time zone, from
 * {@code start} (inclusive) to {@code end} (exclusive).
 */
public record Period(Kind kind, LocalDate firstDay, Instant start, Instant end) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public enum Kind {
        MONTH, QUARTER, YEAR;

        /** The word used in the page's URL ({@code ?ky=thang}). */
        public String slug() {
            return switch (this) {
                case MONTH -> "thang";
                case QUARTER -> "quy";
                case YEAR -> "nam";
            };
        }

        public static Kind ofSlug(String slug) {
            for (Kind k : values()) {
                if (k.slug().equals(slug)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** The period of {@code kind} that contains {@code at}. */
    public static Period containing(Kind kind, Instant at) {
        LocalDate day = at.atZone(VIETNAM).toLocalDate();
        LocalDate first = switch (kind) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> LocalDate.of(day.getYear(), 1, 1);
        };
        LocalDate next = switch (kind) {
            case MONTH -> first.plusMonths(1);
            case QUARTER -> first.plusMonths(3);
            case YEAR -> first.plusYears(1);
        };
        return new Period(kind, first, first.atStartOfDay(VIETNAM).toInstant(), next.atStartOfDay(VIETNAM).toInstant());
    }

    /** When open dossiers are judged: at the period's end, or now while it runs. */
    public Instant judgedAt(Instant asOf) {
        return asOf.isBefore(end) ? asOf : end;
    }

    public boolean contains(Instant t) {
        return t != null && !t.isBefore(start) && t.isBefore(end);
    }
}
