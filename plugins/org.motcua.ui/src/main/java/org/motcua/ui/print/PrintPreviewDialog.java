package org.motcua.ui.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.motcua.print.PrintOutcome;
import org.motcua.print.PrintedForm;
import org.motcua.print.PrinterService;
import org.motcua.ui.Feedback;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * Shows a finished form page by page (fitted to the dialog's width, PageUp/PageDown to turn pages) with the
 * desk's printer preselected: Enter prints, "Lưu PDF…" saves a copy where the officer wants it. A printer picked
 * here is remembered for the desk. Pages are rendered and printed in jobs; the rendered images are disposed with
 * the dialog. {@link #result()} is the sentence for the officer about what became of the form. The page bar is a
 * {@link PageTurner}, the printer list a {@link PrinterChoice}.
 */
public final class PrintPreviewDialog extends Dialog {

    private static final int SAVE_PDF_ID = IDialogConstants.CLIENT_ID + 1;

    private final Messages messages = Messages.current();
    private final PrintedForm form;
    private final DeskForms forms;
    private final PrinterService printers;
    private PreviewPages pages;
    private PrinterChoice printer;
    private Label status;
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
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite bar = new Composite(area, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        PageTurner turner = new PageTurner(bar, messages, form);
        printer = new PrinterChoice(bar, messages, forms, printers, this::show);
        pages = new PreviewPages(area, form, messages, problem -> show(problem, true));
        status = UiIds.name(new Label(area, SWT.WRAP), "preview.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        turner.show(pages);
        printer.find(this::printersFound);
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
        return printing == null && super.close();
    }

    /** What became of the form: printed, saved where, no printer, or not printed. */
    public String result() {
        return result;
    }

    // --- printing ---

    /** The printers are known: Print is the default button (Enter prints), saying why when it will only save. */
    private void printersFound(Optional<String> onlySaves) {
        Button print = getButton(IDialogConstants.OK_ID);
        onlySaves.ifPresent(print::setToolTipText);
        print.setEnabled(true);
        print.setFocus();
    }

    private void print() {
        if (printing != null) {
            return;
        }
        Optional<String> target = printer.selected();
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
    String savePdf(Path target) {
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
        Feedback.show(status, text, error);
    }

    // --- for tests ---

    Image pageImage() {
        return pages.image();
    }

    Job printersLookup() {
        return printer.lookup();
    }

    Job rendering() {
        return pages.rendering();
    }

    Job remembering() {
        return printer.remembering();
    }

    Job printing() {
        return printing;
    }
}
