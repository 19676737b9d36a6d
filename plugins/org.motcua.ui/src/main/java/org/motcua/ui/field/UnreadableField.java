package org.motcua.ui.field;

/** A field the core cannot check because it could not even be read (a date typed wrongly); its message names it. */
final class UnreadableField extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnreadableField(String message) {
        super(message);
    }
}
