package org.motcua.ui.field;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.IntakeValidator;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierLifecycle;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.ui.Feedback;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.parts.ChecklistTable;
import org.motcua.ui.parts.ProcedurePicker;

/**
 * Assisted filing for the community digital team: a volunteer files a dossier for an elderly citizen in a
 * village, offline, one step per page in large type (procedure, applicant, documents, place, review). Each
 * step is checked by the core's intake rules before the next one opens; the dossier is stored as NEW
 * (collected in the field) and the centre's receiving officer receives it later, when its deadline starts.
 */
public class AssistedFilingPart {

    public static final String ID = "org.motcua.ui.part.assisted";
    static final int STEPS = 5;
    private static final String[] STEP_KEYS = {"assisted.step.procedure", "assisted.step.applicant",
        "assisted.step.documents", "assisted.step.place", "assisted.step.review"};

    private final Messages messages = Messages.current();
    private final Desk desk;
    private LargeType type;
    private StackLayout stack;
    private Composite pages;
    private final Composite[] stepPages = new Composite[STEPS];
    private ProcedurePicker picker;
    private ApplicantPage applicant;
    private ChecklistTable checklist;
    private Procedure checklistShows;
    private PlacePage place;
    private ReviewPage review;
    private ConfirmationPage confirmation;
    private Label title;
    private Label feedback;
    private Composite navigation;
    private Button back;
    private Button next;
    private int step;
    private Job saving;

    @Inject
    public AssistedFilingPart(Desk desk) {
        this.desk = desk;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        type = new LargeType(parent);
        parent.setLayout(new GridLayout(1, false));
        title = UiIds.name(new Label(parent, SWT.NONE), "assisted.title");
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        pages = new Composite(parent, SWT.NONE);
        stack = new StackLayout();
        pages.setLayout(stack);
        pages.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (int i = 0; i < STEPS; i++) {
            stepPages[i] = new Composite(pages, SWT.NONE);
            stepPages[i].setLayout(new GridLayout(2, false));
        }
        picker = new ProcedurePicker(stepPages[0], messages, desk.catalogue(), p -> show("", false));
        applicant = new ApplicantPage(stepPages[1], messages);
        Label docs = new Label(stepPages[2], SWT.WRAP);
        docs.setText(messages.get("assisted.documents.hint"));
        docs.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        checklist = new ChecklistTable(stepPages[2], messages);
        place = new PlacePage(stepPages[3], messages, desk.officer().fullName());
        review = new ReviewPage(stepPages[4], messages);
        confirmation = new ConfirmationPage(pages, messages, this::nextCitizen);

        feedback = UiIds.name(new Label(parent, SWT.WRAP), "assisted.feedback");
        feedback.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        navigation = new Composite(parent, SWT.NONE);
        navigation.setLayout(new GridLayout(2, true));
        navigation.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        back = bigButton("assisted.back", SWT.LEFT);
        back.addListener(SWT.Selection, e -> back());
        next = bigButton("assisted.next", SWT.RIGHT);
        next.addListener(SWT.Selection, e -> next());
        type.apply(parent);
        showStep(0);
        if (!DossierLifecycle.standard().openingActions(desk.role()).contains(DossierAction.COLLECT_IN_FIELD)) {
            next.setEnabled(false);
            show(messages.get("assisted.roleCannot", desk.role().displayName(messages.locale())), true);
        }
    }

    private Button bigButton(String key, int side) {
        Button b = UiIds.name(new Button(navigation, SWT.PUSH), key);
        b.setText(messages.get(key));
        GridData gd = new GridData(side, SWT.CENTER, true, false);
        gd.widthHint = 260;
        gd.heightHint = 64;
        b.setLayoutData(gd);
        return b;
    }

    @Focus
    public void focus() {
        focusStep();
    }

    /** Checks the current step; moves on when it is complete, saves after the review. */
    void next() {
        if (saving != null || !next.isEnabled()) {
            return;
        }
        Optional<String> problem = problem(step);
        if (problem.isPresent()) {
            show(problem.get(), true);
            return;
        }
        if (step == STEPS - 1) {
            save();
        } else {
            showStep(step + 1);
        }
    }

    void back() {
        if (saving == null && step > 0) {
            showStep(step - 1);
        }
    }

