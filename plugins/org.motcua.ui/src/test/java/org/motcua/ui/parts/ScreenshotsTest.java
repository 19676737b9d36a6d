package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.store.DossierQuery;
import org.motcua.ui.desk.DemoDesk;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.DeskLogin;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.admin.SettingsPart;
import org.motcua.ui.field.AssistedFilingPart;
import org.motcua.ui.reports.DueWatchPart;
import org.motcua.ui.reports.ReportsPart;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.print.FormOutput;
import org.motcua.ui.testing.RecordingFormOutput;
import org.motcua.ui.testing.TestPrinters;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/**
 * Captures each main screen of the desk, filled with the demo commune's sample data, as a PNG, so the screens
 * can be looked at without starting the product ({@code ./motcua screenshots} runs this test alone and says where
 * the pictures are). The pictures go to {@code -Dmotcua.screenshots.dir}, by default {@code target/screenshots} of
 * this bundle: never into the source tree. The test fails when a screen comes out blank.
 */
@ExtendWith(VietnameseDisplay.class)
class ScreenshotsTest {

    static final String DIRECTORY_PROPERTY = "motcua.screenshots.dir";
    private static final int WIDTH = 1180;
    private static final int HEIGHT = 760;

    /** One screen: its file name, the demo account that looks at it, and how it is built on a shell. */
    record Scene(String name, String user, BiConsumer<Desk, Composite> build) {
    }

    private final Display display = VietnameseDisplay.display();
    private final List<Desk> opened = new ArrayList<>();
    @TempDir
    Path dir;

    /** The main screens, each on the demo desk as the account that uses it; forms go under {@code dir}. */
    static List<Scene> scenes(Path dir) {
        FormOutput output = new RecordingFormOutput();
        java.util.function.Function<Desk, DeskForms> forms = desk -> new DeskForms(desk, dir);
        return List.of(
                new Scene("01-tiep-nhan", "tiepnhan", (desk, parent) -> new IntakePart(desk, forms.apply(desk), output)
                        .createControls(parent)),
                new Scene("02-danh-sach-ho-so", "tiepnhan", (desk, parent) -> new DossierListPart(desk, forms.apply(desk), output)
                        .createControls(parent)),
                new Scene("03-chi-tiet-ho-so", "tiepnhan", (desk, parent) -> new DossierDetailView(parent, desk,
                        forms.apply(desk), output, firstDossier(desk))),
                new Scene("04-dong-bo", "tiepnhan", (desk, parent) -> new SyncStatusPart(desk).createControls(parent)),
                new Scene("05-bao-cao", "lanhdao", (desk, parent) -> {
                    new ReportsPart(desk, forms.apply(desk), output).createControls(parent);
                    runReport(parent);
                }),
                new Scene("06-theo-doi-den-han", "tiepnhan", (desk, parent) -> new DueWatchPart(desk, forms.apply(desk), output)
                        .createControls(parent)),
                new Scene("07-thiet-lap", DemoDesk.ADMIN, (desk, parent) -> new SettingsPart(desk, forms.apply(desk),
                        new DeskFiles(dir), TestPrinters.none()).createControls(parent)),
                new Scene("08-nop-ho-so-co-ho-tro", "tinhnguyen", (desk, parent) -> new AssistedFilingPart(desk)
                        .createControls(parent)),
                // a dialog: opened without blocking over the scene's shell, and captured itself
                new Scene("09-tra-ket-qua", "tiepnhan", (desk, parent) -> {
                    ReturnResultDialog dialog = new ReturnResultDialog(parent.getShell(), desk.store()
                            .dossier(firstDone(desk)).orElseThrow());
                    dialog.setBlockOnOpen(false);
                    dialog.open();
                }));
    }

