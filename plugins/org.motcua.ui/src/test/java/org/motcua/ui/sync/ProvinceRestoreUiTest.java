package org.motcua.ui.sync;

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
 * "Khôi phục hồ sơ từ tỉnh…" on the sync part, against the real province server: the administrator picks which dossiers
 * ("Hủy" asks nothing of the province), the restore runs on the engine's thread and its outcome is told in Vietnamese
 * (here the desk's own two dossiers come back as already held). A receiving officer sees no button and is refused in
 * words, by the action and by the engine. (The restore itself, on a replacement PC, is ReplacementPcRoundTripTest.)
 */
@ExtendWith(VietnameseDisplay.class)
class ProvinceRestoreUiTest {

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
    void theAdministratorChoosesTheDossiersAndIsToldWhatCameBack() throws Exception {
        Path serverData = dir.resolve("server");
        ProvinceServer.Code code = ProvinceServer.enrolmentCode(serverData, SampleCommune.DEMO.unitCode(),
                SampleCommune.DEMO.unitName());
        try (ProvinceServer server = ProvinceServer.start(serverData)) {
            System.setProperty(ServerAddress.PROPERTY, server.url().toString());
            desk = TestDesks.admin(dir.resolve("desk"));
            SyncService sync = desk.startSync(SyncConfig.of(dir.resolve("blobs"))
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
                    .withSchedule(Duration.ofMillis(200), Duration.ofMinutes(10)));
            sync.beginEnrolment(server.url(), code.grouped()).thenCompose(sync::confirmEnrolment).join();
            SyncUiFixtures.receive(desk, 2);
            open();
            Label waiting = Widgets.named(shell, Label.class, "sync.waiting");
            Widgets.settle(display, null, () -> waiting.getText().startsWith("Tỉnh đã nhận đủ"));
            Button restore = Widgets.named(shell, Button.class, "sync.fromProvince");
            assertTrue(restore.getVisible());
            assertEquals("Khôi phục hồ sơ từ tỉnh…", restore.getText());

            List<String> asked = new ArrayList<>();
            ModalScript cancel = new ModalScript(display).when("the question is asked", () -> question() != null, () -> {
                asked.add(Widgets.labels(question()).toString());
                press(Widgets.named(question(), Button.class, "fromProvince.cancel"));
            });
            cancel.start();
            press(restore);
            cancel.verify();
            assertTrue(asked.get(0).contains("Tải về những hồ sơ nào?"), asked.get(0));
            Label told = Widgets.named(shell, Label.class, "sync.transfer");
            assertFalse(told.getText().startsWith("Đang tải"), "cancelled: nothing asked of the province");

            ModalScript all = new ModalScript(display).when("the question is asked", () -> question() != null,
                    () -> press(Widgets.named(question(), Button.class, "fromProvince.all")));
            all.start();
            press(restore);
            all.verify();
            Widgets.settle(display, null, () -> told.getText().startsWith("Đã khôi phục"));
            assertEquals("Đã khôi phục 0 hồ sơ từ tỉnh (2 hồ sơ đã có sẵn trên máy, đã tải về 0 bản quét).", told.getText(),
                    "server log:\n" + String.join("\n", server.output()));
        }
    }

    @Test
    void aReceivingOfficerSeesNoButtonAndIsRefusedInWords() throws Exception {
        desk = TestDesks.as(dir, Role.RECEIVING_OFFICER);
        SyncService sync = desk.startSync(SyncConfig.of(dir.resolve("blobs")));
        open();
        assertFalse(Widgets.named(shell, Button.class, "sync.fromProvince").getVisible());

        Messages messages = Messages.current();
        ProvinceRestoreAction action = new ProvinceRestoreAction(messages, sync, new SyncWords(messages, ZoneId.systemDefault()));
        List<String> told = new ArrayList<>();
        action.restore(shell, desk.username(), desk.role(), (s, problem) -> told.add(s));
        assertEquals(List.of("Chỉ quản trị mới được khôi phục hồ sơ từ tỉnh."), told, "refused before anything is asked");

        action.restoreConfirmed(display, false, desk.username(), desk.role(), (s, problem) -> told.add(s));
        Widgets.settle(display, null, () -> told.size() == 3);
        assertEquals("Chỉ quản trị mới được làm việc này.", told.get(2), "the engine refuses too");
    }

    private void open() {
        shell = new Shell(display);
        shell.setSize(700, 900);
        new SyncStatusPart(desk).createControls(shell);
        shell.open();
    }

    private Shell question() {
        for (Shell s : display.getShells()) {
            if (!s.isDisposed() && s.getParent() != null && "Khôi phục hồ sơ từ tỉnh".equals(s.getText())) {
                return s;
            }
        }
        return null;
    }

    private static void press(Button b) {
        b.notifyListeners(SWT.Selection, new Event());
    }
}
