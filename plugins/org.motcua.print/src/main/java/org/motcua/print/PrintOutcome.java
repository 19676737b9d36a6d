package org.motcua.print;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.motcua.print.internal.PrintMessages;

/**
 * What became of a print request. The PDF is saved in every case: {@link #savedPdf()} says where, so the officer
 * can print it elsewhere or send it.
 */
public sealed interface PrintOutcome {

    Path savedPdf();

    /** A sentence for the officer, in Vietnamese for {@code vi} and English otherwise. */
    default String message(Locale locale) {
        return PrintMessages.describe(this, locale);
    }

    /** Sent to the printer's queue. */
    record Printed(String printer, int pages, Path savedPdf) implements PrintOutcome {
    }

    /** The PC has no printer at all. */
    record NoPrinter(Path savedPdf) implements PrintOutcome {
    }

    /** The chosen printer is not (or no longer) installed. */
    record PrinterNotFound(String printer, List<String> available, Path savedPdf) implements PrintOutcome {

        public PrinterNotFound {
            available = List.copyOf(available);
        }
    }

    /** The printer refused the job or the spooler failed. */
    record Failed(String printer, String reason, Path savedPdf) implements PrintOutcome {
    }
}
