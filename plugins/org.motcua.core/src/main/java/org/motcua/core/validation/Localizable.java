package org.motcua.core.validation;

import java.util.Locale;

/**
 * A value with a name shown to officers, such as a dossier status or a role.
 *
 * <p>When a {@link Violation} argument is {@code Localizable}, its message shows the display name in the
 * message's locale instead of {@code toString()}, so a Vietnamese sentence never carries an English enum
 * constant.
 */
public interface Localizable {

    /** The name for an officer in {@code locale}; English when the locale has no translation. */
    String displayName(Locale locale);
}
