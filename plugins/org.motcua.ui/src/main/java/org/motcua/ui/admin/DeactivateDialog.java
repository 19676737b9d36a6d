package org.motcua.ui.admin;

import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.motcua.ui.desk.AccountAdmin;

/** Asks before an officer is deactivated: their key slot is removed, and coming back needs a new password. */
final class DeactivateDialog extends AccountDialog {

    private final AccountAdmin admin;
    private final String username;

    DeactivateDialog(Shell parent, AccountAdmin admin, String username, Runnable onDone) {
        super(parent, "accounts.deactivate.title", "accounts.deactivate.ok", onDone, username);
        this.admin = admin;
        this.username = username;
    }

    @Override
    protected void createFields(Composite form) {
        Label explained = new Label(form, SWT.WRAP);
        explained.setText(messages.get("accounts.deactivate.message", username));
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        gd.widthHint = 420;
        explained.setLayoutData(gd);
    }

    @Override
    protected List<String> perform() {
        admin.deactivate(username);
        return List.of();
    }
}
