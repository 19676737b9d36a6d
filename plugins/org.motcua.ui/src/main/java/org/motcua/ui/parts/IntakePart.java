package org.motcua.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.ApplicantKind;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.store.IntakeHints;
import org.motcua.store.ScanFile;
import org.motcua.print.PrintedForm;
import org.motcua.print.ReceiptData;
import org.motcua.store.sync.FeedStore;
import org.motcua.ui.Feedback;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.sync.ClockWarning;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.print.FormOutput;

/**
 * The counter's intake form: procedure, applicant, the document checklist, sets, channel and delivery, with
 * the due date shown live. Save (Ctrl+S, or Enter on the button) stores the dossier in a {@link Job} and lays out
 * its receipt (form 01, two copies) there; the code is shown and the receipt handed to the {@link FormOutput} (the
 * print preview: Enter prints) only once the store has made the dossier durable.
 */
public class IntakePart {

    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    /** How many of the unit's most received procedures of the last year head the procedure list. */
    private static final int MOST_USED_SHOWN = 10;

    private final Messages messages = Messages.current();
    private final Desk desk;
    private final DeskForms forms;
    private final FormOutput output;
    private ProcedurePicker picker;
    private ChecklistTable checklist;
    private Text name;
    private Text citizenId;
    private Label citizenIdFeedback;
    private ReturningApplicant returning;
    private Text birthDate;
    private Text phone;
    private Text province;
    private Text commune;
    private Text detail;
    private Spinner sets;
    private Combo channel;
    private Combo delivery;
    private Label due;
    private Button save;
    private Label feedback;
    private ScanAttachments scans;
    private Job saving;

    @Inject
    public IntakePart(Desk desk, DeskForms forms, FormOutput output) {
        this.desk = desk;
        this.forms = forms;
        this.output = output;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        desk.sync().ifPresent(sync -> new ClockWarning(parent, 2, sync, messages));
        new org.motcua.ui.backup.BackupWarning(parent, 2, desk, messages);
        picker = new ProcedurePicker(parent, messages, desk, this::procedureChosen);
        IntakeHints hints = new IntakeHints(desk.store());
        picker.preferFirst(hints.mostUsedProcedures(desk.now().toLocalDate().minusYears(1), MOST_USED_SHOWN));

        Group applicant = new Group(parent, SWT.NONE);
        applicant.setText(messages.get("intake.applicant"));
        applicant.setLayout(new GridLayout(4, false));
        applicant.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        name = field(applicant, "intake.name", "intake.name", 3);
        citizenId = field(applicant, "intake.citizenId", "intake.citizenId", 1);
        citizenId.setTextLimit(15);
        birthDate = field(applicant, "intake.birthDate", "intake.birthDate", 1);
        birthDate.setMessage("dd/mm/yyyy");
        citizenIdFeedback = UiIds.name(new Label(applicant, SWT.WRAP), "intake.citizenId.feedback");
        citizenIdFeedback.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
        CitizenIdFeedback.attach(citizenId, citizenIdFeedback, messages);
        returning = new ReturningApplicant(applicant, messages, hints, this::fillApplicant);
        citizenId.addModifyListener(e -> returning.offerFor(typedCitizenId()));
        phone = field(applicant, "intake.phone", "intake.phone", 1);
        province = field(applicant, "intake.province", "intake.province", 1);
        commune = field(applicant, "intake.commune", "intake.commune", 1);
        detail = field(applicant, "intake.detail", "intake.detail", 1);

        Label docs = new Label(parent, SWT.NONE);
        docs.setText(messages.get("intake.documents"));
        docs.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        checklist = new ChecklistTable(parent, messages);

        Composite bottom = new Composite(parent, SWT.NONE);
        bottom.setLayout(new GridLayout(6, false));
        bottom.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        new Label(bottom, SWT.NONE).setText(messages.get("intake.sets"));
        sets = UiIds.name(new Spinner(bottom, SWT.BORDER), "intake.sets");
        sets.setValues(1, 1, 20, 0, 1, 5);
        new Label(bottom, SWT.NONE).setText(messages.get("intake.channel"));
        channel = combo(bottom, "intake.channel", Channel.values().length);
        for (Channel c : Channel.values()) {
            channel.add(c.displayName(messages.locale()));
        }
        channel.select(0);
        new Label(bottom, SWT.NONE).setText(messages.get("intake.delivery"));
        delivery = combo(bottom, "intake.delivery", ResultDelivery.values().length);
        for (ResultDelivery d : ResultDelivery.values()) {
            delivery.add(d.displayName(messages.locale()));
        }
        delivery.select(0);
        // after the sets, channel and delivery: a trained officer tabs from the checklist straight to the sets
        scans = ScanAttachments.forIntake(parent, messages, desk);
        Composite actions = new Composite(parent, SWT.NONE);
        actions.setLayout(new GridLayout(2, false));
        actions.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        due = UiIds.name(new Label(actions, SWT.NONE), "intake.due");
        due.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        save = UiIds.name(new Button(actions, SWT.PUSH), "intake.save");
        save.setText(messages.get("intake.save"));
        save.addListener(SWT.Selection, e -> save());

        feedback = UiIds.name(new Label(parent, SWT.WRAP), "intake.feedback");
        feedback.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        showDue();
        if (desk.role() == Role.COMMUNITY_ASSISTANT) {   // the store refuses their save here: say where to go
            show(messages.get("intake.assistantUsesAssistedFiling"), true);
        } else if (desk.role() != Role.RECEIVING_OFFICER) {
            show(messages.get("intake.roleCannotReceive", desk.role().displayName(messages.locale())), true);
        }
    }

