package org.motcua.ui.admin;

import java.util.Arrays;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.motcua.ui.desk.AccountAdmin;

/** Any officer changes their own password: the current one proves who they are and re-wraps their key slot. */
final class OwnPasswordDialog extends AccountDialog {

    private final AccountAdmin accounts;
    private Text current;
    private Text password;
    private Text again;

    OwnPasswordDialog(Shell parent, AccountAdmin accounts, Runnable onDone) {
        super(parent, "accounts.own.title", "accounts.own.ok", onDone);
        this.accounts = accounts;
    }

    @Override
    protected void createFields(Composite form) {
        setMessage(messages.get("accounts.own.message"));
        current = text(form, "accounts.own.current", "accounts.own.current", SWT.PASSWORD);
        password = text(form, "accounts.newPassword", "accounts.own.new", SWT.PASSWORD);
        again = text(form, "accounts.passwordAgain", "accounts.own.again", SWT.PASSWORD);
    }

    @Override
    protected List<String> perform() {
        char[] now = chars(current);
        char[] pw = chars(password);
        char[] pw2 = chars(again);
        try {
            List<String> problems = AccountAdmin.checkNewPassword(pw, pw2, messages);
            if (problems.isEmpty()) {
                accounts.changeOwnPassword(now, pw);
            }
            return problems;
        } finally {
            Arrays.fill(now, '\0');
            Arrays.fill(pw, '\0');
            Arrays.fill(pw2, '\0');
        }
    }
}
