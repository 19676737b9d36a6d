package org.motcua.ui.sync;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.motcua.core.lifecycle.Role;
import org.motcua.sync.RestoreResult;
import org.motcua.sync.SyncFailure;
import org.motcua.sync.SyncService;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * "Khôi phục hồ sơ từ tỉnh…" (administrator only), for a PC that replaces one that died: asks which dossiers (those
 * not yet ended, or all), then the sync engine pulls them on its own thread and the sentence about what came back is
 * told on the UI thread. A cut restore goes on from where it stopped when pressed again. A non-administrator is refused
 * here in words, and the engine checks the role again.
 */
public final class ProvinceRestoreAction {

    private final Messages messages;
    private final SyncService sync;
    private final SyncWords words;

    public ProvinceRestoreAction(Messages messages, SyncService sync, SyncWords words) {
        this.messages = messages;
        this.sync = sync;
        this.words = words;
    }

    public void restore(Shell shell, String actor, Role role, UsbTransfer.Told told) {
        if (role != Role.ADMIN) {
            told.accept(messages.get("fromProvince.adminOnly"), true);
            return;
        }
        int answer = new Question(shell, messages).open();
        if (answer == 0 || answer == 1) {
            restoreConfirmed(shell.getDisplay(), answer == 1, actor, role, told);
        }
    }

    void restoreConfirmed(Display display, boolean all, String actor, Role role, UsbTransfer.Told told) {
        told.accept(messages.get("fromProvince.working"), false);
        sync.restoreFromProvince(all, actor, role).whenComplete((result, failure) -> display.asyncExec(() -> {
            if (failure != null) {
                told.accept(failure(failure), true);
            } else {
                told.accept(done(result), false);
            }
        }));
    }

    String done(RestoreResult r) {
        StringBuilder s = new StringBuilder(messages.get("fromProvince.done", r.dossiersRestored(), r.dossiersKnown(),
                r.scansDownloaded()));
        if (r.notRebuilt() > 0) {
            s.append('\n').append(messages.get("fromProvince.done.notRebuilt", r.notRebuilt()));
        }
        if (r.scansMissing() > 0) {
            s.append('\n').append(messages.get("fromProvince.done.scansMissing", r.scansMissing()));
        }
        return s.toString();
    }

    /** A cut link has its own sentence: what came is kept and pressing again goes on from there. */
    private String failure(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && !(cause instanceof SyncFailure)) {
            cause = cause.getCause();
        }
        if (cause instanceof SyncFailure f && f.reason() == SyncFailure.Reason.OFFLINE) {
            return messages.get("fromProvince.failure.OFFLINE");
        }
        return words.failure(t);
    }

    /** Which dossiers, in the officer's language; "Hủy" is the default. */
    static final class Question extends MessageDialog {

        Question(Shell parent, Messages messages) {
            super(parent, messages.get("fromProvince.title"), null, messages.get("fromProvince.question"), MessageDialog.QUESTION, 2,
                    messages.get("fromProvince.open"), messages.get("fromProvince.all"), messages.get("dialog.cancel"));
        }

        @Override
        protected void createButtonsForButtonBar(Composite parent) {
            super.createButtonsForButtonBar(parent);
            UiIds.name(getButton(0), "fromProvince.open");
            UiIds.name(getButton(1), "fromProvince.all");
            UiIds.name(getButton(2), "fromProvince.cancel");
        }
    }
}
