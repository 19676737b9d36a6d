package org.motcua.ui.reports;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;

/**
 * Who may read the on-time reports and print the register book (form 07).
 *
 * <p>Why these roles: leaders are the ones the seeds name as needing to see "per unit, what is late and why";
 * the administrator prepares the periodic reports the commune sends upstream; and the register book is kept by
 * the one-stop desk itself (the receipt says "Vào Sổ theo dõi hồ sơ"), so the receiving officer prints it and
 * reads the desk's own on-time figures. Processing officers and the community team handle single dossiers and
 * have no use for the unit's totals or its register of citizens' names and phones, so they are refused.
 */
public final class ReportReaders {

    private static final Set<Role> READERS = EnumSet.of(Role.LEADER, Role.ADMIN, Role.RECEIVING_OFFICER);

    private ReportReaders() {
    }

    public static boolean mayRead(Role role) {
        return READERS.contains(role);
    }

    /** @throws ValidationException when {@code role} may not read reports */
    public static void require(Role role) {
        if (!mayRead(role)) {
            throw new ValidationException(Violation.of("role", "report.role.refused", role));
        }
    }

    /** @throws ValidationException when the range ends before it starts */
    public static void requireRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new ValidationException(Violation.of("to", "report.range.reversed", from, to));
        }
    }
}
