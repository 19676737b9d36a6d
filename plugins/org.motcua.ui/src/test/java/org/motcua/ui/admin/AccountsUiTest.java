package org.motcua.ui.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.store.OfficerAccounts;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.DeskLogin;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/** The users section of the settings part, driven through its real widgets and dialogs, on a real desk. */
@ExtendWith(VietnameseDisplay.class)
class AccountsUiTest {

    private static final String NEW_PASSWORD = "hoa-2026-quay1";

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private DeskFiles files;
    private Desk desk;

    @BeforeEach
    void openAdminSettings() throws InterruptedException {
        files = new DeskFiles(dir);
        desk = TestDesks.admin(dir);
        shell = new Shell(display);
        shell.setSize(1000, 900);
        shell.setLayout(new FillLayout());
        SettingsPart part = new SettingsPart(desk, new DeskForms(desk, dir), files, TestPrinters.none());
        part.createControls(shell);
        shell.open();
        Widgets.settle(display, part.printerJob(), () -> true);
    }

    @AfterEach
    void close() {
        for (Shell s : display.getShells()) {
            s.dispose();
        }
        desk.close();
    }

    @Test
    void anAdminAddsAnOfficerWhoThenOpensTheDeskWithTheirOwnPassword() throws InterruptedException {
        Shell dialog = openDialog("accounts.add", "accounts.add.username");
        named(dialog, Text.class, "accounts.add.username").setText("tiepnhan2");
        named(dialog, Text.class, "accounts.add.fullName").setText("Phạm Thị Hoa");
        Combo role = named(dialog, Combo.class, "accounts.add.role");
        assertTrue(Arrays.asList(role.getItems()).contains("Cán bộ tiếp nhận"), Arrays.toString(role.getItems()));
        role.select(Role.RECEIVING_OFFICER.ordinal());
        named(dialog, Text.class, "accounts.add.password").setText(NEW_PASSWORD);
        named(dialog, Text.class, "accounts.add.again").setText(NEW_PASSWORD);
        named(dialog, Text.class, "accounts.add.adminPassword").setText("sai-mat-khau-qt");
        press(dialog, "account.dialog.ok");
        assertFalse(dialog.isDisposed(), "a wrong admin password keeps the dialog open");
        assertFalse(files.keySlots().names().contains("tiepnhan2"));

        named(dialog, Text.class, "accounts.add.adminPassword").setText(TestDesks.PASSWORD);
        press(dialog, "account.dialog.ok");
        assertTrue(dialog.isDisposed());
        Table table = named(shell, Table.class, "accounts.table");
        assertEquals(2, table.getItemCount());
        assertEquals(List.of("tiepnhan2", "Phạm Thị Hoa", "Cán bộ tiếp nhận", "có", ""), row(table, 1));

        desk.close();
        DeskLogin.Outcome outcome = DeskLogin.login(files, "tiepnhan2", NEW_PASSWORD.toCharArray(), TestDesks.DEADLINES,
                TestDesks.MONDAY_MORNING);
        try (Desk officer = assertInstanceOf(DeskLogin.Opened.class, outcome).desk()) {
            assertEquals(Role.RECEIVING_OFFICER, officer.role());
            assertEquals("Phạm Thị Hoa", officer.officer().fullName());
        }
    }

    @Test
    void aDeactivatedOfficerCannotLogInAndReactivationGivesANewPassword() throws InterruptedException {
        new org.motcua.ui.desk.AccountAdmin(files, desk).add(TestDesks.PASSWORD.toCharArray(), "xuly1", "Trần Văn Xử",
                Role.PROCESSING_OFFICER, NEW_PASSWORD.toCharArray());
        named(shell, Button.class, "accounts.add");  // the section exists for the admin
        Table table = refreshedTable();
        table.setSelection(1);
        table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertFalse(named(shell, Button.class, "accounts.reactivate").getEnabled());
        table.setSelection(0);
        table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertFalse(named(shell, Button.class, "accounts.deactivate").getEnabled(), "nobody deactivates themselves");
        table.setSelection(1);
        table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());

        Shell confirm = openDialog("accounts.deactivate", "account.dialog.ok");
        press(confirm, "account.dialog.ok");
        assertEquals("không (đã ngừng)", table.getItem(1).getText(3));
        assertFalse(files.keySlots().names().contains("xuly1"), "the deactivated officer's key slot is gone");
        assertEquals(new DeskLogin.Refused(Optional.empty()), DeskLogin.login(files, "xuly1", NEW_PASSWORD.toCharArray(),
                TestDesks.DEADLINES, TestDesks.MONDAY_MORNING));

