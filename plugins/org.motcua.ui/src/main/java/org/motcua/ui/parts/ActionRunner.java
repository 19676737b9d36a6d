package org.motcua.ui.parts;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.motcua.core.calendar.ProcessingTime;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.IndexTimeliness;
import org.motcua.core.validation.ValidationException;
import org.motcua.print.PrintedForm;
import org.motcua.store.ScanFile;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;

/**
 * Takes one action on a dossier: asks who receives it and the note (the reason, where the citizen must be
 * given one) in an {@link ActionDialog}, then runs {@code DossierWorkflow} in a {@link Job}, lays out the letter
 * the citizen is given (forms 02–05) in the same job, and shows the dossier and that letter on the UI thread.
 */
final class ActionRunner {

    /** Actions whose note is the reason printed for the citizen: the store refuses them without one. */
    static final Set<DossierAction> NEED_REASON = EnumSet.of(DossierAction.REFUSE, DossierAction.REQUEST_SUPPLEMENT,
            DossierAction.STOP, DossierAction.WITHDRAW, DossierAction.EXTEND_DEADLINE);

    /** What the officer answered. {@code extraDays} only for an extension, {@code returned} only for a return. */
    record Answer(String to, String note, int extraDays, ResultReturn returned, String resultNumber,
            List<ScanFile> resultScans) {
        Answer(String to, String note, int extraDays) {
            this(to, note, extraDays, null);
        }

        Answer(String to, String note, int extraDays, ResultReturn returned) {
            this(to, note, extraDays, returned, "", List.of());
        }
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
        if (action == DossierAction.RETURN_RESULT) {
            ReturnResultDialog dialog = new ReturnResultDialog(shell, dossier);
            if (dialog.open() == Window.OK) {
                run(new Answer("", "", 0, dialog.answer()));
            }
            return;
        }
        if (action == DossierAction.REQUEST_SUPPLEMENT && !secondRequestConfirmed(shell)) {
            return;
        }
        ActionDialog dialog = new ActionDialog(shell, action, "", NEED_REASON.contains(action));
        if (dialog.open() == Window.OK) {
            run(dialog.answer());
        }
    }

    /**
     * Before a dossier's second supplement request the officer is told that the index will count it late whenever it
     * ends; "Hủy" is the default. True when this is the first request, or the officer goes on.
     */
    private boolean secondRequestConfirmed(Shell shell) {
        if (!IndexTimeliness.secondSupplementRequest(desk.store().handovers(dossier.id()))) {
            return true;
        }
        MessageDialog warning = new MessageDialog(shell, messages.get("supplement.second.title"), null,
                messages.get("supplement.second.message", dossier.code().format()), MessageDialog.WARNING, 1,
                messages.get("supplement.second.goOn"), messages.get("dialog.cancel")) {
            @Override
            protected void configureShell(Shell s) {
                super.configureShell(s);
                UiIds.name(s, "supplement.second");
            }
        };
        return warning.open() == 0;
    }

    /** Runs the action in a job; the view shows the outcome. */
    Job run(Answer answer) {
        LocalDateTime now = desk.now();
        Display display = view.control().getDisplay();
        job = Job.create(action.displayName(messages.locale()), (IProgressMonitor monitor) -> {
            String error = null;
            HandoverRecord step = null;
            try {
                step = switch (action) {
                    case EXTEND_DEADLINE -> desk.workflow().extend(dossier.id(),
                            ProcessingTime.workingDays(answer.extraDays()), desk.role(), desk.username(), answer.note(), now);
                    case RETURN_RESULT -> desk.workflow().returnResult(dossier.id(), answer.returned(), desk.role(),
                            desk.username(), now);
                    case MARK_DONE -> desk.workflow().markDone(dossier.id(), desk.role(), desk.username(), answer.to(),
                            answer.note(), now, answer.resultNumber(), answer.resultScans());
                    default -> desk.workflow().take(dossier.id(), action, desk.role(), desk.username(), answer.to(),
                            answer.note(), now);
                };
            } catch (ValidationException e) {
                error = e.messages(messages.locale());
            } catch (RuntimeException e) {
                error = messages.get("detail.failed", String.valueOf(e.getMessage()));
            }
            String outcome = error;
            String done = messages.get("detail.done", action.displayName(messages.locale()));
            Letter letter = step == null ? null : letter(step);
            display.asyncExec(() -> {
                if (view.control().isDisposed()) {
                    return;
                }
                if (outcome != null) {
                    view.show(outcome, true);
                    return;
                }
                view.reload(done, false);
                desk.dossiersChanged();
                if (letter.form().isPresent()) {
                    view.present(letter.form().get(), done);
                } else if (letter.problem() != null) {
                    view.show(done + "\n" + letter.problem(), true);
                }
            });
            return Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }

    /** The citizen's letter after {@code step}; a layout problem is told, the stored action stands. */
    private Letter letter(HandoverRecord step) {
        try {
            return new Letter(view.forms().afterAction(dossier, step), null);
        } catch (IOException | RuntimeException e) {
            return new Letter(Optional.empty(), messages.get("detail.letter.failed", String.valueOf(e.getMessage())));
        }
    }

    /** Forms 02–05 for the citizen, or none; {@code problem} when it should exist but could not be laid out. */
    private record Letter(Optional<PrintedForm> form, String problem) {
    }
}
