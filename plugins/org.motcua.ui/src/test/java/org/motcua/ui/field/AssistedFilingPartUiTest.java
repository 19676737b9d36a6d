package org.motcua.ui.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.FieldAssistance;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Role;
import org.motcua.ui.Messages;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.DeskLogin;
import org.motcua.ui.desk.DeskSetup;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.parts.DetailViews;
import org.motcua.ui.parts.IntakePart;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.RecordingFormOutput;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/** A volunteer files a dossier for a citizen through the five pages; the centre receives it later. */
@ExtendWith(VietnameseDisplay.class)
class AssistedFilingPartUiTest {

    private static final String ASSISTANT = "Cán Bộ COMMUNITY_ASSISTANT";
    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private Desk desk;
    private AssistedFilingPart part;

    @BeforeEach
    void open() {
        char[] pw = TestDesks.PASSWORD.toCharArray();
        try (Desk admin = TestDesks.admin(dir)) {
            for (Role r : List.of(Role.COMMUNITY_ASSISTANT, Role.RECEIVING_OFFICER)) {
                DeskSetup.addOfficer(new DeskFiles(dir), admin, pw, TestDesks.username(r), "Cán Bộ " + r.name(), r, pw);
            }
        }
        desk = TestDesks.login(dir, Role.COMMUNITY_ASSISTANT);
        shell = new Shell(display);
        shell.setSize(1100, 850);
        part = new AssistedFilingPart(desk);
        part.createControls(shell);
        shell.open();
    }

    @AfterEach
    void close() {
        shell.dispose();
        desk.close();
    }

    private String title() {
        return named(shell, Label.class, "assisted.title").getText();
    }

    private String feedback() {
        return named(shell, Label.class, "assisted.feedback").getText();
    }

    private void pressNext() throws InterruptedException {
        named(shell, Button.class, "assisted.next").notifyListeners(SWT.Selection, new Event());
        Widgets.settle(display, part.runningSave(), () -> !feedback().startsWith("Đang lưu"));
    }

    private void chooseBirthRegistration() {
        named(shell, Text.class, "intake.procedure.search").setText("dang ky khai sinh");
        org.eclipse.swt.widgets.List list = named(shell, org.eclipse.swt.widgets.List.class, "intake.procedure.list");
        List<String> items = List.of(list.getItems());
        list.select(items.indexOf(items.stream().filter(s -> s.startsWith("1.001193 ")).findFirst()
                .orElseThrow(() -> new AssertionError(items))));
        list.notifyListeners(SWT.Selection, new Event());
    }

    private void typeApplicant() {
        named(shell, Text.class, "assisted.name").setText("Hoàng Văn Lộc");
        named(shell, Text.class, "assisted.citizenId").setText("001145012345");
        named(shell, Text.class, "assisted.birthDate").setText("12/08/1945");
        named(shell, Text.class, "assisted.phone").setText("0912 345 678");
        named(shell, Text.class, "assisted.province").setText("Tỉnh Mẫu");
        named(shell, Text.class, "assisted.commune").setText("Xã Mẫu Thuận");
        named(shell, Text.class, "assisted.detail").setText("Thôn Nà Hang");
    }

    private void tickAll() {
        Table checklist = named(shell, Table.class, "intake.checklist");
        assertTrue(checklist.getItemCount() > 0);
        for (TableItem item : checklist.getItems()) {
            item.setChecked(true);
        }
    }

    /** Steps 1 to 4 filled correctly; the part then shows the review. */
    private void fillFourSteps() throws InterruptedException {
        chooseBirthRegistration();
        pressNext();
        typeApplicant();
        assertTrue(Widgets.labels(shell).contains("Số định danh hợp lệ, năm sinh 1945, mã tỉnh 001."), Widgets.labels(shell).toString());
        pressNext();
        tickAll();
        pressNext();
        assertEquals(ASSISTANT, named(shell, Text.class, "assisted.assistant").getText(), "the volunteer is prefilled");
        named(shell, Text.class, "assisted.village").setText("Thôn Nà Hang");
        pressNext();
        assertEquals("Bước 5/5: kiểm tra và lưu", title());
    }

