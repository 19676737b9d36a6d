package org.motcua.ui.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.named;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.feed.CalendarData;
import org.motcua.protocol.feed.ProcedureData;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.store.sync.FeedStore;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.parts.IntakePart;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.RecordingFormOutput;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/**
 * A feed page arrives while the settings and intake parts are open (on another thread, as the sync engine applies it):
 * the settings part shows the province's catalogue and calendar versions and, the catalogue being past its
 * {@code catalogueExpiresAt}, the warning; intake offers the province's procedures and computes the due date with the
 * new holiday, without a restart, and still receives dossiers.
 */
@ExtendWith(VietnameseDisplay.class)
class ReferenceDataUiTest {

    static final long VERSION = Instant.parse("2026-03-02T03:00:00Z").toEpochMilli();

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private Desk desk;

    @AfterEach
    void close() {
        shell.dispose();
        desk.close();
    }

    @Test
    void theProvincesVersionsShowAndAnExpiredCatalogueWarnsWithoutBlockingIntake() throws Exception {
        desk = TestDesks.as(dir, Role.RECEIVING_OFFICER);   // Monday 9 March 2026, 08:30
        shell = new Shell(display);
        shell.setSize(1200, 1000);
        shell.setLayout(new FillLayout());
        SettingsPart settings = new SettingsPart(desk, new DeskForms(desk, dir), new DeskFiles(dir), TestPrinters.of("Máy in quầy 1"));
        settings.createControls(shell);
        new IntakePart(desk, new DeskForms(desk, dir), new RecordingFormOutput()).createControls(shell);
        shell.open();
        Widgets.settle(display, settings.printerJob(), () -> named(shell, Combo.class, "settings.printer").getItemCount() > 1);

        Label catalogue = named(shell, Label.class, "settings.catalogue");
        Label warning = named(shell, Label.class, "settings.catalogue.warning");
        assertEquals("Danh mục mẫu cài sẵn trong chương trình (chưa nhận danh mục từ tỉnh)", catalogue.getText());
        assertEquals("(chưa đồng bộ với tỉnh)", named(shell, Label.class, "settings.catalogue.expires").getText());
        assertEquals("Lịch mẫu cài sẵn trong chương trình (chưa nhận lịch từ tỉnh)",
                named(shell, Label.class, "settings.calendar").getText());
        assertEquals("", warning.getText());
        org.eclipse.swt.widgets.List procedures = named(shell, org.eclipse.swt.widgets.List.class, "intake.procedure.list");
        assertTrue(procedures.getItemCount() > 40, "the sample catalogue: " + procedures.getItemCount());

        // The sync engine applies a page on its own thread: birth registration now takes 2 days, Wednesday is a holiday,
        // and the province vouched for its catalogue until 1 March only.
        CompletableFuture.runAsync(() -> new FeedStore(desk.store()).apply(List.of(
                item(ProcedureData.ITEM_TYPE, "1.001193", birthRegistration().toJson()),
                item(CalendarData.ITEM_TYPE, "2026", new CalendarData(2026, List.of("2026-01-01", "2026-03-11"), List.of(),
                        Map.of("2026-03-11", "Ngày nghỉ của tỉnh (thử)")).toJson())),
                new FeedStore.Cursor(UUID.randomUUID(), 2, Optional.of("2026-03-01T00:00:00.000Z")))).join();
        Widgets.settle(display, null, () -> catalogue.getText().startsWith("Phiên bản") && procedures.getItemCount() == 1);

        assertTrue(catalogue.getText().startsWith("Phiên bản " + VERSION + " của tỉnh, nhận lúc "), catalogue.getText());
        assertEquals("01/03/2026 07:00", named(shell, Label.class, "settings.catalogue.expires").getText());
        String calendar = named(shell, Label.class, "settings.calendar").getText();
        assertTrue(calendar.startsWith("Năm 2026: phiên bản " + VERSION + " của tỉnh, nhận lúc "), calendar);
        assertTrue(calendar.endsWith("\nCác năm khác: lịch mẫu cài sẵn trong chương trình"), calendar);
        assertEquals("Danh mục thủ tục có thể đã cũ: tỉnh chỉ xác nhận đến 01/03/2026 07:00. Hãy đồng bộ với tỉnh; "
                + "hồ sơ vẫn được tiếp nhận bình thường.", warning.getText());
        assertEquals(display.getSystemColor(SWT.COLOR_DARK_RED), warning.getForeground());

        assertEquals(List.of("1.001193 — Thủ tục đăng ký khai sinh"), List.of(procedures.getItems()),
                "the province's catalogue replaced the sample in the open intake part");
        procedures.select(0);
        procedures.notifyListeners(SWT.Selection, new Event());
        assertEquals("Hẹn trả nếu tiếp nhận bây giờ: 08:30 ngày 12/03/2026 (02 ngày làm việc)",
                named(shell, Label.class, "intake.due").getText(), "2 working days with Wednesday off");

        Procedure v2 = desk.catalogue().latest("1.001193").orElseThrow();
        Dossier d = desk.intake().receive(intake(v2), Role.RECEIVING_OFFICER, desk.now());
        assertEquals(2, d.procedureVersion(), "an expired catalogue warns, it never blocks reception");
        assertEquals(LocalDateTime.of(2026, 3, 12, 8, 30), d.dueAt());
    }

