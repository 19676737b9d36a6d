package org.motcua.print.internal;

import java.util.List;

/**
 * One laid-out line: pieces of text, each in one face at an offset from the line's start.
 *
 * @param width the line's width in points at the size it was wrapped for
 */
record Line(List<Piece> pieces, float width) {

    record Piece(String text, Face face, float x) {
    }

    /** The line's text, as a reader extracts it. */
    String text() {
        StringBuilder s = new StringBuilder();
        pieces.forEach(p -> s.append(p.text()));
        return s.toString();
    }
}
