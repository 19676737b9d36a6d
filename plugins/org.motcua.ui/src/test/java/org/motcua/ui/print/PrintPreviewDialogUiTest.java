package org.motcua.ui.print;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.Role;
import org.motcua.print.PrintedForm;
import org.motcua.print.ReceiptData;
import org.motcua.store.DeskSettings;
import org.motcua.store.DeskSettings.Key;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.testing.TestPrinters;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/** The preview dialog, opened without blocking on the real receipt of a dossier stored in a real desk. */
@ExtendWith(VietnameseDisplay.class)
class PrintPreviewDialogUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private Desk desk;
    private DeskForms forms;
    private PrintedForm receipt;
    private PrintPreviewDialog dialog;

    @BeforeEach
    void receiveADossier() throws Exception {
        desk = TestDesks.as(dir, Role.RECEIVING_OFFICER);
        forms = new DeskForms(desk, dir);
        Procedure p = desk.catalogue().latest("1.001193").orElseThrow();
        Applicant a = Applicant.citizen("Trần Văn Bình", CitizenId.parse("001085012345", null), LocalDate.of(1985, 1, 2),
                "0912345678", new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", "Thôn 2"));
        Dossier d = desk.intake().receive(new IntakeRequest(p, a, p.requiredDocuments().stream().map(ReceivedDocument::of)
                .toList(), 1, Channel.IN_PERSON, ResultDelivery.COUNTER, desk.now(), desk.username(), Optional.empty(), ""),
                Role.RECEIVING_OFFICER, desk.now());
        receipt = forms.forms().receipt(new ReceiptData(d, p, desk.officer().fullName(),
                desk.store().lookupToken(d.id()).orElseThrow()));
        shell = new Shell(display);
        shell.setSize(600, 400);
        shell.open();
    }

    @AfterEach
    void close() {
        if (dialog != null && dialog.getShell() != null) {
            dialog.close();
        }
        shell.dispose();
        desk.close();
    }

    /** Opens the preview without blocking and waits for the printers and the first page. */
    private Shell open(TestPrinters printers) throws InterruptedException {
        dialog = new PrintPreviewDialog(shell, receipt, forms, printers);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Widgets.settle(display, dialog.printersLookup(), () -> named(dialog.getShell(), Button.class, "preview.print")
                .getEnabled());
        Widgets.settle(display, dialog.rendering(), () -> dialog.pageImage() != null);
        return dialog.getShell();
    }

    private String status(Shell preview) {
        return named(preview, Label.class, "preview.status").getText();
    }

    private void pageKey(Shell preview, int keyCode) throws InterruptedException {
        Event key = new Event();
        key.keyCode = keyCode;
        named(preview, Canvas.class, "preview.canvas").notifyListeners(SWT.KeyDown, key);
        Widgets.settle(display, dialog.rendering(), () -> dialog.pageImage() != null);
    }

    @Test
    void showsTheReceiptPageByPageFittedToTheWidthAndSavesExactlyTheForm() throws Exception {
        Shell preview = open(TestPrinters.none());
        int pages = receipt.pages();
        assertTrue(pages >= 2, "two copies");
        Label page = named(preview, Label.class, "preview.page");
        assertEquals("Trang 1/" + pages, page.getText());
        Rectangle image = dialog.pageImage().getBounds();
        assertEquals(297.0 / 210.0, (double) image.height / image.width, 0.01, "an A4 page, upright: " + image);
        Canvas canvas = named(preview, Canvas.class, "preview.canvas");
        assertEquals(297.0 / 210.0, (double) canvas.getSize().y / canvas.getSize().x, 0.01,
                "drawn as wide as the dialog, in proportion: " + canvas.getSize());
        assertFalse(named(preview, Button.class, "preview.previous").getEnabled());

        pageKey(preview, SWT.PAGE_DOWN);
        assertEquals("Trang 2/" + pages, page.getText());
        assertNotNull(dialog.pageImage());
        for (int i = 2; i <= pages; i++) {
            pageKey(preview, SWT.PAGE_DOWN);
        }
        assertEquals("Trang " + pages + "/" + pages, page.getText(), "no page after the last");
        assertFalse(named(preview, Button.class, "preview.next").getEnabled());
        pageKey(preview, SWT.PAGE_UP);
        assertEquals("Trang " + (pages - 1) + "/" + pages, page.getText());

        Path target = dir.resolve("chosen").resolve(receipt.fileName());
        String told = dialog.savePdf(target);
        assertArrayEquals(receipt.pdf(), Files.readAllBytes(target));
        assertEquals("Đã lưu tệp PDF: " + target, told);
        assertEquals(told, status(preview));
        assertEquals(told, dialog.result());

        Image shown = dialog.pageImage();
        dialog.close();
        assertTrue(shown.isDisposed(), "the page images go with the dialog");
    }

    @Test
    void withoutAnyPrinterItSaysSoAndWhereThePdfIs() throws Exception {
        TestPrinters none = TestPrinters.none();
        Shell preview = open(none);
        Combo printer = named(preview, Combo.class, "preview.printer");
        assertEquals("Không có máy in nào", printer.getText());
        assertFalse(printer.getEnabled());
        Path saved = forms.savedFormsDirectory();
        assertEquals("Máy tính này chưa có máy in: bấm \"In\" để lưu phiếu thành tệp PDF trong thư mục " + saved + ".",
                status(preview));

        Button print = named(preview, Button.class, "preview.print");
        assertSame(print, preview.getDefaultButton(), "Enter prints");
        print.notifyListeners(SWT.Selection, new Event());
        Widgets.settle(display, dialog.printing(), () -> !status(preview).startsWith("Đang"));
        Path pdf = saved.resolve(receipt.fileName());
        assertEquals("Máy tính này chưa cài đặt máy in nào. Phiếu đã được lưu thành tệp PDF: " + pdf, status(preview));
        assertEquals(status(preview), dialog.result());
        assertArrayEquals(receipt.pdf(), Files.readAllBytes(pdf));
        assertEquals(List.of(new TestPrinters.Job(Optional.empty(), pdf)), none.jobs());
    }

    @Test
    void thePrinterPickedInThePreviewIsRememberedAndPrintsTheForm() throws Exception {
        TestPrinters two = new TestPrinters(List.of("Canon LBP2900", "HP LaserJet Xã"), Optional.of("Canon LBP2900"));
        Shell preview = open(two);
        Combo printer = named(preview, Combo.class, "preview.printer");
        assertEquals("Canon LBP2900", printer.getText(), "the OS default while the desk has none");
        assertEquals("", new DeskSettings(desk.store()).get(Key.PRINTER));

        printer.select(1);
        printer.notifyListeners(SWT.Selection, new Event());
        Widgets.settle(display, dialog.remembering(), () -> status(preview).startsWith("Từ nay"));
        assertEquals("Từ nay phiếu của quầy này được in ra máy in \"HP LaserJet Xã\".", status(preview));
        assertEquals("HP LaserJet Xã", new DeskSettings(desk.store()).get(Key.PRINTER));
        assertEquals(Optional.of("HP LaserJet Xã"), forms.printer());

        Button print = named(preview, Button.class, "preview.print");
        print.notifyListeners(SWT.Selection, new Event());
        Widgets.settle(display, dialog.printing(), () -> !status(preview).startsWith("Đang"));
        Path pdf = forms.savedFormsDirectory().resolve(receipt.fileName());
        assertEquals(List.of(new TestPrinters.Job(Optional.of("HP LaserJet Xã"), pdf)), two.jobs());
        assertEquals("Đã gửi " + receipt.pages() + " trang tới máy in \"HP LaserJet Xã\". Bản PDF đã được lưu tại: " + pdf,
                dialog.result());
        assertSame(named(preview, Button.class, "preview.close"), preview.getDefaultButton(),
                "printed: Enter now closes the preview");
        dialog.close();

        open(two);
        assertEquals("HP LaserJet Xã", named(dialog.getShell(), Combo.class, "preview.printer").getText(),
                "the desk's printer is preselected next time");
    }

    @Test
    void aRememberedPrinterThatIsGoneIsSaidAndTheDefaultTakesItsPlace() throws Exception {
        new DeskSettings(desk.store()).put(Key.PRINTER, "Máy in cũ", desk.username(), desk.role(), desk.now());
        Shell preview = open(new TestPrinters(List.of("Canon LBP2900", "HP LaserJet Xã"), Optional.of("HP LaserJet Xã")));
        assertEquals("HP LaserJet Xã", named(preview, Combo.class, "preview.printer").getText());
        assertEquals("Không còn máy in \"Máy in cũ\" đã chọn cho quầy này: tạm dùng máy in \"HP LaserJet Xã\".",
                status(preview));
        assertEquals("Máy in cũ", new DeskSettings(desk.store()).get(Key.PRINTER), "kept until the officer picks another");
    }

    @Test
    void theProductsOutputWaitsForTheOfficerAndReturnsWhatBecameOfTheForm() {
        TestPrinters none = TestPrinters.none();
        long giveUp = System.currentTimeMillis() + 20_000;
        Runnable[] officer = new Runnable[1];
        officer[0] = () -> {   // what the officer does in the modal preview: Enter (print), read, then close
            Shell preview = List.of(display.getShells()).stream().filter(s -> s.getParent() == shell).findFirst()
                    .orElse(null);
            if (preview == null || System.currentTimeMillis() > giveUp) {
                if (preview != null) {
                    preview.close();
                }
                return;
            }
            Button print = named(preview, Button.class, "preview.print");
            if (none.jobs().isEmpty() && print.getEnabled()) {
                print.notifyListeners(SWT.Selection, new Event());
            } else if (status(preview).startsWith("Máy tính này chưa cài đặt")) {
                named(preview, Button.class, "preview.close").notifyListeners(SWT.Selection, new Event());
                return;
            }
            display.timerExec(20, officer[0]);
        };
        display.timerExec(20, officer[0]);

        String told = new PreviewFormOutput(forms, none).show(receipt, shell);

        Path pdf = forms.savedFormsDirectory().resolve(receipt.fileName());
        assertEquals("Máy tính này chưa cài đặt máy in nào. Phiếu đã được lưu thành tệp PDF: " + pdf, told);
        assertEquals(1, none.jobs().size());
        assertEquals(List.of(shell), List.of(display.getShells()), "the preview is closed");
    }
}
