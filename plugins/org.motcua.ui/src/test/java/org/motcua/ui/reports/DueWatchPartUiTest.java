package org.motcua.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.RecordingFormOutput;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/** The late-dossier watch on a real desk: what it lists, its banner, and what "Xin lỗi và hẹn lại" opens. */
@ExtendWith(VietnameseDisplay.class)
class DueWatchPartUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private ReportScenario scenario;
    private Shell shell;
    private Desk desk;
    private DueWatchPart part;

    @BeforeEach
    void open() throws InterruptedException {
        scenario = new ReportScenario(dir);
        desk = scenario.login(Role.RECEIVING_OFFICER);
        shell = new Shell(display);
        shell.setSize(800, 600);
        shell.setLayout(new FillLayout());
        part = new DueWatchPart(desk, new DeskForms(desk, dir), new RecordingFormOutput());
        part.createControls(shell);
        shell.layout(true, true);
        shell.open();
        settle();
    }

    private void settle() throws InterruptedException {
        Widgets.settle(display, part.lastJob(), () -> !named(shell, Label.class, "watch.summary").getText()
                .equals("Đang tải…"));
    }

    @AfterEach
    void close() {
        part.dispose();
        shell.dispose();
        desk.close();
    }

    private List<String> codes(int group) {
        Tree tree = named(shell, Tree.class, "watch.tree");
        return Arrays.stream(tree.getItem(group).getItems()).map(i -> i.getText(0)).toList();
    }

    private static String code(Dossier d) {
        return d.code().format();
    }

    @Test
    void listsTheOverdueTheDueTodayAndTheDueTomorrowInTheirGroups() {
        Tree tree = named(shell, Tree.class, "watch.tree");
        assertEquals(3, tree.getItemCount());
        assertEquals("Quá hạn (1)", tree.getItem(0).getText(0));
        assertEquals("Đến hạn hôm nay (1)", tree.getItem(1).getText(0));
        assertEquals("Đến hạn ngày mai (1)", tree.getItem(2).getText(0));
        assertEquals(List.of(code(scenario.overdue)), codes(0));
        assertEquals(List.of(code(scenario.dueToday)), codes(1));
        assertEquals(List.of(code(scenario.dueTomorrow)), codes(2));
        TreeItem today = tree.getItem(1).getItem(0);
        assertEquals(scenario.dueToday.dueAt().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM")),
                today.getText(1));
        assertEquals(scenario.dueToday.applicant().fullName(), today.getText(2));
        assertEquals(desk.catalogue().latest(ReportScenario.CIVIL).orElseThrow().name(), today.getText(3));

        Label banner = named(shell, Label.class, "watch.banner");
        assertTrue(banner.isVisible());
        assertEquals("1 hồ sơ đến hạn hôm nay — cần gửi phiếu xin lỗi trước khi quá hạn", banner.getText());
    }

    @Test
    void aSettledDossierLeavesTheWatchOnTheNextChangeAndTheBannerGoes() throws InterruptedException {
        desk.workflow().take(scenario.dueToday.id(), DossierAction.WITHDRAW, Role.RECEIVING_OFFICER, desk.username(),
                "", "Công dân xin rút hồ sơ", desk.now());
        desk.dossiersChanged();
        settle();
        assertEquals(List.of(), codes(1));
        assertEquals(List.of(code(scenario.dueTomorrow)), codes(2));
        assertFalse(named(shell, Label.class, "watch.banner").isVisible());
    }

    @Test
    void apologisingOpensTheDossierDueTodayOrTomorrowButNotAnOverdueOne() {
        List<UUID> opened = new ArrayList<>();
        part.openWith(opened::add);
        Tree tree = named(shell, Tree.class, "watch.tree");
        Button apologise = named(shell, Button.class, "watch.apologise");

        select(tree, tree.getItem(0).getItem(0));
        assertFalse(apologise.getEnabled(), "an overdue dossier is already late");
        tree.notifyListeners(SWT.DefaultSelection, null);
        assertEquals(List.of(), opened);

        select(tree, tree.getItem(1).getItem(0));
        assertTrue(apologise.getEnabled());
        apologise.notifyListeners(SWT.Selection, null);
        select(tree, tree.getItem(2).getItem(0));
        tree.notifyListeners(SWT.DefaultSelection, null);
        assertEquals(List.of(scenario.dueToday.id(), scenario.dueTomorrow.id()), opened);
    }

    private static void select(Tree tree, TreeItem item) {
        tree.setSelection(item);
        tree.notifyListeners(SWT.Selection, null);
    }
}
