package org.motcua.ui.parts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.motcua.store.DossierSummary;
import org.motcua.store.Page;

/**
 * The rows of the virtual dossier table, fetched page by page (never all): a page of {@value #PAGE_SIZE}
 * is asked for the first time a row of it is shown. Without a total count, the table shows what is known
 * plus one more row while the store says there is more; scrolling to that row fetches the next page.
 * Belongs to the UI thread except {@link #fetch}, which a job runs.
 */
final class DossierPages {

    static final int PAGE_SIZE = 200;

    private final IntFunction<Page<DossierSummary>> source;
    private final Map<Integer, List<DossierSummary>> pages = new HashMap<>();
    private final Set<Integer> requested = new HashSet<>();
    private int rowCount;
    private boolean exact;
    private int fetches;

    /**
     * @param source      the page at an offset
     * @param knownTotal  the exact number of rows when cheap to know (no filter), else -1
     */
    DossierPages(IntFunction<Page<DossierSummary>> source, int knownTotal) {
        this.source = source;
        this.rowCount = knownTotal;
        this.exact = knownTotal >= 0;
    }

    /** The row, or null while its page is not here yet. */
    DossierSummary row(int index) {
        List<DossierSummary> page = pages.get(index / PAGE_SIZE);
        int inPage = index % PAGE_SIZE;
        return page != null && inPage < page.size() ? page.get(inPage) : null;
    }

    /** True when the page of {@code index} must be fetched now (asked once per page). */
    boolean needsFetch(int index) {
        return requested.add(index / PAGE_SIZE);
    }

    static int pageOf(int index) {
        return index / PAGE_SIZE;
    }

    /** Off the UI thread: asks the store for one page. */
    Page<DossierSummary> fetch(int pageNumber) {
        return source.apply(pageNumber * PAGE_SIZE);
    }

    /** On the UI thread: keeps a fetched page; returns the row count the table should now have. */
    int arrived(int pageNumber, Page<DossierSummary> page) {
        fetches++;
        pages.put(pageNumber, page.items());
        int end = pageNumber * PAGE_SIZE + page.items().size();
        if (!page.hasMore()) {
            rowCount = end;
            exact = true;
        } else if (end + 1 > rowCount) {
            rowCount = end + 1;
        }
        return rowCount;
    }

    /** Rows to show before the first page arrives. */
    int initialRowCount() {
        return rowCount < 0 ? 1 : rowCount;
    }

    int rowCount() {
        return rowCount;
    }

    /** True when {@link #rowCount()} is the real number of rows, not what is loaded so far plus one. */
    boolean exact() {
        return exact;
    }

    /** Rows loaded so far. */
    int loadedRows() {
        return pages.values().stream().mapToInt(List::size).sum();
    }

    /** How many pages were fetched so far (tests check that the table never loads everything). */
    int fetches() {
        return fetches;
    }
}
