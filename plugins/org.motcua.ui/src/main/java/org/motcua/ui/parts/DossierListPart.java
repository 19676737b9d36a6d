package org.motcua.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.lifecycle.Deadlines;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.store.DossierQuery;
import org.motcua.store.DossierQuery.DueFilter;
import org.motcua.store.DossierSummary;
import org.motcua.store.ListIndex;
import org.motcua.store.Page;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.GtkAnimations;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.print.FormOutput;

/**
 * The dossier list: a virtual table fed page by page from {@code DossierSearch} (never all rows, so it stays
 * responsive with 300,000 dossiers), a search box (code, citizen ID, phone, name without diacritics) and
 * status and deadline filters. Overdue rows are red, rows due within two days amber. Enter or a double
 * click opens the dossier.
 */
public class DossierListPart {

    static final String[] COLUMN_KEYS = {"dossiers.col.code", "dossiers.col.procedure", "dossiers.col.applicant",
        "dossiers.col.received", "dossiers.col.due", "dossiers.col.status"};
    private static final int[] COLUMN_WIDTHS = {200, 260, 200, 120, 120, 150};
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Duration DUE_SOON = Duration.ofDays(2);
    private static final DueFilter[] DUE_FILTERS = DueFilter.values();
    /** How long after a row asks for data the view is read (see {@link #checkViewSoon}). */
    private static final int VIEW_SETTLE_MS = 10;
    /** How many more times the view is read while the row asked last lies outside it. */
    private static final int MAX_VIEW_RECHECKS = 5;
    /** How many times in a row the view may be seen moving before its pages are fetched anyway. */
    private static final int MAX_SETTLE_CHECKS = 10;

    private final Messages messages = Messages.current();
    private final Desk desk;
    private final DeskForms forms;
    private final FormOutput output;
    private final Runnable onChange = this::refresh;
    private Text search;
    private Combo status;
    private Combo due;
    private Table table;
    private Label summary;
    private Color overdue;
    private Color dueSoon;
    private DossierPages pages;
    private DossierFilters filters;
    private boolean viewCheckPending;
    private int lastAsked = -1;
    private int viewRechecks;
    /** The top row seen by the last view check, and how many checks in a row saw it move. */
    private int viewTop = -1;
    private int settleChecks;
    private LocalDateTime now;
    private int generation;
    private Job indexing;

