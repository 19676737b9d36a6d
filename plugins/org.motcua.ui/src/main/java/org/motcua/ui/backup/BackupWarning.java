package org.motcua.ui.backup;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.motcua.sync.backup.BackupScheduler;
import org.motcua.ui.Feedback;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;

/**
 * A red line at the top of the counter's form when the desk has had no good backup for more than 3 days, so it is seen
 * every day and not only in the settings; hidden otherwise. Follows the backup job.
 */
public final class BackupWarning {

    private final Label line;
    private final Desk desk;
    private final BackupWords words;

    public BackupWarning(Composite parent, int columns, Desk desk, Messages messages) {
        this.desk = desk;
        this.words = new BackupWords(messages);
        line = UiIds.name(new Label(parent, SWT.WRAP), "backup.warning.line");
        line.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, columns, 1));
        BackupScheduler scheduler = desk.backups();
        show();
        Runnable changed = () -> {
            if (!line.isDisposed()) {
                line.getDisplay().asyncExec(this::show);
            }
        };
        scheduler.addListener(changed);
        line.addDisposeListener(e -> scheduler.removeListener(changed));
    }

    private void show() {
        if (line.isDisposed() || desk.isClosed()) {
            return;
        }
        String text = words.warning(desk.backups().state(), desk.now());
        Feedback.show(line, text, true);
        boolean visible = !text.isEmpty();
        GridData gd = (GridData) line.getLayoutData();
        if (line.getVisible() != visible || gd.exclude == visible) {
            line.setVisible(visible);
            gd.exclude = !visible;
            line.getParent().layout(true, true);
        }
    }
}
