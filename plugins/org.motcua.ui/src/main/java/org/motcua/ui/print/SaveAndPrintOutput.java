package org.motcua.ui.print;

import org.eclipse.swt.widgets.Shell;
import org.motcua.print.PrintedForm;
import org.motcua.print.PrinterService;
import org.motcua.ui.Messages;

/**
 * Prints without asking: saves the PDF under the desk's forms directory and sends it to the desk's printer
 * (the operating system's default when none was chosen). The message says what happened and where the PDF is.
 */
public final class SaveAndPrintOutput implements FormOutput {

    private final DeskForms forms;
    private final PrinterService printers;
    private final Messages messages = Messages.current();

    public SaveAndPrintOutput(DeskForms forms, PrinterService printers) {
        this.forms = forms;
        this.printers = printers;
    }

    @Override
    public String show(PrintedForm form, Shell shell) {
        return printers.print(form, forms.printer(), forms.savedFormsDirectory()).message(messages.locale());
    }
}