    @Inject
    public DossierListPart(Desk desk, DeskForms forms, FormOutput output) {
        this.desk = desk;
        this.forms = forms;
        this.output = output;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(6, false));
        new Label(parent, SWT.NONE).setText(messages.get("dossiers.search"));
        search = UiIds.name(new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL), "dossiers.search");
        search.setMessage(messages.get("dossiers.search.hint"));
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(parent, SWT.NONE).setText(messages.get("dossiers.status"));
        status = UiIds.name(new Combo(parent, SWT.READ_ONLY), "dossiers.status");
        status.add(messages.get("dossiers.all"));
        for (DossierStatus s : DossierStatus.values()) {
            status.add(s.displayName(messages.locale()));
        }
        status.select(0);
        status.setVisibleItemCount(11);
        new Label(parent, SWT.NONE).setText(messages.get("dossiers.due"));
        due = UiIds.name(new Combo(parent, SWT.READ_ONLY), "dossiers.dueFilter");
        for (DueFilter f : DUE_FILTERS) {
            due.add(messages.get("dossiers.due." + f.name()));
        }
        due.select(0);
        filters = new DossierFilters(parent, messages, desk.catalogue().current(), desk.now().toLocalDate(), this::refresh);

        GtkAnimations.turnOff(parent.getDisplay());   // a jump lands at once, not after 200 ms of passing rows
        table = UiIds.name(new Table(parent, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "dossiers.table");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 6, 1));
        for (int i = 0; i < COLUMN_KEYS.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(messages.get(COLUMN_KEYS[i]));
            column.setWidth(COLUMN_WIDTHS[i]);
        }
        summary = UiIds.name(new Label(parent, SWT.NONE), "dossiers.summary");
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));
        overdue = new Color(255, 205, 205);
        dueSoon = new Color(255, 232, 170);

        table.addListener(SWT.SetData, this::setData);
        table.getVerticalBar().addListener(SWT.Selection, e -> checkViewSoon());   // rows left waiting come into view
        table.addListener(SWT.Resize, e -> checkViewSoon());
        table.addListener(SWT.DefaultSelection, e -> openSelected());
        search.addModifyListener(e -> scheduleRefresh());
        search.addListener(SWT.DefaultSelection, e -> refresh());
        status.addListener(SWT.Selection, e -> refresh());
        due.addListener(SWT.Selection, e -> refresh());
        desk.addChangeListener(onChange);
        refresh();
    }

    @Focus
    public void focus() {
        search.setFocus();
    }

    private void scheduleRefresh() {
        int mine = ++generation;
        table.getDisplay().timerExec(300, () -> {
            if (mine == generation && !table.isDisposed()) {
                refresh();
            }
        });
    }

    DossierQuery query() {
        DossierQuery q = filters.apply(DossierQuery.text(search.getText(), now, DossierPages.PAGE_SIZE)
                .withDue(DUE_FILTERS[due.getSelectionIndex()]));
        int s = status.getSelectionIndex();
        return s <= 0 ? q : q.withStatuses(Set.of(DossierStatus.values()[s - 1]));
    }

    /** Starts over with the current search and filters. */
    public void refresh() {
        if (table.isDisposed()) {
            return;
        }
        generation++;
        now = desk.now();
        DossierQuery q = query();
        boolean unfiltered = q.text().isEmpty() && q.statuses().isEmpty() && q.due() == DueFilter.ANY && filters.none();
        int total = unfiltered ? (int) desk.store().count("dossier") : -1;
        pages = new DossierPages((after, offset) -> desk.search().find(after.map(key -> q.pageAfter(key, offset))
                .orElse(q.page(offset))), total);
        table.clearAll();
        table.setItemCount(pages.initialRowCount());
        showSummary();
        if (q.filtersOnly()) {
            index(q, pages);
        }
    }

    /** One pass over the list's index in the background: the exact count, and a key for every page to jump to. */
    private void index(DossierQuery q, DossierPages target) {
        int mine = generation;
        Display display = table.getDisplay();
        Job job = Job.create(messages.get("dossiers.loading"), (IProgressMonitor monitor) -> {
            ListIndex index = desk.search().listIndex(q, DossierPages.PAGE_SIZE);
            display.asyncExec(() -> {
                if (table.isDisposed() || mine != generation || target != pages) {
                    return;
                }
                int count = target.indexed(index);
                if (count != table.getItemCount()) {
                    table.setItemCount(count);
                }
                showSummary();
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
        indexing = job;
    }

    private void setData(Event e) {
        TableItem item = (TableItem) e.item;
        int index = table.indexOf(item);
        DossierSummary row = pages.row(index);
        if (row == null) {
            item.setText(0, messages.get("dossiers.loading"));
            lastAsked = index;
            checkViewSoon();
            return;
        }
        Procedure p = desk.catalogue().latest(row.procedureCode()).orElse(null);
        item.setText(new String[] {row.code(), p == null ? row.procedureCode() : row.procedureCode() + " — " + p.name(),
            row.applicantName(), row.receivedAt().format(WHEN), row.dueAt().format(WHEN),
            row.status().displayName(messages.locale())});
        item.setData(row);
        if (Deadlines.isOverdue(row.dueAt(), now, row.status())) {
            item.setBackground(overdue);
        } else if (Deadlines.isDueSoon(row.dueAt(), now, row.status(), DUE_SOON)) {
            item.setBackground(dueSoon);
        }
    }

    /**
     * GTK asks for rows it does not show (around a jump, while measuring), so a row asked for is not reason enough
     * to fetch its page: once the events settle, only the pages of the rows in view are fetched. On a 300,000-row
     * list that is the difference between one page per jump and dozens. GTK also scrolls after a jump only when it
     * next lays the tree out, and it sometimes reports a view that does not hold the row it just asked for: while
     * the row asked last is outside the view, the view is read again a few times ({@value #VIEW_SETTLE_MS} ms apart);
     * if it still is, that row's page is fetched anyway, since the table shows it. A view seen moving is read again
     * before its pages are fetched: a drag of the scroll bar's thumb passes many rows nobody stops to read. (Jumps by
     * {@code setTopIndex} or Ctrl+End land at once since GTK's scroll animation is off: {@link GtkAnimations}.)
     */
    private void checkViewSoon() {
        if (!viewCheckPending) {
            viewCheckPending = true;
            table.getDisplay().asyncExec(this::fetchPagesInView);
        }
    }

    private void recheckViewLater() {
        if (!viewCheckPending) {
            viewCheckPending = true;
            table.getDisplay().timerExec(VIEW_SETTLE_MS, this::fetchPagesInView);
        }
    }

    private void fetchPagesInView() {
        viewCheckPending = false;
        if (table.isDisposed() || table.getItemCount() == 0) {
            return;
        }
        int top = Math.min(table.getTopIndex(), table.getItemCount() - 1);   // GTK may report the old top after a refresh
        if (top != viewTop && settleChecks < MAX_SETTLE_CHECKS) {
            // Still moving (a drag, or GTK's animated scroll where animations are on): fetching the page of every
            // step cost ten pages and 200 ms a jump.
            viewTop = top;
            settleChecks++;
            recheckViewLater();
            return;
        }
        settleChecks = 0;
        int shown = table.getClientArea().height / Math.max(1, table.getItemHeight()) + 1;
        int last = Math.min(table.getItemCount() - 1, top + shown);
        for (int page = DossierPages.pageOf(top); page <= DossierPages.pageOf(last); page++) {
            if (pages.needsFetch(page * DossierPages.PAGE_SIZE)) {
                fetch(page);
            }
        }
        int asked = lastAsked;
        if (asked < 0 || pages.row(asked) != null || (asked >= top && asked <= last)) {
            lastAsked = -1;
            viewRechecks = 0;
        } else if (++viewRechecks <= MAX_VIEW_RECHECKS) {
            recheckViewLater();
        } else {
            lastAsked = -1;
            viewRechecks = 0;
            if (asked < table.getItemCount() && pages.needsFetch(asked)) {
                fetch(DossierPages.pageOf(asked));
            }
        }
    }

    private void fetch(int pageNumber) {
        DossierPages target = pages;
        int mine = generation;
        Display display = table.getDisplay();
        Job job = Job.create(messages.get("dossiers.loading"), (IProgressMonitor monitor) -> {
            Page<DossierSummary> page = target.fetch(pageNumber);
            display.asyncExec(() -> {
                if (table.isDisposed() || mine != generation || target != pages) {
                    return;
                }
                int count = target.arrived(pageNumber, page);
                if (count != table.getItemCount()) {
                    table.setItemCount(count);
                }
                int from = pageNumber * DossierPages.PAGE_SIZE;
                int to = Math.min(count, from + DossierPages.PAGE_SIZE) - 1;
                if (to >= from) {
                    table.clear(from, to);
                }
                showSummary();
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void showSummary() {
        int count = pages.rowCount();
        summary.setText(!pages.exact() ? messages.get("dossiers.countMore", pages.loadedRows())
                : count == 0 ? messages.get("dossiers.empty") : messages.get("dossiers.count", count));
        summary.getParent().layout(new org.eclipse.swt.widgets.Control[] {summary});
    }

    private void openSelected() {
        int i = table.getSelectionIndex();
        DossierSummary row = i < 0 ? null : pages.row(i);
        if (row != null) {
            new DossierDetailDialog(table.getShell(), desk, forms, output, row.id()).open();
        }
    }

    @PreDestroy
    public void dispose() {
        desk.removeChangeListener(onChange);
    }

    /** For tests. */
    DossierPages pages() {
        return pages;
    }

    /** For tests: the last list-index job, to wait on. */
    Job indexing() {
        return indexing;
    }

    Table table() {
        return table;
    }
}
