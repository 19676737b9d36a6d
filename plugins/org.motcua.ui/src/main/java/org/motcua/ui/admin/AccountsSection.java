package org.motcua.ui.admin;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.AccountAdmin;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;

/**
 * Users and roles, for an admin only (the settings part never builds it for anyone else, and {@link AccountAdmin}
 * refuses anyway): the officers of this desk with role, state and lockout, and the buttons to add, deactivate,
 * reactivate, reset a password or unlock. Each operation opens a dialog that does the work and refreshes the table.
 */
final class AccountsSection {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages messages = Messages.current();
    private final AccountAdmin admin;
    private final Desk desk;
    private Table table;
    private Label status;
    private Button deactivate;
    private Button reactivate;
    private Button reset;
    private Button unlock;
    private List<AccountAdmin.Row> rows = List.of();

    AccountsSection(DeskFiles files, Desk desk) {
        this.admin = new AccountAdmin(files, desk);
        this.desk = desk;
    }

    void create(Composite parent) {
        if (desk.role() != Role.ADMIN) {
            throw new IllegalStateException("the users section is built for an admin only");
        }
        Group group = UiIds.name(new Group(parent, SWT.NONE), "accounts.section");
        group.setText(messages.get("accounts.title"));
        group.setLayout(new GridLayout(1, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table = UiIds.name(new Table(group, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION), "accounts.table");
        table.setHeaderVisible(true);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true);
        td.heightHint = 160;
        table.setLayoutData(td);
        for (String key : List.of("accounts.column.username", "accounts.column.fullName", "accounts.column.role",
                "accounts.active", "accounts.locked")) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(messages.get(key));
            column.setWidth(key.equals("accounts.column.fullName") ? 200 : 130);
        }
        table.addListener(SWT.Selection, e -> enableButtons());

        Composite buttons = new Composite(group, SWT.NONE);
        buttons.setLayout(new RowLayout(SWT.HORIZONTAL));
        button(buttons, "accounts.add", () -> new AddOfficerDialog(table.getShell(), admin, this::refresh).open());
        deactivate = button(buttons, "accounts.deactivate",
                () -> new DeactivateDialog(table.getShell(), admin, selected().officer().username(), this::refresh).open());
        reactivate = button(buttons, "accounts.reactivate", () -> new NewPasswordDialog(table.getShell(), admin,
                selected().officer().username(), NewPasswordDialog.Purpose.REACTIVATE, this::refresh).open());
        reset = button(buttons, "accounts.reset", () -> new NewPasswordDialog(table.getShell(), admin,
                selected().officer().username(), NewPasswordDialog.Purpose.RESET, this::refresh).open());
        unlock = button(buttons, "accounts.unlock", this::unlockSelected);
        status = UiIds.name(new Label(group, SWT.WRAP), "accounts.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        refresh();
    }

    private Button button(Composite parent, String key, Runnable action) {
        Button b = UiIds.name(new Button(parent, SWT.PUSH), key);
        b.setText(messages.get(key));
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private void unlockSelected() {
        String username = selected().officer().username();
        try {
            admin.unlock(username);
            refresh();
            status.setText(messages.get("accounts.unlocked", username));
        } catch (ValidationException e) {
            status.setText(e.messages(messages.locale()).replace('\n', ' '));
        }
    }

    private AccountAdmin.Row selected() {
        return rows.get(table.getSelectionIndex());
    }

    /** Reads the accounts again, keeping the selected officer selected. */
    void refresh() {
        if (table.isDisposed()) {
            return;
        }
        String before = table.getSelectionIndex() >= 0 ? rows.get(table.getSelectionIndex()).officer().username() : null;
        rows = admin.officers();
        table.removeAll();
        for (AccountAdmin.Row row : rows) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {row.officer().username(), row.officer().fullName(),
                row.officer().role().displayName(messages.locale()),
                messages.get(row.officer().active() ? "accounts.yes" : "accounts.no"),
                row.locked() ? messages.get("accounts.lockedUntil", row.lockedUntil().format(TIME)) : ""});
            if (row.officer().username().equals(before)) {
                table.setSelection(item);
            }
        }
        status.setText("");
        enableButtons();
    }

    private void enableButtons() {
        boolean any = table.getSelectionIndex() >= 0;
        AccountAdmin.Row row = any ? selected() : null;
        boolean self = any && row.officer().username().equals(desk.username());
        deactivate.setEnabled(any && row.officer().active() && !self);
        reactivate.setEnabled(any && !row.officer().active());
        reset.setEnabled(any && row.officer().active());
        unlock.setEnabled(any && row.locked());
    }
}
