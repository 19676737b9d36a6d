package org.motcua.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.swt.widgets.Shell;
import org.motcua.print.PrintedForm;
import org.motcua.ui.print.FormOutput;

/** Keeps every form a part hands over, instead of opening the preview; {@link #text} reads one as a reader would. */
public final class RecordingFormOutput implements FormOutput {

    private final List<PrintedForm> shown = new CopyOnWriteArrayList<>();

    @Override
    public String show(PrintedForm form, Shell shell) {
        shown.add(form);
        return "Đã xem " + form.fileName();
    }

    public List<PrintedForm> shown() {
        return shown;
    }

    public PrintedForm last() {
        if (shown.isEmpty()) {
            throw new AssertionError("no form was handed to the output");
        }
        return shown.get(shown.size() - 1);
    }

    /** The text of all pages as PDFBox extracts it, whitespace runs as one space, NFC. */
    public static String text(PrintedForm form) {
        try (PDDocument doc = Loader.loadPDF(form.pdf())) {
            String raw = new PDFTextStripper().getText(doc);
            return Normalizer.normalize(raw, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
