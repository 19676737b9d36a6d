package org.motcua.core.catalogue;

import java.util.Objects;

/** One line of a procedure's document list (thành phần hồ sơ). */
public record RequiredDocument(String name, DocumentForm form, int count, boolean required, String note) {

    public RequiredDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(form, "form");
        if (count < 1) {
            throw new IllegalArgumentException("a document count is at least 1: " + count);
        }
        note = note == null ? "" : note;
    }
}
