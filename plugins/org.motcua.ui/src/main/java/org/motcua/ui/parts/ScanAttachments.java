package org.motcua.ui.parts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.motcua.core.validation.ValidationException;
import org.motcua.store.ScanFile;
import org.motcua.store.ScanKind;
import org.motcua.store.ScannedDocuments;
import org.motcua.ui.Feedback;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;

/**
 * The scans of one dossier: a strip of thumbnails and a button that attaches more (the files a scanner saved, several
 * at once, chosen in a file dialog). At the counter the chosen scans wait in {@link #pending()} and are stored with the
 * dossier; in the detail view they are attached at once ({@link ScannedDocuments#attach}). A file that is not an image
 * or PDF, or too large, is refused with the store's Vietnamese message and the others go on. Thumbnails are made in
 * jobs; every image is disposed with its tile. A double-click opens the scan in the desk's own {@link ScanViewer}.
 */
final class ScanAttachments {

    /** Chooses files to attach; the product's is the file dialog, tests give their own. */
    interface Chooser {
        List<Path> choose(Shell shell);
    }

    static final int THUMBNAIL_BOX = 120;

    private final Messages messages;
    private final Desk desk;
    /** The dossier the scans are attached to at once; null at the counter (scans wait for the save). */
    private final UUID dossierId;
    private final Composite root;
    private final Composite strip;
    private final Label feedback;
    private final List<ScanFile> pending = new ArrayList<>();
    private final AtomicInteger thumbnailsPending = new AtomicInteger();
    private Chooser chooser = ScanAttachments::fileDialog;

    private ScanAttachments(Composite parent, Messages messages, Desk desk, UUID dossierId) {
        this.messages = messages;
        this.desk = desk;
        this.dossierId = dossierId;
        root = UiIds.name(new Composite(parent, SWT.NONE), "scans");
        root.setData(ScanAttachments.class.getName(), this);
        root.setLayout(new GridLayout(2, false));
        root.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        Button attach = UiIds.name(new Button(root, SWT.PUSH), "scans.attach");
        attach.setText(messages.get("scans.attach"));
        attach.addListener(SWT.Selection, e -> add(chooser.choose(root.getShell())));
        feedback = UiIds.name(new Label(root, SWT.WRAP), "scans.feedback");
        feedback.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        strip = UiIds.name(new Composite(root, SWT.NONE), "scans.strip");
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        strip.setLayout(row);
        strip.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
    }

    /** At the counter: scans chosen wait for the dossier's save. */
    static ScanAttachments forIntake(Composite parent, Messages messages, Desk desk) {
        return new ScanAttachments(parent, messages, desk, null);
    }

    /** In the detail view: the dossier's scans, and more attached at once. */
    static ScanAttachments forDossier(Composite parent, Messages messages, Desk desk, UUID dossierId) {
        ScanAttachments s = new ScanAttachments(parent, messages, desk, dossierId);
        ScannedDocuments stored = new ScannedDocuments(desk.store());
        List<ScannedDocuments.Attached> attached = stored.of(dossierId);
        for (ScannedDocuments.Attached a : attached) {
            s.tile(a.fileName(), a.size(), a.kind(), () -> stored.bytes(a.sha256()).orElse(new byte[0]));
        }
        if (attached.isEmpty()) {
            s.show(messages.get("scans.none"), false);
        }
        return s;
    }

    Composite control() {
        return root;
    }

    /** For tests: files to attach instead of the file dialog's. */
    void useChooser(Chooser c) {
        this.chooser = c;
    }

    /** The scans chosen at the counter, not stored yet. */
    List<ScanFile> pending() {
        return List.copyOf(pending);
    }

    /** After the save: the scans went with the dossier; the strip is empty for the next citizen. */
    void clear() {
        pending.clear();
        for (Control c : strip.getChildren()) {
            c.dispose();
        }
        show("", false);
        root.getParent().layout(true, true);
    }

    /** Thumbnails still being made (tests wait for none). */
    int thumbnailsPending() {
        return thumbnailsPending.get();
    }

