package org.motcua.core.dossier;

import java.util.Arrays;
import java.util.Locale;
import org.motcua.core.validation.Localizable;
import org.motcua.core.validation.Texts;

/** How the dossier reached the desk; the codes are those of the national portal. */
public enum Channel implements Localizable {
    IN_PERSON(1), ONLINE(2), POST(3);

    private final int code;

    Channel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Channel fromCode(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no channel has code " + code));
    }

    @Override
    public String displayName(Locale locale) {
        return Texts.format(DossierTexts.LABELS, "channel." + name(), locale);
    }
}
