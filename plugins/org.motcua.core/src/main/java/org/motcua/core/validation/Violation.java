package org.motcua.core.validation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One reason why input was refused: the field, a stable code, and the arguments of its message.
 *
 * <p>The message text lives in {@code org/motcua/core/validation/messages*.properties}: Vietnamese for
 * the counter, English as the fallback. The code never changes once released, so tests and the sync
 * protocol can rely on it while the wording is edited.
 */
public record Violation(String field, String code, List<Object> args) {

    private static final String BUNDLE = "org.motcua.core.validation.messages";

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static Violation of(String field, String code, Object... args) {
        return new Violation(field, code, List.of(args));
    }

    /**
     * The message for an officer in {@code locale}; English when the locale has no translation.
     * {@link Localizable} arguments are shown by their display name in that locale.
     */
    public String message(Locale locale) {
        return Texts.format(BUNDLE, code, locale, args.toArray());
    }
}
