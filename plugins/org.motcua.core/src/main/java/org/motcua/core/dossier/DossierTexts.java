package org.motcua.core.dossier;

/** Names of the text bundles of this package. */
final class DossierTexts {

    static final String LABELS = "org.motcua.core.dossier.labels";

    private DossierTexts() {
    }
}
