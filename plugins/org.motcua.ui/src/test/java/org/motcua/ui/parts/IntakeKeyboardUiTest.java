package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.DossierQuery;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.Keyboard;
import org.motcua.ui.testing.RecordingFormOutput;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/** A whole intake with key events only: no mouse, no calls on widgets. */
@ExtendWith(VietnameseDisplay.class)
class IntakeKeyboardUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private Desk desk;
    private IntakePart part;

    @BeforeEach
    void open() {
        desk = TestDesks.as(dir, Role.RECEIVING_OFFICER);
        shell = new Shell(display);
        shell.setSize(1100, 850);
        part = new IntakePart(desk, new DeskForms(desk, dir), new RecordingFormOutput());
        part.createControls(shell);
        shell.open();
        shell.forceActive();
        part.focus();   // what e4 does when the part is activated
    }

    @AfterEach
    void close() {
        shell.dispose();
        desk.close();
    }

    @Test
    void aTrainedOfficerReceivesTheSampleDossierWithTheKeyboardAlone() throws Exception {
        Keyboard keyboard = new Keyboard(display);
        KeyboardIntake.typeSampleDossier(keyboard);
        Label feedback = Widgets.named(shell, Label.class, "intake.feedback");
        Widgets.settle(display, part.runningSave(), () -> feedback.getText().startsWith("Đã tiếp nhận"));
        assertTrue(feedback.getText().startsWith("Đã tiếp nhận hồ sơ"), feedback.getText());

        var page = desk.search().find(DossierQuery.text(KeyboardIntake.CITIZEN_ID, desk.now(), 10));
        assertEquals(1, page.items().size());
        Dossier d = desk.store().dossier(page.items().get(0).id()).orElseThrow();
        assertEquals(KeyboardIntake.PROCEDURE, d.procedureCode());
        assertEquals(KeyboardIntake.NAME, d.applicant().fullName());
        assertEquals(LocalDate.of(1985, 3, 2), d.applicant().birthDate().orElseThrow());
        assertEquals(KeyboardIntake.PHONE, d.applicant().phone());
        assertEquals(3, d.documents().size(), "the three required documents ticked with Space");
        assertEquals(1, d.sets());
        assertTrue(keyboard.keystrokes() < 80, "keys pressed: " + keyboard.keystrokes());
    }
}
