package org.motcua.ui.backup;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.store.BackupSet;
import org.motcua.store.DeskSettings;
import org.motcua.sync.backup.BackupScheduler;
import org.motcua.ui.Feedback;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.DeskRestore;

/**
 * The settings' backup section: where the daily backup goes (an admin chooses a directory on a second disk or a USB
 * stick), the last good backup and the last attempt, the red warning after 3 days without a good one, "back up now"
 * (anyone: it only adds a backup), and for an admin the list of backups with "restore…". Backups run in the desk's
 * {@link BackupScheduler} job; this section only shows its state and follows it.
 */
public final class BackupSection {

    private final Messages messages = Messages.current();
    private final BackupWords words = new BackupWords(messages);
    private final Desk desk;
    private final DeskFiles files;
    private final Runnable endProgram;
    private final BackupScheduler scheduler;
    private Text directory;
    private Label lastGood;
    private Label lastAttempt;
    private Label warning;
    private Label status;
    private Combo list;
    private List<BackupSet> shown = List.of();
    /** The attempt shown when "back up now" was pressed: a newer one ends the "backing up" note. */
    private java.util.Optional<java.time.LocalDateTime> attemptWhenAsked = java.util.Optional.empty();

    /** {@code endProgram} closes the workbench after a restore (the desk is closed by then). */
    public BackupSection(Desk desk, DeskFiles files, Runnable endProgram) {
        this.desk = desk;
        this.files = files;
        this.endProgram = endProgram;
        this.scheduler = desk.backups();
    }

    public void create(Composite parent) {
        boolean admin = desk.role() == Role.ADMIN;
        Group group = UiIds.name(new Group(parent, SWT.NONE), "settings.backup");
        group.setText(messages.get("settings.backup"));
        group.setLayout(new GridLayout(3, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        new Label(group, SWT.NONE).setText(messages.get("settings.backup.directory"));
        directory = UiIds.name(new Text(group, SWT.BORDER | SWT.SINGLE | SWT.READ_ONLY), "backup.directory");
        directory.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button choose = UiIds.name(new Button(group, SWT.PUSH), "backup.choose");
        choose.setText(messages.get("settings.backup.choose"));
        choose.setEnabled(admin);
        choose.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(choose.getShell());
            d.setMessage(messages.get("settings.backup.choose.message"));
            String picked = d.open();
            if (picked != null) {
                choose(picked);
            }
        });

        lastGood = row(group, "settings.backup.lastGood", "backup.lastGood");
        lastAttempt = row(group, "settings.backup.lastAttempt", "backup.lastAttempt");
        warning = UiIds.name(new Label(group, SWT.WRAP), "backup.warning");
        warning.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));

        Button now = UiIds.name(new Button(group, SWT.PUSH), "backup.now");
        now.setText(messages.get("settings.backup.now"));
        now.addListener(SWT.Selection, e -> {
            attemptWhenAsked = scheduler.state().lastAttempt();
            scheduler.backupNow();
            Feedback.show(status, messages.get("settings.backup.running"), false);
        });
        status = UiIds.name(new Label(group, SWT.WRAP), "backup.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        if (admin) {
            new Label(group, SWT.NONE).setText(messages.get("settings.backup.list"));
            list = UiIds.name(new Combo(group, SWT.READ_ONLY), "backup.list");
            list.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Button restore = UiIds.name(new Button(group, SWT.PUSH), "backup.restore");
            restore.setText(messages.get("settings.backup.restore"));
            restore.addListener(SWT.Selection, e -> restore());
        }
        refresh();
        Runnable changed = () -> {
            if (!group.isDisposed()) {
                group.getDisplay().asyncExec(() -> {
                    if (!group.isDisposed() && !desk.isClosed()) {
                        refresh();
                    }
                });
            }
        };
        scheduler.addListener(changed);
        group.addDisposeListener(e -> scheduler.removeListener(changed));
    }

    /** The admin picked {@code picked}: stored in the desk's settings, and the job looks at once. */
    void choose(String picked) {
        try {
            new DeskSettings(desk.store()).put(DeskSettings.Key.BACKUP_DIRECTORY, picked, desk.username(), desk.role(), desk.now());
        } catch (ValidationException e) {
            Feedback.show(status, e.messages(messages.locale()).replace('\n', ' '), true);
            return;
        }
        Feedback.show(status, messages.get("settings.backup.chosen"), false);
        refresh();
        scheduler.lookNow();
    }

    private Label row(Composite parent, String key, String id) {
        new Label(parent, SWT.NONE).setText(messages.get(key));
        Label value = UiIds.name(new Label(parent, SWT.WRAP), id);
        value.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        return value;
    }

    /** Reads the log and the backup directory again (a few small files). */
    void refresh() {
        var state = scheduler.state();
        directory.setText(scheduler.backups().directory().map(Path::toString)
                .orElseGet(() -> messages.get("settings.backup.directory.none")));
        lastGood.setText(words.lastGood(state));
        lastAttempt.setText(words.lastAttempt(state));
        Feedback.show(warning, words.warning(state, desk.now()), true);
        if (status.getText().equals(messages.get("settings.backup.running")) && !state.lastAttempt().equals(attemptWhenAsked)) {
            status.setText("");   // done: the last attempt's line says how it went
        }
        if (list != null) {
            shown = scheduler.backups().list().reversed();
            list.removeAll();
            shown.forEach(s -> list.add(words.item(s)));
            if (!shown.isEmpty()) {
                list.select(0);
            }
        }
        directory.getParent().layout(true, true);
    }

    private void restore() {
        int i = list.getSelectionIndex();
        if (i < 0 || !shown.get(i).lastCheck().map(c -> c.good()).orElse(false)) {
            Feedback.show(status, messages.get("settings.backup.restore.none"), true);
            return;
        }
        RestoreDialog dialog = new RestoreDialog(list.getShell(), desk, files, shown.get(i));
        dialog.open();
        DeskRestore.Done done = dialog.done();
        if (done != null) {
            if (done.restored()) {
                MessageDialog.openInformation(list.getShell(), messages.get("restore.title"), done.message());
            } else {
                MessageDialog.openError(list.getShell(), messages.get("restore.title"), done.message());
            }
            endProgram.run();
        }
    }
}
