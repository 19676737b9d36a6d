package org.motcua.print.internal;

import java.util.List;

/** A run of text in one face; a paragraph is a list of spans wrapped together. */
record Span(String text, Face face) {

    static List<Span> regular(String text) {
        return List.of(new Span(text, Face.REGULAR));
    }

    static List<Span> bold(String text) {
        return List.of(new Span(text, Face.BOLD));
    }

    static List<Span> italic(String text) {
        return List.of(new Span(text, Face.ITALIC));
    }
}
