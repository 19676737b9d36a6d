package org.motcua.core.numbering;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;

/**
 * The device has no dossier number left for a date: every block valid that day is used up. The intake
 * must wait until upstream leases a new block (or the officer numbers on another PC); reusing a number
 * is never an option because the code must be unique nationally.
 */
public class NumbersExhaustedException extends ValidationException {

    private static final long serialVersionUID = 1L;

    private final LocalDate date;

    NumbersExhaustedException(LocalDate date) {
        super(Violation.of("dossierCode", "numbering.exhausted", date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        this.date = date;
    }

    /** The receipt date that has no number left. */
    public LocalDate date() {
        return date;
    }
}
