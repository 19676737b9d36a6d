package org.motcua.print;

/**
 * Which national set of one-stop forms a unit prints. The wording of each edition lives in
 * {@code org/motcua/print/wording/forms-<year>.properties}; the 2018 file only overrides what differs from 2025.
 */
public enum FormEdition {
    /** Decree 118/2025 and Circular 03/2025/TT-VPCP: forms 01-07. The default. */
    EDITION_2025("forms-2025.properties"),
    /** Decree 61/2018 and Circular 01/2018/TT-VPCP: forms 01-06, still used by many provinces. */
    EDITION_2018("forms-2018.properties");

    private final String wordingFile;

    FormEdition(String wordingFile) {
        this.wordingFile = wordingFile;
    }

    /** The file name of this edition's wording, in the bundle and in a province's wording directory. */
    public String wordingFile() {
        return wordingFile;
    }
}
