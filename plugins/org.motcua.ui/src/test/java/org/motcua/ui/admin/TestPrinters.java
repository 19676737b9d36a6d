package org.motcua.ui.admin;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.motcua.print.PrintOutcome;
import org.motcua.print.PrintedForm;
import org.motcua.print.PrinterService;

/** A print system with known printer names, so the settings tests do not depend on the build machine's printers. */
final class TestPrinters implements PrinterService {

    private final List<String> names;

    private TestPrinters(List<String> names) {
        this.names = names;
    }

    static TestPrinters none() {
        return new TestPrinters(List.of());
    }

    static TestPrinters of(String... names) {
        return new TestPrinters(List.of(names));
    }

    @Override
    public List<String> printerNames() {
        return names;
    }

    @Override
    public Optional<String> defaultPrinterName() {
        return names.stream().findFirst();
    }

    @Override
    public PrintOutcome print(PrintedForm form, Optional<String> printerName, Path saveDirectory) {
        throw new UnsupportedOperationException("the settings part never prints");
    }
}
