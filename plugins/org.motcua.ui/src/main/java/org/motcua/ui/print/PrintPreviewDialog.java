package org.motcua.ui.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
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
 * the dialog. {@link #result()} is the sentence for the officer about what became of the form.
 */
public final class PrintPreviewDialog extends Dialog {

    private static final int SAVE_PDF_ID = IDialogConstants.CLIENT_ID + 1;
    /** Printer choices are stored in the order the officer made them. */
    private static final ISchedulingRule SETTINGS = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    private final Messages messages = Messages.current();
    private final PrintedForm form;
    private final DeskForms forms;
    private final PrinterService printers;
    private List<String> printerNames = List.of();
    private PreviewPages pages;
    private Label pageLabel;
    private Button previous;
    private Button next;
    private Combo printer;
    private Label status;
    private Listener pageKeys;
    private Job printersLookup;
    private Job remembering;
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
        shell.addListener(SWT.Dispose, e -> e.display.removeFilter(SWT.KeyDown, pageKeys));
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

        pages = new PreviewPages(area, form, messages, problem -> show(problem, true));
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
        return printing == null && super.close();
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
        int target = Math.max(0, Math.min(form.pages() - 1, pages.page() + by));
        if (target != pages.page()) {
            showPage(target);
        }
    }

    private void showPage(int index) {
        pageLabel.setText(messages.get("preview.page", index + 1, form.pages()));
        pageLabel.getParent().layout(true);
        previous.setEnabled(index > 0);
        next.setEnabled(index < form.pages() - 1);
        pages.show(index);
    }

    // --- printers ---

    /** Asking the operating system for its printers can take a moment (a network spooler): done in a job. */
    private void findPrinters() {
        Display display = getShell().getDisplay();
        printersLookup = Job.create(messages.get("preview.findingPrinters"), (IProgressMonitor monitor) -> {
            List<String> names = printers.printerNames();
            Optional<String> remembered = forms.printer();
            Optional<String> systemDefault = printers.defaultPrinterName();
            display.asyncExec(() -> printersFound(names, remembered, systemDefault));
            return Status.OK_STATUS;
        });
        printersLookup.schedule();
    }

    /** Preselects the desk's printer, else the system's default, else the first; says so when the desk's is gone. */
    private void printersFound(List<String> names, Optional<String> remembered, Optional<String> systemDefault) {
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
            printer.select(remembered.filter(names::contains).or(() -> systemDefault.filter(names::contains))
                    .map(names::indexOf).orElse(0));
            printer.setEnabled(true);
            if (remembered.isPresent() && !names.contains(remembered.get())) {
                show(messages.get("preview.printerGone", remembered.get(), printer.getText()), true);
            }
        }
        print.setEnabled(true);
        print.setFocus();
    }

    private Optional<String> chosenPrinter() {
        return printerNames.isEmpty() ? Optional.empty() : Optional.of(printerNames.get(printer.getSelectionIndex()));
    }

    /** Stores the officer's choice for the desk (a durable write: in a job, one choice after the other). */
    private void printerChosen() {
        Optional<String> chosen = chosenPrinter();
        if (chosen.isEmpty()) {
            return;
        }
        String name = chosen.get();
        Display display = getShell().getDisplay();
        remembering = Job.create(messages.get("preview.printerRemembered", name), (IProgressMonitor monitor) -> {
            String told;
            boolean failed = true;
            try {
                forms.rememberPrinter(name);
                told = messages.get("preview.printerRemembered", name);
                failed = false;
            } catch (ValidationException e) {
                told = e.messages(messages.locale());
            } catch (RuntimeException e) {
                told = messages.get("preview.printerNotRemembered", name, String.valueOf(e.getMessage()));
            }
            String message = told;
            boolean error = failed;
            display.asyncExec(() -> show(message, error));
            return Status.OK_STATUS;
        });
        remembering.setRule(SETTINGS);
        remembering.schedule();
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
        return printersLookup;
    }

    Job rendering() {
        return pages.rendering();
    }

    Job remembering() {
        return remembering;
    }

    Job printing() {
        return printing;
    }
}
