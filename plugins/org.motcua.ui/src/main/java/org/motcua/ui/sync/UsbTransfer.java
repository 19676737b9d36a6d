package org.motcua.ui.sync;

import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.motcua.sync.SyncService;
import org.motcua.sync.UsbResult;
import org.motcua.ui.Messages;

/**
 * "Xuất dữ liệu ra USB" and "Nhập phản hồi từ tỉnh": the officer picks the USB stick (a folder) or the province's reply
 * file; the engine writes or reads it on its own thread and the sentence about what happened comes back to the
 * caller on the UI thread.
 */
public final class UsbTransfer {

    private final Messages messages;
    private final SyncService sync;
    private final SyncWords words;

    public UsbTransfer(Messages messages, SyncService sync, SyncWords words) {
        this.messages = messages;
        this.sync = sync;
        this.words = words;
    }

    /** Asks where to write the export, then writes it; {@code told} hears the outcome (and whether it failed). */
    public void export(Shell shell, Told told) {
        DirectoryDialog chooser = new DirectoryDialog(shell);
        chooser.setMessage(messages.get("usb.export.where"));
        String dir = chooser.open();
        if (dir != null) {
            exportTo(shell.getDisplay(), Path.of(dir), told);
        }
    }

    /** Asks for the reply file, then imports it. */
    public void importReply(Shell shell, Told told) {
        FileDialog chooser = new FileDialog(shell, SWT.OPEN);
        chooser.setFilterExtensions(new String[] {"motcua-down-*.zip", "*.zip"});
        String file = chooser.open();
        if (file != null) {
            importFrom(shell.getDisplay(), Path.of(file), told);
        }
    }

    void exportTo(Display display, Path directory, Told told) {
        told.accept(messages.get("usb.export.writing"), false);
        sync.exportToUsb(directory).whenComplete((r, failure) -> back(display, told, failure,
                () -> messages.get("usb.export.done", r.file(), r.events(), r.blobs())));
    }

    void importFrom(Display display, Path file, Told told) {
        told.accept(messages.get("usb.import.reading"), false);
        sync.importFromUsb(file).whenComplete((r, failure) -> back(display, told, failure, () -> imported(r)));
    }

    private String imported(UsbResult.Import r) {
        if (r.alreadyImported()) {
            return messages.get("usb.import.again");
        }
        String done = messages.get("usb.import.done", r.acknowledged());
        return r.refused().isEmpty() ? done : done + "\n" + messages.get("usb.import.refused", String.join(", ", r.refused()));
    }

    private void back(Display display, Told told, Throwable failure, java.util.function.Supplier<String> success) {
        display.asyncExec(() -> {
            if (failure != null) {
                told.accept(words.failure(failure), true);
            } else {
                told.accept(success.get(), false);
            }
        });
    }

    /** A sentence for the officer and whether it reports a problem. */
    @FunctionalInterface
    public interface Told {
        void accept(String sentence, boolean problem);
    }
}
