package org.motcua.print;

import java.io.IOException;
import org.motcua.print.internal.PdfOneStopForms;

/**
 * Lays out the one-stop forms of one unit as PDF documents on official A4 (the register on landscape A4),
 * in Times-compatible Liberation Serif shipped inside this bundle and embedded as a subset, so any PC prints the
 * same paper. Safe to call from any thread; documents are built one at a time.
 *
 * <p>The UI previews a result with {@link FormPreview}, prints it with {@link PrinterService} and can always save
 * it with {@link PrintedForm#saveTo}.
 */
public interface OneStopForms {

    /**
     * Reads the wording of {@code settings} (bundled edition plus the province's overrides).
     *
     * @throws IOException when the province's wording file exists but cannot be read
     */
    static OneStopForms create(FormSettings settings) throws IOException {
        return PdfOneStopForms.create(settings);
    }

    FormSettings settings();

    /** Form 01 in two copies (one for the applicant, one kept), each starting on its own page. */
    PrintedForm receipt(ReceiptData data) throws IOException;

    /** Form 02. */
    PrintedForm supplementRequest(SupplementRequestData data) throws IOException;

    /** Form 03. */
    PrintedForm refusal(RefusalData data) throws IOException;

    /** Form 04. */
    PrintedForm apology(ApologyData data) throws IOException;

    /** Form 05 of the 2025 set; under the 2018 edition it is printed without a form number. */
    PrintedForm stopNotice(StopNoticeData data) throws IOException;

    /** Form 06 (05 in 2018). */
    PrintedForm controlSlip(ControlSlipData data) throws IOException;

    /** Form 07 (06 in 2018): as many landscape pages as needed, the table header and page number on each. */
    PrintedForm register(RegisterData data) throws IOException;

    /** The envelope label of a result sent by post (not a numbered form). */
    PrintedForm envelopeLabel(EnvelopeLabelData data) throws IOException;
}
