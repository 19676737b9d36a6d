package org.motcua.ui.reports;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.motcua.core.catalogue.Procedure;
import org.motcua.store.DossierSummary;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.parts.DossierDetailDialog;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.print.FormOutput;

/**
 * The late-dossier watch beside the work area: unsettled dossiers due today and tomorrow, and the overdue ones in
 * their own red group. Officers must send the apology (form 04) before a due date passes, so when something is
 * due today an amber banner says how many, without a popup. "Xin lỗi và hẹn lại" (or a double click) opens the
 * dossier, whose extend-deadline action issues the apology. Refreshed when a dossier changes and every few
 * minutes, since "today" moves on while the desk stays open.
 */
public class DueWatchPart {

    static final int REFRESH_MILLIS = 5 * 60 * 1000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter NEXT_DAY = DateTimeFormatter.ofPattern("dd/MM");
    /** The code and the due time first: the side panel is narrow. */
    private static final String[] COLUMN_KEYS = {"watch.col.code", "watch.col.due", "watch.col.applicant",
        "watch.col.procedure"};
    private static final int[] COLUMN_WIDTHS = {230, 95, 150, 220};
    /** Tree items of dossiers that may be apologised for carry this key (overdue ones are already late). */
    private static final String APOLOGISABLE = "watch.apologisable";

    private final Messages messages = Messages.current();
    private final Desk desk;
    private final Runnable onChange = this::refresh;
    private final Runnable tick = this::tick;
    private Consumer<UUID> opener;
    private Display display;
    private Label banner;
    private Tree tree;
    private Button apologise;
    private Label summary;
    private Color amber;
    private Color overdueBackground;
    private Color overdueText;
    private Font bold;
    private DueWatch.Due due;
    private Job job;

    private final DeskForms forms;
    private final FormOutput output;

