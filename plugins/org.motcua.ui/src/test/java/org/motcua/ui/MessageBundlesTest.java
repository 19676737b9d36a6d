package org.motcua.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message bundle of the desk in both languages: the same keys in Vietnamese and in English (a key only in the
 * English base shows English on a Vietnamese desk; a key only in Vietnamese makes {@code -nl en} fail), the same
 * {@code {n}} arguments for each key, and no empty text.
 */
public class MessageBundlesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    /**
     * A bundle: a class of its package (its bundle's loader finds the files), the base name, and whether its texts
     * always go through {@link java.text.MessageFormat} (then an apostrophe is written {@code ''}) or only when they
     * have arguments (the UI's own {@code Messages}).
     */
    record Bundle(Class<?> anchor, String baseName, boolean alwaysFormatted) {
        @Override
        public String toString() {
            return anchor.getPackageName() + "." + baseName;
        }
    }

    static Stream<Bundle> bundles() {
        return Stream.of(new Bundle(Messages.class, "messages", false),
                new Bundle(org.motcua.print.FormKind.class, "messages", true),
                new Bundle(org.motcua.core.dossier.Dossier.class, "labels", true),
                new Bundle(org.motcua.core.validation.Texts.class, "messages", true),
                new Bundle(org.motcua.core.catalogue.Procedure.class, "labels", true),
                new Bundle(org.motcua.core.lifecycle.DossierAction.class, "labels", true),
                new Bundle(org.motcua.core.calendar.WorkingCalendar.class, "labels", true));
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void vietnameseAndEnglishHaveTheSameKeysAndArguments(Bundle b) throws IOException {
        Properties english = load(b.anchor(), b.baseName() + ".properties");
        Properties vietnamese = load(b.anchor(), b.baseName() + "_vi.properties");
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(vietnamese.stringPropertyNames());
        Set<String> onlyVietnamese = new TreeSet<>(vietnamese.stringPropertyNames());
        onlyVietnamese.removeAll(english.stringPropertyNames());
        assertTrue(onlyEnglish.isEmpty(), b + ": missing in Vietnamese: " + onlyEnglish);
        assertTrue(onlyVietnamese.isEmpty(), b + ": missing in English: " + onlyVietnamese);
        List<String> problems = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String vi = vietnamese.getProperty(key);
            if (en.isBlank() || vi.isBlank()) {
                problems.add(key + " is empty");
            } else if (!arguments(en).equals(arguments(vi))) {
                problems.add(key + " has arguments " + arguments(en) + " in English but " + arguments(vi) + " in Vietnamese");
            }
            for (String text : List.of(en, vi)) {
                boolean formatted = b.alwaysFormatted() || !arguments(text).isEmpty();
                if (formatted && LONE_APOSTROPHE.matcher(text).find()) {
                    problems.add(key + ": MessageFormat would drop the apostrophe (write '') in \"" + text + "\"");
                } else if (!formatted && text.contains("''")) {
                    problems.add(key + ": shown as written, so '' shows twice in \"" + text + "\"");
                }
            }
        }
        assertTrue(problems.isEmpty(), b + ": " + problems);
    }

    /** Reads a bundle file as Java reads bundles since 9: UTF-8. */
    public static Properties load(Class<?> anchor, String file) throws IOException {
        try (InputStream in = anchor.getResourceAsStream(file)) {
            assertNotNull(in, "no " + file + " beside " + anchor.getName());
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertEquals(false, p.isEmpty(), file + " is empty");
            return p;
        }
    }

    private static Set<String> arguments(String pattern) {
        Set<String> args = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            args.add(m.group(1));
        }
        return args;
    }
}
