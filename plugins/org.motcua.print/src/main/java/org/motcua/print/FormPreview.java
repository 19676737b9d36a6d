package org.motcua.print;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders pages of a form to images for the print preview (the UI turns them into SWT images). Uses only
 * java.awt imaging, no display: works headless.
 */
public final class FormPreview {

    private FormPreview() {
    }

    /** Page {@code pageIndex} (from 0) at {@code dpi} dots per inch, in RGB on white. */
    public static BufferedImage render(PrintedForm form, int pageIndex, float dpi) throws IOException {
        return render(form.pdf(), pageIndex, dpi);
    }

    /** How many pages a PDF has (a scanned document's). */
    public static int pageCount(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    /** Page {@code pageIndex} of any PDF (a scanned document's thumbnail), as {@link #render(PrintedForm, int, float)}. */
    public static BufferedImage render(byte[] pdf, int pageIndex, float dpi) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (pageIndex < 0 || pageIndex >= doc.getNumberOfPages()) {
                throw new IndexOutOfBoundsException("page " + pageIndex + " of " + doc.getNumberOfPages());
            }
            return new PDFRenderer(doc).renderImageWithDPI(pageIndex, dpi, ImageType.RGB);
        }
    }
}
