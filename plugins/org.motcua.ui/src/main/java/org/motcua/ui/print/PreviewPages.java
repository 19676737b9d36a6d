package org.motcua.ui.print;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.motcua.print.FormPreview;
import org.motcua.print.PrintedForm;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * One page of a form at a time, drawn as wide as the scroller and as high as the page's proportions need
 * (scrolling down the rest). Each page is rendered once, in a job, and kept as an image until the canvas is
 * disposed.
 */
final class PreviewPages {

    /** Sharp enough for a full-screen A4 page; scaled to the width of the dialog when drawn. */
    static final float PREVIEW_DPI = 110;

    private final Messages messages;
    private final PrintedForm form;
    private final Consumer<String> problems;
    private final Map<Integer, Image> images = new HashMap<>();
    private final ScrolledComposite scroller;
    private final Canvas canvas;
    private int page;
    private int fittedHeight = -1;
    private Job rendering;

    /** @param problems told (on the UI thread) when a page cannot be rendered */
    PreviewPages(Composite parent, PrintedForm form, Messages messages, Consumer<String> problems) {
        this.form = form;
        this.messages = messages;
        this.problems = problems;
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.BORDER);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.getVerticalBar().setIncrement(40);
        canvas = UiIds.name(new Canvas(scroller, SWT.DOUBLE_BUFFERED), "preview.canvas");
        canvas.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> fitToWidth());
        canvas.addListener(SWT.Dispose, e -> {
            if (rendering != null) {
                rendering.cancel();
            }
            images.values().forEach(Image::dispose);
            images.clear();
        });
        scroller.setContent(canvas);
    }

    int page() {
        return page;
    }

    /** Shows page {@code index} (from 0), rendering it first when it was not shown before. */
    void show(int index) {
        page = index;
        scroller.setOrigin(0, 0);
        if (!images.containsKey(index)) {
            render(index);
        }
        fitToWidth();
        canvas.redraw();
    }

    private void render(int index) {
        Display display = canvas.getDisplay();
        rendering = Job.create(messages.get("preview.rendering"), (IProgressMonitor monitor) -> {
            ImageData data = null;
            String problem = null;
            try {
                data = imageData(FormPreview.render(form, index, PREVIEW_DPI));
            } catch (IOException | RuntimeException e) {
                problem = messages.get("preview.renderFailed", index + 1, String.valueOf(e.getMessage()));
            }
            ImageData rendered = data;
            String failed = problem;
            display.asyncExec(() -> rendered(index, rendered, failed));
            return Status.OK_STATUS;
        });
        rendering.schedule();
    }

    private void rendered(int index, ImageData data, String problem) {
        if (canvas.isDisposed()) {
            return;
        }
        if (data == null) {
            problems.accept(problem);
            return;
        }
        Image old = images.put(index, new Image(canvas.getDisplay(), data));
        if (old != null) {
            old.dispose();
        }
        if (index == page) {
            fitToWidth();
            canvas.redraw();
        }
    }

    /** The canvas is as wide as the scroller; its height keeps the page's proportions. */
    private void fitToWidth() {
        Image image = images.get(page);
        int width = canvas.getSize().x;
        int height = image == null || width == 0 ? 0 : width * image.getBounds().height / image.getBounds().width;
        if (height != fittedHeight) {
            fittedHeight = height;
            scroller.setMinHeight(height);
        }
    }

    private void paint(GC gc) {
        Image image = images.get(page);
        if (image == null) {
            gc.drawText(messages.get("preview.rendering"), 12, 12);
            return;
        }
        Rectangle b = image.getBounds();
        int width = canvas.getClientArea().width;
        gc.setInterpolation(SWT.HIGH);
        gc.drawImage(image, 0, 0, b.width, b.height, 0, 0, width, width * b.height / b.width);
    }

    /** AWT pixels to SWT's (plain data: safe to build off the UI thread). */
    static ImageData imageData(BufferedImage image) {
        return AwtImages.toSwt(image);
    }

    /** The image of the page shown, null while it is rendered. */
    Image image() {
        return images.get(page);
    }

    Job rendering() {
        return rendering;
    }
}
