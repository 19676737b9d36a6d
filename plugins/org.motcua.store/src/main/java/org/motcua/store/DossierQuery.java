package org.motcua.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.motcua.core.lifecycle.DossierStatus;

/**
 * What the dossier list asks for: the search box's text plus filters, one page at a time.
 *
 * @param text   a dossier code (whole, or its "YYMMDD-NNNN" tail), a 12-digit citizen ID, a phone number, or
 *               words of the applicant's name with or without diacritics; blank for no text filter
 * @param due    a deadline filter relative to {@code now}
 * @param now    the desk's clock: "today", "overdue" and "within 2 days" are counted from it
 * @param after  when present, the page starts after this row of the list (keyset paging) and {@code offset} counts
 *               from there
 */
public record DossierQuery(
        String text,
        Set<DossierStatus> statuses,
        DueFilter due,
        LocalDateTime now,
        Optional<String> procedureCode,
        Optional<String> fieldCode,
        Optional<LocalDate> receivedFrom,
        Optional<LocalDate> receivedTo,
        int offset,
        int limit,
        Optional<ListKey> after) {

    /** Deadline filters of the dossier list and the late-dossier watch. */
    public enum DueFilter {
        ANY,
        /** Due before the end of today, not finished. */
        DUE_TODAY,
        /** Due before the end of the day after tomorrow, not finished. */
        DUE_WITHIN_2_DAYS,
        /** Due date passed, not finished. */
        OVERDUE
    }

    public static final int MAX_LIMIT = 500;

    public DossierQuery {
        text = text == null ? "" : text.strip();
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(procedureCode, "procedureCode");
        Objects.requireNonNull(fieldCode, "fieldCode");
        Objects.requireNonNull(receivedFrom, "receivedFrom");
        Objects.requireNonNull(receivedTo, "receivedTo");
        Objects.requireNonNull(after, "after");
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page must have offset >= 0 and 1 <= limit <= " + MAX_LIMIT);
        }
    }

    /** Only text, newest first, the first {@code limit} hits. */
    public static DossierQuery text(String text, LocalDateTime now, int limit) {
        return new DossierQuery(text, Set.of(), DueFilter.ANY, now, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, limit, Optional.empty());
    }

    public DossierQuery withDue(DueFilter filter) {
        return new DossierQuery(text, statuses, filter, now, procedureCode, fieldCode, receivedFrom, receivedTo,
                offset, limit, after);
    }

    public DossierQuery withStatuses(Set<DossierStatus> s) {
        return new DossierQuery(text, s, due, now, procedureCode, fieldCode, receivedFrom, receivedTo,
                offset, limit, after);
    }

    public DossierQuery withProcedure(String code) {
        return new DossierQuery(text, statuses, due, now, Optional.of(code), fieldCode, receivedFrom, receivedTo,
                offset, limit, after);
    }

    public DossierQuery withField(String code) {
        return new DossierQuery(text, statuses, due, now, procedureCode, Optional.of(code), receivedFrom, receivedTo,
                offset, limit, after);
    }

    public DossierQuery receivedBetween(LocalDate from, LocalDate to) {
        return new DossierQuery(text, statuses, due, now, procedureCode, fieldCode, Optional.of(from), Optional.of(to),
                offset, limit, after);
    }

    public DossierQuery page(int newOffset) {
        return new DossierQuery(text, statuses, due, now, procedureCode, fieldCode, receivedFrom, receivedTo,
                newOffset, limit, after);
    }

    /** The page that starts {@code offset} rows after the row {@code key} of the list. */
    public DossierQuery pageAfter(ListKey key, int newOffset) {
        return new DossierQuery(text, statuses, due, now, procedureCode, fieldCode, receivedFrom, receivedTo, newOffset, limit,
                Optional.of(key));
    }

    /** True when the query has no search text: only filters, whose list the list index answers. */
    public boolean filtersOnly() {
        return text.isEmpty();
    }
}
