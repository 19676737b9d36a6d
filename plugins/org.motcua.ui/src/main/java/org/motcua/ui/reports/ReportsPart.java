package org.motcua.ui.reports;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.motcua.core.validation.ValidationException;
import org.motcua.print.OnTimeReportData;
import org.motcua.print.OnTimeReportData.Grouping;
import org.motcua.print.PrintedForm;
import org.motcua.print.ReportPdf;
import org.motcua.store.DeskSettings;
import org.motcua.store.DeskSettings.Key;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.print.FormOutput;

/**
 * Reports for leaders and the one-stop desk: the on-time figures of dossiers finished in a range, grouped by
 * month, procedure or field, as a table and a stacked bar chart, exported as CSV or PDF; and the register book
 * (form 07) of the dossiers received in the range. Every query and every PDF runs in a job. Roles that may not
 * read reports ({@link ReportReaders}) see one sentence instead of the controls.
 */
public class ReportsPart {

    private static final Grouping[] GROUPINGS = Grouping.values();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Messages messages = Messages.current();
    private final Desk desk;
    private final DeskForms forms;
    private final FormOutput output;
    private DateTime from;
    private DateTime to;
    private Combo grouping;
    private Button run;
    private Button csv;
    private Button vietnameseExcel;
    private Button pdf;
    private Label status;
    private ReportTable table;
    private Canvas canvas;
    private OnTimeChart chart;
    private OnTimeReportData report;
    private Job job;

