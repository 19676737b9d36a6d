package org.motcua.ui.field;

import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Table;

/**
 * The larger type of the assisted filing: the system font scaled by {@value #SCALE}, made once and disposed with
 * the part's root. SWT children do not inherit a font, so {@link #apply} sets it on every control of a tree.
 */
final class LargeType {

    static final double SCALE = 1.4;

    private final Font font;

    LargeType(Composite root) {
        FontData[] data = root.getFont().getFontData();
        for (FontData d : data) {
            d.setHeight((int) Math.round(d.getHeight() * SCALE));
        }
        font = new Font(root.getDisplay(), data);
        root.addDisposeListener(e -> font.dispose());
    }

    Font font() {
        return font;
    }

    /** Sets the font on {@code control} and all below it; lists and tables sized in pixels grow with it. */
    void apply(Control control) {
        control.setFont(font);
        if ((control instanceof List || control instanceof Table) && control.getLayoutData() instanceof GridData gd
                && gd.heightHint > 0) {
            gd.heightHint = (int) Math.round(gd.heightHint * SCALE);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                apply(child);
            }
        }
    }
}
