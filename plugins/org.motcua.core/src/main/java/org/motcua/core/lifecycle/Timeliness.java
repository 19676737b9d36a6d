package org.motcua.core.lifecycle;

import java.util.Locale;
import org.motcua.core.validation.Localizable;
import org.motcua.core.validation.Texts;

/** How a result or a handover step came out against its deadline, as the control slip and the statistics say it. */
public enum Timeliness implements Localizable {
    /** Trước hạn: finished on a day before the due day. */
    EARLY,
    /** Đúng hạn: finished on the due day, at or before the due instant. */
    ON_TIME,
    /** Trễ hạn: finished after the due instant. */
    LATE;

    @Override
    public String displayName(Locale locale) {
        return Texts.format("org.motcua.core.lifecycle.labels", "timeliness." + name(), locale);
    }
}
