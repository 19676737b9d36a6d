package org.motcua.ui.receipt;

import org.eclipse.swt.widgets.Shell;

/**
 * THE HOOK FOR THE RECEIPT (form 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả").
 *
 * <p>The intake part calls {@link #print} on the UI thread right after {@code DossierIntake.receive} has
 * durably stored the dossier (never before). The print bundle ({@code org.motcua.print}) will provide the
 * real implementation (lay out the PDF, preview it, print two copies); until then
 * {@link PdfLaterReceiptPrinter} only says that printing is not available yet.
 *
 * <p>How to plug in: put another implementation into the application context under this type, e.g. in
 * {@code DeskLifeCycle} ({@code context.set(ReceiptPrinter.class, new PdfReceiptPrinter(...))}) or later
 * as an OSGi service. Implementations may open a preview dialog on {@code shell}; long work (PDF layout)
 * belongs in a {@code Job}.
 */
public interface ReceiptPrinter {

    /**
     * Shows, prints or saves the receipt of a dossier just received.
     *
     * @return one sentence for the officer about what happened (shown under the intake form)
     */
    String print(Receipt receipt, Shell shell);
}
