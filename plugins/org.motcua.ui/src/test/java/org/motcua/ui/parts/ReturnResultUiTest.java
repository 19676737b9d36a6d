package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
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
import org.motcua.core.dossier.CollectedBy;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.dossier.Satisfaction;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.ReturnedResult;
import org.motcua.store.ResultReturns;
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
 * Returning a result through the detail view's button and its dialog, as the officer at the counter does: the dialog
 * refuses an authorised person without a citizen ID in Vietnamese and keeps what was typed; once complete, the
 * dossier is returned, who collected it and the rating are stored, and the timeline says so.
 */
@ExtendWith(VietnameseDisplay.class)
class ReturnResultUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private UUID done;

    @BeforeEach
    void aDossierWhoseResultIsReady() {
        char[] pw = TestDesks.PASSWORD.toCharArray();
        try (Desk admin = TestDesks.admin(dir)) {
            DeskSetup.addOfficer(new DeskFiles(dir), admin, pw, TestDesks.username(Role.RECEIVING_OFFICER), "Cán Bộ Một Cửa",
                    Role.RECEIVING_OFFICER, pw);
        }
        try (Desk desk = TestDesks.login(dir, Role.RECEIVING_OFFICER)) {
            Procedure p = desk.catalogue().latest("1.001193").orElseThrow();
            Applicant a = Applicant.citizen("Trần Văn Bình", CitizenId.parse("001085012345", null), LocalDate.of(1985, 1, 2),
                    "0912345678", new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", "Thôn 2"));
            var d = desk.intake().receive(new IntakeRequest(p, a, p.requiredDocuments().stream().map(ReceivedDocument::of)
                    .toList(), 1, Channel.IN_PERSON, ResultDelivery.COUNTER, desk.now(), desk.username(), Optional.empty(), ""),
                    Role.RECEIVING_OFFICER, desk.now());
            desk.workflow().take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, desk.username(),
                    "xuly", "", desk.now());
            desk.workflow().take(d.id(), DossierAction.MARK_DONE, Role.PROCESSING_OFFICER, "xuly", desk.username(), "",
                    desk.now());
            done = d.id();
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
    void anAuthorisedPersonCollectsTheResultAndTheCitizenRatesIt() throws Exception {
        try (Desk desk = TestDesks.login(dir, Role.RECEIVING_OFFICER)) {
            DossierDetailView view = new DossierDetailView(shell, desk, new DeskForms(desk, dir), new RecordingFormOutput(),
                    done);
            shell.layout(true, true);
            shell.open();
            String[] refusal = new String[1];
            ModalScript script = new ModalScript(display)
                    .when("the dialog is open", () -> dialog() != null, () -> {
                        Shell d = dialog();
                        assertTrue(named(d, Button.class, "return.who.APPLICANT").getSelection(), "the applicant by default");
                        assertTrue(named(d, Button.class, "return.rating.NONE").getSelection(), "not rated until asked");
                        select(d, "return.who.AUTHORISED_PERSON");
                        named(d, Text.class, "return.name").setText("Trần Thị Cúc");
                        select(d, "return.rating.ACCEPTABLE");
                        named(d, Text.class, "return.comment").setText("Chờ hơi lâu");
                        press(named(d, Button.class, "return.ok"));
                    })
                    .when("the missing citizen ID is pointed out", () -> dialog() != null && errorShown(dialog()), () -> {
                        Shell d = dialog();
                        refusal[0] = "refused";
                        assertEquals("Trần Thị Cúc", named(d, Text.class, "return.name").getText(), "nothing typed is lost");
                        named(d, Text.class, "return.citizenId").setText("001190004321");
                        press(named(d, Button.class, "return.ok"));
                    });
            script.start();
            named(shell, Button.class, "action." + DossierAction.RETURN_RESULT.name()).notifyListeners(SWT.Selection, null);
            script.verify();
            assertTrue(refusal[0] != null, "the dialog refused the incomplete details first");

            Widgets.settle(display, null, () -> desk.store().dossier(done).orElseThrow().status() == DossierStatus.RETURNED
                    && Widgets.has(shell, Label.class, "detail.returned"));
            ReturnedResult stored = new ResultReturns(desk.store()).of(done).orElseThrow();
            assertEquals(CollectedBy.AUTHORISED_PERSON, stored.details().collectedBy());
            assertEquals("Trần Thị Cúc", stored.details().collectorName());
            assertEquals("001190004321", stored.details().collectorId().orElseThrow().digits());
            assertEquals(Optional.of(Satisfaction.ACCEPTABLE), stored.details().rating());
            assertEquals("Chờ hơi lâu", stored.details().comment());
            String shown = named(shell, Label.class, "detail.returned").getText();
            assertTrue(shown.contains("người được ủy quyền: Trần Thị Cúc") && shown.contains("Chấp nhận được")
                    && shown.contains("Chờ hơi lâu"), shown);
            assertTrue(view.control() != null);
        }
    }

    @Test
    void aResultSentByPostPrintsItsEnvelopeLabel() throws Exception {
        try (Desk desk = TestDesks.login(dir, Role.RECEIVING_OFFICER)) {
            RecordingFormOutput output = new RecordingFormOutput();
            new DossierDetailView(shell, desk, new DeskForms(desk, dir), output, done);
            shell.layout(true, true);
            shell.open();
            ModalScript script = new ModalScript(display).when("the dialog is open", () -> dialog() != null, () -> {
                Shell d = dialog();
                select(d, "return.who.POST");
                assertTrue(named(d, Text.class, "return.tracking").getEnabled(), "the tracking number can be typed");
                assertTrue(!named(d, Text.class, "return.name").getEnabled(), "a name cannot");
                named(d, Text.class, "return.tracking").setText("ee123456789vn");
                press(named(d, Button.class, "return.ok"));
            });
            script.start();
            named(shell, Button.class, "action." + DossierAction.RETURN_RESULT.name()).notifyListeners(SWT.Selection, null);
            script.verify();
            Widgets.settle(display, null, () -> !output.shown().isEmpty());
            assertEquals(org.motcua.print.FormKind.ENVELOPE_LABEL, output.last().kind());
            String label = RecordingFormOutput.text(output.last());
            assertTrue(label.contains("Mã vận đơn: EE123456789VN") && label.contains("TRẦN VĂN BÌNH"), label);
            assertEquals(CollectedBy.POST, new ResultReturns(desk.store()).of(done).orElseThrow().details().collectedBy());
        }
    }

    /** True while the dialog shows an error in its title area (TitleAreaDialog has no name on that label). */
    private static boolean errorShown(Shell d) {
        List<String> texts = new java.util.ArrayList<>(Widgets.labels(d));
        Widgets.all(d, Text.class).forEach(t -> texts.add(t.getText()));
        return texts.stream().anyMatch(l -> l.contains("số định danh cá nhân của người được ủy quyền"));
    }

    private Shell dialog() {
        for (Shell s : display.getShells()) {
            if (s != shell && !s.isDisposed() && "return.dialog".equals(s.getData(org.motcua.ui.UiIds.KEY))) {
                return s;
            }
        }
        return null;
    }

    /** A radio button chosen as a click would: the others in its group go off. */
    private static void select(Shell d, String id) {
        Button chosen = named(d, Button.class, id);
        for (Button b : Widgets.all(chosen.getParent(), Button.class)) {
            if ((b.getStyle() & SWT.RADIO) != 0) {
                b.setSelection(b == chosen);
            }
        }
        chosen.notifyListeners(SWT.Selection, null);
    }

    private static void press(Button b) {
        b.notifyListeners(SWT.Selection, null);
    }
}
