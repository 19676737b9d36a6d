package org.motcua.ui.parts;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.motcua.core.calendar.ProcessingTime;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.validation.ValidationException;
import org.motcua.ui.Messages;
import org.motcua.ui.desk.Desk;

/**
 * Takes one action on a dossier: asks who receives it and the note (the reason, where the citizen must be
 * given one) in an {@link ActionDialog}, then runs {@code DossierWorkflow} in a {@link Job} and shows the
 * dossier again on the UI thread.
 */
final class ActionRunner {

    /** Actions whose note is the reason printed for the citizen: the store refuses them without one. */
    static final Set<DossierAction> NEED_REASON = EnumSet.of(DossierAction.REFUSE, DossierAction.REQUEST_SUPPLEMENT,
            DossierAction.STOP, DossierAction.WITHDRAW, DossierAction.EXTEND_DEADLINE);

    /** What the officer answered. {@code extraDays} only for an extension. */
    record Answer(String to, String note, int extraDays) {
    }

    private final Messages messages = Messages.current();
    private final Desk desk;
    private final Dossier dossier;
    private final DossierAction action;
    private final DossierDetailView view;
    private Job job;

    ActionRunner(Desk desk, Dossier dossier, DossierAction action, DossierDetailView view) {
        this.desk = desk;
        this.dossier = dossier;
        this.action = action;
        this.view = view;
    }

    void start(Shell shell) {
        String to = action == DossierAction.RETURN_RESULT ? dossier.applicant().fullName() : "";
        ActionDialog dialog = new ActionDialog(shell, action, to, NEED_REASON.contains(action));
        if (dialog.open() == Window.OK) {
            run(dialog.answer());
        }
    }

    /** Runs the action in a job; the view shows the outcome. */
    Job run(Answer answer) {
        LocalDateTime now = desk.now();
        Display display = view.control().getDisplay();
        job = Job.create(action.displayName(messages.locale()), (IProgressMonitor monitor) -> {
            String error = null;
            try {
                if (action == DossierAction.EXTEND_DEADLINE) {
                    desk.workflow().extend(dossier.id(), ProcessingTime.workingDays(answer.extraDays()), desk.role(),
                            desk.username(), answer.note(), now);
                } else {
                    desk.workflow().take(dossier.id(), action, desk.role(), desk.username(), answer.to(), answer.note(), now);
                }
            } catch (ValidationException e) {
                error = e.messages(messages.locale());
            } catch (RuntimeException e) {
                error = messages.get("detail.failed", String.valueOf(e.getMessage()));
            }
            String outcome = error;
            display.asyncExec(() -> {
                if (view.control().isDisposed()) {
                    return;
                }
                if (outcome == null) {
                    view.reload(messages.get("detail.done", action.displayName(messages.locale())), false);
                    desk.dossiersChanged();
                } else {
                    view.show(outcome, true);
                }
            });
            return Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }
}