    @Test
    void theProvincesRosterOfTheCommuneShowsReadOnlyWhenItArrives() throws Exception {
        desk = TestDesks.as(dir, Role.RECEIVING_OFFICER);
        shell = new Shell(display);
        shell.setSize(1200, 1000);
        shell.setLayout(new FillLayout());
        SettingsPart settings = new SettingsPart(desk, new DeskForms(desk, dir), new DeskFiles(dir), TestPrinters.of("Máy in quầy 1"));
        settings.createControls(shell);
        shell.open();
        Label roster = named(shell, Label.class, "settings.roster");
        assertEquals("Tỉnh chưa gửi danh sách cán bộ của xã.", roster.getText());

        org.motcua.protocol.feed.RosterData sent = new org.motcua.protocol.feed.RosterData(desk.store().device().unitCode(), List.of(
                new org.motcua.protocol.feed.RosterData.Officer("binh.tran", "Trần Văn Bình", List.of("commune-leader"), false),
                new org.motcua.protocol.feed.RosterData.Officer("lan.nguyen", "Nguyễn Thị Lan", List.of("commune-officer"), true)));
        CompletableFuture.runAsync(() -> new FeedStore(desk.store()).apply(List.of(item(org.motcua.protocol.feed.RosterData.ITEM_TYPE,
                sent.unitCode(), sent.toJson())), new FeedStore.Cursor(UUID.randomUUID(), 1, Optional.empty()))).join();
        Widgets.settle(display, null, () -> roster.getText().startsWith("2 cán bộ"));
        String[] lines = roster.getText().split("\n");
        assertTrue(lines[0].startsWith("2 cán bộ, nhận lúc "), lines[0]);
        assertEquals(List.of("\u2022 Trần Văn Bình (binh.tran): lãnh đạo xã, đã khóa", "\u2022 Nguyễn Thị Lan (lan.nguyen): cán bộ xã"),
                List.of(lines[1], lines[2]));
    }

    private org.motcua.core.dossier.IntakeRequest intake(Procedure p) {
        var a = org.motcua.core.dossier.Applicant.citizen("Nguyễn Thị Mai",
                org.motcua.core.identity.CitizenId.parse("001185012345", null), java.time.LocalDate.of(1985, 3, 2), "0912345678",
                new org.motcua.core.dossier.Address("Tỉnh Mẫu", "Xã Mẫu Thuận", "Thôn 1"));
        return new org.motcua.core.dossier.IntakeRequest(p, a, p.requiredDocuments().stream()
                .map(org.motcua.core.dossier.ReceivedDocument::of).toList(), 1, org.motcua.core.dossier.Channel.IN_PERSON,
                org.motcua.core.dossier.ResultDelivery.COUNTER, desk.now(), desk.username(), Optional.empty(), "");
    }

    private static ProcedureData birthRegistration() {
        return new ProcedureData("1.001193", "Thủ tục đăng ký khai sinh", 2, List.of(new ProcedureData.Document(
                "Tờ khai đăng ký khai sinh theo mẫu", "bản chính", 1, true, Optional.empty())),
                List.of(new ProcedureData.Fee("Lệ phí đăng ký khai sinh quá hạn", "12000")), "2026-03-02", false, "Hộ tịch",
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static FeedStore.Item item(String type, String key, ObjectNode data) {
        byte[] bytes = CanonicalJson.write(data);
        return new FeedStore.Item(type, key, VERSION, Sha256.hex(bytes), bytes);
    }
}
