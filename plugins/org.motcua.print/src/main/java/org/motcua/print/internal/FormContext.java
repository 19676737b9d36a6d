package org.motcua.print.internal;

import java.util.Locale;
import org.motcua.print.FormKind;
import org.motcua.print.FormSettings;
import org.motcua.print.IssuingUnit;

/** What every form's layout needs besides its data: the unit, the edition's wording and the locale of enum names. */
record FormContext(FormSettings settings, FormWording wording) {

    /** Names of statuses, document forms and the like are printed in Vietnamese whatever the PC's locale. */
    static final Locale VI = Locale.forLanguageTag("vi");

    IssuingUnit unit() {
        return settings.unit();
    }

    /** The desk's name: the unit's own, else the edition's ("Bộ phận Một cửa"). */
    String desk() {
        return unit().deskName().isBlank() ? wording.raw("desk.name") : unit().deskName();
    }

    /** "Mẫu số 06" in the configured edition, or empty when the edition has no such form. */
    String formNumber(FormKind kind) {
        return kind.number(settings.edition()).map(n -> wording.text("form.number", "number", n)).orElse("");
    }
}
