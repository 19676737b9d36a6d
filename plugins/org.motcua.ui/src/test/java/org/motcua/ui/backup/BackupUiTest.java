package org.motcua.ui.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.BackupLog;
import org.motcua.store.DeskSettings;
import org.motcua.ui.UiIds;
import org.motcua.ui.admin.SettingsPart;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.DeskLogin;
import org.motcua.ui.desk.DeskSetup;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.parts.IntakePart;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.ModalScript;
import org.motcua.ui.testing.RecordingFormOutput;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/**
 * The backup section of the settings and the warning at the counter, real widgets on a real desk (Monday 9 March 2026,
 * 08:30): a backup 4 days old warns in both places; "back up now" makes and checks one in the background and the
 * warning goes; the admin restores it with the recovery code (a wrong code is refused in the dialog); an officer
 * sees the state but can neither choose the directory nor restore.
 */
@ExtendWith(VietnameseDisplay.class)
class BackupUiTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 9, 8, 30);
    static final String STALE = "Cảnh báo: đã hơn 3 ngày chưa có bản sao lưu tốt (bản gần nhất: 05/03/2026 08:00). "
            + "Hãy cắm ổ USB sao lưu hoặc kiểm tra thư mục sao lưu trong phần Cài đặt.";

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private Desk desk;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
        if (desk != null) {
            desk.close();
        }
    }

    private void open(Desk opened) {
        desk = opened;
        shell = new Shell(display);
        shell.setSize(1200, 1100);
        shell.setLayout(new FillLayout());
        new SettingsPart(desk, new DeskForms(desk, dir), new DeskFiles(dir), org.motcua.ui.testing.TestPrinters.none())
                .createControls(shell);
        new IntakePart(desk, new DeskForms(desk, dir), new RecordingFormOutput()).createControls(shell);
        shell.open();
    }

    @Test
    void aStaleBackupWarnsBackingUpNowClearsItAndTheAdminRestoresWithTheRecoveryCode() throws Exception {
        DeskSetup.Created created = DeskSetup.create(new DeskFiles(dir), TestDesks.request(), TestDesks.DEADLINES,
                TestDesks.MONDAY_MORNING);
        BackupLog.of(new DeskFiles(dir).baseName()).record(NOW.minusDays(4).withHour(8).withMinute(0), BackupLog.Attempt.GOOD,
                "", Optional.of("2026-03-05_080000"));
        open(created.desk());

        Label warning = named(shell, Label.class, "backup.warning");
        Label line = named(shell, Label.class, "backup.warning.line");
        assertEquals(STALE, warning.getText());
        assertEquals(display.getSystemColor(SWT.COLOR_DARK_RED), warning.getForeground());
        assertEquals(STALE, line.getText(), "the counter shows it too");
        assertTrue(line.getVisible());
        assertEquals("(chưa chọn)", named(shell, Text.class, "backup.directory").getText());
        assertTrue(named(shell, Button.class, "backup.choose").getEnabled(), "an admin chooses the directory");
        assertEquals("05/03/2026 08:00 (đã kiểm tra: mở được)", named(shell, Label.class, "backup.lastGood").getText());

        Path usb = Files.createDirectories(dir.resolve("usb"));
        new DeskSettings(desk.store()).put(DeskSettings.Key.BACKUP_DIRECTORY, usb.toString(), TestDesks.ADMIN, Role.ADMIN, NOW);
        named(shell, Button.class, "backup.now").notifyListeners(SWT.Selection, null);
        assertEquals("Đang sao lưu trong nền…", named(shell, Label.class, "backup.status").getText(), "the UI is not held");
        Combo list = named(shell, Combo.class, "backup.list");
        Widgets.settle(display, null, () -> list.getItemCount() == 1 && warning.getText().isEmpty());
        assertEquals("", warning.getText());
        assertFalse(line.getVisible(), "no warning at the counter once a good backup exists");
        assertEquals("09/03/2026 08:30 — tốt, 0 hồ sơ", list.getItem(0));
        assertEquals("09/03/2026 08:30: thành công, bản sao lưu mở được", named(shell, Label.class, "backup.lastAttempt").getText());
        assertEquals(usb.toString(), named(shell, Text.class, "backup.directory").getText());
        assertEquals("", named(shell, Label.class, "backup.status").getText(), "the note goes once the backup is done");

        String[] refused = new String[1];
        ModalScript script = new ModalScript(display)
                .when("the restore dialog opens", () -> dialog("restore.dialog") != null, () -> {
                    Shell d = dialog("restore.dialog");
                    named(d, Text.class, "restore.code").setText("AAAA-BBBB");
                    named(d, Button.class, "restore.confirm").setSelection(true);
                    named(d, Button.class, "restore.ok").notifyListeners(SWT.Selection, null);
                })
                .when("the wrong code is refused", () -> labelsOf(dialog("restore.dialog")).contains("Mã khôi phục không đúng."), () -> {
                    Shell d = dialog("restore.dialog");
                    refused[0] = labelsOf(d);
                    named(d, Text.class, "restore.code").setText(new String(created.recoveryCode()).toLowerCase());
                    named(d, Button.class, "restore.ok").notifyListeners(SWT.Selection, null);
                })
                .when("the restore is reported", () -> message() != null, () -> {
                    Shell m = message();
                    assertTrue(labelsOf(m).contains("Đã khôi phục bản sao lưu 09/03/2026 08:30 (0 hồ sơ). Chương trình sẽ đóng; "
                            + "hãy mở lại và đăng nhập."), labelsOf(m));
                    Widgets.all(m, Button.class).stream().filter(b -> IDialogConstants.OK_LABEL.equals(b.getText())
                            || b == m.getDefaultButton()).findFirst().orElseThrow().notifyListeners(SWT.Selection, null);
                });
        script.start();
        named(shell, Button.class, "backup.restore").notifyListeners(SWT.Selection, null);
        script.verify();
        assertTrue(refused[0].contains("Mã khôi phục không đúng."));
        assertTrue(desk.isClosed(), "the desk was closed for the restore");

        DeskLogin.Outcome again = DeskLogin.login(new DeskFiles(dir), TestDesks.ADMIN, TestDesks.PASSWORD.toCharArray(),
                TestDesks.DEADLINES, TestDesks.MONDAY_MORNING);
        try (Desk restored = ((DeskLogin.Opened) again).desk()) {
            assertTrue(restored.store().restoredFromOlderCopy(), "the restored desk starts a new sync epoch");
        }
    }

    @Test
    void anOfficerSeesTheStateButCannotChooseTheDirectoryOrRestore() throws Exception {
        open(TestDesks.as(dir, Role.RECEIVING_OFFICER));
        assertFalse(named(shell, Button.class, "backup.choose").getEnabled());
        assertFalse(Widgets.has(shell, Button.class, "backup.restore"));
        assertFalse(Widgets.has(shell, Combo.class, "backup.list"));
        assertTrue(named(shell, Button.class, "backup.now").getEnabled(), "anyone may add a backup");
        assertEquals("Chưa có bản sao lưu nào", named(shell, Label.class, "backup.lastGood").getText());
        assertEquals("", named(shell, Label.class, "backup.warning").getText(), "a desk just set up is not warned yet");
        assertFalse(named(shell, Label.class, "backup.warning.line").getVisible());
    }

    @Test
    void theAdminsChosenDirectoryIsKeptAndBackedUpAtOnce() throws Exception {
        desk = TestDesks.admin(dir);
        shell = new Shell(display);
        shell.setLayout(new GridLayout(1, false));
        BackupSection section = new BackupSection(desk, new DeskFiles(dir), () -> { });
        section.create(shell);
        shell.setSize(900, 400);
        shell.open();
        Path usb = Files.createDirectories(dir.resolve("o-dia-thu-hai"));
        section.choose(usb.toString());
        assertEquals(usb.toString(), named(shell, Text.class, "backup.directory").getText());
        assertEquals("Đã chọn thư mục sao lưu. Việc sao lưu chạy trong nền.", named(shell, Label.class, "backup.status").getText());
        assertEquals(usb.toString(), new DeskSettings(desk.store()).get(DeskSettings.Key.BACKUP_DIRECTORY));
        Combo list = named(shell, Combo.class, "backup.list");
        // the backup is listed as soon as its folder exists, and its check ("tốt") follows
        Widgets.settle(display, null, () -> list.getItemCount() == 1 && !list.getItem(0).endsWith("chưa kiểm tra"));
        assertEquals("09/03/2026 08:30 — tốt, 0 hồ sơ", list.getItem(0), "the job looked at once: none today yet");
    }

    private Shell dialog(String id) {
        for (Shell s : display.getShells()) {
            if (!s.isDisposed() && id.equals(s.getData(UiIds.KEY))) {
                return s;
            }
        }
        return null;
    }

    /** The information box after the restore: titled like the dialog, but not it. */
    private Shell message() {
        for (Shell s : display.getShells()) {
            if (!s.isDisposed() && s.getData(UiIds.KEY) == null && s != shell && "Khôi phục dữ liệu từ bản sao lưu".equals(s.getText())) {
                return s;
            }
        }
        return null;
    }

    /** Every label's and text's words (TitleAreaDialog shows its error in a read-only text). */
    private static String labelsOf(Shell s) {
        if (s == null) {
            return "";
        }
        java.util.List<String> words = new java.util.ArrayList<>(Widgets.labels(s));
        Widgets.all(s, Text.class).forEach(t -> words.add(t.getText()));
        return String.join(" | ", words);
    }
}
