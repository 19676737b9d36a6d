package org.motcua.print;

import java.time.LocalDateTime;
import java.util.List;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.Deadlines;
import org.motcua.core.lifecycle.DossierStatus;

/**
 * The totals printed under the register book.
 *
 * @param finished dossiers with a result ({@code finishedAt} present), split into early / on time / late
 * @param returned dossiers whose result was handed over (status RETURNED)
 * @param pending  dossiers still with the office (not settled); {@code overdue} of them past their due instant
 * @param other    refused, withdrawn or stopped dossiers without a result
 */
public record RegisterTotals(int total, int finished, int early, int onTime, int late, int returned, int pending,
        int overdue, int other) {

    public static RegisterTotals of(List<RegisterEntry> entries, LocalDateTime asOf) {
        int finished = 0, early = 0, onTime = 0, late = 0, returned = 0, pending = 0, overdue = 0, other = 0;
        for (RegisterEntry e : entries) {
            Dossier d = e.dossier();
            if (d.status() == DossierStatus.RETURNED) {
                returned++;
            }
            if (d.finishedAt().isPresent()) {
                finished++;
                switch (Deadlines.timeliness(d.finishedAt().get(), d.dueAt())) {
                    case EARLY -> early++;
                    case ON_TIME -> onTime++;
                    case LATE -> late++;
                }
            } else if (!d.status().isSettled()) {
                pending++;
                if (Deadlines.isOverdue(d.dueAt(), asOf, d.status())) {
                    overdue++;
                }
            } else {
                other++;
            }
        }
        return new RegisterTotals(entries.size(), finished, early, onTime, late, returned, pending, overdue, other);
    }
}
