package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.has;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.FieldAssistance;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Role;
import org.junit.jupiter.api.extension.ExtendWith;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.DeskSetup;
import org.motcua.ui.desk.TestDesks;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.print.FormKind;
import org.motcua.print.PrintedForm;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.RecordingFormOutput;

/** The detail view offers only the actions the logged-in role may take in the dossier's status. */
@ExtendWith(VietnameseDisplay.class)
class DossierDetailUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private UUID processing;
    private UUID collected;
    private final RecordingFormOutput output = new RecordingFormOutput();

    /** One desk with an officer of every role, a dossier in processing and one collected in a village. */
    @BeforeEach
    void desk() {
        DeskFiles files = new DeskFiles(dir);
        char[] pw = TestDesks.PASSWORD.toCharArray();
        try (Desk admin = TestDesks.admin(dir)) {
            for (Role r : List.of(Role.RECEIVING_OFFICER, Role.PROCESSING_OFFICER, Role.COMMUNITY_ASSISTANT)) {
                DeskSetup.addOfficer(files, admin, pw, TestDesks.username(r), "Cán Bộ " + r.name(), r, pw);
            }
            // who signs forms 04/05 and the desk's telephone on form 02 are settings, not dotted lines
            new org.motcua.store.DeskSettings(admin.store()).put(java.util.Map.of(
                    org.motcua.store.DeskSettings.Key.UNIT_HEAD_NAME, "Hoàng Minh Đức",
                    org.motcua.store.DeskSettings.Key.DESK_PHONE, "0208 3822 123"), admin.username(), admin.role(), admin.now());
        }
        try (Desk desk = TestDesks.login(dir, Role.RECEIVING_OFFICER)) {
            Procedure p = desk.catalogue().latest("1.001193").orElseThrow();
            var d = desk.intake().receive(request(desk, p, Optional.empty()), Role.RECEIVING_OFFICER, desk.now());
            desk.workflow().take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER,
                    desk.username(), "processing.officer", "", desk.now());
            processing = d.id();
        }
        try (Desk assistant = TestDesks.login(dir, Role.COMMUNITY_ASSISTANT)) {
            Procedure p = assistant.catalogue().latest("1.001193").orElseThrow();
            collected = assistant.intake().receive(request(assistant, p, Optional.of(new FieldAssistance("Cán Bộ", "Thôn 2"))),
                    Role.COMMUNITY_ASSISTANT, assistant.now()).id();
        }
        shell = new Shell(display);
        shell.setSize(1000, 800);
    }

    private static IntakeRequest request(Desk desk, Procedure p, Optional<FieldAssistance> assistance) {
        Applicant a = Applicant.citizen("Trần Văn Bình", CitizenId.parse("001085012345", null), LocalDate.of(1985, 1, 2),
                "0912345678", new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", "Thôn 2"));
        return new IntakeRequest(p, a, p.requiredDocuments().stream().map(ReceivedDocument::of).toList(), 1,
                Channel.IN_PERSON, ResultDelivery.COUNTER, desk.now(), desk.username(), assistance, "");
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    private DossierDetailView view(Desk desk, UUID id) {
        for (var c : shell.getChildren()) {
            c.dispose();
        }
        shell.setLayout(new org.eclipse.swt.layout.FillLayout());
        DossierDetailView view = new DossierDetailView(shell, desk, new DeskForms(desk, dir), output, id);
        shell.layout(true, true);
        shell.open();
        return view;
    }

    @Test
    void aCommunityAssistantSeesNeitherRefuseNorMarkDone() {
        try (Desk assistant = TestDesks.login(dir, Role.COMMUNITY_ASSISTANT)) {
            view(assistant, processing);
            assertFalse(has(shell, Button.class, "action.MARK_DONE"));
            assertFalse(has(shell, Button.class, "action.REFUSE"));
            view(assistant, collected);
            assertFalse(has(shell, Button.class, "action.REFUSE"));
            assertFalse(has(shell, Button.class, "action.MARK_DONE"));
            assertTrue(Widgets.labels(shell).contains(
                    "Vai trò của bạn (Tổ công nghệ số cộng đồng) không có thao tác nào với hồ sơ này lúc này."),
                    Widgets.labels(shell).toString());
        }
    }

    @Test
    void officersSeeTheButtonsOfTheirRoleAndTheTimeline() {
        try (Desk receiving = TestDesks.login(dir, Role.RECEIVING_OFFICER)) {
            view(receiving, collected);
            assertTrue(has(shell, Button.class, "action.REFUSE"));
            assertTrue(has(shell, Button.class, "action.RECEIVE"));
            assertFalse(has(shell, Button.class, "action.MARK_DONE"));
        }
        try (Desk processor = TestDesks.login(dir, Role.PROCESSING_OFFICER)) {
            DossierDetailView view = view(processor, processing);
            assertTrue(has(shell, Button.class, "action.MARK_DONE"));
            assertFalse(has(shell, Button.class, "action.REFUSE"));
            Table timeline = named(shell, Table.class, "detail.timeline.table");
            assertEquals(2, timeline.getItemCount());
            assertEquals("Chuyển xử lý", timeline.getItem(1).getText(1));
            assertTrue(named(shell, Label.class, "detail.head").getText().contains("Đang xử lý"));

            var job = new ActionRunner(processor, processor.store().dossier(processing).orElseThrow(),
                    DossierAction.MARK_DONE, view).run(new ActionRunner.Answer("receiving.officer", "", 0));
            try {
                Widgets.settle(display, job, () -> named(shell, Label.class, "detail.feedback").getText().startsWith("Đã"));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertEquals("Đã thực hiện: Hoàn thành xử lý.", named(shell, Label.class, "detail.feedback").getText());
            assertEquals(DossierStatus.DONE, processor.store().dossier(processing).orElseThrow().status());
            assertFalse(has(shell, Button.class, "action.MARK_DONE"), "the view shows the new status's actions");
            assertEquals(3, named(shell, Table.class, "detail.timeline.table").getItemCount());
            assertTrue(output.shown().isEmpty(), "finishing the processing gives the citizen no letter");
        }
    }

    @Test
    void markingDoneWithTheDigitisedResultKeepsItsScanAndSendsItsNumber() throws Exception {
        byte[] pdf = new byte[20_000];
        new java.util.Random(15).nextBytes(pdf);
        System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        Path decision = java.nio.file.Files.write(dir.resolve("giay-khai-sinh-15.pdf"), pdf);
        Path notAScan = java.nio.file.Files.writeString(dir.resolve("ghi-chu.txt"), "không phải bản quét");
        try (Desk processor = TestDesks.login(dir, Role.PROCESSING_OFFICER)) {
            view(processor, processing);
            String[] said = new String[1];
            org.motcua.ui.testing.ModalScript script = new org.motcua.ui.testing.ModalScript(display)
                    .when("the dialog asks for the result", () -> dialog("action.dialog") != null, () -> {
                        Shell d = dialog("action.dialog");
                        ActionDialog dialog = (ActionDialog) d.getData(ActionDialog.class.getName());
                        named(d, org.eclipse.swt.widgets.Text.class, "action.resultNumber").setText("15/GKS");
                        dialog.chooseResultFiles(List.of(notAScan, decision));
                        said[0] = named(d, Label.class, "action.resultFiles").getText();
                        d.getDefaultButton().notifyListeners(org.eclipse.swt.SWT.Selection, null);
                    });
            script.start();
            named(shell, Button.class, "action.MARK_DONE").notifyListeners(org.eclipse.swt.SWT.Selection, null);
            script.verify();
            assertEquals("giay-khai-sinh-15.pdf", said[0], "only the scan is taken, the text file is refused");
            Widgets.settle(display, null, () -> processor.store().dossier(processing).orElseThrow().status() == DossierStatus.DONE);
            List<org.motcua.store.ScannedDocuments.Attached> scans = new org.motcua.store.ScannedDocuments(processor.store())
                    .of(processing);
            assertEquals(List.of("giay-khai-sinh-15.pdf"), scans.stream().map(org.motcua.store.ScannedDocuments.Attached::fileName)
                    .toList());
            assertEquals("Kết quả giải quyết", scans.get(0).document());
            var sent = new org.motcua.store.sync.SyncOutbox(processor.store()).all();
            var done = org.motcua.protocol.json.StrictJson.parseCanonical(sent.get(sent.size() - 1).payload());
            assertEquals("MARK_DONE", done.path("action").asText());
            assertEquals("15/GKS", done.path("result").path("number").asText());
            assertEquals(List.of(scans.get(0).sha256()), sent.get(sent.size() - 1).blobs());
        }
    }

    private Shell dialog(String id) {
        for (Shell s : display.getShells()) {
            if (!s.isDisposed() && id.equals(s.getData(org.motcua.ui.UiIds.KEY))) {
                return s;
            }
        }
        return null;
    }

    @Test
    void aStepDecidedAtTheProvinceSaysSoInTheTimeline() {
        try (Desk receiving = TestDesks.login(dir, Role.RECEIVING_OFFICER)) {
            String code = receiving.store().dossier(processing).orElseThrow().code().format();
            byte[] data = org.motcua.protocol.json.CanonicalJson.write(new org.motcua.protocol.feed.DossierDecisionData(
                    processing.toString(), code, UUID.randomUUID().toString(), "9", "2026-03-11T03:00:00.000Z", "Sở Tư pháp",
                    Optional.of("Quyết định số 12")).toJson());
            new org.motcua.store.sync.FeedStore(receiving.store()).apply(List.of(new org.motcua.store.sync.FeedStore.Item(
                    org.motcua.protocol.feed.DossierDecisionData.ITEM_TYPE, processing.toString(), 1,
                    org.motcua.protocol.codec.Sha256.hex(data), data)), new org.motcua.store.sync.FeedStore.Cursor(UUID.randomUUID(), 1,
                    Optional.empty()));
            view(receiving, processing);
            Table timeline = named(shell, Table.class, "detail.timeline.table");
            assertEquals(3, timeline.getItemCount());
            assertEquals(List.of("Hoàn thành xử lý (tỉnh quyết định)", "Sở Tư pháp", "Quyết định số 12"),
                    List.of(timeline.getItem(2).getText(1), timeline.getItem(2).getText(2), timeline.getItem(2).getText(6)));
            assertEquals("Chuyển xử lý", timeline.getItem(1).getText(1), "the desk's own steps are not marked");
        }
    }

    private String feedback() {
        return named(shell, Label.class, "detail.feedback").getText();
    }

    /** Takes {@code action} through the runner (what the dialog's OK does) and waits until the view shows it. */
    private void take(Desk desk, DossierDetailView view, UUID id, DossierAction action, ActionRunner.Answer answer)
            throws InterruptedException {
        var job = new ActionRunner(desk, desk.store().dossier(id).orElseThrow(), action, view).run(answer);
        Widgets.settle(display, job, () -> !feedback().isEmpty());
    }

    @Test
    void refusingWithAReasonHandsForm03WithTheReasonAndTheCodeToTheOutput() throws Exception {
        String reason = "Người nộp không phải là cha, mẹ hoặc người thân thích của trẻ";
        try (Desk receiving = TestDesks.login(dir, Role.RECEIVING_OFFICER)) {
            DossierDetailView view = view(receiving, collected);
            take(receiving, view, collected, DossierAction.REFUSE, new ActionRunner.Answer("", reason, 0));
            PrintedForm form = output.last();
            assertEquals(FormKind.REFUSAL, form.kind());
            String text = RecordingFormOutput.text(form);
            assertTrue(text.contains(reason), text);
            assertTrue(text.contains(receiving.store().dossier(collected).orElseThrow().code().format()), text);
            assertTrue(text.contains("Trần Văn Bình"), "the applicant: " + text);
            assertTrue(text.contains("Cán Bộ RECEIVING_OFFICER"), "the refusing officer signs: " + text);
            assertEquals("Đã thực hiện: Từ chối tiếp nhận.\nĐã xem " + form.fileName(), feedback());
            assertEquals(DossierStatus.REFUSED, receiving.store().dossier(collected).orElseThrow().status());
        }
    }

    @Test
    void aSupplementRequestListsEachLineTheOfficerTypedOnForm02() throws Exception {
        try (Desk processor = TestDesks.login(dir, Role.PROCESSING_OFFICER)) {
            DossierDetailView view = view(processor, processing);
            take(processor, view, processing, DossierAction.REQUEST_SUPPLEMENT, new ActionRunner.Answer(
                    "receiving.officer", "Bản sao giấy chứng nhận kết hôn của cha mẹ\nGiấy chứng sinh bản chính", 0));
            PrintedForm form = output.last();
            assertEquals(FormKind.SUPPLEMENT_REQUEST, form.kind());
            String text = RecordingFormOutput.text(form);
            assertTrue(text.contains("1. Bản sao giấy chứng nhận kết hôn của cha mẹ"), text);
            assertTrue(text.contains("2. Giấy chứng sinh bản chính"), text);
            assertTrue(text.contains("số điện thoại 0208 3822 123"), text);
            assertTrue(text.contains(processor.store().dossier(processing).orElseThrow().code().format()), text);
        }
    }

    @Test
    void anExtensionApologisesWithTheNewAppointmentOnForm04() throws Exception {
        try (Desk receiving = TestDesks.login(dir, Role.RECEIVING_OFFICER)) {
            Procedure p = receiving.catalogue().latest("1.001193").orElseThrow();
            UUID received = receiving.intake().receive(request(receiving, p, Optional.empty()), Role.RECEIVING_OFFICER,
                    receiving.now()).id();
            DossierDetailView view = view(receiving, received);
            take(receiving, view, received, DossierAction.EXTEND_DEADLINE,
                    new ActionRunner.Answer("", "Cần xác minh nơi sinh tại bệnh viện huyện", 2));
            PrintedForm form = output.last();
            assertEquals(FormKind.APOLOGY, form.kind());
            String text = RecordingFormOutput.text(form);
            HandoverRecord extension = receiving.store().handovers(received).get(1);
            var newDue = extension.newDueAt().orElseThrow();
            assertTrue(text.contains("Cần xác minh nơi sinh tại bệnh viện huyện"), text);
            assertTrue(text.contains("THỦ TRƯỞNG CƠ QUAN (Ký, ghi rõ họ tên và đóng dấu) Hoàng Minh Đức"), text);
            assertTrue(text.contains(String.format("hẹn trả kết quả vào %02d giờ %02d phút, ngày %02d tháng %d năm %d",
                    newDue.getHour(), newDue.getMinute(), newDue.getDayOfMonth(), newDue.getMonthValue(),
                    newDue.getYear())), "the new appointment " + newDue + ": " + text);
        }
    }

    @Test
    void theControlSlipListsEveryHandoverAndTheReceiptCanBePrintedAgain() throws Exception {
        try (Desk processor = TestDesks.login(dir, Role.PROCESSING_OFFICER)) {
            DossierDetailView view = view(processor, processing);
            Button slip = named(shell, Button.class, "detail.print.controlSlip");
            assertEquals("In phiếu kiểm soát (06)", slip.getText());
            slip.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            Widgets.settle(display, null, () -> !output.shown().isEmpty() && !feedback().isEmpty());
            PrintedForm form = output.last();
            assertEquals(FormKind.CONTROL_SLIP, form.kind());
            String text = RecordingFormOutput.text(form);
            List<HandoverRecord> log = processor.store().handovers(processing);
            assertEquals(2, log.size());
            int previous = -1;
            for (HandoverRecord h : log) {
                int at = text.indexOf(h.action().displayName(java.util.Locale.forLanguageTag("vi")), previous + 1);
                assertTrue(at > previous, "row of step " + h.step() + " (" + h.action() + ") in order: " + text);
                previous = at;
            }
            assertTrue(text.contains("Người nhận: Cán Bộ PROCESSING_OFFICER"), "full names, not usernames: " + text);
            assertEquals("Đã xem " + form.fileName(), feedback());

            view.printReceipt().join();
            Widgets.settle(display, null, () -> output.shown().size() == 2);
            PrintedForm receipt = output.last();
            assertEquals(FormKind.RECEIPT, receipt.kind());
            assertTrue(RecordingFormOutput.text(receipt).contains("Cán Bộ RECEIVING_OFFICER"),
                    "signed by the officer who received it, not the one reprinting");
        }
    }
}
