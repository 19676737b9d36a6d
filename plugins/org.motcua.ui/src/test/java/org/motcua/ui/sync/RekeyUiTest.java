package org.motcua.ui.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.SampleCommune;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.sync.DeviceEnrolments;
import org.motcua.sync.ServerAddress;
import org.motcua.sync.SyncConfig;
import org.motcua.sync.SyncService;
import org.motcua.ui.Messages;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.parts.SyncStatusPart;
import org.motcua.ui.testing.ModalScript;
import org.motcua.ui.testing.ProvinceServer;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/**
 * "Đổi khóa thiết bị…" on the sync part: the administrator is asked first (and "Hủy" changes nothing), then the key is
 * renewed with the real province server (its packaged jar) and the result is told in Vietnamese; the dossiers waiting
 * go up afterwards, signed with the new key. A receiving officer sees no such button and is refused in words.
 */
@ExtendWith(VietnameseDisplay.class)
class RekeyUiTest {

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
        System.clearProperty(ServerAddress.PROPERTY);
    }

    @Test
    void theAdministratorConfirmsAndTheKeyIsRenewedWithTheProvince() throws Exception {
        Path serverData = dir.resolve("server");
        ProvinceServer.Code code = ProvinceServer.enrolmentCode(serverData, SampleCommune.DEMO.unitCode(),
                SampleCommune.DEMO.unitName());
        try (ProvinceServer server = ProvinceServer.start(serverData)) {
            System.setProperty(ServerAddress.PROPERTY, server.url().toString());
            desk = TestDesks.admin(dir.resolve("desk"));
            SyncService sync = desk.startSync(SyncConfig.of(dir.resolve("blobs"))
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
                    .withSchedule(Duration.ofMinutes(10), Duration.ofMinutes(10)));
            sync.beginEnrolment(server.url(), code.grouped()).thenCompose(sync::confirmEnrolment).join();
            byte[] oldKey = enrolment().privateKey();
            Widgets.settle(display, null, () -> sync.status().lastSuccess().isPresent());   // the first sync, empty
            assertTrue(sync.status().lastSuccess().isPresent(), sync.status().toString());
            SyncUiFixtures.receive(desk, 2);   // waiting: the next planned sync is ten minutes away
            open();
            Label waiting = Widgets.named(shell, Label.class, "sync.waiting");
            Widgets.settle(display, null, () -> waiting.getText().startsWith("Còn 2"));
            assertEquals("Còn 2 thao tác trên hồ sơ chờ gửi lên tỉnh.", waiting.getText());
            Button rekey = Widgets.named(shell, Button.class, "sync.rekey");
            assertTrue(rekey.getVisible(), "the administrator sees the button");
            assertEquals("Đổi khóa thiết bị…", rekey.getText());

            // "Hủy": nothing is sent, nothing changes
            List<String> asked = new ArrayList<>();
            ModalScript cancel = new ModalScript(display).when("the question is asked", () -> question() != null, () -> {
                asked.add(Widgets.labels(question()).toString());
                press(Widgets.named(question(), Button.class, "rekey.cancel"));
            });
            cancel.start();
            press(rekey);
            cancel.verify();
            assertTrue(asked.get(0).contains("hủy khóa cũ"), asked.get(0));
            assertArrayEquals(oldKey, enrolment().privateKey());

            ModalScript confirm = new ModalScript(display).when("the question is asked", () -> question() != null,
                    () -> press(Widgets.named(question(), Button.class, "rekey.ok")));
            confirm.start();
            press(rekey);
            confirm.verify();
            Label told = Widgets.named(shell, Label.class, "sync.transfer");
            Widgets.settle(display, null, () -> !told.getText().startsWith("Đang đổi khóa"));
            assertTrue(told.getText().startsWith("Đã đổi khóa thiết bị. Chứng thư mới có hiệu lực đến ngày "),
                    told.getText() + "\nserver log:\n" + String.join("\n", server.output()));
            assertFalse(java.util.Arrays.equals(oldKey, enrolment().privateKey()), "the old key is gone");

            // the dossiers waiting go up, signed with the new key, without waiting for the 10-minute schedule
            Widgets.settle(display, null, () -> waiting.getText().startsWith("Tỉnh đã nhận đủ"));
            assertEquals("Tỉnh đã nhận đủ mọi hồ sơ và thao tác của máy này.", waiting.getText());
        }
    }

    @Test
    void aReceivingOfficerSeesNoButtonAndIsRefusedInWords() throws Exception {
        desk = TestDesks.as(dir, Role.RECEIVING_OFFICER);
        SyncService sync = desk.startSync(SyncConfig.of(dir.resolve("blobs")));
        open();
        assertFalse(Widgets.named(shell, Button.class, "sync.rekey").getVisible());

        Messages messages = Messages.current();
        SyncWords words = new SyncWords(messages, ZoneId.systemDefault());
        List<String> told = new ArrayList<>();
        new KeyRenewal(messages, sync, words).renew(shell, desk.username(), desk.role(), (s, problem) -> told.add(s));
        assertEquals(List.of("Chỉ quản trị mới được đổi khóa thiết bị."), told, "refused before anything is asked");

        // the engine refuses too, whatever a caller does
        new KeyRenewal(messages, sync, words).renewConfirmed(display, desk.username(), desk.role(), (s, problem) -> told.add(s));
        Widgets.settle(display, null, () -> told.size() == 3);
        assertEquals("Chỉ quản trị mới được làm việc này.", told.get(2));
    }

    private void open() {
        shell = new Shell(display);
        shell.setSize(700, 900);
        new SyncStatusPart(desk).createControls(shell);
        shell.open();
    }

    private DeviceEnrolments.Enrolment enrolment() {
        return new DeviceEnrolments(desk.store()).current().orElseThrow();
    }

    /** The confirmation while it is open. */
    private Shell question() {
        for (Shell s : display.getShells()) {
            if (!s.isDisposed() && s.getParent() != null && "Đổi khóa thiết bị".equals(s.getText())) {
                return s;
            }
        }
        return null;
    }

    private static void press(Button b) {
        b.notifyListeners(SWT.Selection, new Event());
    }
}
