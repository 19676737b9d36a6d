package org.motcua.ui.receipt;

import org.eclipse.swt.widgets.Shell;
import org.motcua.ui.Messages;

/** Stands in until the print bundle's receipt arrives: prints nothing and says so. */
public final class PdfLaterReceiptPrinter implements ReceiptPrinter {

    private final Messages messages = Messages.current();
    private volatile Receipt last;

    @Override
    public String print(Receipt receipt, Shell shell) {
        last = receipt;
        return messages.get("receipt.later", receipt.dossier().code().format());
    }

    /** The last receipt asked for, for tests. */
    public Receipt last() {
        return last;
    }
}
