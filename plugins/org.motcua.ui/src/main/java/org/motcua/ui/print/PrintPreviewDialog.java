package org.motcua.ui.print;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.motcua.core.validation.ValidationException;
import org.motcua.print.FormPreview;
import org.motcua.print.PrintOutcome;
import org.motcua.print.PrintedForm;
import org.motcua.print.PrinterService;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * Shows a finished form page by page (fitted to the dialog's width, PageUp/PageDown to turn pages) with the
 * desk's printer preselected: Enter prints, "Lưu PDF…" saves a copy where the officer wants it. A printer picked
 * here is remembered for the desk. Pages are rendered and printed in jobs; the rendered images are disposed with
 * the dialog. {@link #result()} is the sentence for the officer about what became of the form.
 */
public final class PrintPreviewDialog extends Dialog {

    /** Sharp enough for a full-screen A4 page; scaled down to the dialog's width when drawn. */
    static final float PREVIEW_DPI = 110;
    private static final int SAVE_PDF_ID = IDialogConstants.CLIENT_ID + 1;

    private final Messages messages = Messages.current();
    private final PrintedForm form;
    private final DeskForms forms;
    private final PrinterService printers;
    private final Map<Integer, Image> pageImages = new HashMap<>();
    private List<String> printerNames = List.of();
    private int page;
    private int fittedHeight = -1;
    private Label pageLabel;
    private Button previous;
    private Button next;
    private Combo printer;
    private ScrolledComposite scroller;
    private Canvas canvas;
    private Label status;
    private Listener pageKeys;
    private Job printersLookup;
    private Job rendering;
    private Job printing;
    private volatile String result;

    public PrintPreviewDialog(Shell parent, PrintedForm form, DeskForms forms, PrinterService printers) {
        super(parent);
        this.form = form;
        this.forms = forms;
        this.printers = printers;
        this.result = messages.get("preview.notPrinted", form.fileName());
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.get("preview.window", form.fileName()));
        pageKeys = this::turnPageOnKey;
        shell.getDisplay().addFilter(SWT.KeyDown, pageKeys);
        shell.addListener(SWT.Dispose, e -> {
            e.display.removeFilter(SWT.KeyDown, pageKeys);
            pageImages.values().forEach(Image::dispose);
            pageImages.clear();
        });
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite bar = new Composite(area, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        previous = UiIds.name(new Button(bar, SWT.PUSH), "preview.previous");
        previous.setText(messages.get("preview.previous"));
        previous.addListener(SWT.Selection, e -> turnPage(-1));
        pageLabel = UiIds.name(new Label(bar, SWT.NONE), "preview.page");
        next = UiIds.name(new Button(bar, SWT.PUSH), "preview.next");
        next.setText(messages.get("preview.next"));
        next.addListener(SWT.Selection, e -> turnPage(1));
        Label printerLabel = new Label(bar, SWT.NONE);
        printerLabel.setText(messages.get("preview.printer"));
        printerLabel.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        printer = UiIds.name(new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN), "preview.printer");
        GridData pd = new GridData(SWT.FILL, SWT.CENTER, false, false);
        pd.widthHint = 260;
        printer.setLayoutData(pd);
        printer.add(messages.get("preview.findingPrinters"));
        printer.select(0);
        printer.setEnabled(false);
        printer.addListener(SWT.Selection, e -> printerChosen());

        scroller = new ScrolledComposite(area, SWT.V_SCROLL | SWT.BORDER);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.getVerticalBar().setIncrement(40);
        canvas = UiIds.name(new Canvas(scroller, SWT.DOUBLE_BUFFERED), "preview.canvas");
        canvas.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> fitToWidth());
        scroller.setContent(canvas);

        status = UiIds.name(new Label(area, SWT.WRAP), "preview.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        showPage(0);
        findPrinters();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        UiIds.name(createButton(parent, SAVE_PDF_ID, messages.get("preview.savePdf"), false), "preview.savePdf");
        Button print = UiIds.name(createButton(parent, IDialogConstants.OK_ID, messages.get("preview.print"), true),
                "preview.print");
        print.setEnabled(false);   // until the printers are known
        UiIds.name(createButton(parent, IDialogConstants.CANCEL_ID, messages.get("dialog.close"), false), "preview.close");
    }

    @Override
    protected void buttonPressed(int buttonId) {
        switch (buttonId) {
            case IDialogConstants.OK_ID -> print();
            case SAVE_PDF_ID -> choosePdfFile();
            default -> close();
        }
    }

    @Override
    protected Point getInitialSize() {
        Rectangle screen = getShell().getDisplay().getClientArea();
        return new Point(Math.min(820, screen.width), Math.min(980, screen.height));
    }

    /** Closing waits for a print job that is already at the spooler, so its outcome is not lost. */
    @Override
    public boolean close() {
        if (printing != null) {
            return false;
        }
        if (rendering != null) {
            rendering.cancel();
        }
        return super.close();
    }

    /** What became of the form: printed, saved where, no printer, or not printed. */
    public String result() {
        return result;
    }

    // --- pages ---

    private void turnPageOnKey(Event e) {
        if (!(e.widget instanceof Control c) || c.isDisposed() || c.getShell() != getShell()) {
            return;
        }
        if (e.keyCode == SWT.PAGE_DOWN || e.keyCode == SWT.PAGE_UP) {
            turnPage(e.keyCode == SWT.PAGE_DOWN ? 1 : -1);
            e.doit = false;
        }
    }

    private void turnPage(int by) {
        int target = Math.max(0, Math.min(form.pages() - 1, page + by));
        if (target != page) {
            showPage(target);
        }
    }

    private void showPage(int index) {
        page = index;
        pageLabel.setText(messages.get("preview.page", index + 1, form.pages()));
        pageLabel.getParent().layout(true);
        previous.setEnabled(index > 0);
        next.setEnabled(index < form.pages() - 1);
        scroller.setOrigin(0, 0);
        if (!pageImages.containsKey(index)) {
            render(index);
        }
        fitToWidth();
        canvas.redraw();
    }

    private void render(int index) {
        Display display = getShell().getDisplay();
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
        if (canvas == null || canvas.isDisposed()) {
            return;
        }
        if (data == null) {
            show(problem, true);
            return;
        }
        Image old = pageImages.put(index, new Image(canvas.getDisplay(), data));
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
        Image image = pageImages.get(page);
        int width = canvas.getSize().x;
        int height = image == null || width == 0 ? 0 : width * image.getBounds().height / image.getBounds().width;
        if (height != fittedHeight) {
            fittedHeight = height;
            scroller.setMinHeight(height);
        }
    }

    private void paint(org.eclipse.swt.graphics.GC gc) {
        Image image = pageImages.get(page);
        Rectangle area = canvas.getClientArea();
        if (image == null) {
            gc.drawText(messages.get("preview.rendering"), 12, 12);
            return;
        }
        Rectangle b = image.getBounds();
        gc.setInterpolation(SWT.HIGH);
        gc.drawImage(image, 0, 0, b.width, b.height, 0, 0, area.width, area.width * b.height / b.width);
    }

    /** AWT pixels to SWT's (plain data: safe to build off the UI thread). */
    static ImageData imageData(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            data.setPixels(0, y, w, row, 0);
        }
        return data;
    }

    // --- printers ---

    /** Asking the operating system for its printers can take a moment (a network spooler): done in a job. */
    private void findPrinters() {
        Display display = getShell().getDisplay();
        printersLookup = Job.create(messages.get("preview.findingPrinters"), (IProgressMonitor monitor) -> {
            List<String> names = printers.printerNames();
            Optional<String> preferred = forms.printer().filter(names::contains)
                    .or(() -> printers.defaultPrinterName().filter(names::contains));
            display.asyncExec(() -> printersFound(names, preferred));
            return Status.OK_STATUS;
        });
        printersLookup.schedule();
    }

    private void printersFound(List<String> names, Optional<String> preferred) {
        if (printer.isDisposed()) {
            return;
        }
        printerNames = names;
        printer.removeAll();
        Button print = getButton(IDialogConstants.OK_ID);
        if (names.isEmpty()) {
            printer.add(messages.get("preview.noPrinter"));
            printer.select(0);
            String why = messages.get("preview.noPrinter.hint", forms.savedFormsDirectory());
            print.setToolTipText(why);
            show(why, true);
        } else {
            names.forEach(printer::add);
            printer.select(preferred.map(names::indexOf).orElse(0));
            printer.setEnabled(true);
        }
        print.setEnabled(true);
        print.setFocus();
    }

    private Optional<String> chosenPrinter() {
        return printerNames.isEmpty() ? Optional.empty() : Optional.of(printerNames.get(printer.getSelectionIndex()));
    }

    private void printerChosen() {
        Optional<String> chosen = chosenPrinter();
        if (chosen.isEmpty()) {
            return;
        }
        try {
            forms.rememberPrinter(chosen.get());
            show(messages.get("preview.printerRemembered", chosen.get()), false);
        } catch (ValidationException e) {
            show(e.messages(messages.locale()), true);
        }
    }

    private void print() {
        if (printing != null) {
            return;
        }
        Optional<String> target = chosenPrinter();
        Button print = getButton(IDialogConstants.OK_ID);
        print.setEnabled(false);
        show(messages.get("preview.printing"), false);
        Display display = getShell().getDisplay();
        printing = Job.create(messages.get("preview.printing"), (IProgressMonitor monitor) -> {
            String told;
            boolean printed = false;
            try {
                PrintOutcome outcome = printers.print(form, target, forms.savedFormsDirectory());
                told = outcome.message(messages.locale());
                printed = outcome instanceof PrintOutcome.Printed;
            } catch (RuntimeException e) {
                told = messages.get("preview.printFailed", String.valueOf(e.getMessage()));
            }
            result = told;
            boolean done = printed;
            display.asyncExec(() -> printFinished(done));
            return Status.OK_STATUS;
        });
        printing.schedule();
    }

    private void printFinished(boolean printed) {
        printing = null;
        if (status.isDisposed()) {
            return;
        }
        show(result, !printed);
        getButton(IDialogConstants.OK_ID).setEnabled(true);
        if (printed) {   // Enter again closes the preview: the officer is done with this form
            getShell().setDefaultButton(getButton(IDialogConstants.CANCEL_ID));
        }
    }

    // --- saving ---

    private void choosePdfFile() {
        FileDialog chooser = new FileDialog(getShell(), SWT.SAVE);
        chooser.setFileName(form.fileName());
        chooser.setFilterExtensions(new String[] {"*.pdf"});
        chooser.setOverwrite(true);
        String chosen = chooser.open();
        if (chosen != null) {
            savePdf(Path.of(chosen));
        }
    }

    /**
     * Writes the form's PDF to {@code target} (through a temporary file, so nobody sees half a PDF) and says so.
     *
     * @return the sentence shown to the officer
     */
    public String savePdf(Path target) {
        Path file = target.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), ".partial-", ".pdf");
            try {
                Files.write(partial, form.pdf());
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            result = messages.get("preview.saved", file);
            show(result, false);
            return result;
        } catch (IOException e) {
            String failed = messages.get("preview.saveFailed", file, String.valueOf(e.getMessage()));
            show(failed, true);
            return failed;
        }
    }

    private void show(String text, boolean error) {
        if (status == null || status.isDisposed()) {
            return;
        }
        status.setText(text);
        status.setForeground(status.getDisplay().getSystemColor(error ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_GREEN));
        status.getParent().layout(true);
    }

    // --- for tests ---

    Image pageImage() {
        return pageImages.get(page);
    }

    Job printersLookup() {
        return printersLookup;
    }

    Job rendering() {
        return rendering;
    }

    Job printing() {
        return printing;
    }
}
