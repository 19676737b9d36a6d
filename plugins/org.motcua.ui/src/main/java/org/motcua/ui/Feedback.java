package org.motcua.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;

/** The one-line answer under a form: dark green when something was done, dark red when it was refused. */
public final class Feedback {

    private Feedback() {
    }

    /** Shows {@code text} in {@code label} and lays out its parent, so a longer sentence wraps; UI thread only. */
    public static void show(Label label, String text, boolean error) {
        label.setText(text == null ? "" : text);
        label.setForeground(label.getDisplay().getSystemColor(error ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_GREEN));
        label.getParent().layout(true);
    }
}
