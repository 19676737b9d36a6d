package org.motcua.ui.sync;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.motcua.core.lifecycle.Role;
import org.motcua.sync.SyncService;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * "Đổi khóa thiết bị…" (administrator only): asks first, then the sync engine renews the device key on its own thread
 * (§6.2) and the sentence about what happened comes back to the caller on the UI thread. A non-administrator is refused
 * here with a clear sentence, and the engine checks the role again.
 */
public final class KeyRenewal {

    private final Messages messages;
    private final SyncService sync;
    private final SyncWords words;

    public KeyRenewal(Messages messages, SyncService sync, SyncWords words) {
        this.messages = messages;
        this.sync = sync;
        this.words = words;
    }

    /** Refuses a non-administrator, else asks for confirmation and renews; {@code told} hears the outcome. */
    public void renew(Shell shell, String actor, Role role, UsbTransfer.Told told) {
        if (role != Role.ADMIN) {
            told.accept(messages.get("rekey.adminOnly"), true);
            return;
        }
        if (new Confirmation(shell, messages).open() == 0) {
            renewConfirmed(shell.getDisplay(), actor, role, told);
        }
    }

    void renewConfirmed(Display display, String actor, Role role, UsbTransfer.Told told) {
        told.accept(messages.get("rekey.working"), false);
        sync.rekey(actor, role).whenComplete((renewed, failure) -> display.asyncExec(() -> {
            if (failure != null) {
                told.accept(words.rekeyFailure(failure), true);
            } else {
                told.accept(words.rekeyed(renewed), false);
            }
        }));
    }

    /** The question, with its answers in the officer's language; "Hủy" is the default, as nothing is undone later. */
    static final class Confirmation extends MessageDialog {

        Confirmation(Shell parent, Messages messages) {
            super(parent, messages.get("rekey.title"), null, messages.get("rekey.question"), MessageDialog.QUESTION, 1,
                    messages.get("rekey.ok"), messages.get("dialog.cancel"));
        }

        @Override
        protected void createButtonsForButtonBar(Composite parent) {
            super.createButtonsForButtonBar(parent);
            UiIds.name(getButton(0), "rekey.ok");
            UiIds.name(getButton(1), "rekey.cancel");
        }
    }
}
