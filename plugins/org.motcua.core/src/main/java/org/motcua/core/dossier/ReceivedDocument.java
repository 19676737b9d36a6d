package org.motcua.core.dossier;

import java.util.Objects;
import org.motcua.core.catalogue.DocumentForm;
import org.motcua.core.catalogue.RequiredDocument;
import org.motcua.core.text.VietnameseText;

/** A document the officer received, ticked against the procedure's checklist (or added by hand). */
public record ReceivedDocument(String name, DocumentForm form, int count) {

    public ReceivedDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(form, "form");
        name = VietnameseText.input(name);
    }

    /** The checklist line as received with its stated form and count. */
    public static ReceivedDocument of(RequiredDocument line) {
        return new ReceivedDocument(line.name(), line.form(), line.count());
    }
}
