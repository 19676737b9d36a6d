package org.motcua.print.internal;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The bundled faces as fonts of one PDF document, each embedded as a subset of the glyphs it used (a receipt
 * carries ~30 KB of font instead of 1.1 MB). A face is added to the document on first use only.
 */
final class DocumentFonts {

    private final PDDocument document;
    private final BundledFonts bundled;
    private final Map<Face, PDType0Font> fonts = new EnumMap<>(Face.class);

    DocumentFonts(PDDocument document, BundledFonts bundled) {
        this.document = document;
        this.bundled = bundled;
    }

    PDType0Font font(Face face) throws IOException {
        PDType0Font f = fonts.get(face);
        if (f == null) {
            // This overload leaves the parsed font open when the document closes: it is shared by all documents.
            f = PDType0Font.load(document, bundled.font(face), true);
            fonts.put(face, f);
        }
        return f;
    }

    BundledFonts bundled() {
        return bundled;
    }
}
