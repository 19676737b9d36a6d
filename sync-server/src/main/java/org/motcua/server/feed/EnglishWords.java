package org.motcua.server.feed;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The English words of a refusal key, for the CLI: the web pages' base bundle ({@code web/messages.properties}), whose
 * Vietnamese translation the pages show. One list of words for both, so they never say different things.
 */
final class EnglishWords {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("web.messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private EnglishWords() {
    }

    static String get(String key, Object[] args) {
        String pattern = ENGLISH.containsKey(key) ? ENGLISH.getString(key) : key;
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }
}
