package org.motcua.protocol.enrol;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * A one-time enrolment code (§6.1): 34 Crockford base32 characters shown in groups of four, e.g.
 * {@code Q4M7-XK2P-7K3Q-W9ZD-2HXM-4TNB-8VRC-6JPF-GA}. The first 8 are the public {@code codeId}; the last 26 the
 * 130-bit secret, which never travels: the device proves it with {@link #macKey()} and the server stores only that
 * derived key.
 */
public final class EnrolmentCode {

    public static final int LENGTH = 34;
    public static final int CODE_ID_LENGTH = 8;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String normalised;

    private EnrolmentCode(String normalised) {
        this.normalised = normalised;
    }

    /** A fresh random code (server side). */
    public static EnrolmentCode generate() {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new EnrolmentCode(new String(c));
    }

    /**
     * The code an officer typed, normalised as §6.1 says: upper case, {@code -} and spaces dropped, {@code O} read as
     * {@code 0} and {@code I}, {@code L} as {@code 1}.
     *
     * @throws IllegalArgumentException when it is not 34 Crockford base32 characters afterwards
     */
    public static EnrolmentCode parse(String typed) {
        StringBuilder b = new StringBuilder(LENGTH);
        for (char ch : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (ch) {
                case '-', ' ' -> {
                    // separators
                }
                case 'O' -> b.append('0');
                case 'I', 'L' -> b.append('1');
                default -> {
                    if (ALPHABET.indexOf(ch) < 0) {
                        throw new IllegalArgumentException("character not allowed in an enrolment code: " + ch);
                    }
                    b.append(ch);
                }
            }
        }
        if (b.length() != LENGTH) {
            throw new IllegalArgumentException("an enrolment code has " + LENGTH + " characters, this one " + b.length());
        }
        return new EnrolmentCode(b.toString());
    }

    public String codeId() {
        return normalised.substring(0, CODE_ID_LENGTH);
    }

    /** HMAC-SHA256(key = UTF-8(secret), data = UTF-8("motcua-enrol-v1:" + codeId)). */
    public byte[] macKey() {
        String secret = normalised.substring(CODE_ID_LENGTH);
        return Macs.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                ("motcua-enrol-v1:" + codeId()).getBytes(StandardCharsets.UTF_8));
    }

    /** The grouped form shown to people: groups of four separated by {@code -}. */
    public String grouped() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < normalised.length(); i += 4) {
            if (i > 0) {
                out.append('-');
            }
            out.append(normalised, i, Math.min(i + 4, normalised.length()));
        }
        return out.toString();
    }

    /** Never the secret: a code must not end up in a log by accident. */
    @Override
    public String toString() {
        return "EnrolmentCode[" + codeId() + "-…]";
    }
}
