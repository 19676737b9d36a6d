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
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * The offline login: username and password; the dialog stays open until they open the desk or it is cancelled. A
 * link leads to the recovery login for an admin who forgot the password ({@link RecoveryLoginDialog}).
 */
public final class LoginDialog extends TitleAreaDialog {

    /** Printed on stdout once the dialog is up and painted; `./motcua bench ui` times the cold start to it. */
    public static final String READY_MARKER = "MOTCUA-LOGIN-READY";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages messages = Messages.current();
    private final DeskFiles files;
    private final Supplier<DeadlineCalculator> deadlines;
    private final Clock clock;
    private Text username;
    private Text password;
    private Desk desk;

    /** @param deadlines asked for when the officer logs in, so it may still be loading while the dialog paints */
    public LoginDialog(Shell parent, DeskFiles files, Supplier<DeadlineCalculator> deadlines, Clock clock) {
        super(parent);
        this.files = files;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void create() {
        super.create();
        Shell shell = getShell();
        // Runs in the dialog's event loop, so after the shell is open; update() finishes its first paint.
        shell.getDisplay().asyncExec(() -> {
            if (!shell.isDisposed() && shell.isVisible()) {
                shell.update();
                System.out.println(READY_MARKER);   // stdout on purpose: for the launching process
                System.out.flush();
            }
        });
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.get("login.window"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(messages.get("login.title"));
        setMessage(messages.get("login.message"));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(form, SWT.NONE).setText(messages.get("login.username"));
        username = UiIds.name(new Text(form, SWT.BORDER | SWT.SINGLE), "login.username");
        username.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(form, SWT.NONE).setText(messages.get("login.password"));
        password = UiIds.name(new Text(form, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD), "login.password");
        password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Link forgot = UiIds.name(new Link(form, SWT.NONE), "login.recover");
        forgot.setText("<a>" + messages.get("login.recover") + "</a>");
        forgot.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, 2, 1));
        forgot.addListener(SWT.Selection, e -> recover());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.get("login.ok"), true);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.get("dialog.cancel"), false);
    }

    @Override
    protected void okPressed() {
        char[] typed = password.getText().toCharArray();
        DeskLogin.Outcome[] outcome = new DeskLogin.Outcome[1];
        BusyIndicator.showWhile(getShell().getDisplay(),
                () -> outcome[0] = DeskLogin.login(files, username.getText(), typed, deadlines.get(), clock));
        Arrays.fill(typed, '\0');
        switch (outcome[0]) {
            case DeskLogin.Opened o -> {
                desk = o.desk();
                super.okPressed();
            }
            case DeskLogin.Refused r -> {
                setErrorMessage(r.attemptsLeft().map(n -> messages.get("login.refused.left", n))
                        .orElse(messages.get("login.refused")));
                password.setText("");
                password.setFocus();
            }
            case DeskLogin.Locked l -> setErrorMessage(messages.get("login.locked", l.until().format(TIME)));
            case DeskLogin.Failed f -> setErrorMessage(messages.get("login.failed", f.reason()));
        }
    }

    /** The recovery login; when it opens the desk, the new recovery code is shown once and this dialog closes. */
    private void recover() {
        RecoveryLoginDialog dialog = new RecoveryLoginDialog(getShell(), files, deadlines, clock);
        if (dialog.open() != OK || dialog.recovered() == null) {
            return;
        }
        char[] code = dialog.recovered().newRecoveryCode();
        new RecoveryCodeDialog(getShell(), code).open();
        Arrays.fill(code, '\0');
        desk = dialog.recovered().desk();
        setReturnCode(OK);
        close();
    }

    /** The opened desk after OK; null when cancelled. */
    public Desk desk() {
        return desk;
    }
}
