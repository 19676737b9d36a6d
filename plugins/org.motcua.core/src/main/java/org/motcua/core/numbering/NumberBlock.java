package org.motcua.core.numbering;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A range of daily sequences [{@code first}, {@code last}] that one device may use on every date from
 * {@code validFrom} to {@code validTo} (both included). Blocks are leased from upstream while online,
 * so that several PCs of one commune can number dossiers offline without a shared counter; upstream
 * guarantees that blocks of one unit never overlap on a date.
 */
public record NumberBlock(int first, int last, LocalDate validFrom, LocalDate validTo) {

    public NumberBlock {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        if (first < 1 || last > DossierCode.MAX_SEQUENCE || first > last) {
            throw new IllegalArgumentException("a number block needs 1 <= first <= last <= 9999: " + first + ".." + last);
        }
        if (validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("a number block cannot end before it starts: " + validFrom + ".." + validTo);
        }
    }

    /** A block valid on every date, e.g. a device's fixed sub-range before enrolment. */
    public static NumberBlock always(int first, int last) {
        return new NumberBlock(first, last, LocalDate.MIN, LocalDate.MAX);
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }

    public boolean contains(int sequence) {
        return sequence >= first && sequence <= last;
    }

    public int size() {
        return last - first + 1;
    }
}
