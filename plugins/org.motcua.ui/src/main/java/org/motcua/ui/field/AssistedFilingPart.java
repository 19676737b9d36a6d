package org.motcua.ui.field;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.Optional;
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
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierLifecycle;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.ui.Feedback;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;

/**
 * Assisted filing for the community digital team: a volunteer files a dossier for an elderly citizen in a
 * village, offline, one step per page in large type (procedure, applicant, documents, place, review). Each
 * step is checked by the core's intake rules before the next one opens; the dossier is stored as NEW
 * (collected in the field) and the centre's receiving officer receives it later, when its deadline starts. The
 * pages themselves are {@link FilingSteps}; this part moves between them and saves.
 */
public class AssistedFilingPart {

    public static final String ID = "org.motcua.ui.part.assisted";
    static final int STEPS = FilingSteps.COUNT;

    private final Messages messages = Messages.current();
    private final Desk desk;
    private LargeType type;
    private StackLayout stack;
    private FilingSteps steps;
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
        Composite pages = new Composite(parent, SWT.NONE);
        stack = new StackLayout();
        pages.setLayout(stack);
        pages.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        steps = new FilingSteps(pages, stack, messages, desk, () -> show("", false));
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
        Optional<String> problem = steps.problem(step);
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
        steps.show(s);
        title.setText(messages.get("assisted.title", s + 1, STEPS, steps.name(s)));
        back.setEnabled(s > 0);
        next.setText(messages.get(s == STEPS - 1 ? "assisted.save" : "assisted.next"));
        setNavigationVisible(true);
        show("", false);
        title.getParent().layout(true, true);
        focusStep();
    }

    private void focusStep() {
        if (!steps.focus(step)) {
            next.setFocus();
        }
        if (stack.topControl != confirmation.control()) {
            next.getShell().setDefaultButton(next);   // Enter goes on, from any field of the step
        }
    }

    private void save() {
        LocalDateTime now = desk.now();
        IntakeRequest request = steps.request(now);
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
        steps.clearForNextCitizen();
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
