package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
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
import org.motcua.ui.testing.Widgets;

/** The dossier list filtered by procedure, field and the days dossiers were received, on a real store. */
@ExtendWith(VietnameseDisplay.class)
class DossierFiltersUiTest {

    private static final String BIRTH = "1.001193";
    private static final String DEATH = "1.000656";
    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private Desk desk;
    private DossierListPart part;

    @BeforeEach
    void open() {
        desk = TestDesks.as(dir, Role.RECEIVING_OFFICER);
        receive(BIRTH, LocalDateTime.of(2026, 3, 2, 9, 0));
        receive(BIRTH, LocalDateTime.of(2026, 3, 5, 9, 0));
        receive(DEATH, LocalDateTime.of(2026, 3, 5, 10, 0));
        receive(DEATH, LocalDateTime.of(2026, 3, 9, 8, 0));
        shell = new Shell(display);
        shell.setSize(1100, 700);
        shell.setLayout(new FillLayout());
        part = new DossierListPart(desk, new DeskForms(desk, dir), new RecordingFormOutput());
        part.createControls(shell);
        shell.open();
    }

    @AfterEach
    void close() {
        shell.dispose();
        desk.close();
    }

    private int n;

    private void receive(String code, LocalDateTime at) {
        Procedure p = desk.catalogue().latest(code).orElseThrow();
        n++;
        Applicant a = Applicant.citizen("Đỗ Thị Lọc " + n, CitizenId.parse(String.format("001185%06d", n), null),
                LocalDate.of(1985, 1, 1), "0912345678", new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", ""));
        List<ReceivedDocument> docs = p.requiredDocuments().stream().map(ReceivedDocument::of).toList();
        desk.intake().receive(new IntakeRequest(p, a, docs, 1, Channel.IN_PERSON, ResultDelivery.COUNTER, at,
                desk.username(), Optional.empty(), ""), Role.RECEIVING_OFFICER, desk.now());
    }

    private int shownAfter(Runnable change) throws InterruptedException {
        change.run();
        part.table().getItemCount();
        if (part.table().getItemCount() > 0) {
            part.table().getItem(0).getText();
        }
        Widgets.settle(display, null, () -> part.pages().exact());
        return part.pages().rowCount();
    }

    private void choose(Combo combo, String startingWith) {
        combo.select(List.of(combo.getItems()).indexOf(List.of(combo.getItems()).stream()
                .filter(s -> s.startsWith(startingWith)).findFirst().orElseThrow()));
        combo.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void procedureFieldAndReceptionDaysNarrowTheList() throws Exception {
        assertEquals(4, part.table().getItemCount());
        Combo procedure = named(shell, Combo.class, "dossiers.procedureFilter");
        assertEquals(2, shownAfter(() -> choose(procedure, BIRTH + " ")));

        Button byDate = named(shell, Button.class, "dossiers.byDate");
        DateTime from = named(shell, DateTime.class, "dossiers.from");
        DateTime to = named(shell, DateTime.class, "dossiers.to");
        from.setDate(2026, 2, 4);
        to.setDate(2026, 2, 9);
        assertEquals(1, shownAfter(() -> {
            byDate.setSelection(true);
            byDate.notifyListeners(SWT.Selection, new Event());
        }), "birth registrations received 4–9 March");

        assertEquals(3, shownAfter(() -> choose(procedure, "Tất cả")), "every procedure received 4–9 March");

        Combo field = named(shell, Combo.class, "dossiers.fieldFilter");
        String deathField = desk.catalogue().latest(DEATH).orElseThrow().fieldName();
        String birthField = desk.catalogue().latest(BIRTH).orElseThrow().fieldName();
        int expected = deathField.equals(birthField) ? 3 : 2;
        assertEquals(expected, shownAfter(() -> choose(field, deathField)));
    }
}
