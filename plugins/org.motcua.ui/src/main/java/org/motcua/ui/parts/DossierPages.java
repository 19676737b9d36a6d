package org.motcua.ui.parts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.motcua.store.DossierSummary;
import org.motcua.store.ListIndex;
import org.motcua.store.ListKey;
import org.motcua.store.Page;

/**
 * The rows of the virtual dossier table, fetched page by page (never all): a page of {@value #PAGE_SIZE} is asked
 * for the first time a row of it is shown. Pages are fetched by key (keyset paging: "the 200 rows after this one"),
 * which the list's index answers at once however deep the page is, instead of by offset, which makes the database
 * walk every row before it. The key comes from the page before when it is here, else from the list's
 * {@link ListIndex} (one pass over the index, made in the background when the filters change, which also gives the
 * exact row count); only until that index arrives does a deep jump fall back to an offset.
 *
 * <p>Without a count, the table shows what is known plus one more row while the store says there is more; scrolling
 * to that row fetches the next page. Belongs to the UI thread except {@link #fetch}, which a job runs.
 */
final class DossierPages {

    static final int PAGE_SIZE = 200;

    /** The store's side: a page of rows after {@code after} (from the top when empty), {@code offset} rows on. */
    @FunctionalInterface
    interface Source {
        Page<DossierSummary> fetch(Optional<ListKey> after, int offset);
    }

    private final Source source;
    private final Map<Integer, List<DossierSummary>> pages = new HashMap<>();
    /** The last key of each full page fetched; written on the UI thread, read by fetch jobs. */
    private final Map<Integer, ListKey> pageEnds = new ConcurrentHashMap<>();
    private final Set<Integer> requested = new HashSet<>();
    private volatile ListIndex index;
    private int rowCount;
    private boolean exact;
    private int fetches;
    /** Page numbers in the order they arrived (the benchmark prints which pages a jump fetched). */
    private final List<Integer> arrivals = new java.util.ArrayList<>();
    private final AtomicInteger offsetFetches = new AtomicInteger();

    /**
     * @param source      the page after a key, or at an offset
     * @param knownTotal  the exact number of rows when cheap to know (no filter), else -1
     */
    DossierPages(Source source, int knownTotal) {
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

    /** Off the UI thread: asks the store for one page, by key when one is known. */
    Page<DossierSummary> fetch(int pageNumber) {
        if (pageNumber == 0) {
            return source.fetch(Optional.empty(), 0);
        }
        ListKey before = pageEnds.get(pageNumber - 1);
        ListIndex known = index;
        if (before == null && known != null) {
            before = known.startOf(pageNumber).orElse(null);
        }
        if (before != null) {
            return source.fetch(Optional.of(before), 0);
        }
        offsetFetches.incrementAndGet();
        return source.fetch(Optional.empty(), pageNumber * PAGE_SIZE);
    }

    /** On the UI thread: keeps a fetched page; returns the row count the table should now have. */
    int arrived(int pageNumber, Page<DossierSummary> page) {
        fetches++;
        arrivals.add(pageNumber);
        List<DossierSummary> items = page.items();
        pages.put(pageNumber, items);
        if (items.size() == PAGE_SIZE) {
            pageEnds.put(pageNumber, items.get(PAGE_SIZE - 1).key());
        }
        int end = pageNumber * PAGE_SIZE + items.size();
        if (!page.hasMore()) {
            rowCount = end;
            exact = true;
        } else if (!exact && end + 1 > rowCount) {
            rowCount = end + 1;
        }
        return rowCount;
    }

    /** On the UI thread: the list's index arrived; returns the (now exact) row count. */
    int indexed(ListIndex listIndex) {
        index = listIndex;
        rowCount = listIndex.count();
        exact = true;
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
    /** The pages fetched so far, in the order they arrived. */
    List<Integer> arrivals() {
        return List.copyOf(arrivals);
    }

    int fetches() {
        return fetches;
    }

    /** How many pages had to be fetched by offset because no key was known yet. */
    int offsetFetches() {
        return offsetFetches.get();
    }

    boolean indexed() {
        return index != null;
    }
}
