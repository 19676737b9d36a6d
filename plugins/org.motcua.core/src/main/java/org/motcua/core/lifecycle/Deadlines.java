package org.motcua.core.lifecycle;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Flags derived from a dossier's due instant. "Overdue" is never stored as a status: it depends on
 * the clock, and the national status codes have no such value.
 *
 * <p>Durations here are wall-clock. Working-time distances come from
 * {@link org.motcua.core.calendar.DeadlineCalculator#workingTimeBetween}.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * True when the due instant has passed ({@code now} strictly after it) and the office has not
     * settled the dossier: not done, not returned, not otherwise terminal.
     *
     * <p>A dossier waiting for the applicant (supplement, payment) counts as overdue when its due instant
     * has passed; the store is expected to move the due instant when the applicant answers.
     */
    public static boolean isOverdue(LocalDateTime dueAt, LocalDateTime now, DossierStatus status) {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(now, "now");
        return !status.isSettled() && now.isAfter(dueAt);
    }

    /**
     * True when the dossier is not settled, not yet overdue, and due within {@code within} of {@code now}
     * (the due instant itself included): the list of dossiers to push, or to apologise for in time.
     */
    public static boolean isDueSoon(LocalDateTime dueAt, LocalDateTime now, DossierStatus status, Duration within) {
        Objects.requireNonNull(within, "within");
        if (within.isNegative()) {
            throw new IllegalArgumentException("a 'due soon' window cannot be negative: " + within);
        }
        return !status.isSettled() && !now.isAfter(dueAt) && !now.plus(within).isBefore(dueAt);
    }

    /**
     * Early, on time or late: late after the due instant; on time on the due day up to the due instant;
     * early on any day before the due day. The calendar day decides early vs on time because the
     * appointment given to the applicant is a day.
     */
    public static Timeliness timeliness(LocalDateTime finishedAt, LocalDateTime dueAt) {
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        if (finishedAt.isAfter(dueAt)) {
            return Timeliness.LATE;
        }
        return finishedAt.toLocalDate().isBefore(dueAt.toLocalDate()) ? Timeliness.EARLY : Timeliness.ON_TIME;
    }
}
