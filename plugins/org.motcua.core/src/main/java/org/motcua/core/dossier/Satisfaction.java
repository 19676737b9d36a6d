package org.motcua.core.dossier;

import java.util.Locale;
import org.motcua.core.validation.Localizable;
import org.motcua.core.validation.Texts;

/** The citizen's rating of the service, asked at the counter when the result is returned (optional for them). */
public enum Satisfaction implements Localizable {
    SATISFIED, ACCEPTABLE, NOT_SATISFIED;

    @Override
    public String displayName(Locale locale) {
        return Texts.format(DossierTexts.LABELS, "satisfaction." + name(), locale);
    }
}