    private void showStep(int s) {
        step = s;
        if (s == 2 && checklistShows != picker.selected()) {   // a new procedure: its own document list
            checklistShows = picker.selected();
            checklist.show(checklistShows);
        }
        if (s == STEPS - 1) {
            review.show(request(desk.now()));
        }
        stack.topControl = stepPages[s];
        title.setText(messages.get("assisted.title", s + 1, STEPS, messages.get(STEP_KEYS[s])));
        back.setEnabled(s > 0);
        next.setText(messages.get(s == STEPS - 1 ? "assisted.save" : "assisted.next"));
        setNavigationVisible(true);
        show("", false);
        title.getParent().layout(true, true);
        focusStep();
    }

    private void focusStep() {
        switch (step) {
            case 0 -> picker.searchBox().setFocus();
            case 1 -> applicant.focus();
            case 2 -> checklist.table().setFocus();
            case 3 -> place.focus();
            default -> next.setFocus();
        }
        if (stack.topControl != confirmation.control()) {
            next.getShell().setDefaultButton(next);   // Enter goes on, from any field of the step
        }
    }

    /** What stops step {@code s} from being complete, in Vietnamese, naming the field. */
    private Optional<String> problem(int s) {
        if (picker.selected() == null) {
            return Optional.of(messages.get("intake.procedure.required"));
        }
        if (s == 3 && place.villageMissing()) {
            return Optional.of(messages.get("assisted.village.required"));
        }
        String[] fields = switch (s) {
            case 0 -> new String[0];
            case 1 -> new String[] {"applicant"};
            case 2 -> new String[] {"documents"};
            case 3 -> new String[] {"assistance"};
            default -> new String[] {""};
        };
        if (fields.length == 0) {
            return Optional.empty();
        }
        IntakeRequest request;
        try {
            request = request(desk.now());
        } catch (UnreadableField e) {
            return Optional.of(e.getMessage());
        } catch (ValidationException e) {   // a malformed citizen ID cannot even be read
            return Optional.of(e.messages(messages.locale()));
        }
        try {
            IntakeValidator.validate(request, desk.now());
            return Optional.empty();
        } catch (ValidationException e) {
            String found = e.violations().stream()
                    .filter(v -> Arrays.stream(fields).anyMatch(f -> v.field().startsWith(f)))
                    .map(v -> v.message(messages.locale())).distinct().collect(Collectors.joining("\n"));
            return found.isEmpty() ? Optional.empty() : Optional.of(found);
        }
    }

    /** The request as typed so far; later steps contribute what they hold (nothing ticked, the prefilled helper). */
    private IntakeRequest request(LocalDateTime now) {
        return new IntakeRequest(picker.selected(), applicant.applicant(), checklist.received(), 1, Channel.IN_PERSON,
                ResultDelivery.COUNTER, now, desk.username(), Optional.of(place.assistance()), "");
    }

    private void save() {
        LocalDateTime now = desk.now();
        IntakeRequest request = request(now);
        next.setEnabled(false);
        back.setEnabled(false);
        show(messages.get("intake.saving"), false);
        Display display = next.getDisplay();
        Role role = desk.role();
        saving = Job.create(messages.get("intake.saving"), (IProgressMonitor monitor) -> {
            Object outcome;
            try {
                outcome = desk.intake().receive(request, role, now);
            } catch (RuntimeException e) {
                outcome = e;
            }
            Object result = outcome;
            display.asyncExec(() -> saved(result));
            return Status.OK_STATUS;
        });
        saving.schedule();
    }

    private void saved(Object outcome) {
        saving = null;
        if (next.isDisposed()) {
            return;
        }
        next.setEnabled(true);
        back.setEnabled(true);
        if (outcome instanceof Dossier d) {
            title.setText(messages.get("assisted.saved"));
            stack.topControl = confirmation.control();
            setNavigationVisible(false);
            show("", false);
            confirmation.show(d);
            title.getParent().layout(true, true);
            desk.dossiersChanged();
        } else if (outcome instanceof ValidationException e) {
            show(e.messages(messages.locale()), true);
        } else {
            show(messages.get("intake.failed", String.valueOf(((Exception) outcome).getMessage())), true);
        }
    }

    /** The same volunteer, the same village, a new citizen: back to step 1 with the citizen's fields empty. */
    private void nextCitizen() {
        applicant.clear();
        checklist.untickAll();
        picker.clearSearch();
        showStep(0);
    }

    private void setNavigationVisible(boolean visible) {
        navigation.setVisible(visible);
        ((GridData) navigation.getLayoutData()).exclude = !visible;
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

    /** For tests: the running save, to wait on (null when none). */
    Job runningSave() {
        return saving;
    }

    /** For tests: the step shown, 0 to 4. */
    int step() {
        return step;
    }
}
