package org.motcua.protocol.codec;

import java.util.Base64;

/**
 * base64url without padding (RFC 4648 §5), the contract's "b64u" (§3.2). The decoder is strict: padding,
 * whitespace and characters outside the URL-safe alphabet are refused, and so is a final character whose unused
 * bits are not zero, so every byte string has exactly one accepted text form.
 */
public final class B64u {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private B64u() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not canonical b64u
     */
    public static byte[] decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new IllegalArgumentException("not base64url: character " + (int) c + " at " + i);
            }
        }
        if (text.length() % 4 == 1) {
            throw new IllegalArgumentException("not base64url: impossible length " + text.length());
        }
        byte[] bytes = DECODER.decode(text);
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not base64url: non-zero padding bits");
        }
        return bytes;
    }

    /** True when {@code text} decodes (see {@link #decode}). */
    public static boolean isValid(String text) {
        try {
            decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
