package org.motcua.ui.admin;

import java.util.Arrays;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.motcua.ui.desk.AccountAdmin;

/**
 * A new password for an officer, twice, and the admin's own password (it unwraps the database key for the officer's
 * new key slot): for a password reset, and for a reactivation, since deactivation removed the officer's key slot.
 */
final class NewPasswordDialog extends AccountDialog {

    /** Which operation the new password is for. */
    enum Purpose {
        RESET, REACTIVATE
    }

    private final AccountAdmin admin;
    private final String username;
    private final Purpose purpose;
    private Text password;
    private Text again;
    private Text adminPassword;

    NewPasswordDialog(Shell parent, AccountAdmin admin, String username, Purpose purpose, Runnable onDone) {
        super(parent, purpose == Purpose.RESET ? "accounts.reset.title" : "accounts.reactivate.title",
                purpose == Purpose.RESET ? "accounts.reset.ok" : "accounts.reactivate.ok", onDone, username);
        this.admin = admin;
        this.username = username;
        this.purpose = purpose;
    }

    @Override
    protected void createFields(Composite form) {
        setMessage(messages.get("accounts.newPassword.message"));
        password = text(form, "accounts.newPassword", "accounts.password.new", SWT.PASSWORD);
        again = text(form, "accounts.passwordAgain", "accounts.password.again", SWT.PASSWORD);
        adminPassword = text(form, "accounts.adminPassword", "accounts.password.admin", SWT.PASSWORD);
    }

    @Override
    protected List<String> perform() {
        char[] pw = chars(password);
        char[] pw2 = chars(again);
        char[] adminPw = chars(adminPassword);
        try {
            List<String> problems = AccountAdmin.checkNewPassword(pw, pw2, messages);
            if (problems.isEmpty()) {
                if (purpose == Purpose.RESET) {
                    admin.resetPassword(adminPw, username, pw);
                } else {
                    admin.reactivate(adminPw, username, pw);
                }
            }
            return problems;
        } finally {
            Arrays.fill(pw, '\0');
            Arrays.fill(pw2, '\0');
            Arrays.fill(adminPw, '\0');
        }
    }
}