    @Inject
    public ReportsPart(Desk desk, DeskForms forms, FormOutput output) {
        this.desk = desk;
        this.forms = forms;
        this.output = output;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        if (!ReportReaders.mayRead(desk.role())) {
            Label refused = UiIds.name(new Label(parent, SWT.WRAP), "reports.refused");
            refused.setText(messages.get("reports.refused", desk.role().displayName(messages.locale())));
            refused.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            return;
        }
        Composite bar = new Composite(parent, SWT.NONE);
        // a row that wraps: the buttons move under the dates on a narrow window instead of being cut off
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.center = true;
        row.wrap = true;
        bar.setLayout(row);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        LocalDate today = desk.now().toLocalDate();
        from = date(bar, "reports.from", today.withDayOfMonth(1));
        to = date(bar, "reports.to", today);
        new Label(bar, SWT.NONE).setText(messages.get("reports.groupBy"));
        grouping = UiIds.name(new Combo(bar, SWT.READ_ONLY), "reports.grouping");
        for (Grouping g : GROUPINGS) {
            grouping.add(messages.get("reports.groupBy." + g.name()));
        }
        grouping.select(Grouping.PROCEDURE.ordinal());
        run = button(bar, "reports.run", this::runReport);
        csv = button(bar, "reports.exportCsv", this::askCsv);
        vietnameseExcel = UiIds.name(new Button(bar, SWT.CHECK), "reports.csv.vietnameseExcel");
        vietnameseExcel.setText(messages.get("reports.csv.vietnameseExcel"));
        vietnameseExcel.setToolTipText(messages.get("reports.csv.vietnameseExcel.tip"));
        vietnameseExcel.setSelection(Boolean.parseBoolean(new DeskSettings(desk.store()).get(Key.CSV_VIETNAMESE_EXCEL)));
        vietnameseExcel.addListener(SWT.Selection, e -> rememberCsvDialect());
        pdf = button(bar, "reports.exportPdf", this::exportPdf);
        button(bar, "reports.register", this::printRegister);
        csv.setEnabled(false);
        pdf.setEnabled(false);

        status = UiIds.name(new Label(parent, SWT.WRAP), "reports.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table = new ReportTable(sash, messages);
        chart = new OnTimeChart(parent.getDisplay(), messages);
        canvas = UiIds.name(new Canvas(sash, SWT.DOUBLE_BUFFERED | SWT.BORDER), "reports.chart");
        canvas.addPaintListener(e -> chart.paint(e.gc, canvas.getClientArea()));
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        canvas.addDisposeListener(e -> chart.dispose());
        sash.setWeights(1, 1);
    }

    private DateTime date(Composite bar, String key, LocalDate value) {
        new Label(bar, SWT.NONE).setText(messages.get(key));
        DateTime d = UiIds.name(new DateTime(bar, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER), key);
        d.setDate(value.getYear(), value.getMonthValue() - 1, value.getDayOfMonth());
        return d;
    }

    private Button button(Composite bar, String key, Runnable action) {
        Button b = UiIds.name(new Button(bar, SWT.PUSH), key);
        b.setText(messages.get(key));
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private static LocalDate day(DateTime d) {
        return LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay());
    }

    /** "Xem": runs the statistics for the chosen range and grouping off the UI thread. */
    void runReport() {
        LocalDate f = day(from);
        LocalDate t = day(to);
        Grouping g = GROUPINGS[grouping.getSelectionIndex()];
        run.setEnabled(false);
        status.setText(messages.get("reports.running"));
        background(messages.get("reports.run"), () -> {
            OnTimeReportData data = new OnTimeReports(desk, messages).finishedBetween(f, t, g);
            return () -> show(data);
        }, "reports.failed");
    }

    private void show(OnTimeReportData data) {
        report = data;
        table.show(data);
        chart.show(data);
        canvas.redraw();
        csv.setEnabled(true);
        pdf.setEnabled(true);
        status.setText(messages.get("reports.shown", data.rows().size(), data.total("").total(),
                DAY.format(data.from()), DAY.format(data.to())));
    }

    private void askCsv() {
        FileDialog dialog = new FileDialog(canvas.getShell(), SWT.SAVE);
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] {"*.csv"});
        dialog.setFilterNames(new String[] {messages.get("reports.csv.filter")});
        dialog.setFileName("bao-cao-dung-han-" + report.from() + "-" + report.to() + ".csv");
        String chosen = dialog.open();
        if (chosen != null) {
            exportCsv(Path.of(chosen));
        }
    }

    /** The officer's choice of separators is the desk's from now on (any officer may change it). */
    private void rememberCsvDialect() {
        try {
            new DeskSettings(desk.store()).put(Key.CSV_VIETNAMESE_EXCEL, String.valueOf(vietnameseExcel.getSelection()),
                    desk.username(), desk.role(), desk.now());
        } catch (RuntimeException e) {
            status.setText(messages.get("reports.csv.failed", String.valueOf(e.getMessage())));
        }
    }

    /** Writes the report on screen to {@code file}; small enough for the UI thread. */
    void exportCsv(Path file) {
        try {
            new ReportCsv(messages, vietnameseExcel.getSelection() ? ReportCsv.Dialect.VIETNAMESE_EXCEL
                    : ReportCsv.Dialect.RFC_4180).write(report, file);
            status.setText(messages.get("reports.csv.saved", file));
        } catch (IOException e) {
            status.setText(messages.get("reports.csv.failed", String.valueOf(e.getMessage())));
        }
    }

    /** The report on screen as a PDF on the unit's letterhead, laid out off the UI thread and handed to the output. */
    void exportPdf() {
        OnTimeReportData data = report;
        status.setText(messages.get("reports.pdf.making"));
        background(messages.get("reports.exportPdf"), () -> {
            PrintedForm form = ReportPdf.create(forms.forms().settings()).onTime(data);
            return () -> status.setText(output.show(form, canvas.getShell()));
        }, "reports.pdf.failed");
    }

    /** "In sổ theo dõi (07)": the dossiers received in the range, as form 07. */
    void printRegister() {
        LocalDate f = day(from);
        LocalDate t = day(to);
        status.setText(messages.get("reports.register.making"));
        background(messages.get("reports.register"), () -> {
            PrintedForm form = forms.forms().register(new RegisterBook(desk).between(f, t));
            return () -> status.setText(output.show(form, canvas.getShell()));
        }, "reports.register.failed");
    }

    /** Work that returns what to do on the UI thread afterwards. */
    @FunctionalInterface
    private interface Work {
        Runnable run() throws IOException;
    }

    private void background(String name, Work work, String failureKey) {
        Display display = canvas.getDisplay();
        job = Job.create(name, (IProgressMonitor monitor) -> {
            Runnable then;
            try {
                then = work.run();
            } catch (ValidationException e) {
                String text = e.messages(messages.locale());
                then = () -> status.setText(text);
            } catch (IOException | RuntimeException e) {
                String text = messages.get(failureKey, String.valueOf(e.getMessage()));
                then = () -> status.setText(text);
            }
            Runnable ui = then;
            display.asyncExec(() -> {
                if (!canvas.isDisposed()) {
                    ui.run();
                    run.setEnabled(true);
                    status.getParent().layout(new Control[] {status});
                }
            });
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    @PreDestroy
    public void dispose() {
        if (job != null) {
            job.cancel();
        }
    }

    /** For tests: the last background job, to wait on. */
    Job lastJob() {
        return job;
    }

    /** For tests: the chart as painted. */
    OnTimeChart chart() {
        return chart;
    }

    OnTimeReportData report() {
        return report;
    }
}
