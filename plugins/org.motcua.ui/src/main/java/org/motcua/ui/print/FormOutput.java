package org.motcua.ui.print;

import org.eclipse.swt.widgets.Shell;
import org.motcua.print.PrintedForm;

/**
 * Where a finished form goes: shown to the officer, printed on the desk's printer, saved as a PDF. Parts never
 * talk to printers themselves; they lay the form out with {@link DeskForms} and hand it here. The application
 * context holds one implementation; tests put in their own to look at what would have been printed.
 */
public interface FormOutput {

    /**
     * Presents {@code form} on the UI thread (an implementation may open a modal preview on {@code shell}).
     *
     * @return one sentence for the officer about what happened (printed, saved where, no printer)
     */
    String show(PrintedForm form, Shell shell);
}
