package org.motcua.core.dossier;

import java.util.Locale;
import org.motcua.core.validation.Localizable;
import org.motcua.core.validation.Texts;

/** Who took the result when it was returned (status 10): the applicant, someone they authorised, or the post. */
public enum CollectedBy implements Localizable {
    APPLICANT, AUTHORISED_PERSON, POST;

    @Override
    public String displayName(Locale locale) {
        return Texts.format(DossierTexts.LABELS, "collectedBy." + name(), locale);
    }
}
