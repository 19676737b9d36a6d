package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;

/** Independent looks at a produced PDF: its text as a reader extracts it, its pages as pixels, its QR code. */
final class PdfChecks {

    private PdfChecks() {
    }

    /** The text of all pages, whitespace runs as one space, NFC. */
    static String text(PrintedForm form) throws IOException {
        try (PDDocument doc = Loader.loadPDF(form.pdf())) {
            return flat(new PDFTextStripper().getText(doc));
        }
    }

    /** The text of each page, whitespace runs as one space. */
    static List<String> pageTexts(PrintedForm form) throws IOException {
        try (PDDocument doc = Loader.loadPDF(form.pdf())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(flat(stripper.getText(doc)));
            }
            return pages;
        }
    }

    static String flat(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    static void assertContains(String text, String expected) {
        if (!text.contains(expected)) {
            fail("expected the printed text to contain «" + expected + "» but it was:\n" + text);
        }
    }

    /**
     * Renders every page and fails if a pixel that is not white lies outside the printable area of
     * {@code geometry} (one pixel of anti-aliasing allowed).
     */
    static void assertNoInkOutside(PrintedForm form, PageGeometry geometry, float dpi) throws IOException {
        try (PDDocument doc = Loader.loadPDF(form.pdf())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                PDRectangle media = doc.getPage(p).getMediaBox();
                assertTrue(Math.abs(media.getWidth() - geometry.paper().getWidth()) < 1
                        && Math.abs(media.getHeight() - geometry.paper().getHeight()) < 1, "page size of page " + p);
                BufferedImage img = renderer.renderImageWithDPI(p, dpi, ImageType.RGB);
                float scale = dpi / 72f;
                int left = (int) Math.floor(geometry.contentLeft() * scale) - 1;
                int right = (int) Math.ceil(geometry.contentRight() * scale) + 1;
                int top = (int) Math.floor((media.getHeight() - geometry.contentTop()) * scale) - 1;
                int bottom = (int) Math.ceil((media.getHeight() - geometry.contentBottom()) * scale) + 1;
                boolean inked = false;
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        if (x >= left && x <= right && y >= top && y <= bottom) {
                            continue;
                        }
                        int rgb = img.getRGB(x, y);
                        if ((rgb & 0xff) < 245 || ((rgb >> 8) & 0xff) < 245 || ((rgb >> 16) & 0xff) < 245) {
                            fail("ink outside the margins on page " + (p + 1) + " of " + form.fileName() + " at pixel ("
                                    + x + ", " + y + "), printable area x " + left + ".." + right + ", y " + top + ".."
                                    + bottom);
                        }
                    }
                }
                // and something is printed at all
                for (int y = top; y < bottom && !inked; y += 2) {
                    for (int x = left; x < right && !inked; x += 2) {
                        inked = (img.getRGB(x, y) & 0xff) < 128;
                    }
                }
                assertTrue(inked, "page " + (p + 1) + " is blank");
            }
        }
    }

    /** Decodes the QR code on page {@code page} as rendered at {@code dpi}. */
    static String decodeQr(PrintedForm form, int page, float dpi) throws Exception {
        BufferedImage img = FormPreview.render(form, page, dpi);
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels)));
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        Result result = new MultiFormatReader().decode(bitmap, hints);
        return result.getText();
    }
}
