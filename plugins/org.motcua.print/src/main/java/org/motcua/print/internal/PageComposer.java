package org.motcua.print.internal;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.motcua.print.PageGeometry;

/**
 * Draws a form top to bottom inside the margins of a {@link PageGeometry}, starting a new page whenever the next
 * block does not fit. Everything the forms print goes through here, and nothing here draws outside
 * {@code contentLeft..contentRight} and {@code contentBottom + reservedBottom..contentTop}.
 *
 * <p>A line of text of size {@code s} takes {@code LEADING * s} of height; its baseline is {@code s} below the
 * line's top, which leaves room for the stacked marks of Vietnamese capitals (Ẫ, Ầ) above and the descenders
 * below.
 */
final class PageComposer implements AutoCloseable {

    static final float LEADING = 1.25f;

    private final PDDocument document;
    private final DocumentFonts fonts;
    private final PageGeometry geometry;
    private final float reservedBottom;
    private PDPageContentStream stream;
    private float y;
    private int pages;

    PageComposer(PDDocument document, DocumentFonts fonts, PageGeometry geometry, float reservedBottom) {
        this.document = document;
        this.fonts = fonts;
        this.geometry = geometry;
        this.reservedBottom = reservedBottom;
    }

    PageGeometry geometry() {
        return geometry;
    }

    BundledFonts fonts() {
        return fonts.bundled();
    }

    /** The top of the free space on the current page. */
    float y() {
        return y;
    }

    void moveTo(float top) {
        y = top;
    }

    void down(float points) {
        y = Math.max(y - points, bottom());
    }

    float bottom() {
        return geometry.contentBottom() + reservedBottom;
    }

    /** The free height left on the current page. */
    float room() {
        return stream == null ? 0 : y - bottom();
    }

    /** The free height of a fresh page. */
    float pageRoom() {
        return geometry.contentTop() - bottom();
    }

    int pages() {
        return pages;
    }

    void newPage() throws IOException {
        closeStream();
        PDPage page = new PDPage(geometry.paper());
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = geometry.contentTop();
        pages++;
    }

    /** Starts a new page unless {@code height} still fits on this one. */
    void ensureRoom(float height) throws IOException {
        if (stream == null || room() < height) {
            newPage();
        }
    }

    List<Line> wrap(List<Span> spans, float size, float width) {
        return TextLayout.wrap(spans, size, width, fonts.bundled());
    }

    static float height(List<Line> lines, float size) {
        return lines.size() * size * LEADING;
    }

    /** A paragraph across the full content width, flowing onto new pages line by line. */
    void paragraph(List<Span> spans, float size, Align align) throws IOException {
        paragraph(spans, size, geometry.contentLeft(), geometry.contentWidth(), align);
    }

    /** A paragraph in the box {@code left..left+width}, flowing onto new pages line by line. */
    void paragraph(List<Span> spans, float size, float left, float width, Align align) throws IOException {
        for (Line line : wrap(spans, size, width)) {
            ensureRoom(size * LEADING);
            drawLine(line, size, left + align.offset(width, line.width()), y);
            y -= size * LEADING;
        }
    }

    /**
     * Lines at a fixed place on the current page without flowing (columns of the header, table cells); the caller
     * has made sure they fit. Returns the top of the space under them.
     */
    float lines(List<Line> lines, float size, float left, float width, float top, Align align) throws IOException {
        float lineTop = top;
        for (Line line : lines) {
            drawLine(line, size, left + align.offset(width, line.width()), lineTop);
            lineTop -= size * LEADING;
        }
        return lineTop;
    }

    /** One line whose top is at {@code top}: its baseline is {@code size} lower. */
    void drawLine(Line line, float size, float x, float top) throws IOException {
        if (line.pieces().isEmpty()) {
            return;
        }
        stream.beginText();
        Face current = null;
        List<Line.Piece> pieces = line.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            Line.Piece p = pieces.get(i);
            if (p.face() != current) {
                stream.setFont(fonts.font(p.face()), size);
                current = p.face();
            }
            // Td moves relative to the start of the previous piece, the first one from the origin.
            if (i == 0) {
                stream.newLineAtOffset(x + p.x(), top - size);
            } else {
                stream.newLineAtOffset(p.x() - pieces.get(i - 1).x(), 0);
            }
            stream.showText(p.text());
        }
        stream.endText();
    }

    /** A horizontal rule from {@code x1} to {@code x2} at height {@code atY}. */
    void rule(float x1, float x2, float atY, float thickness) throws IOException {
        stream.setLineWidth(thickness);
        stream.moveTo(x1, atY);
        stream.lineTo(x2, atY);
        stream.stroke();
    }

    /** A vertical rule at {@code x} from {@code top} down to {@code bottomY}. */
    void verticalRule(float x, float top, float bottomY, float thickness) throws IOException {
        stream.setLineWidth(thickness);
        stream.moveTo(x, top);
        stream.lineTo(x, bottomY);
        stream.stroke();
    }

    /** The current page's content stream, for drawing that is not text or rules (the QR code's modules). */
    PDPageContentStream stream() {
        return stream;
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
