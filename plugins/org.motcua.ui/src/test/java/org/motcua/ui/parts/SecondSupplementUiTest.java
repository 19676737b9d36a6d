package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.DeskSetup;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.ModalScript;
import org.motcua.ui.testing.RecordingFormOutput;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/**
 * Before a dossier's second supplement request the desk says, in Vietnamese, that the index will count it late; the
 * default is to cancel, and cancelling asks nothing more and stores nothing. Going on asks for the reason as usual.
 */
@ExtendWith(VietnameseDisplay.class)
class SecondSupplementUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private UUID askedOnce;

    @BeforeEach
    void aDossierAskedForASupplementOnce() {
        char[] pw = TestDesks.PASSWORD.toCharArray();
        try (Desk admin = TestDesks.admin(dir)) {
            for (Role r : new Role[] {Role.RECEIVING_OFFICER, Role.PROCESSING_OFFICER}) {
                DeskSetup.addOfficer(new DeskFiles(dir), admin, pw, TestDesks.username(r), "Cán Bộ " + r.name(), r, pw);
            }
            Procedure p = admin.catalogue().latest("1.001193").orElseThrow();
            Applicant a = Applicant.citizen("Trần Văn Bình", CitizenId.parse("001085012345", null), LocalDate.of(1985, 1, 2),
                    "0912345678", new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", "Thôn 2"));
            var d = admin.intake().receive(new IntakeRequest(p, a, p.requiredDocuments().stream().map(ReceivedDocument::of)
                    .toList(), 1, Channel.IN_PERSON, ResultDelivery.COUNTER, admin.now(), admin.username(), Optional.empty(),
                    ""), Role.RECEIVING_OFFICER, admin.now());
            admin.workflow().take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan",
                    "xuly", "", admin.now());
            admin.workflow().take(d.id(), DossierAction.REQUEST_SUPPLEMENT, Role.PROCESSING_OFFICER, "xuly", "tiepnhan",
                    "Thiếu bản sao giấy chứng sinh", admin.now());
            admin.workflow().take(d.id(), DossierAction.SUPPLEMENT_RECEIVED, Role.RECEIVING_OFFICER, "tiepnhan", "xuly", "",
                    admin.now());
            admin.workflow().take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan",
                    "xuly", "", admin.now());
            askedOnce = d.id();
        }
        shell = new Shell(display);
        shell.setSize(1000, 800);
        shell.setLayout(new FillLayout());
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void theOfficerIsWarnedAndCancelsByDefaultThenGoesOnWithAReason() throws Exception {
        try (Desk desk = TestDesks.login(dir, Role.PROCESSING_OFFICER)) {
            new DossierDetailView(shell, desk, new DeskForms(desk, dir), new RecordingFormOutput(), askedOnce);
            shell.layout(true, true);
            shell.open();
            String[] warned = new String[1];
            ModalScript cancel = new ModalScript(display).when("the warning is shown", () -> dialog("supplement.second") != null,
                    () -> {
                        Shell w = dialog("supplement.second");
                        warned[0] = String.join(" ", Widgets.labels(w));
                        Button defaultButton = w.getDefaultButton();
                        assertEquals("Hủy", defaultButton.getText(), "cancelling is the default");
                        defaultButton.notifyListeners(SWT.Selection, null);
                    });
            cancel.start();
            request();
            cancel.verify();
            assertTrue(warned[0].contains("lần thứ hai") && warned[0].contains("trễ hạn"), warned[0]);
            assertEquals(1, requests(desk), "cancelled: nothing stored");

            ModalScript goOn = new ModalScript(display)
                    .when("the warning is shown again", () -> dialog("supplement.second") != null, () -> {
                        Shell w = dialog("supplement.second");
                        Widgets.all(w, Button.class).stream().filter(b -> b.getText().equals("Vẫn yêu cầu bổ sung"))
                                .findFirst().orElseThrow().notifyListeners(SWT.Selection, null);
                    })
                    .when("the reason is asked", () -> dialog("action.dialog") != null, () -> {
                        Shell d = dialog("action.dialog");
                        named(d, Text.class, "action.note").setText("Giấy chứng sinh chưa có dấu");
                        Widgets.all(d, Button.class).stream().filter(b -> b == d.getDefaultButton()).findFirst()
                                .orElseThrow().notifyListeners(SWT.Selection, null);
                    });
            goOn.start();
            request();
            goOn.verify();
            Widgets.settle(display, null, () -> requests(desk) == 2);
            assertEquals(2, requests(desk));
        }
    }

    private void request() {
        named(shell, Button.class, "action." + DossierAction.REQUEST_SUPPLEMENT.name()).notifyListeners(SWT.Selection, null);
    }

    private long requests(Desk desk) {
        return desk.store().handovers(askedOnce).stream().filter(h -> h.action() == DossierAction.REQUEST_SUPPLEMENT).count();
    }

    private Shell dialog(String id) {
        for (Shell s : display.getShells()) {
            if (!s.isDisposed() && id.equals(s.getData(UiIds.KEY))) {
                return s;
            }
        }
        return null;
    }

}
