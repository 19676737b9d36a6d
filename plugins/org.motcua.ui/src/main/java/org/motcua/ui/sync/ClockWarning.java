package org.motcua.ui.sync;

import java.time.ZoneId;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.motcua.sync.SyncListener;
import org.motcua.sync.SyncService;
import org.motcua.sync.SyncStatus;
import org.motcua.ui.Feedback;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * A red line at the top of the counter's form while the PC's clock differs from the province's server by more than
 * the tolerance (the sync engine compares them with every signed answer): the reception time and the appointment on
 * every receipt come from that clock, so the officer must see it where receipts are made, not only in the sync part.
 * Hidden otherwise; it follows the engine's changes and stops listening when disposed.
 */
public final class ClockWarning {

    private final Label line;
    private final SyncWords words;
    private final SyncListener listener = this::changed;

    public ClockWarning(Composite parent, int columns, SyncService sync, Messages messages) {
        this.words = new SyncWords(messages, ZoneId.systemDefault());
        line = UiIds.name(new Label(parent, SWT.WRAP), "clock.warning");
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, columns, 1);
        line.setLayoutData(gd);
        show(sync.status());
        sync.addListener(listener);
        line.addDisposeListener(e -> sync.removeListener(listener));
    }

    private void changed(SyncStatus status) {
        Display display = line.getDisplay();
        if (!display.isDisposed()) {
            display.asyncExec(() -> show(status));
        }
    }

    private void show(SyncStatus status) {
        if (line.isDisposed()) {
            return;
        }
        String text = words.clock(status);
        Feedback.show(line, text, true);
        boolean visible = !text.isEmpty();
        if (line.getVisible() != visible || ((GridData) line.getLayoutData()).exclude == visible) {
            line.setVisible(visible);
            ((GridData) line.getLayoutData()).exclude = !visible;
            line.getParent().layout(true, true);
        }
    }
}