    /** Checks each file and attaches (or, at the counter, keeps) the good ones; says what was refused. */
    void add(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        List<ScanFile> good = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path f : files) {
            try {
                good.add(ScanFile.read(f));
            } catch (ValidationException e) {
                refused.add(e.messages(messages.locale()));
            }
        }
        String done = dossierId == null ? keep(good) : attachNow(good);
        refused.add(0, done);
        show(String.join("\n", refused.stream().filter(t -> !t.isEmpty()).toList()), refused.size() > 1);
        root.getParent().layout(true, true);
    }

    private String keep(List<ScanFile> scans) {
        int added = 0;
        for (ScanFile s : scans) {
            if (pending.stream().noneMatch(p -> p.sha256().equals(s.sha256()))) {
                pending.add(s);
                tile(s.fileName(), s.size(), s.kind(), s::bytes);
                added++;
            }
        }
        return added == 0 ? "" : messages.get("scans.added", added);
    }

    private String attachNow(List<ScanFile> scans) {
        if (scans.isEmpty()) {
            return "";
        }
        try {
            List<ScannedDocuments.Attached> added = new ScannedDocuments(desk.store()).attach(dossierId, scans, desk.username(),
                    desk.now());
            if (added.isEmpty()) {
                return messages.get("scans.already");
            }
            if (new ScannedDocuments(desk.store()).of(dossierId).size() == added.size()) {
                show("", false);   // the "no scans yet" line goes
            }
            for (ScannedDocuments.Attached a : added) {
                ScanFile s = scans.stream().filter(f -> f.sha256().equals(a.sha256())).findFirst().orElseThrow();
                tile(a.fileName(), a.size(), a.kind(), s::bytes);
            }
            desk.dossiersChanged();
            return messages.get("scans.attached", added.size());
        } catch (RuntimeException e) {
            return messages.get("scans.failed", e instanceof ValidationException v ? v.messages(messages.locale())
                    : String.valueOf(e.getMessage()));
        }
    }

    /** Where the bytes of a tile come from (read in the thumbnail's job). */
    private interface Bytes {
        byte[] get();
    }

    /** One scan in the strip: its thumbnail (made in a job) over its name and size. */
    private void tile(String fileName, long size, ScanKind kind, Bytes bytes) {
        Composite tile = UiIds.name(new Composite(strip, SWT.BORDER), "scans.tile");
        tile.setLayout(new GridLayout(1, false));
        Label picture = UiIds.name(new Label(tile, SWT.CENTER), "scans.thumbnail");
        GridData box = new GridData(SWT.CENTER, SWT.CENTER, false, false);
        box.widthHint = THUMBNAIL_BOX;
        box.heightHint = THUMBNAIL_BOX;
        picture.setLayoutData(box);
        picture.setText("…");
        picture.setToolTipText(messages.get("scans.open"));
        picture.addListener(SWT.MouseDoubleClick, e -> ScanViewer.open(root.getShell(), messages, fileName, bytes.get(), kind));
        Label caption = UiIds.name(new Label(tile, SWT.NONE), "scans.caption");
        caption.setText(messages.get("scans.caption", fileName, Math.max(1, (size + 1023) / 1024)));
        Display display = root.getDisplay();
        thumbnailsPending.incrementAndGet();
        Job.create(messages.get("scans.thumbnailing"), (IProgressMonitor m) -> {
            ImageData data = ScanThumbnails.of(bytes.get(), kind, THUMBNAIL_BOX).orElse(null);
            display.asyncExec(() -> {
                thumbnailsPending.decrementAndGet();
                if (picture.isDisposed()) {
                    return;
                }
                if (data == null) {
                    picture.setText(messages.get("scans.noThumbnail"));
                    return;
                }
                Image image = new Image(display, data);
                picture.addDisposeListener(e -> image.dispose());
                picture.setText("");
                picture.setImage(image);
                tile.layout(true);
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    private void show(String text, boolean error) {
        Feedback.show(feedback, text, error);
    }

    /** The scan file chooser (PDF, JPEG, PNG, TIFF; several at once); empty when cancelled. */
    static List<Path> fileDialog(Shell shell) {
        Messages m = Messages.current();
        FileDialog d = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
        d.setText(m.get("scans.dialog"));
        d.setFilterExtensions(new String[] {"*.pdf;*.PDF;*.jpg;*.JPG;*.jpeg;*.JPEG;*.png;*.PNG;*.tif;*.TIF;*.tiff;*.TIFF", "*"});
        d.setFilterNames(new String[] {m.get("scans.filter"), m.get("scans.filter.all")});
        if (d.open() == null) {
            return List.of();
        }
        List<Path> chosen = new ArrayList<>();
        for (String name : d.getFileNames()) {
            chosen.add(Path.of(d.getFilterPath(), name));
        }
        return chosen;
    }
}
