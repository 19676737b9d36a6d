package org.motcua.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.sync.ServerAddress;
import org.motcua.sync.SyncConfig;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.parts.SyncStatusPart;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/** The sync part of a desk not enrolled yet, as a receiving officer sees it. */
@ExtendWith(VietnameseDisplay.class)
class SyncStatusPartUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private Desk desk;
    private int deadPort;

    @BeforeEach
    void open() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = probe.getLocalPort();
        }
        System.setProperty(ServerAddress.PROPERTY, "http://127.0.0.1:" + deadPort);
        desk = TestDesks.as(dir, Role.RECEIVING_OFFICER);
        SyncUiFixtures.receive(desk, 2);
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
}
