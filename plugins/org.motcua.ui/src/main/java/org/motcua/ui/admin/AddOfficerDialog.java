package org.motcua.ui.admin;

import java.util.Arrays;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.lifecycle.Role;
import org.motcua.ui.desk.AccountAdmin;

/** Adds an officer: name, role, password twice, and the admin's own password to wrap the database key for them. */
final class AddOfficerDialog extends AccountDialog {

    private final AccountAdmin admin;
    private Text username;
    private Text fullName;
    private Combo role;
    private Text password;
    private Text again;
    private Text adminPassword;

    AddOfficerDialog(Shell parent, AccountAdmin admin, Runnable onDone) {
        super(parent, "accounts.add.title", "accounts.add.ok", onDone);
        this.admin = admin;
    }

    @Override
    protected void createFields(Composite form) {
        setMessage(messages.get("accounts.add.message"));
        username = text(form, "accounts.username", "accounts.add.username", SWT.NONE);
        fullName = text(form, "accounts.fullName", "accounts.add.fullName", SWT.NONE);
        role = combo(form, "accounts.role", "accounts.add.role");
        for (Role r : Role.values()) {
            role.add(r.displayName(messages.locale()));
        }
        role.select(Role.RECEIVING_OFFICER.ordinal());
        password = text(form, "accounts.password", "accounts.add.password", SWT.PASSWORD);
        again = text(form, "accounts.passwordAgain", "accounts.add.again", SWT.PASSWORD);
        adminPassword = text(form, "accounts.adminPassword", "accounts.add.adminPassword", SWT.PASSWORD);
    }

    @Override
    protected List<String> perform() {
        char[] pw = chars(password);
        char[] pw2 = chars(again);
        char[] adminPw = chars(adminPassword);
        try {
            List<String> problems = AccountAdmin.checkNewPassword(pw, pw2, messages);
            if (problems.isEmpty()) {
                admin.add(adminPw, username.getText().strip(), fullName.getText(), Role.values()[role.getSelectionIndex()], pw);
            }
            return problems;
        } finally {
            Arrays.fill(pw, '\0');
            Arrays.fill(pw2, '\0');
            Arrays.fill(adminPw, '\0');
        }
    }
}
