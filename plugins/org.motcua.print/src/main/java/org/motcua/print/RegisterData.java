package org.motcua.print;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the register book (form 07; 06 in 2018) needs: the dossiers received in a date range, in the order given
 * (normally by entry number).
 *
 * @param book     the register book's number, e.g. {@code 2026-M1}
 * @param asOf     when the book is printed: the date line, and the instant "overdue" is judged at in the totals
 */
public record RegisterData(String book, LocalDate from, LocalDate to, List<RegisterEntry> entries,
        LocalDateTime asOf) {

    public RegisterData {
        book = book == null ? "" : book;
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(asOf, "asOf");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts: " + from + ".." + to);
        }
        entries = List.copyOf(entries);
    }

    public RegisterTotals totals() {
        return RegisterTotals.of(entries, asOf);
    }
}
