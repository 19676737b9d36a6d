package org.motcua.ui.admin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.print.PrinterService;
import org.motcua.store.DeskSettings;
import org.motcua.store.DeskSettings.Key;
import org.motcua.store.DeviceIdentity;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.AccountAdmin;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.backup.BackupSection;
import org.motcua.ui.print.DeskForms;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.workbench.IWorkbench;

/**
 * The desk's settings: the unit and device (read-only: they are in every dossier code), the letterhead printed on
 * the forms, the form edition, whether Saturday morning is a working session, the printer, and (read-only) the
 * catalogue and calendar versions in use ({@link ReferenceDataSection}). Everyone chooses the
 * printer and their own password; only an admin changes the rest (and sees the users section), which the store
 * enforces as well. Saving lays the forms out again and makes the desk compute due dates with the new sessions.
 */
public class SettingsPart {

    private static final List<String> EDITIONS = List.of("2025", "2018");

    private final Messages messages = Messages.current();
    private final Desk desk;
    private final DeskForms forms;
    private final DeskFiles files;
    private final PrinterService printers;
    private final Map<Key, Text> letterhead = new EnumMap<>(Key.class);
    private Combo edition;
    private Button saturday;
    private Combo printer;
    private Label status;
    private Job printerJob;
    /** Absent when the part is made by a test without a workbench. */
    @Inject
    @Optional
    IWorkbench workbench;

