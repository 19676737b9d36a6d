package org.motcua.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.motcua.print.PrintOutcome;
import org.motcua.print.PrintedForm;
import org.motcua.print.PrinterService;

/**
 * The printers of a PC that tests choose (the build machine has none, a developer's may have real ones that must
 * not print): saves the PDF like the real service, then records the job instead of sending it to a spooler.
 */
public final class TestPrinters implements PrinterService {

    /** One print request: the printer asked for (empty = default) and where the PDF was saved. */
    public record Job(Optional<String> printer, Path savedPdf) {
    }

    private final List<String> names;
    private final Optional<String> defaultName;
    private final List<Job> jobs = new CopyOnWriteArrayList<>();

    public TestPrinters(List<String> names, Optional<String> defaultName) {
        this.names = List.copyOf(names);
        this.defaultName = defaultName;
    }

    /** A PC without any printer. */
    public static TestPrinters none() {
        return new TestPrinters(List.of(), Optional.empty());
    }

    @Override
    public List<String> printerNames() {
        return names;
    }

    @Override
    public Optional<String> defaultPrinterName() {
        return defaultName;
    }

    @Override
    public PrintOutcome print(PrintedForm form, Optional<String> printerName, Path saveDirectory) {
        Path saved;
        try {
            saved = form.saveTo(saveDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jobs.add(new Job(printerName, saved));
        if (names.isEmpty()) {
            return new PrintOutcome.NoPrinter(saved);
        }
        String target = printerName.or(() -> defaultName).orElse(names.get(0));
        return names.contains(target) ? new PrintOutcome.Printed(target, form.pages(), saved)
                : new PrintOutcome.PrinterNotFound(target, names, saved);
    }

    public List<Job> jobs() {
        return jobs;
    }
}
