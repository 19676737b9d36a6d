package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

class FlowingTextWriterTest {

    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Test
    void longTextWrapsInsideTheMarginsAndFlowsOntoNewPages() throws Exception {
        PageGeometry g = PageGeometry.OFFICIAL_A4;
        String paragraph = "Receipt of dossier 000.17.22.H56-210531-0001 for the applicant living at hamlet 3 ".repeat(12);
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            try (FlowingTextWriter w = new FlowingTextWriter(doc, g)) {
                for (int i = 0; i < 12; i++) {
                    w.paragraph(paragraph, HELVETICA, 13);
                }
                assertTrue(w.pages() >= 2, "12 long paragraphs need more than one page, got " + w.pages());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            float[] extent = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        extent[0] = Math.min(extent[0], p.getXDirAdj());
                        extent[1] = Math.max(extent[1], p.getXDirAdj() + p.getWidthDirAdj());
                        extent[2] = Math.min(extent[2], p.getYDirAdj());
                        extent[3] = Math.max(extent[3], p.getYDirAdj());
                    }
                }
            };
            stripper.getText(doc);
            float pageHeight = g.paper().getHeight();
            assertTrue(extent[0] >= g.contentLeft() - 0.5f, "left edge " + extent[0]);
            assertTrue(extent[1] <= g.contentRight() + 0.5f, "right edge " + extent[1]);
            // TextPosition's Y grows downwards from the top of the page.
            assertTrue(extent[2] >= pageHeight - g.contentTop() - 0.5f, "top " + extent[2]);
            assertTrue(extent[3] <= pageHeight - g.contentBottom() + 0.5f, "bottom " + extent[3]);

            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertEquals(12 * 12, count(text, "000.17.22.H56-210531-0001"), "every copy of the code is printed whole");
        }
    }

    @Test
    void aWordWiderThanTheLineIsCutNotOverflowed() throws Exception {
        String word = "X".repeat(400);
        List<String> lines = FlowingTextWriter.wrap(word, HELVETICA, 12, 200);
        assertTrue(lines.size() > 1);
        assertEquals(word, String.join("", lines));
        for (String line : lines) {
            assertTrue(HELVETICA.getStringWidth(line) / 1000f * 12 <= 200);
        }
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
