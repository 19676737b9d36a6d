package org.motcua.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.OfficerAccounts;
import org.motcua.ui.Messages;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/** The login and recovery dialogs and the setup wizard's buttons, as real SWT windows on a real desk. */
@ExtendWith(VietnameseDisplay.class)
class LoginUiTest {

    private static final Messages VI = Messages.forLocale(Locale.forLanguageTag("vi-VN"));
    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;

    @AfterEach
    void closeWindows() {
        for (Shell s : display.getShells()) {
            s.dispose();
        }
    }

    @Test
    void fiveWrongPasswordsLockTheNameAtTheKeySlotBeforeTheStoreOpens() throws InterruptedException {
        TestDesks.as(dir, Role.RECEIVING_OFFICER).close();
        DeskFiles files = new DeskFiles(dir);
        LoginDialog dialog = new LoginDialog(null, files, () -> TestDesks.DEADLINES, TestDesks.MONDAY_MORNING);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        named(shell, Text.class, "login.username").setText("receiving.officer");
        for (int i = 1; i < OfficerAccounts.MAX_FAILED; i++) {
            named(shell, Text.class, "login.password").setText("sai-mat-khau-" + i);
            pressOk(shell);
            assertEquals("Sai tên đăng nhập hoặc mật khẩu. Còn " + (OfficerAccounts.MAX_FAILED - i) + " lần thử.",
                    dialog.getErrorMessage());
        }
        named(shell, Text.class, "login.password").setText("sai-mat-khau-5");
        pressOk(shell);
        assertEquals("Tài khoản tạm khóa đến 08:45.", dialog.getErrorMessage());
        named(shell, Text.class, "login.password").setText(TestDesks.PASSWORD);
        pressOk(shell);
        assertEquals("Tài khoản tạm khóa đến 08:45.", dialog.getErrorMessage(), "even the right password waits");
        assertEquals(null, dialog.desk());

        assertEquals(new DeskLogin.Locked(LocalDateTime.of(2026, 3, 9, 8, 45)), DeskLogin.login(files, "receiving.officer",
                TestDesks.PASSWORD.toCharArray(), TestDesks.DEADLINES, TestDesks.MONDAY_MORNING));
        assertEquals(new DeskLogin.Refused(Optional.of(OfficerAccounts.MAX_FAILED - 1)), DeskLogin.login(files,
                TestDesks.ADMIN, "sai".toCharArray(), TestDesks.DEADLINES, TestDesks.MONDAY_MORNING),
                "another name is not locked");
        try (Desk admin = ((DeskLogin.Opened) DeskLogin.login(files, TestDesks.ADMIN, TestDesks.PASSWORD.toCharArray(),
                TestDesks.DEADLINES, TestDesks.MONDAY_MORNING)).desk()) {
            List<String> audit = audit(admin);
            assertEquals(6, audit.stream().filter(a -> a.startsWith("LOGIN_FAILED")).count(), audit.toString());
            assertTrue(audit.contains("LOGIN_LOCKED receiving.officer"), audit.toString());
        }
    }

