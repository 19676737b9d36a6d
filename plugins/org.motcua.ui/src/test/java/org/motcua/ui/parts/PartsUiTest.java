package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.sync.ServerAddress;

/** Real SWT widgets in a real Shell (run under Xvfb); the parts are created the way e4 creates them. */
class PartsUiTest {

    private static Locale previousLocale;
    private static Display display;
    private Shell shell;

    @BeforeAll
    static void vietnameseDesk() {
        previousLocale = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("vi-VN"));
        display = Display.getDefault();
    }

    @AfterAll
    static void restore() {
        display.dispose();
        Locale.setDefault(previousLocale);
        System.clearProperty(ServerAddress.PROPERTY);
    }

    @BeforeEach
    void openShell() {
        shell = new Shell(display);
        shell.setSize(900, 600);
    }

    @AfterEach
    void closeShell() {
        shell.dispose();
    }

    @Test
    void dossierListIsAVirtualTableWithVietnameseHeaders() {
        new DossierListPart().createControls(shell);
        shell.open();
        Table table = widgets(shell, Table.class).get(0);
        assertTrue((table.getStyle() & SWT.VIRTUAL) != 0, "must stay responsive with 300,000 rows");
        assertEquals(List.of("Mã hồ sơ", "Thủ tục", "Người nộp", "Ngày nhận", "Hẹn trả", "Trạng thái"),
                Stream.of(table.getColumns()).map(TableColumn::getText).toList());
        assertEquals(0, table.getItemCount());
        assertTrue(labels(shell).contains("Chưa có hồ sơ nào."));
    }

    @Test
    void intakeChecksTheCitizenIdAsItIsTyped() {
        new IntakePart().createControls(shell);
        shell.open();
        Text id = widgets(shell, Text.class).get(0);

        id.setText("00108501");
        assertTrue(labels(shell).contains("Số định danh cá nhân phải gồm đúng 12 chữ số (đang có 8 ký tự)."),
                labels(shell).toString());

        id.setText("001085012345");
        assertTrue(labels(shell).contains("Số định danh hợp lệ, năm sinh 1985, mã tỉnh 001."), labels(shell).toString());

        id.setText("");
        assertTrue(labels(shell).contains(""));
    }

    @Test
    void syncStatusSaysSoWhenTheServerCannotBeReached() throws Exception {
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = probe.getLocalPort();
        }
        System.setProperty(ServerAddress.PROPERTY, "http://127.0.0.1:" + deadPort);
        SyncStatusPart part = new SyncStatusPart();
        part.createControls(shell);
        shell.open();
        assertTrue(labels(shell).contains("Máy chủ: http://127.0.0.1:" + deadPort), labels(shell).toString());
        assertEquals("Chưa kiểm tra kết nối.", part.stateText());

        Button check = widgets(shell, Button.class).get(0);
        assertEquals("Kiểm tra kết nối", check.getText());
        check.notifyListeners(SWT.Selection, null);
        assertEquals("Đang kiểm tra…", part.stateText());
        assertTrue(!check.getEnabled(), "no second check while one runs");

        part.runningCheck().join(20_000, null);
        long deadline = System.currentTimeMillis() + 10_000;
        while (part.stateText().startsWith("Đang") && System.currentTimeMillis() < deadline) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        assertTrue(part.stateText().startsWith("Không kết nối được máy chủ."), part.stateText());
        assertTrue(check.getEnabled());
    }

    private static List<String> labels(Composite root) {
        return widgets(root, Label.class).stream().map(Label::getText).toList();
    }

    private static <T extends Control> List<T> widgets(Composite root, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Control c : root.getChildren()) {
            if (type.isInstance(c)) {
                found.add(type.cast(c));
            }
            if (c instanceof Composite composite) {
                found.addAll(widgets(composite, type));
            }
        }
        return found;
    }
}
