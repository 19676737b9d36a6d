package org.motcua.ui.print;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.motcua.core.validation.ValidationException;
import org.motcua.print.PrinterService;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * The printer list of the print preview: filled in a job (asking the operating system can take a moment with a
 * network spooler), with the desk's remembered printer preselected, else the system's default, else the first. A
 * printer the officer picks is remembered for the desk, in a job, one choice after the other.
 */
final class PrinterChoice {

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

    private final Messages messages;
    private final DeskForms forms;
    private final PrinterService printers;
    private final BiConsumer<String, Boolean> feedback;
    private final Combo combo;
    private List<String> names = List.of();
    private Job lookup;
    private Job remembering;

    /**
     * @param feedback what to tell the officer, and whether it is a problem
     */
    PrinterChoice(Composite bar, Messages messages, DeskForms forms, PrinterService printers,
            BiConsumer<String, Boolean> feedback) {
        this.messages = messages;
        this.forms = forms;
        this.printers = printers;
        this.feedback = feedback;
        Label label = new Label(bar, SWT.NONE);
        label.setText(messages.get("preview.printer"));
        label.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
        combo = UiIds.name(new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN), "preview.printer");
        GridData pd = new GridData(SWT.FILL, SWT.CENTER, false, false);
        pd.widthHint = 260;
        combo.setLayoutData(pd);
        combo.add(messages.get("preview.findingPrinters"));
        combo.select(0);
        combo.setEnabled(false);
        combo.addListener(SWT.Selection, e -> chosen());
    }

    /**
     * Looks the printers up off the UI thread; {@code found} runs on the UI thread afterwards with the reason printing
     * will only save the PDF, or empty when a printer is there.
     */
    void find(Consumer<Optional<String>> found) {
        Display display = combo.getDisplay();
        lookup = Job.create(messages.get("preview.findingPrinters"), (IProgressMonitor monitor) -> {
            List<String> all = printers.printerNames();
            Optional<String> remembered = forms.printer();
            Optional<String> systemDefault = printers.defaultPrinterName();
            display.asyncExec(() -> {
                if (!combo.isDisposed()) {
                    found.accept(show(all, remembered, systemDefault));
                }
            });
            return Status.OK_STATUS;
        });
        lookup.schedule();
    }

    private Optional<String> show(List<String> all, Optional<String> remembered, Optional<String> systemDefault) {
        names = all;
        combo.removeAll();
        if (all.isEmpty()) {
            combo.add(messages.get("preview.noPrinter"));
            combo.select(0);
            String why = messages.get("preview.noPrinter.hint", forms.savedFormsDirectory());
            feedback.accept(why, true);
            return Optional.of(why);
        }
        all.forEach(combo::add);
        combo.select(remembered.filter(all::contains).or(() -> systemDefault.filter(all::contains))
                .map(all::indexOf).orElse(0));
        combo.setEnabled(true);
        if (remembered.isPresent() && !all.contains(remembered.get())) {
            feedback.accept(messages.get("preview.printerGone", remembered.get(), combo.getText()), true);
        }
        return Optional.empty();
    }

    /** The printer to print on; empty when there is none (printing then only saves the PDF). */
    Optional<String> selected() {
        return names.isEmpty() ? Optional.empty() : Optional.of(names.get(combo.getSelectionIndex()));
    }

    /** Stores the officer's choice for the desk (a durable write). */
    private void chosen() {
        Optional<String> chosen = selected();
        if (chosen.isEmpty()) {
            return;
        }
        String name = chosen.get();
        Display display = combo.getDisplay();
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
            display.asyncExec(() -> feedback.accept(message, error));
            return Status.OK_STATUS;
        });
        remembering.setRule(SETTINGS);
        remembering.schedule();
    }

    Job lookup() {
        return lookup;
    }

    Job remembering() {
        return remembering;
    }
}
