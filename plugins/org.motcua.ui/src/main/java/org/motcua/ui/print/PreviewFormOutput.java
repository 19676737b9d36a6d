package org.motcua.ui.print;

import org.eclipse.swt.widgets.Shell;
import org.motcua.print.PrintedForm;
import org.motcua.print.PrinterService;

/**
 * The product's {@link FormOutput}: every form opens in the {@link PrintPreviewDialog} on the desk's printer,
 * so the officer sees it and Enter prints it. Returns once the officer has closed the preview.
 */
public final class PreviewFormOutput implements FormOutput {

    private final DeskForms forms;
    private final PrinterService printers;

    public PreviewFormOutput(DeskForms forms, PrinterService printers) {
        this.forms = forms;
        this.printers = printers;
    }

    @Override
    public String show(PrintedForm form, Shell shell) {
        PrintPreviewDialog preview = new PrintPreviewDialog(shell, form, forms, printers);
        preview.open();
        return preview.result();
    }
}