    /** Presses "Xem" for the default range (this month) and waits for the figures, as a leader opening reports does. */
    private static void runReport(Composite parent) {
        Widgets.named(parent, Button.class, "reports.run").notifyListeners(SWT.Selection, null);
        try {
            Widgets.settle(parent.getDisplay(), null, () -> Widgets.named(parent, Button.class, "reports.exportPdf").getEnabled());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void close() {
        opened.forEach(Desk::close);
    }

    @Test
    void everyMainScreenIsCapturedWithSampleData() throws Exception {
        Path out = Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/screenshots")).toAbsolutePath();
        Files.createDirectories(out);
        DeskFiles files = new DeskFiles(dir);
        DemoDesk.openOrCreate(files, TestDesks.DEADLINES, TestDesks.MONDAY_MORNING).close();
        for (Scene scene : scenes(dir)) {
            Path png = out.resolve(scene.name() + ".png");
            capture(scene, open(files, scene.user()), png);
            assertTrue(distinctColours(png) > 8, scene.name() + " came out blank: " + png);
            if (scene.name().equals("05-bao-cao")) {
                // the chart's bars, not its "no dossier finished in this range" line: the demo desk has finished work
                assertTrue(hasColour(png, 46, 160, 67) || hasColour(png, 33, 102, 204), "the reports chart is empty: " + png);
            }
            System.out.println("MOTCUA-SCREENSHOT " + png);
        }
    }

    private Desk open(DeskFiles files, String user) {
        DeskLogin.Outcome o = DeskLogin.login(files, user, DemoDesk.PASSWORD.toCharArray(), TestDesks.DEADLINES,
                TestDesks.MONDAY_MORNING);
        Desk desk = ((DeskLogin.Opened) o).desk();
        opened.add(desk);
        return desk;
    }

    private void capture(Scene scene, Desk desk, Path png) throws InterruptedException {
        Shell shell = new Shell(display, SWT.SHELL_TRIM);
        try {
            shell.setText(scene.name());
            shell.setLayout(new FillLayout());
            shell.setSize(WIDTH, HEIGHT);
            scene.build().accept(desk, shell);
            shell.layout(true, true);
            shell.open();
            // let jobs (pages of the list, outbox counts) finish and the shell paint
            long until = System.currentTimeMillis() + 1_500;
            Widgets.settle(display, null, () -> System.currentTimeMillis() > until);
            Shell target = shell;
            for (Shell child : shell.getShells()) {
                target = child;   // a dialog the scene opened over its shell: on top, painted, then captured
                child.moveAbove(null);
                child.forceActive();
                long painted = System.currentTimeMillis() + 500;
                Widgets.settle(display, null, () -> System.currentTimeMillis() > painted);
            }
            Image image = new Image(display, target.getClientArea().width, target.getClientArea().height);
            GC gc = new GC(target);
            try {
                gc.copyArea(image, 0, 0);
            } finally {
                gc.dispose();
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(png.toString(), SWT.IMAGE_PNG);
            image.dispose();
        } finally {
            shell.dispose();
        }
    }

    private static UUID firstDone(Desk desk) {
        return desk.search().find(DossierQuery.text("", desk.now(), 1).withStatuses(java.util.Set.of(
                org.motcua.core.lifecycle.DossierStatus.DONE))).items().get(0).id();
    }

    private static UUID firstDossier(Desk desk) {
        return desk.search().find(DossierQuery.text("", desk.now(), 1)).items().get(0).id();
    }

    private static boolean hasColour(Path png, int red, int green, int blue) throws IOException {
        ImageData data = new ImageLoader().load(png.toString())[0];
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) {
                RGB rgb = data.palette.getRGB(data.getPixel(x, y));
                if (rgb.red == red && rgb.green == green && rgb.blue == blue) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int distinctColours(Path png) throws IOException {
        ImageData data = new ImageLoader().load(png.toString())[0];
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < data.height; y += 4) {
            for (int x = 0; x < data.width; x += 4) {
                colours.add(data.getPixel(x, y));
            }
        }
        return colours.size();
    }
}
