package org.motcua.print;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import org.motcua.core.numbering.DossierCode;

/**
 * The short token a citizen types (or scans) with the dossier code to look up the dossier's progress.
 *
 * <p>Stand-in until the dossier carries its own random lookup token: the token is derived from the dossier's UUID,
 * the first 8 characters of the RFC 4648 base32 of SHA-256(uuid as text). It is stable (a reprinted receipt shows
 * the same token) and not guessable from the dossier code alone, which is sequential; it is only as secret as the
 * UUID, which is never printed. When the model gains a stored token, callers pass that instead.
 */
public final class LookupToken {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    public static final int LENGTH = 8;

    private LookupToken() {
    }

    /** The 8-character token of the dossier {@code id}, e.g. {@code K7QX2M4P}. */
    public static String of(UUID id) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(id.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        // 8 base32 characters are exactly 40 bits: the first 5 bytes of the hash.
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (hash[i] & 0xff);
        }
        char[] token = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            token[i] = BASE32[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(token);
    }

    /**
     * What the receipt's QR code carries: {@code <dossier code>|<token>}, plain text without a URL, so any
     * scanner shows it and the lookup page or the desk can split it at the bar.
     */
    public static String qrPayload(DossierCode code, String token) {
        return code.format() + "|" + token;
    }
}
