package org.motcua.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * UI text from {@code org/motcua/ui/messages*.properties}: Vietnamese for a Vietnamese locale (the product
 * starts with {@code -nl vi}), English otherwise.
 */
public final class Messages {

    private static final String BUNDLE = "org.motcua.ui.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages forLocale(Locale locale) {
        return new Messages(locale);
    }

    /** Messages for the JVM's default locale, which Equinox sets from {@code -nl}. */
    public static Messages current() {
        return forLocale(Locale.getDefault());
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
