package org.motcua.ui.desk;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.function.Supplier;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * "Forgot the password? Use the recovery code": the code from the safe, the admin's username and a new password
 * twice. The work is {@link DeskRecovery}'s; the dialog stays open with the reason until it succeeds or is cancelled.
 */
final class RecoveryLoginDialog extends TitleAreaDialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages messages = Messages.current();
    private final DeskFiles files;
    private final Supplier<DeadlineCalculator> deadlines;
    private final Clock clock;
    private Text code;
    private Text admin;
    private Text password;
    private Text again;
    private DeskRecovery.Recovered recovered;

    RecoveryLoginDialog(Shell parent, DeskFiles files, Supplier<DeadlineCalculator> deadlines, Clock clock) {
        super(parent);
        this.files = files;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.get("recoverLogin.window"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(messages.get("recoverLogin.title"));
        setMessage(messages.get("recoverLogin.message"));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        code = field(form, "recoverLogin.code", "recoverLogin.code", SWT.NONE);
        admin = field(form, "recoverLogin.admin", "recoverLogin.admin", SWT.NONE);
        password = field(form, "recoverLogin.password", "recoverLogin.password", SWT.PASSWORD);
        again = field(form, "recoverLogin.again", "recoverLogin.again", SWT.PASSWORD);
        return area;
    }

    private Text field(Composite form, String labelKey, String id, int style) {
        new Label(form, SWT.NONE).setText(messages.get(labelKey));
        Text t = UiIds.name(new Text(form, SWT.BORDER | SWT.SINGLE | style), id);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 340;
        t.setLayoutData(gd);
        return t;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.get("recoverLogin.ok"), true);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.get("dialog.cancel"), false);
    }

    @Override
    protected void okPressed() {
        char[] pw = password.getText().toCharArray();
        char[] pw2 = again.getText().toCharArray();
        DeskRecovery.Result[] result = new DeskRecovery.Result[1];
        BusyIndicator.showWhile(getShell().getDisplay(), () -> result[0] = DeskRecovery.recover(files, code.getText(),
                admin.getText(), pw, pw2, deadlines.get(), clock, messages));
        Arrays.fill(pw, '\0');
        Arrays.fill(pw2, '\0');
        switch (result[0]) {
            case DeskRecovery.Recovered r -> {
                recovered = r;
                super.okPressed();
            }
            case DeskRecovery.Invalid i -> setErrorMessage(String.join(" ", i.problems()));
            case DeskRecovery.NotOpened n -> {
                setErrorMessage(switch (n.outcome()) {
                    case DeskLogin.Refused r -> r.attemptsLeft().map(left -> messages.get("recoverLogin.refused.left", left))
                            .orElse(messages.get("recoverLogin.refused"));
                    case DeskLogin.Locked l -> messages.get("login.locked", l.until().format(TIME));
                    case DeskLogin.Failed f -> messages.get("login.failed", f.reason());
                    case DeskLogin.Opened o -> throw new IllegalStateException("not an outcome of a recovery");
                });
                code.setFocus();
            }
        }
    }

    /** After OK: the admin's desk and the new recovery code to show once; null when cancelled. */
    DeskRecovery.Recovered recovered() {
        return recovered;
    }
}