    @Test
    void fiveStepsStoreANewDossierCollectedInTheVillageAndTheCentreReceivesItLater() throws Exception {
        fillFourSteps();
        String review = named(shell, Label.class, "assisted.review").getText();
        assertTrue(review.contains("Người nộp: Hoàng Văn Lộc, số định danh 001145012345, ngày sinh 12/08/1945"), review);
        assertTrue(review.contains("Thu nhận tại: Thôn Nà Hang, người hỗ trợ: " + ASSISTANT), review);

        pressNext();   // "Lưu hồ sơ"

        assertEquals("Đã lưu hồ sơ", title());
        Dossier stored = desk.store().dossierByCode(named(shell, Label.class, "assisted.saved.code").getText()).orElseThrow();
        assertEquals(DossierStatus.NEW, stored.status());
        assertEquals(Optional.of(new FieldAssistance(ASSISTANT, "Thôn Nà Hang")), stored.assistance());
        assertEquals("Hoàng Văn Lộc", stored.applicant().fullName());
        assertEquals("1.001193", stored.procedureCode());
        assertEquals(DossierAction.COLLECT_IN_FIELD, desk.store().handovers(stored.id()).get(0).action());
        assertEquals(1, desk.store().count("outbox"));
        assertTrue(desk.store().verifyOutbox().intact());
        assertTrue(named(shell, Label.class, "assisted.saved.explanation").getText().contains("Mới đăng ký"),
                named(shell, Label.class, "assisted.saved.explanation").getText());

        named(shell, Button.class, "assisted.another").notifyListeners(SWT.Selection, new Event());
        assertEquals("Bước 1/5: chọn thủ tục", title());
        assertEquals("", named(shell, Text.class, "assisted.name").getText(), "ready for the next citizen");
        assertEquals("Thôn Nà Hang", named(shell, Text.class, "assisted.village").getText(), "same village");

        receiveAtTheCentre(stored);
    }

    /** Wednesday 11 March 2026 14:00 the receiving officer presses "Tiếp nhận hồ sơ" in the detail view. */
    private void receiveAtTheCentre(Dossier collected) throws InterruptedException {
        LocalDateTime wednesday = LocalDateTime.of(2026, 3, 11, 14, 0);
        ZoneId zone = TestDesks.MONDAY_MORNING.getZone();
        Clock later = Clock.fixed(wednesday.atZone(zone).toInstant(), zone);
        Desk officer = ((DeskLogin.Opened) DeskLogin.login(new DeskFiles(dir), TestDesks.username(Role.RECEIVING_OFFICER),
                TestDesks.PASSWORD.toCharArray(), TestDesks.DEADLINES, later)).desk();
        Shell detail = new Shell(display);
        try {
            detail.setSize(1000, 800);
            DetailViews.open(detail, officer, collected.id());
            Messages messages = Messages.current();
            String actionTitle = DossierAction.RECEIVE.displayName(messages.locale());
            display.asyncExec(() -> {   // runs inside the action dialog's event loop: press its OK
                for (Shell s : display.getShells()) {
                    if (actionTitle.equals(s.getText()) && s != detail) {
                        Widgets.all(s, Button.class).stream().filter(b -> b.getText().equals(messages.get("action.ok")))
                                .findFirst().orElseThrow().notifyListeners(SWT.Selection, new Event());
                    }
                }
            });
            named(detail, Button.class, "action.RECEIVE").notifyListeners(SWT.Selection, new Event());
            Widgets.settle(display, null, () -> named(detail, Label.class, "detail.feedback").getText().startsWith("Đã"));
            assertEquals("Đã thực hiện: Tiếp nhận hồ sơ.", named(detail, Label.class, "detail.feedback").getText());
        } finally {
            detail.dispose();
        }
        Dossier received = officer.store().dossier(collected.id()).orElseThrow();
        officer.close();
        Procedure p = desk.catalogue().version(collected.procedureCode(), collected.procedureVersion()).orElseThrow();
        assertEquals(DossierStatus.RECEIVED, received.status());
        assertEquals(wednesday, received.receivedAt());
        assertEquals(TestDesks.DEADLINES.dueAt(wednesday, p.processingTime(), p.afternoonCutOff()), received.dueAt());
        assertTrue(received.dueAt().isAfter(collected.dueAt()), "the days in the village do not count");
    }

