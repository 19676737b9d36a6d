package org.motcua.core.catalogue;

import java.util.Locale;
import org.motcua.core.text.VietnameseText;
import org.motcua.core.validation.Localizable;
import org.motcua.core.validation.Texts;

/** The form in which a document is handed in (hình thức): printed on the receipt's document table. */
public enum DocumentForm implements Localizable {
    ORIGINAL,
    CERTIFIED_COPY,
    COPY,
    ORIGINAL_OR_CERTIFIED_COPY,
    /** Shown to the officer and given back, not kept in the dossier (bản chính để đối chiếu). */
    ORIGINAL_SHOWN,
    ELECTRONIC;

    static final String LABELS = "org.motcua.core.catalogue.labels";

    /**
     * Reads the catalogue's Vietnamese wording ("bản chính", "bản sao có chứng thực", ...). Unknown or
     * missing wording is {@link #COPY}, the least demanding form, so a catalogue gap never blocks intake.
     */
    public static DocumentForm fromCatalogueText(String text) {
        String f = VietnameseText.fold(text);
        if (f.isEmpty()) {
            return COPY;
        }
        if (f.contains("xuat trinh") || f.contains("doi chieu")) {
            return ORIGINAL_SHOWN;
        }
        if (f.contains("dien tu")) {
            return ELECTRONIC;
        }
        if (f.contains("ban chinh hoac ban sao")) {
            return ORIGINAL_OR_CERTIFIED_COPY;
        }
        if (f.startsWith("ban chinh")) {
            return ORIGINAL;
        }
        if (f.contains("chung thuc")) {
            return CERTIFIED_COPY;
        }
        return COPY;
    }

    @Override
    public String displayName(Locale locale) {
        return Texts.format(LABELS, "documentForm." + name(), locale);
    }
}
