package org.motcua.core.validation;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Looks up and formats user-facing text kept in properties bundles of this bundle.
 *
 * <p>Every bundle has an English root file and a Vietnamese {@code _vi} file. The JVM's default locale
 * is deliberately ignored (no-fallback control): a counter PC set to English must still get English,
 * and one set to Vietnamese must get Vietnamese, whatever the machine's default is.
 */
public final class Texts {

    private Texts() {
    }

    /**
     * The text stored under {@code key}, formatted with {@code args}; the key itself when the bundle
     * lacks it (a visible gap is better than an exception at the counter). The pattern always goes
     * through {@link MessageFormat}, so a literal apostrophe is written {@code ''} in every bundle.
     *
     * @param bundle base name, e.g. {@code org.motcua.core.lifecycle.labels}
     */
    public static String format(String bundle, String key, Locale locale, Object... args) {
        ResourceBundle texts = ResourceBundle.getBundle(bundle, locale, Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = texts.containsKey(key) ? texts.getString(key) : key;
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof Localizable named ? named.displayName(locale) : args[i];
        }
        return new MessageFormat(pattern, locale).format(shown);
    }
}
