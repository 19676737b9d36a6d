package org.motcua.print;

import java.io.IOException;
import org.motcua.print.internal.PdfReports;

/**
 * Reports of one unit as PDF, on the same official letterhead, fonts and wording as {@link OneStopForms} (the
 * wording keys {@code report.*}). Safe to call from any thread.
 */
public interface ReportPdf {

    /**
     * Reads the wording of {@code settings} (bundled edition plus the province's overrides).
     *
     * @throws IOException when the province's wording file exists but cannot be read
     */
    static ReportPdf create(FormSettings settings) throws IOException {
        return PdfReports.create(settings);
    }

    /** The on-time report on portrait A4: letterhead, title, range, the table with a total row, the signer. */
    PrintedForm onTime(OnTimeReportData data) throws IOException;
}
