package org.motcua.ui.reports;

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
 * The dossiers an officer must act on before their due date passes: not settled and due today or tomorrow
 * (calendar days, from the desk's clock), plus those already overdue. Headless; run it in a job.
 */
public final class DueWatch {

    /** What is due, each list ordered by due time then code. */
    public record Due(List<DossierSummary> overdue, List<DossierSummary> today, List<DossierSummary> tomorrow,
            LocalDateTime asOf) {

        public Due {
            overdue = List.copyOf(overdue);
            today = List.copyOf(today);
            tomorrow = List.copyOf(tomorrow);
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
        LocalDateTime dayAfter = tomorrow.plusDays(1);
        // "Within 2 days" reaches the end of the day after tomorrow and includes the overdue: split it here.
        DossierQuery q = DossierQuery.text("", now, DossierQuery.MAX_LIMIT).withDue(DueFilter.DUE_WITHIN_2_DAYS);
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
                } else if (d.dueAt().isBefore(dayAfter)) {
                    next.add(d);
                }
            }
            offset += page.items().size();
        } while (page.hasMore());
        overdue.sort(BY_DUE);
        today.sort(BY_DUE);
        next.sort(BY_DUE);
        return new Due(overdue, today, next, now);
    }
}
