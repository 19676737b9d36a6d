package org.motcua.ui.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.motcua.store.DossierQuery;
import org.motcua.store.DossierQuery.DueFilter;
import org.motcua.store.DossierSummary;
import org.motcua.store.Page;
import org.motcua.ui.desk.Desk;

/**
 * The dossiers an officer must act on before their due date passes: not settled and due today or on the next working
 * day (by the desk's working calendar: on a Friday that is Monday, before Tết it is the first day after the break),
 * plus those already overdue. Headless; run it in a job.
 */
public final class DueWatch {

    /** What is due, each list ordered by due time then code; {@code next} is due on {@code nextWorkingDay}. */
    public record Due(List<DossierSummary> overdue, List<DossierSummary> today, List<DossierSummary> next,
            LocalDate nextWorkingDay, LocalDateTime asOf) {

        public Due {
            overdue = List.copyOf(overdue);
            today = List.copyOf(today);
            next = List.copyOf(next);
        }

        /** True when the next working day is simply tomorrow. */
        public boolean nextIsTomorrow() {
            return nextWorkingDay.equals(asOf.toLocalDate().plusDays(1));
        }
    }

    private static final Comparator<DossierSummary> BY_DUE = Comparator.comparing(DossierSummary::dueAt)
            .thenComparing(DossierSummary::code);

    private final Desk desk;

    public DueWatch(Desk desk) {
        this.desk = desk;
    }

    public Due load() {
        LocalDateTime now = desk.now();
        LocalDateTime tomorrow = now.toLocalDate().plusDays(1).atStartOfDay();
        LocalDate nextWorkingDay = desk.deadlines().calendar().nextWorkingDay(now.toLocalDate());
        LocalDateTime afterNext = nextWorkingDay.plusDays(1).atStartOfDay();
        // "Due today" counted from the next working day reaches the end of that day and includes everything
        // unsettled before it, the overdue too: split it here.
        DossierQuery q = DossierQuery.text("", nextWorkingDay.atStartOfDay(), DossierQuery.MAX_LIMIT)
                .withDue(DueFilter.DUE_TODAY);
        List<DossierSummary> overdue = new ArrayList<>();
        List<DossierSummary> today = new ArrayList<>();
        List<DossierSummary> next = new ArrayList<>();
        int offset = 0;
        Page<DossierSummary> page;
        do {
            page = desk.search().find(q.page(offset));
            for (DossierSummary d : page.items()) {
                if (d.dueAt().isBefore(now)) {
                    overdue.add(d);
                } else if (d.dueAt().isBefore(tomorrow)) {
                    today.add(d);
                } else if (d.dueAt().isBefore(afterNext)) {
                    next.add(d);
                }
            }
            offset += page.items().size();
        } while (page.hasMore());
        overdue.sort(BY_DUE);
        today.sort(BY_DUE);
        next.sort(BY_DUE);
        return new Due(overdue, today, next, nextWorkingDay, now);
    }
}