        Shell again = openDialog("accounts.reactivate", "accounts.password.new");
        named(again, Text.class, "accounts.password.new").setText("xu-ly-moi-2026");
        named(again, Text.class, "accounts.password.again").setText("xu-ly-moi-2026");
        named(again, Text.class, "accounts.password.admin").setText(TestDesks.PASSWORD);
        press(again, "account.dialog.ok");
        assertEquals("có", table.getItem(1).getText(3));
        DeskLogin.Outcome back = DeskLogin.login(files, "xuly1", "xu-ly-moi-2026".toCharArray(), TestDesks.DEADLINES,
                TestDesks.MONDAY_MORNING);
        assertInstanceOf(DeskLogin.Opened.class, back).desk().close();
    }

    @Test
    void anOfficerLockedAtTheKeySlotIsShownLockedAndTheAdminUnlocksThem() throws InterruptedException {
        new org.motcua.ui.desk.AccountAdmin(files, desk).add(TestDesks.PASSWORD.toCharArray(), "xuly1", "Trần Văn Xử",
                Role.PROCESSING_OFFICER, NEW_PASSWORD.toCharArray());
        for (int i = 0; i < OfficerAccounts.MAX_FAILED; i++) {
            DeskLogin.login(files, "xuly1", "sai-mat-khau".toCharArray(), TestDesks.DEADLINES, TestDesks.MONDAY_MORNING);
        }
        Table table = refreshedTable();
        assertEquals("đến 08:45", table.getItem(1).getText(4));
        table.setSelection(1);
        table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        press(shell, "accounts.unlock");
        assertEquals("", table.getItem(1).getText(4));
        DeskLogin.Outcome back = DeskLogin.login(files, "xuly1", NEW_PASSWORD.toCharArray(), TestDesks.DEADLINES,
                TestDesks.MONDAY_MORNING);
        assertInstanceOf(DeskLogin.Opened.class, back).desk().close();
    }

    @Test
    void wrongAdminPasswordsInTheDialogsAreThrottledLikeLogins() {
        org.motcua.ui.desk.AccountAdmin admin = new org.motcua.ui.desk.AccountAdmin(files, desk);
        for (int i = 1; i < OfficerAccounts.MAX_FAILED; i++) {
            assertEquals("officer.adminPassword.wrong", refusal(() -> resetWith(admin, "doan-bua")));
        }
        admin.add(TestDesks.PASSWORD.toCharArray(), "tiepnhan2", "Phạm Thị Hoa", Role.RECEIVING_OFFICER,
                NEW_PASSWORD.toCharArray());
        for (int i = 1; i < OfficerAccounts.MAX_FAILED; i++) {
            assertEquals("officer.adminPassword.wrong", refusal(() -> resetWith(admin, "doan-bua")),
                    "the right password before cleared the count");
        }
        ValidationException locked = assertThrows(ValidationException.class, () -> resetWith(admin, "doan-bua"));
        assertEquals("Nhập sai mật khẩu quá nhiều lần: tài khoản tạm khóa đến 08:45.",
                locked.messages(Locale.forLanguageTag("vi-VN")));
        assertEquals("officer.locked", refusal(() -> resetWith(admin, TestDesks.PASSWORD)), "even the right one waits");
        assertEquals(new DeskLogin.Locked(LocalDateTime.of(2026, 3, 9, 8, 45)), DeskLogin.login(files,
                TestDesks.ADMIN, TestDesks.PASSWORD.toCharArray(), TestDesks.DEADLINES, TestDesks.MONDAY_MORNING),
                "the lock also holds at the login screen");
    }

    private Table refreshedTable() throws InterruptedException {
        // the part reads the accounts when built; build it again to see what happened since
        for (var c : shell.getChildren()) {
            c.dispose();
        }
        SettingsPart part = new SettingsPart(desk, new DeskForms(desk, dir), files, TestPrinters.none());
        part.createControls(shell);
        shell.layout(true, true);
        Widgets.settle(display, part.printerJob(), () -> true);
        return named(shell, Table.class, "accounts.table");
    }

    /** Presses {@code buttonId} in the part and returns the dialog that opened (it holds a control named {@code inDialog}). */
    private Shell openDialog(String buttonId, String inDialog) throws InterruptedException {
        press(shell, buttonId);
        for (Shell s : display.getShells()) {
            if (s != shell && !s.isDisposed() && (Widgets.has(s, Text.class, inDialog) || Widgets.has(s, Button.class, inDialog))) {
                return s;
            }
        }
        throw new AssertionError("no dialog with " + inDialog + " after " + buttonId);
    }

    private void press(Shell in, String buttonId) throws InterruptedException {
        Button b = named(in, Button.class, buttonId);
        assertTrue(b.getEnabled(), buttonId + " is enabled");
        b.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        Widgets.settle(display, null, () -> true);
    }

    /** Resets tiepnhan2's password (it may not exist yet: the admin's password is checked first). */
    private static void resetWith(org.motcua.ui.desk.AccountAdmin admin, String adminPassword) {
        admin.resetPassword(adminPassword.toCharArray(), "tiepnhan2", "mat-khau-moi-2026".toCharArray());
    }

    private static String refusal(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(ValidationException.class, call).violations().get(0).code();
    }

    private static List<String> row(Table table, int index) {
        return java.util.stream.IntStream.range(0, table.getColumnCount()).mapToObj(table.getItem(index)::getText).toList();
    }
}
