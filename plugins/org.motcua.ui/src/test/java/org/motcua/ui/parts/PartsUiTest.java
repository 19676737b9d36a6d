package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.labels;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.motcua.sync.ServerAddress;
import org.junit.jupiter.api.extension.ExtendWith;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.RecordingFormOutput;

/** Real SWT widgets in a real Shell (run under Xvfb) on a real desk; the parts are created the way e4 creates them. */
@ExtendWith(VietnameseDisplay.class)
class PartsUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private Desk desk;

    @AfterAll
    static void restore() {
        System.clearProperty(ServerAddress.PROPERTY);
    }

    @BeforeEach
    void openShell() {
        desk = TestDesks.as(dir, Role.RECEIVING_OFFICER);
        shell = new Shell(display);
        shell.setSize(1000, 700);
        shell.setLayout(new org.eclipse.swt.layout.FillLayout());
    }

    @AfterEach
    void closeShell() {
        shell.dispose();
        desk.close();
    }

    /** {@code n} dossiers received on Monday 9 March 2026 from 08:30, one a minute. */
    private void receive(int n) {
        Procedure p = desk.catalogue().latest("1.001193").orElseThrow();
        LocalDateTime start = desk.now().minusHours(n / 60 + 1);
        for (int i = 0; i < n; i++) {
            Applicant a = Applicant.citizen("Lê Văn Nam " + i, CitizenId.parse(String.format("001085%06d", i), null),
                    LocalDate.of(1985, 1, 1), "0912345678", new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", ""));
            desk.intake().receive(new IntakeRequest(p, a, p.requiredDocuments().stream().map(ReceivedDocument::of).toList(),
                    1, Channel.IN_PERSON, ResultDelivery.COUNTER, start.plusMinutes(i), desk.username(), Optional.empty(), ""),
                    Role.RECEIVING_OFFICER, desk.now());
        }
    }

    private void settle(java.util.function.BooleanSupplier done) throws InterruptedException {
        Widgets.settle(display, null, done);
    }

    @Test
    void dossierListIsAVirtualTableWithVietnameseHeaders() throws Exception {
        new DossierListPart(desk, new DeskForms(desk, dir), new RecordingFormOutput()).createControls(shell);
        shell.open();
        Table table = named(shell, Table.class, "dossiers.table");
        assertTrue((table.getStyle() & SWT.VIRTUAL) != 0, "must stay responsive with 300,000 rows");
        assertEquals(List.of("Mã hồ sơ", "Thủ tục", "Người nộp", "Ngày nhận", "Hẹn trả", "Trạng thái"),
                Stream.of(table.getColumns()).map(TableColumn::getText).toList());
        assertEquals(0, table.getItemCount());
        assertTrue(labels(shell).contains("Chưa có hồ sơ nào."));
    }

    @Test
    void dossierListFetchesOnlyThePagesShownAndSearchesNamesWithoutDiacritics() throws Exception {
        receive(450);
        DossierListPart part = new DossierListPart(desk, new DeskForms(desk, dir), new RecordingFormOutput());
        part.createControls(shell);
        shell.open();
        Table table = part.table();
        assertEquals(450, table.getItemCount(), "the unfiltered count is exact");
        settle(() -> part.pages().fetches() >= 1 && !table.getItem(0).getText(0).startsWith("Đang"));
        assertTrue(table.getItem(0).getText(0).startsWith("000.00.99.H99-260309-"), table.getItem(0).getText(0));
        assertEquals(1, part.pages().fetches(), "only the first page for the first screen");
        assertTrue(part.pages().loadedRows() <= DossierPages.PAGE_SIZE);

        part.indexing().join();
        settle(() -> part.pages().indexed());
        table.setTopIndex(420);
        table.getItem(440).getText();  // a row of the last page is shown: its page is fetched, not the middle one
        settle(() -> part.pages().row(440) != null);
        assertEquals(2, part.pages().fetches(), "page 3 only; page 2 was never shown");
        assertEquals(0, part.pages().offsetFetches(), "the deep page came by key from the list index, not by offset");

        Text search = named(shell, Text.class, "dossiers.search");
        search.setText("le van nam 12");
        search.notifyListeners(SWT.DefaultSelection, new Event());
        table.getItem(0).getText();
        settle(() -> part.pages().exact() && part.pages().row(0) != null);
        assertTrue(part.pages().rowCount() >= 1);
        assertTrue(part.pages().row(0).applicantName().startsWith("Lê Văn Nam 12"), part.pages().row(0).applicantName());

        search.setText("");
        Combo due = named(shell, Combo.class, "dossiers.dueFilter");
        due.select(3);   // overdue: none, they were all received this morning
        due.notifyListeners(SWT.Selection, new Event());
        table.getItem(0).getText();
        settle(() -> part.pages().exact());
        assertEquals(0, part.pages().rowCount());
    }

    /**
     * A jump lands at once and fetches only pages of the rows it lands on: GTK animates a programmatic scroll over
     * 200 ms unless its animations are off, and the rows passed on the way were fetched as pages nobody saw.
     */
    @Test
    void dossierListJumpsLandAtOnceAndFetchOnlyTheRowsInView() throws Exception {
        receive(1200);
        DossierListPart part = new DossierListPart(desk, new DeskForms(desk, dir), new RecordingFormOutput());
        part.createControls(shell);
        shell.open();
        Table table = part.table();
        part.indexing().join();
        settle(() -> part.pages().indexed() && part.pages().row(0) != null);
        int rowsInView = table.getClientArea().height / table.getItemHeight();
        for (int target : new int[] {1150, 100, 820, 410, 1000}) {
            int before = part.pages().arrivals().size();
            table.setTopIndex(target);
            settle(() -> {
                int top = table.getTopIndex();
                return part.pages().row(top) != null && part.pages().row(Math.min(1199, top + rowsInView - 1)) != null;
            });
            int top = table.getTopIndex();
            assertTrue(Math.abs(top - target) <= rowsInView, "the jump to row " + target + " landed on row " + top);
            List<Integer> fetched = part.pages().arrivals().subList(before, part.pages().arrivals().size());
            for (int page : fetched) {
                assertTrue(page >= DossierPages.pageOf(top) && page <= DossierPages.pageOf(top + rowsInView),
                        "jump to row " + target + " (view from row " + top + ") fetched pages " + fetched);
            }
        }
    }

    @Test
    void intakeChecksTheCitizenIdAsItIsTyped() {
        new IntakePart(desk, new DeskForms(desk, dir), new RecordingFormOutput()).createControls(shell);
        shell.open();
        Text id = named(shell, Text.class, "intake.citizenId");

        id.setText("00108501");
        assertTrue(labels(shell).contains("Số định danh cá nhân phải gồm đúng 12 chữ số (đang có 8 chữ số)."),
                labels(shell).toString());

        id.setText("001085012345");
        assertTrue(labels(shell).contains("Số định danh hợp lệ, năm sinh 1985, mã tỉnh 001."), labels(shell).toString());

        id.setText("");
        assertTrue(labels(shell).contains(""));
    }
}