    @Inject
    public DueWatchPart(Desk desk, DeskForms forms, FormOutput output) {
        this.desk = desk;
        this.forms = forms;
        this.output = output;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        opener = id -> new DossierDetailDialog(parent.getShell(), desk, forms, output, id).open();
        parent.setLayout(new GridLayout(1, false));
        amber = new Color(display, 255, 213, 79);
        overdueBackground = new Color(display, 255, 205, 205);
        overdueText = new Color(display, 170, 0, 0);
        FontData[] data = parent.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(display, data);

        banner = UiIds.name(new Label(parent, SWT.WRAP), "watch.banner");
        banner.setBackground(amber);
        banner.setFont(bold);
        GridData bannerData = new GridData(SWT.FILL, SWT.TOP, true, false);
        bannerData.exclude = true;
        banner.setLayoutData(bannerData);
        banner.setVisible(false);

        tree = UiIds.name(new Tree(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "watch.tree");
        tree.setHeaderVisible(true);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (int i = 0; i < COLUMN_KEYS.length; i++) {
            TreeColumn c = new TreeColumn(tree, SWT.LEFT);
            c.setText(messages.get(COLUMN_KEYS[i]));
            c.setWidth(COLUMN_WIDTHS[i]);
        }
        apologise = UiIds.name(new Button(parent, SWT.PUSH), "watch.apologise");
        apologise.setText(messages.get("watch.apologise"));
        apologise.setEnabled(false);
        summary = UiIds.name(new Label(parent, SWT.WRAP), "watch.summary");
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        tree.addListener(SWT.Selection, e -> apologise.setEnabled(selectedApologisable() != null));
        tree.addListener(SWT.DefaultSelection, e -> openSelected());
        apologise.addListener(SWT.Selection, e -> openSelected());
        parent.addDisposeListener(e -> {
            amber.dispose();
            overdueBackground.dispose();
            overdueText.dispose();
            bold.dispose();
        });
        desk.addChangeListener(onChange);
        refresh();
        display.timerExec(REFRESH_MILLIS, tick);
    }

    private void tick() {
        if (tree.isDisposed()) {
            return;
        }
        refresh();
        display.timerExec(REFRESH_MILLIS, tick);
    }

    /** Loads what is due off the UI thread and shows it. */
    public void refresh() {
        if (tree.isDisposed()) {
            return;
        }
        summary.setText(messages.get("watch.loading"));
        job = Job.create(messages.get("watch.title"), (IProgressMonitor monitor) -> {
            Runnable then;
            try {
                DueWatch.Due loaded = new DueWatch(desk).load();
                then = () -> show(loaded);
            } catch (RuntimeException e) {
                String text = messages.get("watch.failed", String.valueOf(e.getMessage()));
                then = () -> summary.setText(text);
            }
            Runnable ui = then;
            display.asyncExec(() -> {
                if (!tree.isDisposed()) {
                    ui.run();
                    summary.getParent().layout(true);
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void show(DueWatch.Due loaded) {
        due = loaded;
        int today = loaded.today().size();
        banner.setText(messages.get("watch.banner", today));
        banner.setVisible(today > 0);
        ((GridData) banner.getLayoutData()).exclude = today == 0;

        tree.setRedraw(false);
        try {
            tree.removeAll();
            group("watch.group.overdue", loaded.overdue(), false, true);
            group("watch.group.today", loaded.today(), true, false);
            group(loaded.nextIsTomorrow() ? "watch.group.tomorrow" : "watch.group.nextWorkingDay", loaded.next(), true, false,
                    NEXT_DAY.format(loaded.nextWorkingDay()));
        } finally {
            tree.setRedraw(true);
        }
        apologise.setEnabled(false);
        boolean nothing = loaded.overdue().isEmpty() && today == 0 && loaded.next().isEmpty();
        summary.setText(nothing ? messages.get("watch.nothing")
                : messages.get("watch.updated", CLOCK.format(loaded.asOf())));
    }

    private void group(String key, List<DossierSummary> dossiers, boolean apologisable, boolean overdue, Object... more) {
        TreeItem head = new TreeItem(tree, SWT.NONE);
        Object[] args = new Object[1 + more.length];
        args[0] = dossiers.size();
        System.arraycopy(more, 0, args, 1, more.length);
        head.setText(messages.get(key, args));
        head.setFont(bold);
        if (overdue) {
            head.setForeground(overdueText);
        }
        for (DossierSummary d : dossiers) {
            TreeItem item = new TreeItem(head, SWT.NONE);
            String procedure = desk.catalogue().latest(d.procedureCode()).map(Procedure::name).orElse(d.procedureCode());
            item.setText(new String[] {d.code(), WHEN.format(d.dueAt()), d.applicantName(), procedure});
            item.setData(d);
            item.setData(APOLOGISABLE, apologisable);
            if (overdue) {
                item.setBackground(overdueBackground);
            }
        }
        head.setExpanded(true);
    }

    private DossierSummary selectedApologisable() {
        TreeItem[] selection = tree.getSelection();
        if (selection.length == 1 && Boolean.TRUE.equals(selection[0].getData(APOLOGISABLE))) {
            return (DossierSummary) selection[0].getData();
        }
        return null;
    }

    private void openSelected() {
        DossierSummary d = selectedApologisable();
        if (d != null) {
            opener.accept(d.id());
        }
    }

    @PreDestroy
    public void dispose() {
        desk.removeChangeListener(onChange);
        if (display != null && !display.isDisposed()) {
            display.timerExec(-1, tick);
        }
        if (job != null) {
            job.cancel();
        }
    }

    /** For tests: the last load. */
    Job lastJob() {
        return job;
    }

    DueWatch.Due due() {
        return due;
    }

    /** For tests: opens a dossier without the modal dialog. */
    void openWith(Consumer<UUID> testOpener) {
        this.opener = testOpener;
    }

    Tree tree() {
        return tree;
    }
}
