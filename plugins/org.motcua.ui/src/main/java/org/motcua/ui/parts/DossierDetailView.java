package org.motcua.ui.parts;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.store.ResultReturns;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierLifecycle;
import org.motcua.print.PrintedForm;
import org.motcua.store.UpstreamDecisions;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.print.DossierForms;
import org.motcua.ui.print.FormOutput;

/**
 * One dossier: applicant, documents, the handover timeline, and one button per action the logged-in
 * officer's role may take in the dossier's status ({@link DossierLifecycle#allowedActions}); nothing else
 * is offered. Taking an action goes through {@link ActionRunner}; the view then shows the dossier again and hands
 * the citizen's letter (forms 02–05) to the {@link FormOutput}. The receipt (01) and the control slip (06) can be
 * printed again at any time.
 */
final class DossierDetailView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final Messages messages = Messages.current();
    private final Desk desk;
    private final UUID dossierId;
    private final DossierForms forms;
    private final FormOutput output;
    private final Composite root;
    private Label feedback;

    DossierDetailView(Composite parent, Desk desk, DeskForms forms, FormOutput output, UUID dossierId) {
        this.desk = desk;
        this.dossierId = dossierId;
        this.forms = new DossierForms(desk, forms);
        this.output = output;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        root.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        build();
    }

    Composite control() {
        return root;
    }

    DossierForms forms() {
        return forms;
    }

    /** Shows the dossier again as stored (after an action). */
    void reload(String message, boolean error) {
        for (Control c : root.getChildren()) {
            c.dispose();
        }
        build();
        show(message, error);
        root.layout(true, true);
    }

    private void build() {
        Dossier d = desk.store().dossier(dossierId).orElseThrow();
        Procedure p = desk.catalogue().version(d.procedureCode(), d.procedureVersion()).orElse(null);
        Label head = UiIds.name(new Label(root, SWT.WRAP), "detail.head");
        head.setText(messages.get("detail.head", d.code().format(), d.status().displayName(messages.locale()),
                p == null ? d.procedureCode() : d.procedureCode() + " — " + p.name(),
                d.receivedAt().format(WHEN), d.dueAt().format(WHEN)));
        head.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Label province = UiIds.name(new Label(root, SWT.WRAP), "detail.province");
        province.setText(desk.sync().map(s -> messages.get(s.reachedProvince(dossierId) ? "detail.province.reached"
                : "detail.province.waiting")).orElse(messages.get("detail.province.off")));
        province.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        Applicant a = d.applicant();
        Group applicant = group("detail.applicant");
        label(applicant, messages.get("detail.applicant.line", a.fullName(),
                a.citizenId().map(CitizenId::digits).orElse("—"),
                a.birthDate().map(b -> b.format(IntakePart.DAY)).orElse("—"), a.phone().isEmpty() ? "—" : a.phone(),
                a.address().oneLine().isEmpty() ? "—" : a.address().oneLine()));

        Group documents = group("detail.documents");
        Table docs = table(documents, "detail.documents.table", new String[] {"intake.doc.name", "intake.doc.form",
            "intake.doc.count"}, new int[] {420, 220, 70});
        for (ReceivedDocument r : d.documents()) {
            new TableItem(docs, SWT.NONE).setText(new String[] {r.name(), r.form().displayName(messages.locale()),
                String.valueOf(r.count())});
        }

        Group scanned = group("scans.title");
        ScanAttachments.forDossier(scanned, messages, desk, dossierId);

        Group timeline = group("detail.timeline");
        Table steps = table(timeline, "detail.timeline.table", new String[] {"detail.step", "detail.action",
            "detail.from", "detail.to", "detail.at", "detail.result", "detail.note"}, new int[] {40, 200, 100, 120, 130, 90, 240});
        List<HandoverRecord> log = desk.store().handovers(dossierId);
        // Steps the province decided (a dossier handed up) say so beside their action.
        Set<Integer> upstream = new UpstreamDecisions(desk.store()).of(dossierId).stream()
                .flatMap(u -> u.handoverStep().stream()).collect(Collectors.toSet());
        for (HandoverRecord h : log) {
            String action = h.action().displayName(messages.locale());
            new TableItem(steps, SWT.NONE).setText(new String[] {String.valueOf(h.step()),
                upstream.contains(h.step()) ? messages.get("detail.upstream", action) : action, h.fromOfficer(), h.toOfficer(), h.at().format(WHEN),
                h.timeliness().map(t -> t.displayName(messages.locale())).orElse(""),
                h.newDueAt().map(n -> messages.get("detail.newDue", n.format(WHEN)) + " ").orElse("") + h.note()});
        }

        new ResultReturns(desk.store()).of(dossierId).ifPresent(r -> {
            Label returned = UiIds.name(new Label(timeline, SWT.WRAP), "detail.returned");
            returned.setText(ReturnWords.describe(r.details(), d.applicant(), messages));
            returned.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        });

        Composite actions = UiIds.name(new Composite(root, SWT.NONE), "detail.actions");
        actions.setLayout(new RowLayout(SWT.HORIZONTAL));
        actions.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        var allowed = DossierLifecycle.standard().allowedActions(d.status(), desk.role());
        if (allowed.isEmpty()) {
            label(actions, messages.get("detail.noActions", desk.role().displayName(messages.locale())));
        }
        for (DossierAction action : allowed) {
            Button b = UiIds.name(new Button(actions, SWT.PUSH), "action." + action.name());
            b.setText(action.displayName(messages.locale()));
            b.addListener(SWT.Selection, e -> new ActionRunner(desk, d, action, this).start(b.getShell()));
        }
        Composite printing = UiIds.name(new Composite(root, SWT.NONE), "detail.printing");
        printing.setLayout(new RowLayout(SWT.HORIZONTAL));
        Button receipt = UiIds.name(new Button(printing, SWT.PUSH), "detail.print.receipt");
        receipt.setText(messages.get("detail.print.receipt"));
        receipt.addListener(SWT.Selection, e -> printReceipt());
        Button slip = UiIds.name(new Button(printing, SWT.PUSH), "detail.print.controlSlip");
        slip.setText(messages.get("detail.print.controlSlip"));
        slip.addListener(SWT.Selection, e -> printControlSlip());
        feedback = UiIds.name(new Label(root, SWT.WRAP), "detail.feedback");
        feedback.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }

    /** Form 01 again (the citizen lost it, or the printer jammed). */
    Job printReceipt() {
        return print(messages.get("detail.print.receipt"), () -> forms.receipt(dossierId));
    }

    /** Form 06 with every handover stored so far. */
    Job printControlSlip() {
        return print(messages.get("detail.print.controlSlip"), () -> forms.controlSlip(dossierId));
    }

    /** Lays the form out in a job, then hands it to the output on the UI thread. */
    private Job print(String what, Callable<PrintedForm> layout) {
        Display display = root.getDisplay();
        Job job = Job.create(what, (IProgressMonitor monitor) -> {
            PrintedForm form = null;
            String problem = null;
            try {
                form = layout.call();
            } catch (Exception e) {
                problem = messages.get("detail.print.failed", what, String.valueOf(e.getMessage()));
            }
            PrintedForm laidOut = form;
            String failed = problem;
            display.asyncExec(() -> {
                if (!root.isDisposed()) {
                    if (laidOut == null) {
                        show(failed, true);
                    } else {
                        present(laidOut, "");
                    }
                }
            });
            return Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }

    /** Shows {@code form} through the desk's output; the feedback says {@code done} (if any) and what became of it. */
    void present(PrintedForm form, String done) {
        String told = output.show(form, root.getShell());
        show(done.isEmpty() ? told : done + "\n" + told, false);
    }

    void show(String text, boolean error) {
        if (feedback.isDisposed()) {
            return;
        }
        feedback.setText(text == null ? "" : text);
        feedback.setForeground(root.getDisplay().getSystemColor(error ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_GREEN));
        root.layout(true, true);
    }

    private Group group(String key) {
        Group g = new Group(root, SWT.NONE);
        g.setText(messages.get(key));
        g.setLayout(new GridLayout(1, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        return g;
    }

    private static void label(Composite parent, String text) {
        Label l = new Label(parent, SWT.WRAP);
        l.setText(text);
    }

    private Table table(Composite parent, String id, String[] keys, int[] widths) {
        Table t = UiIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION), id);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.heightHint = t.getItemHeight() * 5;
        t.setLayoutData(gd);
        for (int i = 0; i < keys.length; i++) {
            TableColumn c = new TableColumn(t, SWT.LEFT);
            c.setText(messages.get(keys[i]));
            c.setWidth(widths[i]);
        }
        return t;
    }
}
