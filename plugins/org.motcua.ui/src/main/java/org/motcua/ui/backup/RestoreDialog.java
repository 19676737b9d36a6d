package org.motcua.ui.backup;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.motcua.store.BackupSet;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.DeskRestore;

/**
 * The admin confirms a restore with the recovery code and a tick. The work is {@link DeskRestore}'s; a refusal keeps the
 * dialog open with the reason, and once the desk is closed the dialog closes with the result to show.
 */
final class RestoreDialog extends TitleAreaDialog {

    private final Messages messages = Messages.current();
    private final Desk desk;
    private final DeskFiles files;
    private final BackupSet set;
    private Text code;
    private Button confirm;
    private DeskRestore.Done done;

    RestoreDialog(Shell parent, Desk desk, DeskFiles files, BackupSet set) {
        super(parent);
        this.desk = desk;
        this.files = files;
        this.set = set;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.get("restore.title"));
        UiIds.name(shell, "restore.dialog");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(messages.get("restore.title"));
        setMessage(messages.get("restore.message", set.takenAt().format(BackupWords.SHOWN)));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(form, SWT.NONE).setText(messages.get("restore.code"));
        code = UiIds.name(new Text(form, SWT.BORDER | SWT.SINGLE), "restore.code");
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 340;
        code.setLayoutData(gd);
        confirm = UiIds.name(new Button(form, SWT.CHECK), "restore.confirm");
        confirm.setText(messages.get("restore.confirm"));
        confirm.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        UiIds.name(createButton(parent, IDialogConstants.OK_ID, messages.get("settings.backup.restore"), false), "restore.ok");
        createButton(parent, IDialogConstants.CANCEL_ID, messages.get("dialog.cancel"), true);
    }

    @Override
    protected void okPressed() {
        if (!confirm.getSelection()) {
            setErrorMessage(messages.get("restore.unconfirmed"));
            return;
        }
        DeskRestore.Result[] result = new DeskRestore.Result[1];
        String typed = code.getText();
        BusyIndicator.showWhile(getShell().getDisplay(), () -> result[0] = DeskRestore.restore(desk, files, set, typed, messages));
        switch (result[0]) {
            case DeskRestore.Refused r -> setErrorMessage(r.message());
            case DeskRestore.Done d -> {
                done = d;
                super.okPressed();
            }
        }
    }

    /** After the dialog: the finished restore (the desk is closed), or null when cancelled or refused. */
    DeskRestore.Done done() {
        return done;
    }
}
