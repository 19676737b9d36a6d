package org.motcua.ui.receipt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.swt.widgets.Shell;
import org.motcua.core.catalogue.SampleCommune;
import org.motcua.print.FormSettings;
import org.motcua.print.IssuingUnit;
import org.motcua.print.OneStopForms;
import org.motcua.print.PrintedForm;
import org.motcua.print.PrinterService;
import org.motcua.print.ReceiptData;
import org.motcua.store.DeviceIdentity;
import org.motcua.ui.Messages;

/**
 * Prints the receipt (form 01, two copies) with the print bundle: the PDF is always saved under
 * {@code receipts/} beside the database, then sent to the default printer; the officer is told which
 * happened and where the PDF is. Warm: a few milliseconds, so it runs on the UI thread right after saving.
 */
public final class PdfReceiptPrinter implements ReceiptPrinter {

    private final Path receiptsDirectory;
    private final PrinterService printers;
    private final Messages messages = Messages.current();
    private OneStopForms forms;

    public PdfReceiptPrinter(Path receiptsDirectory, PrinterService printers) {
        this.receiptsDirectory = receiptsDirectory;
        this.printers = printers;
    }

    @Override
    public String print(Receipt receipt, Shell shell) {
        try {
            PrintedForm form = forms(receipt.unit()).receipt(
                    ReceiptData.of(receipt.dossier(), receipt.procedure(), receipt.officerFullName()));
            return printers.print(form, Optional.empty(), receiptsDirectory).message(messages.locale());
        } catch (IOException | RuntimeException e) {
            return messages.get("receipt.failed", receipt.dossier().code().format(), String.valueOf(e.getMessage()));
        }
    }

    private synchronized OneStopForms forms(DeviceIdentity unit) throws IOException {
        if (forms == null) {
            forms = OneStopForms.create(FormSettings.of(issuingUnit(unit)));
        }
        return forms;
    }

    /** The demo commune has its full letterhead; a real unit prints its name and leaves the rest dotted for now. */
    static IssuingUnit issuingUnit(DeviceIdentity unit) {
        if (unit.unitCode().equals(SampleCommune.DEMO.unitCode())) {
            return IssuingUnit.demo();
        }
        return new IssuingUnit("", unit.unitName(), "", "");
    }

}
