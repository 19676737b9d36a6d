package org.motcua.print;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.motcua.print.internal.JavaxPrinterService;

/**
 * Prints forms through the operating system's printers (javax.print). Headless: the UI chooses the printer and
 * shows {@link PrintOutcome#message}.
 */
public interface PrinterService {

    /** The printers the operating system offers. */
    static PrinterService system() {
        return new JavaxPrinterService();
    }

    /** Names of the installed printers that can print documents; empty on a PC without printers. */
    List<String> printerNames();

    /** The operating system's default printer, if there is one. */
    Optional<String> defaultPrinterName();

    /**
     * Saves {@code form} as a PDF in {@code saveDirectory} first (that always happens, printer or not), then sends it
     * to {@code printerName}, or to the default printer when empty. Never throws for a printing problem: the outcome
     * says what happened and where the PDF is.
     *
     * @throws java.io.UncheckedIOException only when the PDF cannot be saved
     */
    PrintOutcome print(PrintedForm form, Optional<String> printerName, Path saveDirectory);
}
