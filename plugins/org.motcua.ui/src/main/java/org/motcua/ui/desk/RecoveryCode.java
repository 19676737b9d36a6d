package org.motcua.ui.desk;

import java.security.SecureRandom;

/**
 * The recovery code shown once at setup, written down and kept in the commune's safe: 32 characters
 * (160 random bits) from an alphabet without look-alikes (no 0/O, 1/I/L), in groups of four.
 */
public final class RecoveryCode {

    /** The key slot that holds the database key under the recovery code; no username can look like it. */
    public static final String SLOT = org.motcua.store.KeySlots.RECOVERY_SLOT;

    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCode() {
    }

    public static char[] generate() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString().toCharArray();
    }

    /** What the officer typed, made comparable: upper case, no spaces, groups joined by dashes. */
    public static char[] normalize(String typed) {
        String compact = typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(compact.charAt(i));
        }
        return code.toString().toCharArray();
    }
}
