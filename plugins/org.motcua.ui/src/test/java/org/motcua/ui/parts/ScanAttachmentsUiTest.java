package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
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
import org.motcua.core.lifecycle.Role;
import org.motcua.store.DossierQuery;
import org.motcua.store.ScannedDocuments;
import org.motcua.store.sync.SyncOutbox;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.RecordingFormOutput;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/**
 * Scans through the real widgets: two attached at the counter (a file that only calls itself a PDF is refused), their
 * thumbnails shown, the dossier saved with them, then both shown again in the dossier's detail view, where a third (a
 * real PDF) is attached at once.
 */
@ExtendWith(VietnameseDisplay.class)
class ScanAttachmentsUiTest {

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
        shell.setSize(1100, 1000);
        part = new IntakePart(desk, new DeskForms(desk, dir), output);
        part.createControls(shell);
        shell.open();
    }

    @AfterEach
    void close() {
        shell.dispose();
        desk.close();
    }

    /** A real image file as a scanner saves it: a drawn "page" in {@code format} (SWT.IMAGE_PNG, SWT.IMAGE_JPEG). */
    private Path picture(String name, int format, int width, int height) {
        Image image = new Image(display, width, height);
        GC gc = new GC(image);
        gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(0, 0, width, height);
        gc.drawText("CĂN CƯỚC CÔNG DÂN 001185012345", 20, 20);
        gc.dispose();
        ImageData data = image.getImageData();
        image.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        Path file = dir.resolve(name);
        loader.save(file.toString(), format);
        return file;
    }

    private void choose(Composite root, List<Path> files) throws InterruptedException {
        ScanAttachments scans = (ScanAttachments) named(root, Composite.class, "scans").getData(ScanAttachments.class.getName());
        scans.useChooser(s -> files);
        named(root, Button.class, "scans.attach").notifyListeners(SWT.Selection, new Event());
        Widgets.settle(display, null, () -> scans.thumbnailsPending() == 0);
    }

    private static List<Label> thumbnails(Composite root) {
        return Widgets.all(root, Label.class).stream().filter(l -> "scans.thumbnail".equals(l.getData(org.motcua.ui.UiIds.KEY)))
                .toList();
    }

    private static void assertThumbnail(Label l) {
        Image image = l.getImage();
        assertNotNull(image, "a thumbnail, not: " + l.getText());
        int w = image.getBounds().width;
        int h = image.getBounds().height;
        assertTrue(Math.max(w, h) <= ScanAttachments.THUMBNAIL_BOX && Math.max(w, h) >= ScanAttachments.THUMBNAIL_BOX - 1,
                "scaled to the box: " + w + "x" + h);
    }

    private void fillIntake() {
        named(shell, Text.class, "intake.procedure.search").setText("dang ky khai sinh");
        org.eclipse.swt.widgets.List list = named(shell, org.eclipse.swt.widgets.List.class, "intake.procedure.list");
        list.select(List.of(list.getItems()).indexOf(List.of(list.getItems()).stream().filter(s -> s.startsWith("1.001193 "))
                .findFirst().orElseThrow()));
        list.notifyListeners(SWT.Selection, new Event());
        Table checklist = named(shell, Table.class, "intake.checklist");
        for (TableItem item : checklist.getItems()) {
            item.setChecked(true);
            Event tick = new Event();
            tick.item = item;
            tick.detail = SWT.CHECK;
            checklist.notifyListeners(SWT.Selection, tick);
        }
        named(shell, Text.class, "intake.name").setText("Nguyễn Thị Mai");
        named(shell, Text.class, "intake.citizenId").setText("001185012345");
        named(shell, Text.class, "intake.province").setText("Tỉnh Mẫu");
        named(shell, Text.class, "intake.commune").setText("Xã Mẫu Thuận");
    }

    @Test
    void twoScansAttachedAtTheCounterAreSavedWithTheDossierAndShownInItsDetailView() throws Exception {
        fillIntake();
        Path idCard = picture("cccd-mat-truoc.png", SWT.IMAGE_PNG, 860, 540);
        Path form = picture("to-khai.jpg", SWT.IMAGE_JPEG, 1240, 1754);
        Path notAScan = Files.write(dir.resolve("giay-to.pdf"), "không phải PDF".getBytes(StandardCharsets.UTF_8));
        choose(shell, List.of(idCard, form, notAScan));

        String said = named(shell, Label.class, "scans.feedback").getText();
        assertTrue(said.startsWith("Đã thêm 2 bản quét; lưu hồ sơ để đính kèm."), said);
        assertTrue(said.contains("Tệp giay-to.pdf không phải ảnh quét (JPEG, PNG, TIFF) hay PDF; không thể đính kèm."), said);
        List<Label> shown = thumbnails(shell);
        assertEquals(2, shown.size());
        shown.forEach(ScanAttachmentsUiTest::assertThumbnail);
        List<Image> images = shown.stream().map(Label::getImage).toList();

        named(shell, Button.class, "intake.save").notifyListeners(SWT.Selection, new Event());
        Widgets.settle(display, part.runningSave(), () -> !named(shell, Label.class, "intake.feedback").getText().startsWith("Đang lưu"));
        assertTrue(named(shell, Label.class, "intake.feedback").getText().startsWith("Đã tiếp nhận hồ sơ "),
                named(shell, Label.class, "intake.feedback").getText());
        assertEquals(0, thumbnails(shell).size(), "the strip is empty for the next citizen");
        assertTrue(images.stream().allMatch(Image::isDisposed), "the thumbnails' images were disposed with their tiles");

        UUID id = desk.search().find(DossierQuery.text("001185012345", desk.now(), 10)).items().get(0).id();
        List<ScannedDocuments.Attached> stored = new ScannedDocuments(desk.store()).of(id);
        assertEquals(List.of("cccd-mat-truoc.png", "to-khai.jpg"), stored.stream().map(ScannedDocuments.Attached::fileName).toList());
        assertEquals(stored.stream().map(ScannedDocuments.Attached::sha256).sorted().toList(),
                new SyncOutbox(desk.store()).all().get(0).blobs(), "the reception event lists both scans");

        Shell detail = new Shell(display);
        try {
            detail.setSize(1100, 1000);
            DetailViews.open(detail, desk, id);
            ScanAttachments scans = (ScanAttachments) named(detail, Composite.class, "scans").getData(ScanAttachments.class.getName());
            Widgets.settle(display, null, () -> scans.thumbnailsPending() == 0);
            List<Label> inDetail = thumbnails(detail);
            assertEquals(2, inDetail.size());
            inDetail.forEach(ScanAttachmentsUiTest::assertThumbnail);
            assertTrue(Widgets.labels(detail).stream().anyMatch(t -> t.startsWith("cccd-mat-truoc.png (")), Widgets.labels(detail).toString());

            // the signed receipt, scanned back as a PDF, attached from the detail view at once
            Path receipt = Files.write(dir.resolve("bien-nhan-da-ky.pdf"), output.last().pdf());
            choose(detail, List.of(receipt));
            assertEquals("Đã đính kèm 1 bản quét vào hồ sơ.", named(detail, Label.class, "scans.feedback").getText());
            List<Label> three = thumbnails(detail);
            assertEquals(3, three.size());
            assertThumbnail(three.get(2));

            // opened inside the desk, page by page (the receipt has two copies, one per page)
            three.get(2).notifyListeners(SWT.MouseDoubleClick, new Event());
            Shell viewer = java.util.Arrays.stream(display.getShells())
                    .filter(s -> "scans.viewer".equals(s.getData(org.motcua.ui.UiIds.KEY))).findFirst().orElseThrow();
            assertEquals("bien-nhan-da-ky.pdf", viewer.getText());
            assertEquals("Trang 1/" + output.last().pages(), named(viewer, Label.class, "scans.viewer.page").getText());
            Image page1 = named(viewer, Label.class, "scans.viewer.picture").getImage();
            assertNotNull(page1);
            named(viewer, Button.class, "scans.viewer.next").notifyListeners(SWT.Selection, new Event());
            assertEquals("Trang 2/" + output.last().pages(), named(viewer, Label.class, "scans.viewer.page").getText());
            assertTrue(page1.isDisposed(), "the page left is disposed");
            Image page2 = named(viewer, Label.class, "scans.viewer.picture").getImage();
            viewer.close();
            assertTrue(page2.isDisposed(), "the page shown is disposed with the window");
            assertEquals(3, new ScannedDocuments(desk.store()).of(id).size());
            assertEquals("AttachmentsAdded", new SyncOutbox(desk.store()).all().get(1).type());

            choose(detail, List.of(receipt));
            assertEquals("Các bản quét này đã có trong hồ sơ.", named(detail, Label.class, "scans.feedback").getText());
            assertEquals(2, desk.store().count("outbox"), "the same scan again writes nothing");
        } finally {
            detail.dispose();
        }
    }
}
