package org.motcua.ui.print;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.motcua.print.PrintedForm;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * The page bar of the print preview: "Trang 1/N" between the previous and next buttons, and PageUp/PageDown anywhere
 * in the preview's shell. Shows the pages through {@link PreviewPages}.
 */
final class PageTurner {

    private final Messages messages;
    private final PrintedForm form;
    private final Label label;
    private final Button previous;
    private final Button next;
    private PreviewPages pages;

    PageTurner(Composite bar, Messages messages, PrintedForm form) {
        this.messages = messages;
        this.form = form;
        previous = UiIds.name(new Button(bar, SWT.PUSH), "preview.previous");
        previous.setText(messages.get("preview.previous"));
        previous.addListener(SWT.Selection, e -> turn(-1));
        label = UiIds.name(new Label(bar, SWT.NONE), "preview.page");
        next = UiIds.name(new Button(bar, SWT.PUSH), "preview.next");
        next.setText(messages.get("preview.next"));
        next.addListener(SWT.Selection, e -> turn(1));
        // PageUp/PageDown turn pages while any control of the preview has the focus; the filter goes with the shell
        Shell shell = bar.getShell();
        Listener keys = e -> onKey(e, shell);
        shell.getDisplay().addFilter(SWT.KeyDown, keys);
        shell.addListener(SWT.Dispose, e -> e.display.removeFilter(SWT.KeyDown, keys));
    }

    /** Starts on the first page of {@code shown}. */
    void show(PreviewPages shown) {
        this.pages = shown;
        showPage(0);
    }

    private void onKey(Event e, Shell shell) {
        if (pages == null) {
            return;
        }
        if (!(e.widget instanceof Control c) || c.isDisposed() || c.getShell() != shell) {
            return;
        }
        if (e.keyCode == SWT.PAGE_DOWN || e.keyCode == SWT.PAGE_UP) {
            turn(e.keyCode == SWT.PAGE_DOWN ? 1 : -1);
            e.doit = false;
        }
    }

    private void turn(int by) {
        int target = Math.max(0, Math.min(form.pages() - 1, pages.page() + by));
        if (target != pages.page()) {
            showPage(target);
        }
    }

    private void showPage(int index) {
        label.setText(messages.get("preview.page", index + 1, form.pages()));
        label.getParent().layout(true);
        previous.setEnabled(index > 0);
        next.setEnabled(index < form.pages() - 1);
        pages.show(index);
    }
}
