package org.motcua.ui.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.store.DeskSettings;
import org.motcua.store.DeskSettings.Key;
import org.motcua.ui.desk.AccountAdmin;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.DeskLogin;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/** The settings part for an admin and for a receiving officer, real widgets on a real desk. */
@ExtendWith(VietnameseDisplay.class)
class SettingsUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private Desk desk;

    @AfterEach
    void close() {
        shell.dispose();
        desk.close();
    }

    private void open(Desk opened, TestPrinters printers) throws InterruptedException {
        desk = opened;
        shell = new Shell(display);
        shell.setSize(1000, 900);
        shell.setLayout(new FillLayout());
        SettingsPart part = new SettingsPart(desk, new DeskForms(desk, dir), new DeskFiles(dir), printers);
        part.createControls(shell);
        shell.open();
        Widgets.settle(display, part.printerJob(), () -> named(shell, Combo.class, "settings.printer").getItemCount() > 1);
    }

    @Test
    void aReceivingOfficerChoosesThePrinterOnlyAndSeesNoUsers() throws InterruptedException {
        open(TestDesks.as(dir, Role.RECEIVING_OFFICER), TestPrinters.of("Máy in quầy 1", "Máy in tầng 2"));
        assertFalse(Widgets.has(shell, Group.class, "accounts.section"), "no users section for an officer");
        assertFalse(Widgets.has(shell, Table.class, "accounts.table"));
        assertFalse(Widgets.has(shell, Button.class, "accounts.add"));
        Text place = named(shell, Text.class, "settings.UNIT_PLACE");
        assertFalse(place.getEditable(), "the letterhead is read-only");
        assertFalse(named(shell, Text.class, "settings.unitCode").getEditable());
        assertEquals(TestDesks.request().unitCode(), named(shell, Text.class, "settings.unitCode").getText());
        assertFalse(named(shell, Combo.class, "settings.edition").getEnabled());
        assertFalse(named(shell, Button.class, "settings.saturday").getEnabled());
        Combo printer = named(shell, Combo.class, "settings.printer");
        assertEquals(List.of("(máy in mặc định của hệ điều hành)", "Máy in quầy 1", "Máy in tầng 2"),
                Arrays.asList(printer.getItems()));

        place.setText("Xã Khác");  // what a crafted event could do: the part still sends only the printer
        printer.select(2);
        named(shell, Button.class, "settings.save").notifyListeners(SWT.Selection, new Event());
        assertEquals("Đã lưu thiết lập.", named(shell, Label.class, "settings.status").getText());
        DeskSettings settings = new DeskSettings(desk.store());
        assertEquals("Máy in tầng 2", settings.get(Key.PRINTER));
        assertEquals("", settings.get(Key.UNIT_PLACE));
        ValidationException refused = assertThrows(ValidationException.class,
                () -> settings.put(Key.UNIT_PLACE, "Xã Khác", desk.username(), desk.role(), desk.now()));
        assertEquals("settings.adminOnly", refused.violations().get(0).code());
        AccountAdmin accounts = new AccountAdmin(new DeskFiles(dir), desk);
        assertThrows(ValidationException.class, accounts::officers, "the headless account code refuses an officer too");
        assertThrows(ValidationException.class, () -> accounts.unlock(TestDesks.ADMIN));
        assertThrows(ValidationException.class, () -> accounts.deactivate(TestDesks.ADMIN));
        assertThrows(ValidationException.class, () -> accounts.resetPassword(TestDesks.PASSWORD.toCharArray(),
                TestDesks.ADMIN, "chiem-quyen-2026".toCharArray()), "not even with the admin's password");
        assertTrue(new DeskFiles(dir).keySlots().names().contains(TestDesks.ADMIN));
    }

    @Test
    void anOfficerChangesTheirOwnPasswordAndTheKeySlotFollows() throws InterruptedException {
        open(TestDesks.as(dir, Role.RECEIVING_OFFICER), TestPrinters.none());
        named(shell, Button.class, "settings.ownPassword").notifyListeners(SWT.Selection, new Event());
        Widgets.settle(display, null, () -> true);
        Shell dialog = Arrays.stream(display.getShells())
                .filter(s -> s != shell && Widgets.has(s, Text.class, "accounts.own.current")).findFirst().orElseThrow();
        named(dialog, Text.class, "accounts.own.current").setText("sai-mat-khau-1");
        named(dialog, Text.class, "accounts.own.new").setText("mat-khau-moi-2026");
        named(dialog, Text.class, "accounts.own.again").setText("mat-khau-moi-2026");
        named(dialog, Button.class, "account.dialog.ok").notifyListeners(SWT.Selection, new Event());
        assertFalse(dialog.isDisposed(), "a wrong current password changes nothing");
        named(dialog, Text.class, "accounts.own.current").setText(TestDesks.PASSWORD);
        named(dialog, Button.class, "account.dialog.ok").notifyListeners(SWT.Selection, new Event());
        assertTrue(dialog.isDisposed());
        assertEquals("Đã đổi mật khẩu của bạn.", named(shell, Label.class, "settings.status").getText());
        String me = desk.username();
        desk.close();
        DeskFiles files = new DeskFiles(dir);
        assertTrue(DeskLogin.login(files, me, TestDesks.PASSWORD.toCharArray(), TestDesks.DEADLINES,
                TestDesks.MONDAY_MORNING) instanceof DeskLogin.Refused);
        desk = ((DeskLogin.Opened) DeskLogin.login(files, me, "mat-khau-moi-2026".toCharArray(), TestDesks.DEADLINES,
                TestDesks.MONDAY_MORNING)).desk();
    }

    @Test
    void anAdminSavesTheLetterheadAndSaturdayMorningCountsAtOnce() throws InterruptedException {
        open(TestDesks.admin(dir), TestPrinters.of("Máy in quầy 1"));
        assertTrue(Widgets.has(shell, Group.class, "accounts.section"));
        LocalDate saturday = LocalDate.of(2026, 3, 14);
        assertEquals(DayOfWeek.SATURDAY, saturday.getDayOfWeek());
        assertFalse(desk.deadlines().calendar().isWorkingDay(saturday));

        named(shell, Text.class, "settings.UNIT_PARENT_BODY").setText("UBND TỈNH TUYÊN QUANG");
        named(shell, Text.class, "settings.UNIT_PLACE").setText("Minh Xuân");
        named(shell, Text.class, "settings.DESK_NAME").setText("BỘ PHẬN MỘT CỬA");
        named(shell, Combo.class, "settings.edition").select(1);
        named(shell, Button.class, "settings.saturday").setSelection(true);
        named(shell, Button.class, "settings.save").notifyListeners(SWT.Selection, new Event());

        assertEquals("Đã lưu thiết lập.", named(shell, Label.class, "settings.status").getText());
        var all = new DeskSettings(desk.store()).all();
        assertEquals("Minh Xuân", all.get(Key.UNIT_PLACE));
        assertEquals("2018", all.get(Key.FORM_EDITION));
        assertEquals("true", all.get(Key.SATURDAY_MORNING));
        assertEquals("", all.get(Key.PRINTER), "the OS default stays chosen");
        assertTrue(desk.deadlines().calendar().isWorkingDay(saturday), "the desk counts Saturday morning at once");
    }
}