    private Text field(Composite parent, String labelKey, String id, int span) {
        new Label(parent, SWT.NONE).setText(messages.get(labelKey));
        Text t = UiIds.name(new Text(parent, SWT.BORDER | SWT.SINGLE), id);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return t;
    }

    private static Combo combo(Composite parent, String id, int items) {
        Combo c = UiIds.name(new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN), id);
        c.setVisibleItemCount(items);
        return c;
    }

    @Focus
    public void focus() {
        picker.searchBox().setFocus();
        save.getShell().setDefaultButton(save);
        showDue();
    }

    private void procedureChosen(Procedure p) {
        checklist.show(p);
        showDue();
    }

    /** The due date if the dossier were saved now (recomputed when the procedure changes and on focus). */
    private void showDue() {
        Procedure p = picker.selected();
        if (p == null) {
            due.setText(messages.get("intake.due.none"));
        } else {
            LocalDateTime at = desk.deadlines().dueAt(desk.now(), p.processingTime(), p.afternoonCutOff());
            due.setText(messages.get("intake.due", at.format(DUE), p.processingTime().displayName(messages.locale())));
        }
        due.getParent().layout(true);
    }

    /** The typed citizen ID when it is a valid one; what is wrong with it is said by {@link CitizenIdFeedback}. */
    private Optional<CitizenId> typedCitizenId() {
        try {
            return citizenId.getText().isBlank() ? Optional.empty() : Optional.of(CitizenId.parse(citizenId.getText(), null));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    /** The officer accepted a returning citizen's earlier details; the ID field keeps what was typed. */
    private void fillApplicant(Applicant earlier) {
        name.setText(earlier.fullName());
        birthDate.setText(earlier.birthDate().map(DAY::format).orElse(""));
        phone.setText(earlier.phone());
        province.setText(earlier.address().province());
        commune.setText(earlier.address().commune());
        detail.setText(earlier.address().detail());
        phone.setFocus();
    }

    /** Builds the request from the form; {@link ValidationException} when a field cannot even be read. */
    IntakeRequest request(LocalDateTime now) {
        Procedure p = picker.selected();
        if (p == null) {
            throw new UiValidation(messages.get("intake.procedure.required"));
        }
        Optional<LocalDate> birth = Optional.empty();
        if (!birthDate.getText().isBlank()) {
            try {
                birth = Optional.of(LocalDate.parse(birthDate.getText().strip(), DAY));
            } catch (DateTimeParseException e) {
                throw new UiValidation(messages.get("intake.birthDate.format", birthDate.getText().strip()));
            }
        }
        Optional<CitizenId> id = citizenId.getText().isBlank() ? Optional.empty()
                : Optional.of(CitizenId.parse(citizenId.getText(), null));
        Applicant applicant = new Applicant(ApplicantKind.CITIZEN, name.getText(), id, birth, phone.getText(), "",
                new Address(province.getText(), commune.getText(), detail.getText()), Optional.empty());
        return new IntakeRequest(p, applicant, checklist.received(), sets.getSelection(),
                Channel.values()[channel.getSelectionIndex()], ResultDelivery.values()[delivery.getSelectionIndex()], now,
                desk.username(), Optional.empty(), "");
    }

    /** Saves in a background job; does nothing while a save is running. */
    public void save() {
        if (saving != null || save.isDisposed()) {
            return;
        }
        LocalDateTime now = desk.now();
        IntakeRequest request;
        try {
            request = request(now);
        } catch (ValidationException e) {
            show(e.messages(messages.locale()), true);
            return;
        } catch (UiValidation e) {
            show(e.getMessage(), true);
            return;
        }
        save.setEnabled(false);
        show(messages.get("intake.saving"), false);
        Display display = save.getDisplay();
        Role role = desk.role();
        List<ScanFile> attached = scans.pending();
        saving = Job.create(messages.get("intake.saving"), (IProgressMonitor monitor) -> {
            Object outcome;
            try {
                outcome = desk.intake().receive(request, role, now, attached);
            } catch (RuntimeException e) {
                outcome = e;
            }
            Object result = outcome;
            LaidOutReceipt receipt = outcome instanceof Dossier d ? receipt(d, request) : null;
            display.asyncExec(() -> saved(result, receipt));
            return Status.OK_STATUS;
        });
        saving.schedule();
    }

    /** The receipt of the stored dossier, or why it could not be laid out (the dossier is stored either way). */
    private LaidOutReceipt receipt(Dossier d, IntakeRequest request) {
        try {
            return new LaidOutReceipt(forms.forms().receipt(new ReceiptData(d, request.procedure(),
                    desk.officer().fullName(), desk.store().lookupToken(d.id()).orElseThrow(),
                    new FeedStore(desk.store()).lookupPageUrl())), null);
        } catch (IOException | RuntimeException e) {
            return new LaidOutReceipt(null, messages.get("receipt.failed", d.code().format(), String.valueOf(e.getMessage())));
        }
    }

    private void saved(Object outcome, LaidOutReceipt receipt) {
        saving = null;
        if (save.isDisposed()) {
            return;
        }
        save.setEnabled(true);
        if (outcome instanceof Dossier d) {
            String stored = messages.get("intake.saved", d.code().format(), d.dueAt().format(DUE));
            show(stored, false);
            clearApplicant();
            scans.clear();
            desk.dossiersChanged();
            String told = receipt.form() != null ? output.show(receipt.form(), save.getShell()) : receipt.problem();
            if (!save.isDisposed()) {
                show(stored + "\n" + told, receipt.form() == null);
            }
        } else if (outcome instanceof ValidationException e) {
            show(e.messages(messages.locale()), true);
        } else {
            show(messages.get("intake.failed", String.valueOf(((Exception) outcome).getMessage())), true);
        }
    }

    private void clearApplicant() {
        for (Text t : new Text[] {name, citizenId, birthDate, phone, detail}) {
            t.setText("");
        }
        checklist.untickAll();
        sets.setSelection(1);
        picker.clearSearch();
        name.setFocus();
    }

    private void show(String text, boolean error) {
        Feedback.show(feedback, text, error);
    }

    @PreDestroy
    public void dispose() {
        if (saving != null) {
            saving.cancel();
        }
    }

    /** For tests: the scans attached at the counter. */
    ScanAttachments scans() {
        return scans;
    }

    /** For tests: the running save, to wait on (null when none). */
    Job runningSave() {
        return saving;
    }

    /** Form 01 of a dossier just stored, or (form null) the sentence saying why it could not be laid out. */
    private record LaidOutReceipt(PrintedForm form, String problem) {
    }

    /** A form field the core cannot check because it could not be read (a date typed wrongly). */
    private static final class UiValidation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UiValidation(String message) {
            super(message);
        }
    }
}
