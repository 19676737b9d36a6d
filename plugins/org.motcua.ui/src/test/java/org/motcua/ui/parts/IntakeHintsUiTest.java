package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.List;
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
import org.motcua.core.lifecycle.Role;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.RecordingFormOutput;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.testing.VietnameseDisplay;

/** The intake form's help from earlier dossiers: most received procedures first, a returning citizen's details. */
@ExtendWith(VietnameseDisplay.class)
class IntakeHintsUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private Desk desk;

    @BeforeEach
    void open() {
        desk = TestDesks.as(dir, Role.RECEIVING_OFFICER);
        shell = new Shell(display);
        shell.setSize(1100, 850);
    }

    @AfterEach
    void close() {
        shell.dispose();
        desk.close();
    }

    private void receive(String procedureCode, String name, String citizenId, String phone) {
        Procedure p = desk.catalogue().latest(procedureCode).orElseThrow();
        Applicant a = Applicant.citizen(name, CitizenId.parse(citizenId, null), LocalDate.of(1985, 3, 2), phone,
                new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", "Thôn 4"));
        java.util.List<ReceivedDocument> docs = p.requiredDocuments().stream().map(ReceivedDocument::of).toList();
        desk.intake().receive(new IntakeRequest(p, a, docs, 1, Channel.IN_PERSON, ResultDelivery.COUNTER,
                desk.now().minusHours(1), desk.username(), Optional.empty(), ""), Role.RECEIVING_OFFICER, desk.now());
    }

    private void openIntake() {
        new IntakePart(desk, new DeskForms(desk, dir), new RecordingFormOutput()).createControls(shell);
        shell.open();
    }

    @Test
    void theUnitsMostReceivedProcedureHeadsTheListUntilTheOfficerTypes() {
        receive("1.001193", "Lê Văn Một", "001085000001", "0912000001");
        for (int i = 2; i < 5; i++) {
            receive("1.000656", "Lê Văn Hai " + i, "00108500000" + i, "0912000002");
        }
        openIntake();
        List list = named(shell, List.class, "intake.procedure.list");
        assertTrue(list.getItem(0).startsWith("1.000656 "), list.getItem(0));
        assertTrue(list.getItem(1).startsWith("1.001193 "), list.getItem(1));

        named(shell, Text.class, "intake.procedure.search").setText("khai sinh");
        assertTrue(java.util.List.of(list.getItems()).stream().noneMatch(s -> s.startsWith("1.000656 ")),
                "typing searches the whole catalogue by name");
    }

    @Test
    void aReturningCitizensEarlierDetailsAreOfferedAndFilledOnlyWhenAccepted() {
        receive("1.001193", "Nguyễn Thị Hoà", "001185012345", "0987 654 321");
        openIntake();
        Link offer = named(shell, Link.class, "intake.returning");
        assertFalse(offer.getVisible());

        named(shell, Text.class, "intake.citizenId").setText("001185012345");
        assertTrue(offer.getVisible());
        assertEquals("Công dân này đã nộp hồ sơ tại đây: Nguyễn Thị Hoà, sinh ngày 02/03/1985. "
                + "<a>Điền lại thông tin đã khai</a> (đọc lại cho công dân xác nhận).", offer.getText());
        assertEquals("", named(shell, Text.class, "intake.name").getText(), "nothing is filled silently");

        offer.notifyListeners(SWT.Selection, new Event());
        assertEquals("Nguyễn Thị Hoà", named(shell, Text.class, "intake.name").getText());
        assertEquals("02/03/1985", named(shell, Text.class, "intake.birthDate").getText());
        assertEquals("0987 654 321", named(shell, Text.class, "intake.phone").getText());
        assertEquals("Thôn 4", named(shell, Text.class, "intake.detail").getText());
        assertFalse(offer.getVisible());

        named(shell, Text.class, "intake.citizenId").setText("001185099999");
        assertFalse(offer.getVisible(), "an ID never seen here offers nothing");
    }
}
