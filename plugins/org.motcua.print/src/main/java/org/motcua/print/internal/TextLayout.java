package org.motcua.print.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps spans of mixed faces into lines no wider than a given width. Lines break at spaces; a word wider than
 * the whole line (a long dossier code in a narrow column) is cut, after a dash, slash, dot or comma when one
 * fits, otherwise between letters, so no text ever crosses its box. A newline in a span forces a break.
 */
final class TextLayout {

    private final BundledFonts fonts;
    private final float size;
    private final float width;
    private final List<Line> lines = new ArrayList<>();
    private final List<Line.Piece> pieces = new ArrayList<>();
    private final StringBuilder piece = new StringBuilder();
    private Face pieceFace;
    private float pieceX;
    private float x;

    private TextLayout(BundledFonts fonts, float size, float width) {
        this.fonts = fonts;
        this.size = size;
        this.width = width;
    }

    static List<Line> wrap(List<Span> spans, float size, float width, BundledFonts fonts) {
        TextLayout layout = new TextLayout(fonts, size, width);
        boolean spaceBefore = false;
        for (Span span : spans) {
            String text = fonts.printable(span.text());
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\n') {
                    layout.endLine();
                    spaceBefore = false;
                    i++;
                } else if (c == ' ' || Character.isWhitespace(c)) {
                    spaceBefore = true;
                    i++;
                } else {
                    int end = i;
                    while (end < text.length() && text.charAt(end) != '\n' && !Character.isWhitespace(text.charAt(end))) {
                        end++;
                    }
                    layout.word(text.substring(i, end), span.face(), spaceBefore);
                    spaceBefore = false;
                    i = end;
                }
            }
        }
        layout.endLine();
        return layout.lines;
    }

    private void word(String word, Face face, boolean spaceBefore) {
        float w = fonts.width(word, face, size);
        float space = spaceBefore && x > 0 ? fonts.width(" ", pieceFace, size) : 0;
        if (x > 0 && x + space + w > width) {
            endLine();
            space = 0;
        }
        if (space > 0) {
            piece.append(' ');
            x += space;
        }
        String rest = word;
        while (x + fonts.width(rest, face, size) > width) {
            int cut = cutPoint(rest, face, width - x);
            if (cut == 0 && x > 0) {
                endLine();
                continue;
            }
            append(rest.substring(0, Math.max(cut, 1)), face);
            rest = rest.substring(Math.max(cut, 1));
            endLine();
            if (rest.isEmpty()) {
                return;
            }
        }
        append(rest, face);
    }

    /** Length of the longest prefix of {@code word} that fits in {@code room}, preferring a break after punctuation. */
    private int cutPoint(String word, Face face, float room) {
        int fit = 0;
        float used = 0;
        while (fit < word.length()) {
            float w = fonts.width(word.substring(fit, fit + 1), face, size);
            if (used + w > room) {
                break;
            }
            used += w;
            fit++;
        }
        for (int i = fit; i > 1; i--) {
            char c = word.charAt(i - 1);
            if (c == '-' || c == '/' || c == '.' || c == ',') {
                return i;
            }
        }
        return fit;
    }

    private void append(String text, Face face) {
        if (pieceFace != face) {
            closePiece();
            pieceFace = face;
            pieceX = x;
        }
        piece.append(text);
        x += fonts.width(text, face, size);
    }

    private void closePiece() {
        if (!piece.isEmpty()) {
            pieces.add(new Line.Piece(piece.toString(), pieceFace, pieceX));
            piece.setLength(0);
        }
    }

    private void endLine() {
        closePiece();
        lines.add(new Line(List.copyOf(pieces), x));
        pieces.clear();
        pieceFace = null;
        x = 0;
    }
}
