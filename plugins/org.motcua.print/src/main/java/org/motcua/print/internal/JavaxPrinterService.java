package org.motcua.print.internal;

import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.print.DocFlavor;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.MediaSizeName;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.motcua.print.PrintOutcome;
import org.motcua.print.PrintedForm;
import org.motcua.print.PrinterService;

/**
 * Printing through javax.print (CUPS on Linux, the spooler on Windows) with PDFBox's {@link PDFPageable}: each page
 * is drawn at the printer's resolution in its own orientation (the register is landscape), on A4.
 */
public final class JavaxPrinterService implements PrinterService {

    private final Supplier<PrintService[]> services;
    private final Supplier<PrintService> defaultService;

    public JavaxPrinterService() {
        this(() -> PrintServiceLookup.lookupPrintServices(DocFlavor.SERVICE_FORMATTED.PAGEABLE, null),
                PrintServiceLookup::lookupDefaultPrintService);
    }

    /** With another lookup: tests use it to stand in for printers this machine does not have. */
    public JavaxPrinterService(Supplier<PrintService[]> services, Supplier<PrintService> defaultService) {
        this.services = services;
        this.defaultService = defaultService;
    }

    @Override
    public List<String> printerNames() {
        return Arrays.stream(installed()).map(PrintService::getName).toList();
    }

    @Override
    public Optional<String> defaultPrinterName() {
        PrintService s = defaultService.get();
        return s == null ? Optional.empty() : Optional.of(s.getName());
    }

    @Override
    public PrintOutcome print(PrintedForm form, Optional<String> printerName, Path saveDirectory) {
        Path saved;
        try {
            saved = form.saveTo(saveDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + form.fileName() + " in " + saveDirectory, e);
        }
        PrintService[] installed = installed();
        if (installed.length == 0) {
            return new PrintOutcome.NoPrinter(saved);
        }
        Optional<PrintService> target = printerName.isPresent()
                ? Arrays.stream(installed).filter(s -> s.getName().equals(printerName.get())).findFirst()
                : Optional.ofNullable(defaultService.get()).or(() -> Optional.of(installed[0]));
        if (target.isEmpty()) {
            return new PrintOutcome.PrinterNotFound(printerName.get(), printerNames(), saved);
        }
        PrintService service = target.get();
        try (PDDocument doc = Loader.loadPDF(form.pdf())) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setPrintService(service);
            job.setJobName(form.fileName());
            job.setPageable(new PDFPageable(doc));
            PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
            attributes.add(MediaSizeName.ISO_A4);
            attributes.add(new JobName(form.fileName(), null));
            job.print(attributes);
            return new PrintOutcome.Printed(service.getName(), doc.getNumberOfPages(), saved);
        } catch (PrinterException | IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new PrintOutcome.Failed(service.getName(), reason, saved);
        }
    }

    private PrintService[] installed() {
        PrintService[] found = services.get();
        return found == null ? new PrintService[0] : found;
    }
}
