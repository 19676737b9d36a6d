package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.print.PrintService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.print.internal.JavaxPrinterService;

class PrinterServiceTest {

    @TempDir
    Path dir;

    private static PrintedForm receipt() throws Exception {
        return FormFixtures.forms().receipt(FormFixtures.receiptData(FormFixtures.dossier(), FormFixtures.marriage(), "Trần Văn Bình"));
    }

    @Test
    void withoutAnyPrinterThePdfIsSavedAndTheOfficerToldWhere() throws Exception {
        PrinterService none = new JavaxPrinterService(() -> new PrintService[0], () -> null);
        PrintOutcome outcome = none.print(receipt(), Optional.empty(), dir);
        PrintOutcome.NoPrinter noPrinter = assertInstanceOf(PrintOutcome.NoPrinter.class, outcome);
        assertTrue(Files.size(noPrinter.savedPdf()) > 1000);
        assertEquals(dir.resolve("mau01-000.00.99.H99-260309-0001.pdf"), noPrinter.savedPdf());
        assertEquals("Máy tính này chưa cài đặt máy in nào. Phiếu đã được lưu thành tệp PDF: " + noPrinter.savedPdf(),
                outcome.message(Locale.forLanguageTag("vi-VN")));
        assertEquals("No printer is installed on this computer. The form is saved as a PDF: " + noPrinter.savedPdf(),
                outcome.message(Locale.ENGLISH));
        assertTrue(none.printerNames().isEmpty());
        assertTrue(none.defaultPrinterName().isEmpty());
    }

    @Test
    void theSystemServiceOnThisPrinterlessMachineSavesAndSaysSo() throws Exception {
        PrinterService system = PrinterService.system();
        PrintOutcome outcome = system.print(receipt(), Optional.empty(), dir);
        assertTrue(Files.exists(outcome.savedPdf()));
        if (system.printerNames().isEmpty()) {
            assertInstanceOf(PrintOutcome.NoPrinter.class, outcome);
        }
    }

    @Test
    void aPrinterThatIsNotInstalledIsNamedWithTheOnesThatAre() throws Exception {
        PrintService office = printerNamed("HP LaserJet P1102 (Một cửa)");
        PrinterService one = new JavaxPrinterService(() -> new PrintService[] {office}, () -> office);
        assertEquals(List.of("HP LaserJet P1102 (Một cửa)"), one.printerNames());
        assertEquals(Optional.of("HP LaserJet P1102 (Một cửa)"), one.defaultPrinterName());
        PrintOutcome outcome = one.print(receipt(), Optional.of("Canon LBP2900"), dir);
        PrintOutcome.PrinterNotFound notFound = assertInstanceOf(PrintOutcome.PrinterNotFound.class, outcome);
        assertEquals(List.of("HP LaserJet P1102 (Một cửa)"), notFound.available());
        assertTrue(Files.exists(notFound.savedPdf()));
        assertEquals("Không tìm thấy máy in \"Canon LBP2900\" (các máy in hiện có: HP LaserJet P1102 (Một cửa)). Phiếu đã"
                + " được lưu thành tệp PDF: " + notFound.savedPdf(), outcome.message(Locale.forLanguageTag("vi")));
    }

    @Test
    void aPrinterThatRefusesTheJobIsAFailureWithTheSavedPdf() throws Exception {
        // a print service that is not a real one: the JDK's PrinterJob refuses it
        PrintService fake = printerNamed("Máy in giả");
        PrinterService one = new JavaxPrinterService(() -> new PrintService[] {fake}, () -> fake);
        PrintOutcome outcome = one.print(receipt(), Optional.of("Máy in giả"), dir);
        PrintOutcome.Failed failed = assertInstanceOf(PrintOutcome.Failed.class, outcome);
        assertEquals("Máy in giả", failed.printer());
        assertTrue(Files.exists(failed.savedPdf()));
        assertTrue(outcome.message(Locale.forLanguageTag("vi")).startsWith("Máy in \"Máy in giả\" không in được ("));
    }

    /** A PrintService that only has a name. */
    private static PrintService printerNamed(String name) {
        return (PrintService) Proxy.newProxyInstance(PrinterServiceTest.class.getClassLoader(),
                new Class<?>[] {PrintService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getName", "toString" -> name;
                    case "hashCode" -> name.hashCode();
                    case "equals" -> proxy == args[0];
                    case "isDocFlavorSupported", "isAttributeCategorySupported", "isAttributeValueSupported" -> false;
                    default -> null;
                });
    }
}
