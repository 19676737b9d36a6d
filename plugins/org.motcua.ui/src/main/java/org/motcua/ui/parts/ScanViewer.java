package org.motcua.ui.parts;

import java.io.IOException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.motcua.print.FormPreview;
import org.motcua.store.ScanKind;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.print.AwtImages;

/**
 * A scan opened inside the desk, page by page for a PDF: the bytes never leave the encrypted store for a file another
 * program could open (and leave behind). The page shown is scaled to fit most of the screen; its image is disposed when
 * the page changes and when the window closes.
 */
final class ScanViewer {

    private static final float PDF_DPI = 100;
    /** Pixels read on a picture's longer side: the viewer fits the page to a window no larger than a screen. */
    private static final int VIEWER_BOX = 2400;

    private final Messages messages;
    private final byte[] bytes;
    private final ScanKind kind;
    private final Shell shell;
    private final Label picture;
    private final Label pageLabel;
    private final int pages;
    private int page;

    private ScanViewer(Shell parent, Messages messages, String fileName, byte[] bytes, ScanKind kind) {
        this.messages = messages;
        this.bytes = bytes;
        this.kind = kind;
        this.pages = kind == ScanKind.PDF ? pdfPages(bytes) : 1;
        shell = UiIds.name(new Shell(parent, SWT.DIALOG_TRIM | SWT.RESIZE | SWT.APPLICATION_MODAL), "scans.viewer");
        shell.setText(fileName);
        shell.setLayout(new GridLayout(3, false));
        Button previous = UiIds.name(new Button(shell, SWT.PUSH), "scans.viewer.previous");
        previous.setText(messages.get("scans.viewer.previous"));
        previous.addListener(SWT.Selection, e -> show(page - 1));
        pageLabel = UiIds.name(new Label(shell, SWT.CENTER), "scans.viewer.page");
        pageLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button next = UiIds.name(new Button(shell, SWT.PUSH), "scans.viewer.next");
        next.setText(messages.get("scans.viewer.next"));
        next.addListener(SWT.Selection, e -> show(page + 1));
        picture = UiIds.name(new Label(shell, SWT.CENTER), "scans.viewer.picture");
        picture.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        shell.addDisposeListener(e -> disposeImage());
    }

    /** Opens the viewer on page 1 (not modal to the test's event loop: it returns once the window is open). */
    static ScanViewer open(Shell parent, Messages messages, String fileName, byte[] bytes, ScanKind kind) {
        ScanViewer v = new ScanViewer(parent, messages, fileName, bytes, kind);
        Rectangle screen = parent.getDisplay().getPrimaryMonitor().getClientArea();
        v.shell.setSize(screen.width * 3 / 4, screen.height * 9 / 10);
        v.shell.open();
        v.show(0);
        return v;
    }

    Shell shell() {
        return shell;
    }

    private void show(int wanted) {
        if (wanted < 0 || wanted >= pages) {
            return;
        }
        page = wanted;
        pageLabel.setText(messages.get("scans.viewer.pageOf", page + 1, pages));
        disposeImage();
        ImageData data = render(page);
        if (data == null) {
            picture.setText(messages.get("scans.noThumbnail"));
        } else {
            Rectangle area = picture.getBounds().width > 0 ? picture.getBounds() : shell.getClientArea();
            double scale = Math.min(1.0, Math.min((double) area.width / data.width, (double) Math.max(1, area.height) / data.height));
            picture.setImage(new Image(shell.getDisplay(), data.scaledTo(Math.max(1, (int) (data.width * scale)),
                    Math.max(1, (int) (data.height * scale)))));
        }
        shell.layout(true, true);
    }

    private ImageData render(int index) {
        try {
            return kind == ScanKind.PDF ? AwtImages.toSwt(FormPreview.render(bytes, index, PDF_DPI))
                    : ScanPictures.fitting(bytes, VIEWER_BOX).orElse(null);
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private void disposeImage() {
        Image old = picture.getImage();
        if (old != null) {
            picture.setImage(null);
            old.dispose();
        }
    }

    private static int pdfPages(byte[] pdf) {
        try {
            return Math.max(1, FormPreview.pageCount(pdf));
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }
}
