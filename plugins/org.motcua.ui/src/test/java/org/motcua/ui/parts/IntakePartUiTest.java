package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.DossierQuery;
import org.junit.jupiter.api.extension.ExtendWith;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.TestDesks;
import org.motcua.print.FormKind;
import org.motcua.print.PrintedForm;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.RecordingFormOutput;

/** A whole intake typed into the real widgets of the intake part and saved into a real store. */
@ExtendWith(VietnameseDisplay.class)
class IntakePartUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private Desk desk;
    private IntakePart part;
    private final RecordingFormOutput output = new RecordingFormOutput();

    @BeforeEach
    void open() {
        desk = TestDesks.as(dir, Role.RECEIVING_OFFICER);
        shell = new Shell(display);
        shell.setSize(1100, 850);
        part = new IntakePart(desk, new DeskForms(desk, dir), output);
        part.createControls(shell);
        shell.open();
    }

    @AfterEach
    void close() {
        shell.dispose();
        desk.close();
    }

    /** Birth registration (1.001193) found by its name typed without diacritics. */
    private void chooseBirthRegistration() {
        named(shell, Text.class, "intake.procedure.search").setText("dang ky khai sinh");
        org.eclipse.swt.widgets.List list = named(shell, org.eclipse.swt.widgets.List.class, "intake.procedure.list");
        int index = List.of(list.getItems()).indexOf(List.of(list.getItems()).stream()
                .filter(s -> s.startsWith("1.001193 ")).findFirst().orElseThrow(() -> new AssertionError(List.of(list.getItems()))));
        list.select(index);
        list.notifyListeners(SWT.Selection, new Event());
    }

    private void typeApplicant() {
        named(shell, Text.class, "intake.name").setText("Nguyễn Thị Mai");
        named(shell, Text.class, "intake.citizenId").setText("001185012345");
        named(shell, Text.class, "intake.birthDate").setText("02/03/1985");
        named(shell, Text.class, "intake.phone").setText("0912 345 678");
        named(shell, Text.class, "intake.province").setText("Tỉnh Mẫu");
        named(shell, Text.class, "intake.commune").setText("Xã Mẫu Thuận");
        named(shell, Text.class, "intake.detail").setText("Thôn 3");
    }

    private String feedback() {
        return named(shell, Label.class, "intake.feedback").getText();
    }

    private void pressSave() throws InterruptedException {
        Button save = named(shell, Button.class, "intake.save");
        save.notifyListeners(SWT.Selection, new Event());
        Widgets.settle(display, part.runningSave(), () -> !feedback().startsWith("Đang lưu"));
    }

    @Test
    void aFullIntakeThroughTheWidgetsStoresTheDossierAndItsOutboxEvent() throws Exception {
        chooseBirthRegistration();
        assertTrue(named(shell, Label.class, "intake.due").getText().startsWith("Hẹn trả nếu tiếp nhận bây giờ: "),
                named(shell, Label.class, "intake.due").getText());
        Table checklist = named(shell, Table.class, "intake.checklist");
        assertTrue(checklist.getItemCount() > 0);
        for (TableItem item : checklist.getItems()) {
            item.setChecked(true);
            Event tick = new Event();
            tick.item = item;
            tick.detail = SWT.CHECK;
            checklist.notifyListeners(SWT.Selection, tick);
        }
        typeApplicant();
        assertTrue(Widgets.labels(shell).contains("Số định danh hợp lệ, năm sinh 1985, mã tỉnh 001."));

        pressSave();

        assertTrue(feedback().startsWith("Đã tiếp nhận hồ sơ 000.00.99.H99-260309-"), feedback());
        var page = desk.search().find(DossierQuery.text("001185012345", desk.now(), 10));
        assertEquals(1, page.items().size());
        Dossier stored = desk.store().dossier(page.items().get(0).id()).orElseThrow();

        // Form 01, both copies, went to the output (the preview in the product) after the dossier was stored.
        assertEquals(1, output.shown().size());
        PrintedForm receipt = output.last();
        assertEquals(FormKind.RECEIPT, receipt.kind());
        assertTrue(receipt.pages() >= 2, "one copy for the citizen, one kept, each from a new page");
        assertTrue(feedback().endsWith("\nĐã xem " + receipt.fileName()), "the output's sentence is shown: " + feedback());
        String text = RecordingFormOutput.text(receipt);
        String code = stored.code().format();
        assertTrue(text.indexOf(code) >= 0 && text.indexOf(code, text.indexOf(code) + 1) > 0,
                "the code on both copies: " + text);
        assertTrue(text.contains("Nguyễn Thị Mai"), text);
        assertTrue(text.contains("Cán Bộ RECEIVING_OFFICER"), "the receiving officer signs: " + text);
        assertEquals("Nguyễn Thị Mai", stored.applicant().fullName());
        assertEquals("1.001193", stored.procedureCode());
        assertEquals(DossierStatus.RECEIVED, stored.status());
        assertEquals(checklist.getItemCount(), stored.documents().size());
        assertEquals("receiving.officer", stored.receivedBy());
        assertEquals(1, desk.store().count("outbox"));
        assertTrue(desk.store().verifyOutbox().intact());
        assertEquals("", named(shell, Text.class, "intake.name").getText(), "the form is ready for the next citizen");
    }

    @Test
    void aMissingRequiredDocumentShowsTheVietnameseMessageAndWritesNothing() throws Exception {
        chooseBirthRegistration();
        typeApplicant();   // nothing ticked
        pressSave();
        assertTrue(feedback().contains("Thiếu giấy tờ bắt buộc: "), feedback());
        assertEquals(0, desk.store().count("dossier"));
        assertEquals(0, desk.store().count("outbox"));
        assertTrue(output.shown().isEmpty(), "no receipt for a dossier that was not stored");
    }

    @Test
    void formErrorsAreShownBeforeAnythingIsSent() throws Exception {
        pressSave();
        assertEquals("Hãy chọn thủ tục trước.", feedback());
        chooseBirthRegistration();
        typeApplicant();
        named(shell, Text.class, "intake.birthDate").setText("31/02/1985");
        pressSave();
        assertTrue(feedback().startsWith("Ngày sinh \"31/02/1985\" không đúng dạng"), feedback());
        named(shell, Text.class, "intake.birthDate").setText("");
        named(shell, Text.class, "intake.citizenId").setText("0011850123");
        pressSave();
        assertTrue(feedback().startsWith("Số định danh cá nhân phải gồm đúng 12 chữ số"), feedback());
        assertEquals(0, desk.store().count("dossier"));
    }
}
