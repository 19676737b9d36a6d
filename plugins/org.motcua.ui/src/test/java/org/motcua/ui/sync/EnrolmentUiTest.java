package org.motcua.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.SampleCommune;
import org.motcua.core.lifecycle.Role;
import org.motcua.sync.ServerAddress;
import org.motcua.sync.SyncConfig;
import org.motcua.sync.SyncService;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.DeskLogin;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.parts.SyncStatusPart;
import org.motcua.ui.testing.ModalScript;
import org.motcua.ui.testing.ProvinceServer;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/**
 * The whole enrolment of a commune PC through the desk's own screens, against the real province server (its packaged
 * jar, its admin tool) over real HTTP: the administrator types the code the tool printed, in its groups, sees the CA
 * fingerprint, confirms it, and the sync part shows the desk enrolled and everything received at the province after
 * the first sync.
 */
@ExtendWith(VietnameseDisplay.class)
class EnrolmentUiTest {

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
    void anAdministratorEnrolsTheDeskAndTheFirstSyncReachesTheProvince() throws Exception {
        Path serverData = dir.resolve("server");
        ProvinceServer.Code code = ProvinceServer.enrolmentCode(serverData, SampleCommune.DEMO.unitCode(),
                SampleCommune.DEMO.unitName());
        Path deskDir = dir.resolve("desk");
        try (Desk officer = TestDesks.as(deskDir, Role.RECEIVING_OFFICER)) {
            SyncUiFixtures.receive(officer, 2);   // received before the PC was enrolled: they go up after
        }
        try (ProvinceServer server = ProvinceServer.start(serverData)) {
            System.setProperty(ServerAddress.PROPERTY, server.url().toString());
            desk = ((DeskLogin.Opened) DeskLogin.login(new DeskFiles(deskDir), TestDesks.ADMIN,
                    TestDesks.PASSWORD.toCharArray(), TestDesks.DEADLINES, TestDesks.MONDAY_MORNING)).desk();
            SyncService sync = desk.startSync(SyncConfig.of(deskDir.resolve("blobs"))
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
                    .withSchedule(Duration.ofMillis(200), Duration.ofMinutes(5)));
            shell = new Shell(display);
            shell.setSize(700, 900);
            new SyncStatusPart(desk).createControls(shell);
            shell.open();
            Label identity = Widgets.named(shell, Label.class, "sync.identity");
            assertTrue(identity.getText().startsWith("Máy này chưa đăng ký"), identity.getText());

            Button enrol = Widgets.named(shell, Button.class, "sync.enrol");
            assertTrue(enrol.getVisible(), "the administrator sees the enrolment button");
            String[] shownFingerprint = new String[1];
            ModalScript script = new ModalScript(display)
                    .when("the dialog is open", () -> dialog() != null, () -> {
                        Shell d = dialog();
                        assertEquals(server.url().toString(), Widgets.named(d, Text.class, "enrol.server").getText());
                        // typed as printed, in groups of four with dashes, in lower case as a tired officer might
                        Widgets.named(d, Text.class, "enrol.code").setText(code.grouped().toLowerCase(Locale.ROOT));
                        press(Widgets.named(d, Button.class, "enrol.ok"));
                    })
                    .when("the fingerprint is shown",
                            () -> !Widgets.named(dialog(), Label.class, "enrol.fingerprint").getText().isEmpty(), () -> {
                                Shell d = dialog();
                                shownFingerprint[0] = Widgets.named(d, Label.class, "enrol.fingerprint").getText();
                                assertTrue(Widgets.named(d, Label.class, "enrol.offer").getText()
                                        .contains(SampleCommune.DEMO.unitName()), "the unit the province enrolled it in");
                                assertEquals("Khớp — xác nhận", Widgets.named(d, Button.class, "enrol.ok").getText());
                                press(Widgets.named(d, Button.class, "enrol.ok"));
                            })
                    .when("the enrolment is saved",
                            () -> Widgets.named(dialog(), Label.class, "enrol.status").getText().startsWith("Đã đăng ký"),
                            () -> press(Widgets.named(dialog(), Button.class, "enrol.ok")));
            script.start();
            press(enrol);   // opens the modal dialog; the script types into it and closes it
            script.verify();

            assertEquals(EnrolmentDialog.groupedInLines(code.caFingerprint()), shownFingerprint[0],
                    "the desk shows the fingerprint the province's tool printed beside the code");
            assertTrue(sync.status().enrolled());
            sync.syncNow();
            Label waiting = Widgets.named(shell, Label.class, "sync.waiting");
            Widgets.settle(display, null, () -> waiting.getText().startsWith("Tỉnh đã nhận đủ"));
            assertEquals("Tỉnh đã nhận đủ mọi hồ sơ và thao tác của máy này.", waiting.getText(),
                    "server log:\n" + String.join("\n", server.output()));
            assertEquals("Đã đăng ký với tỉnh: " + SampleCommune.DEMO.unitName() + " (" + SampleCommune.DEMO.unitCode()
                    + "), máy số 1.", identity.getText());
            assertTrue(Widgets.named(shell, Label.class, "sync.lastSuccess").getText()
                    .startsWith("Lần đồng bộ thành công gần nhất: "));
            assertFalse(Widgets.named(shell, Label.class, "sync.problem").getText().contains("Không kết nối"));
            assertTrue(desk.store().dossierIds().stream().allMatch(sync::reachedProvince));
        }
    }

    /** The enrolment dialog while it is open. */
    private Shell dialog() {
        for (Shell s : display.getShells()) {
            if (!s.isDisposed() && s.getParent() != null && "Đăng ký máy với máy chủ của tỉnh".equals(s.getText())) {
                return s;
            }
        }
        return null;
    }

    private static void press(Button b) {
        b.notifyListeners(SWT.Selection, new Event());
    }
}