    /** {@code printers} is the print bundle's Declarative Services component, found by e4 in the OSGi registry. */
    @Inject
    public SettingsPart(Desk desk, DeskForms forms, DeskFiles files, PrinterService printers) {
        this.desk = desk;
        this.forms = forms;
        this.files = files;
        this.printers = printers;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        boolean admin = desk.role() == Role.ADMIN;
        parent.setLayout(new GridLayout(1, false));
        ScrolledComposite scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite body = new Composite(scroll, SWT.NONE);
        body.setLayout(new GridLayout(1, false));
        Map<Key, String> values = new DeskSettings(desk.store()).all();

        Group unit = group(body, "settings.unit");
        DeviceIdentity device = desk.store().device();
        readOnly(unit, "settings.unitCode", "settings.unitCode", device.unitCode());
        readOnly(unit, "settings.unitName", "settings.unitName", device.unitName());
        readOnly(unit, "settings.deviceNumber", "settings.deviceNumber", String.valueOf(device.deviceNumber()));
        readOnly(unit, "settings.deviceId", "settings.deviceId", device.deviceId().toString());

        Group head = group(body, "settings.letterhead");
        for (Key key : List.of(Key.UNIT_PARENT_BODY, Key.UNIT_PLACE, Key.DESK_NAME, Key.UNIT_HEAD_NAME, Key.DESK_PHONE)) {
            Text t = field(head, "settings." + key.name(), "settings." + key.name(), values.get(key));
            t.setEditable(admin);
            letterhead.put(key, t);
        }

        Group work = group(body, "settings.forms");
        new Label(work, SWT.NONE).setText(messages.get("settings.edition"));
        edition = UiIds.name(new Combo(work, SWT.READ_ONLY), "settings.edition");
        EDITIONS.forEach(edition::add);
        edition.select(Math.max(0, EDITIONS.indexOf(values.get(Key.FORM_EDITION))));
        edition.setEnabled(admin);
        saturday = UiIds.name(new Button(work, SWT.CHECK), "settings.saturday");
        saturday.setText(messages.get("settings.saturday"));
        saturday.setSelection(Boolean.parseBoolean(values.get(Key.SATURDAY_MORNING)));
        saturday.setEnabled(admin);
        saturday.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        Label when = new Label(work, SWT.WRAP);
        when.setText(messages.get("settings.saturday.when"));
        when.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));

        Group print = group(body, "settings.printer.group");
        new Label(print, SWT.NONE).setText(messages.get("settings.printer"));
        printer = UiIds.name(new Combo(print, SWT.READ_ONLY), "settings.printer");
        printer.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        fillPrinters(List.of(), values.get(Key.PRINTER));
        loadPrinters(values.get(Key.PRINTER));

        new ReferenceDataSection(desk).create(body);
        new BackupSection(desk, files, this::endProgram).create(body);

        Composite actions = new Composite(body, SWT.NONE);
        actions.setLayout(new GridLayout(3, false));
        actions.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Button save = UiIds.name(new Button(actions, SWT.PUSH), "settings.save");
        save.setText(messages.get("settings.save"));
        save.addListener(SWT.Selection, e -> save());
        Button own = UiIds.name(new Button(actions, SWT.PUSH), "settings.ownPassword");
        own.setText(messages.get("accounts.own"));
        own.addListener(SWT.Selection, e -> new OwnPasswordDialog(own.getShell(), new AccountAdmin(files, desk),
                () -> showStatus(messages.get("accounts.own.done"))).open());
        status = UiIds.name(new Label(actions, SWT.WRAP), "settings.status");
        status.setText(admin ? "" : messages.get("settings.printerOnly"));
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        if (admin) {
            new AccountsSection(files, desk).create(body);
        }
        scroll.setContent(body);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.setMinSize(body.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    /** Printer names can take a moment (the OS print system), so they come from a job. */
    private void loadPrinters(String chosen) {
        printerJob = Job.create(messages.get("settings.printer.loading"), (IProgressMonitor monitor) -> {
            List<String> names = printers.printerNames();
            printer.getDisplay().asyncExec(() -> {
                if (!printer.isDisposed()) {
                    fillPrinters(names, chosen);
                }
            });
            return Status.OK_STATUS;
        });
        printerJob.setSystem(true);
        printerJob.schedule();
    }

    /** First the OS default (stored as empty), then the installed printers, and the chosen one even if gone now. */
    private void fillPrinters(List<String> names, String chosen) {
        String current = printer.getSelectionIndex() > 0 ? printer.getText() : chosen;
        printer.removeAll();
        printer.add(messages.get("settings.printer.default"));
        names.forEach(printer::add);
        if (!current.isBlank() && !names.contains(current)) {
            printer.add(current);
        }
        printer.select(current.isBlank() ? 0 : printer.indexOf(current));
    }

    private void save() {
        Map<Key, String> changes = new EnumMap<>(Key.class);
        changes.put(Key.PRINTER, printer.getSelectionIndex() <= 0 ? "" : printer.getText());
        if (desk.role() == Role.ADMIN) {
            letterhead.forEach((key, text) -> changes.put(key, text.getText()));
            changes.put(Key.FORM_EDITION, edition.getText());
            changes.put(Key.SATURDAY_MORNING, String.valueOf(saturday.getSelection()));
        }
        try {
            new DeskSettings(desk.store()).put(changes, desk.username(), desk.role(), desk.now());
        } catch (ValidationException e) {
            showStatus(e.messages(messages.locale()).replace('\n', ' '));
            return;
        }
        forms.settingsChanged();
        desk.workingSessionsChanged();
        showStatus(messages.get("settings.saved"));
    }

    private void showStatus(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            status.getParent().layout();
        }
    }

    private Group group(Composite parent, String key) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(messages.get(key));
        g.setLayout(new GridLayout(2, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return g;
    }

    private Text field(Composite parent, String labelKey, String id, String value) {
        new Label(parent, SWT.NONE).setText(messages.get(labelKey));
        Text t = UiIds.name(new Text(parent, SWT.BORDER | SWT.SINGLE), id);
        t.setText(value);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 360;
        t.setLayoutData(gd);
        return t;
    }

    private void readOnly(Composite parent, String labelKey, String id, String value) {
        field(parent, labelKey, id, value).setEditable(false);
    }

    /** After a restore the desk is closed: the program ends, and the officer logs in again to the restored data. */
    private void endProgram() {
        if (workbench != null) {
            workbench.close();
        }
    }

    /** The printer list's job, for tests that wait for it. */
    Job printerJob() {
        return printerJob;
    }

    @PreDestroy
    public void dispose() {
        if (printerJob != null) {
            printerJob.cancel();
        }
    }
}
