package org.motcua.print;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes paragraphs top to bottom inside a {@link PageGeometry}, wrapping words at the right margin and
 * starting a new page at the bottom margin. The forms build on it, so nothing they print can cross a
 * margin however long a name, address or document list is.
 *
 * <p>Not thread-safe; one writer per document being built.
 */
public final class FlowingTextWriter implements AutoCloseable {

    private final PDDocument document;
    private final PageGeometry geometry;
    private PDPageContentStream stream;
    private float y;
    private int pages;

    public FlowingTextWriter(PDDocument document, PageGeometry geometry) {
        this.document = Objects.requireNonNull(document, "document");
        this.geometry = Objects.requireNonNull(geometry, "geometry");
    }

    /** Writes one paragraph in {@code font} at {@code size} points, wrapped to the content width. */
    public void paragraph(String text, PDFont font, float size) throws IOException {
        float leading = size * 1.3f;
        for (String line : wrap(text, font, size, geometry.contentWidth())) {
            if (stream == null || y - leading < geometry.contentBottom()) {
                newPage();
            }
            y -= leading;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(geometry.contentLeft(), y + size * 0.25f);
            stream.showText(line);
            stream.endText();
        }
    }

    /** Number of pages started so far. */
    public int pages() {
        return pages;
    }

    /**
     * Splits {@code text} into lines no wider than {@code width}. A single word wider than the line is cut
     * between characters rather than allowed to cross the margin.
     */
    public static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String hardLine : text.split("\n", -1)) {
            StringBuilder current = new StringBuilder();
            for (String word : hardLine.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(candidate, font, size) <= width) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                String rest = word;
                while (width(rest, font, size) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                current.append(rest);
            }
            lines.add(current.toString());
        }
        return lines;
    }

    private static float width(String s, PDFont font, float size) throws IOException {
        return font.getStringWidth(s) / 1000f * size;
    }

    private void newPage() throws IOException {
        closeStream();
        PDPage page = new PDPage(geometry.paper());
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = geometry.contentTop();
        pages++;
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
    }
}
