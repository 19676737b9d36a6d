package org.motcua.core.dossier;

import java.util.Locale;
import org.motcua.core.validation.Localizable;
import org.motcua.core.validation.Texts;

/** Where the citizen collects the result: at the counter or by post (printed on the receipt). */
public enum ResultDelivery implements Localizable {
    COUNTER, POST;

    @Override
    public String displayName(Locale locale) {
        return Texts.format(DossierTexts.LABELS, "delivery." + name(), locale);
    }
}
