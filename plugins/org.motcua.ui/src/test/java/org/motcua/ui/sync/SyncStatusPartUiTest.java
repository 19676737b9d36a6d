package org.motcua.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.feed.DossierDecisionData;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.store.sync.FeedStore;
import org.motcua.sync.ServerAddress;
import org.motcua.sync.SyncConfig;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.parts.SyncStatusPart;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/** The sync part of a desk not enrolled yet, as a receiving officer sees it, and the province's decisions it tells of. */
@ExtendWith(VietnameseDisplay.class)
class SyncStatusPartUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private Desk desk;
    private int deadPort;
    private List<Dossier> received;

    @BeforeEach
    void open() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = probe.getLocalPort();
        }
        System.setProperty(ServerAddress.PROPERTY, "http://127.0.0.1:" + deadPort);
        desk = TestDesks.as(dir, Role.RECEIVING_OFFICER);
        received = SyncUiFixtures.receive(desk, 2);
        desk.startSync(SyncConfig.of(dir.resolve("blobs")).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        shell = new Shell(display);
        shell.setSize(600, 800);
        new SyncStatusPart(desk).createControls(shell);
        shell.open();
    }

    @AfterEach
    void close() {
        shell.dispose();
        desk.close();
        System.clearProperty(ServerAddress.PROPERTY);
    }

    @Test
    void aDeskNotEnrolledSaysSoKeepsItsDossiersAndOnlyTheAdministratorMayEnrolIt() throws Exception {
        assertTrue(Widgets.named(shell, Label.class, "sync.identity").getText().startsWith("Máy này chưa đăng ký với máy chủ"));
        assertEquals("Máy chủ: http://127.0.0.1:" + deadPort, Widgets.named(shell, Label.class, "sync.server").getText());
        assertEquals("Còn 2 thao tác trên hồ sơ chờ gửi lên tỉnh.", Widgets.named(shell, Label.class, "sync.waiting").getText());
        assertEquals("Chưa đồng bộ thành công lần nào.", Widgets.named(shell, Label.class, "sync.lastSuccess").getText());
        assertFalse(Widgets.named(shell, Button.class, "sync.enrol").getVisible(), "enrolment is the administrator's");
        assertTrue(Widgets.named(shell, Button.class, "sync.now").getEnabled());
        Label chains = Widgets.named(shell, Label.class, "sync.chains");
        Widgets.settle(display, null, () -> chains.getText().startsWith("Chuỗi băm"));
        assertTrue(chains.getText().startsWith("Chuỗi băm hộp thư đi: nguyên vẹn (đã kiểm 2 mục)."), chains.getText());
        assertTrue(chains.getText().contains("Chuỗi băm nhật ký: nguyên vẹn"), chains.getText());
    }

    @Test
    void theOfficerIsToldWhichDossiersTheProvinceDecidedOnUntilTheyHaveSeenThem() throws Exception {
        Dossier handedUp = received.get(0);
        String unknownCode = handedUp.code().format().substring(0, handedUp.code().format().length() - 4) + "0777";
        new FeedStore(desk.store()).apply(List.of(decision(handedUp.id(), handedUp.code().format(), "4"),
                decision(UUID.randomUUID(), unknownCode, "9")), new FeedStore.Cursor(UUID.randomUUID(), 2, Optional.empty()));
        Shell other = new Shell(display);
        try {
            other.setSize(600, 800);
            new SyncStatusPart(desk).createControls(other);
            other.open();
            Label notice = Widgets.named(other, Label.class, "sync.decisions");
            assertEquals("Tỉnh đã quyết định 2 hồ sơ kể từ lần xem trước:\n" + handedUp.code().format()
                    + ": Đang xử lý (do Sở Tư pháp quyết định).\n" + unknownCode
                    + ": Sở Tư pháp quyết định \u201cĐã xử lý xong\u201d nhưng máy này không có hồ sơ đó.", notice.getText());
            Button seen = Widgets.named(other, Button.class, "sync.decisions.seen");
            assertTrue(seen.getVisible());
            seen.notifyListeners(SWT.Selection, new Event());
            assertEquals("", notice.getText());
            assertFalse(seen.getVisible());
        } finally {
            other.dispose();
        }
    }

    private static FeedStore.Item decision(UUID dossierId, String code, String status) {
        byte[] bytes = CanonicalJson.write(new DossierDecisionData(dossierId.toString(), code, UUID.randomUUID().toString(), status,
                "2026-03-11T03:00:00.000Z", "Sở Tư pháp", Optional.empty()).toJson());
        return new FeedStore.Item(DossierDecisionData.ITEM_TYPE, dossierId.toString(), 1, Sha256.hex(bytes), bytes);
    }
}