    @Test
    void theRecoveryCodeResetsTheAdminsPasswordAndIsReplacedByANewOne() throws InterruptedException {
        DeskFiles files = new DeskFiles(dir);
        DeskSetup.Created created = DeskSetup.create(files, TestDesks.request(), TestDesks.DEADLINES, TestDesks.MONDAY_MORNING);
        try (Desk admin = created.desk()) {
            new AccountAdmin(files, admin).add(TestDesks.PASSWORD.toCharArray(), "tiepnhan1", "Phạm Thị Hoa",
                    Role.RECEIVING_OFFICER, "hoa-2026-quay1".toCharArray());
        }
        String oldCode = new String(created.recoveryCode());

        LoginDialog login = new LoginDialog(null, files, () -> TestDesks.DEADLINES, TestDesks.MONDAY_MORNING);
        login.setBlockOnOpen(false);
        login.open();
        assertEquals("Quên mật khẩu? Dùng mã khôi phục", named(login.getShell(), Link.class, "login.recover").getText()
                .replaceAll("</?a>", ""));

        RecoveryLoginDialog dialog = new RecoveryLoginDialog(login.getShell(), files, () -> TestDesks.DEADLINES,
                TestDesks.MONDAY_MORNING);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        named(shell, Text.class, "recoverLogin.code").setText(oldCode.toLowerCase(Locale.ROOT).replace('-', ' '));
        named(shell, Text.class, "recoverLogin.admin").setText("tiepnhan1");
        named(shell, Text.class, "recoverLogin.password").setText("mat-khau-moi-2026");
        named(shell, Text.class, "recoverLogin.again").setText("mat-khau-moi-2026");
        pressOk(shell);
        assertEquals("Mã khôi phục chỉ đặt lại mật khẩu của quản trị viên đang hoạt động; tiepnhan1 không phải quản trị viên.",
                dialog.getErrorMessage());
        named(shell, Text.class, "recoverLogin.admin").setText(TestDesks.ADMIN);
        pressOk(shell);
        DeskRecovery.Recovered recovered = dialog.recovered();
        assertNotNull(recovered, String.valueOf(dialog.getErrorMessage()));
        String newCode = new String(recovered.newRecoveryCode());
        try (Desk admin = recovered.desk()) {
            assertEquals(Role.ADMIN, admin.role());
            assertTrue(audit(admin).contains("RECOVERY_USED " + TestDesks.ADMIN), audit(admin).toString());
            assertTrue(admin.store().verifyAudit().intact());
        }
        assertFalse(newCode.equals(oldCode));

        assertInstanceOf(DeskLogin.Refused.class, DeskLogin.login(files, TestDesks.ADMIN, TestDesks.PASSWORD.toCharArray(),
                TestDesks.DEADLINES, TestDesks.MONDAY_MORNING), "the old password is gone");
        assertInstanceOf(DeskLogin.Opened.class, DeskLogin.login(files, TestDesks.ADMIN, "mat-khau-moi-2026".toCharArray(),
                TestDesks.DEADLINES, TestDesks.MONDAY_MORNING)).desk().close();
        assertInstanceOf(DeskLogin.Opened.class, DeskLogin.login(files, "tiepnhan1", "hoa-2026-quay1".toCharArray(),
                TestDesks.DEADLINES, TestDesks.MONDAY_MORNING)).desk().close();

        char[] pw = "mat-khau-khac-2026".toCharArray();
        DeskRecovery.Result withOldCode = DeskRecovery.recover(files, oldCode, TestDesks.ADMIN, pw, pw, TestDesks.DEADLINES,
                TestDesks.MONDAY_MORNING, VI);
        assertEquals(new DeskRecovery.NotOpened(new DeskLogin.Refused(Optional.of(OfficerAccounts.MAX_FAILED - 1))),
                withOldCode, "the old recovery code no longer opens anything");
        for (int i = 2; i <= OfficerAccounts.MAX_FAILED; i++) {
            DeskRecovery.recover(files, "AAAA-BBBB", TestDesks.ADMIN, pw, pw, TestDesks.DEADLINES, TestDesks.MONDAY_MORNING, VI);
        }
        assertEquals(new DeskRecovery.NotOpened(new DeskLogin.Locked(LocalDateTime.of(2026, 3, 9, 8, 45))),
                DeskRecovery.recover(files, newCode, TestDesks.ADMIN, pw, pw, TestDesks.DEADLINES, TestDesks.MONDAY_MORNING, VI),
                "wrong recovery codes are throttled too; the fifth locks even the right code out");
    }

    @Test
    void theSetupWizardsButtonsAreVietnamese() {
        VietnameseWizardDialog dialog = new VietnameseWizardDialog(null,
                new SetupWizard(new DeskFiles(dir), TestDesks.DEADLINES, TestDesks.MONDAY_MORNING));
        dialog.setBlockOnOpen(false);
        dialog.open();
        List<String> labels = Widgets.all(dialog.getShell(), Button.class).stream().map(Button::getText)
                .filter(t -> !t.isEmpty()).toList();
        assertTrue(labels.containsAll(List.of("< Quay lại", "Tiếp >", "Hoàn tất", "Hủy")), labels.toString());
        assertFalse(labels.stream().anyMatch(t -> t.contains("Next") || t.contains("Finish") || t.contains("Cancel")), labels.toString());
    }

    private void pressOk(Shell shell) throws InterruptedException {
        Button ok = Widgets.all(shell, Button.class).stream()
                .filter(b -> Integer.valueOf(IDialogConstants.OK_ID).equals(b.getData())).findFirst().orElseThrow();
        ok.notifyListeners(SWT.Selection, new Event());
        Widgets.settle(display, null, () -> true);
    }

    private static List<String> audit(Desk desk) {
        return desk.store().read(c -> {
            List<String> rows = new java.util.ArrayList<>();
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT action, subject FROM audit_log ORDER BY seq")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            return rows;
        });
    }
}