    @Test
    void aStepWithAMissingRequiredFieldDoesNotAdvanceAndSaysWhy() throws Exception {
        pressNext();
        assertEquals("Bước 1/5: chọn thủ tục", title());
        assertEquals("Hãy chọn thủ tục trước.", feedback());

        chooseBirthRegistration();
        pressNext();
        pressNext();   // nothing typed
        assertEquals("Bước 2/5: người nộp hồ sơ", title());
        assertTrue(feedback().contains("Chưa nhập họ tên người nộp hồ sơ."), feedback());
        assertTrue(feedback().contains("Công dân nộp hồ sơ phải có số định danh cá nhân."), feedback());
        typeApplicant();
        named(shell, Text.class, "assisted.birthDate").setText("31/02/1945");
        pressNext();
        assertEquals("Bước 2/5: người nộp hồ sơ", title());
        assertTrue(feedback().startsWith("Ngày sinh \"31/02/1945\" không đúng dạng"), feedback());
        named(shell, Text.class, "assisted.birthDate").setText("12/08/1945");
        pressNext();

        pressNext();   // nothing ticked
        assertEquals("Bước 3/5: giấy tờ đã nộp", title());
        assertEquals("Chưa đánh dấu giấy tờ nào đã nhận.", feedback().lines().findFirst().orElse(""));
        tickAll();
        pressNext();

        pressNext();   // no village
        assertEquals("Bước 4/5: nơi thu nhận và người hỗ trợ", title());
        assertEquals("Hãy nhập tên thôn/bản nơi thu nhận hồ sơ.", feedback());
        named(shell, Button.class, "assisted.back").notifyListeners(SWT.Selection, new Event());
        assertEquals("Bước 3/5: giấy tờ đã nộp", title());
        assertEquals(0, desk.store().count("dossier"));
    }

    @Test
    void theTypeIsLargerThanTheSystemFont() {
        int system = display.getSystemFont().getFontData()[0].getHeight();
        int large = named(shell, Text.class, "assisted.name").getFont().getFontData()[0].getHeight();
        assertEquals(Math.round(system * LargeType.SCALE), large);
    }

    @Test
    void theCounterIntakeFormTellsAVolunteerToUseTheAssistedFilingAndTheStoreRefusesTheirSave() throws Exception {
        Shell counter = new Shell(display);
        try {
            counter.setSize(1100, 850);
            new IntakePart(desk, new DeskForms(desk, dir), new RecordingFormOutput()).createControls(counter);
            counter.open();
            Label feedback = named(counter, Label.class, "intake.feedback");
            assertTrue(feedback.getText().contains("\"Nộp hồ sơ có hỗ trợ\" (Ctrl+6)"), feedback.getText());

            named(counter, Text.class, "intake.procedure.search").setText("1.001193");
            org.eclipse.swt.widgets.List list = named(counter, org.eclipse.swt.widgets.List.class, "intake.procedure.list");
            list.select(0);
            list.notifyListeners(SWT.Selection, new Event());
            for (TableItem item : named(counter, Table.class, "intake.checklist").getItems()) {
                item.setChecked(true);
            }
            named(counter, Text.class, "intake.name").setText("Hoàng Văn Lộc");
            named(counter, Text.class, "intake.citizenId").setText("001145012345");
            named(counter, Button.class, "intake.save").notifyListeners(SWT.Selection, new Event());
            Widgets.settle(display, null, () -> !feedback.getText().startsWith("Đang lưu"));
            assertEquals("Vai trò “Tổ công nghệ số cộng đồng” không được phép tạo hồ sơ bằng thao tác “Tiếp nhận hồ sơ”.",
                    feedback.getText());
        } finally {
            counter.dispose();
        }
        assertEquals(0, desk.store().count("dossier"));
    }
}
