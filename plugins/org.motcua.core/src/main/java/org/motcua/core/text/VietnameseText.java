package org.motcua.core.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text as officers type it. Many type without diacritics ("nguyen van an") or with an
 * input method that leaves them half-typed, so search compares folded forms: no tone or vowel marks,
 * "đ" as "d", lower case, single spaces.
 */
public final class VietnameseText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private VietnameseText() {
    }

    /** "Nguyễn  Văn Đức" → "nguyen van duc". */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String unmarked = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(unmarked.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** "Hộ tịch" → "HO_TICH": a stable identifier derived from a Vietnamese label. */
    public static String identifier(String label) {
        return fold(label).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "").toUpperCase(Locale.ROOT);
    }

    /** NFC form, so that text typed with composed and decomposed marks is stored the same way. */
    public static String normalize(String text) {
        return text == null ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }

    /**
     * Text as it enters the domain: NFC, stripped, never null. An input method may send "ễ" as "e" + two combining
     * marks; stored and sent upstream as typed, the same name would then have two spellings that compare unequal.
     */
    public static String input(String text) {
        return text == null ? "" : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }
}
