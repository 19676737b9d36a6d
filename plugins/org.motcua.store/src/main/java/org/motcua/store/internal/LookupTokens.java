package org.motcua.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import org.motcua.protocol.codec.Sha256;

/**
 * The citizen's lookup token: 8 characters printed on the receipt beside the dossier code, with which the citizen
 * looks the dossier up. A new dossier gets 40 random bits in Crockford base32 (no I, L, O or U to misread), stored
 * with the dossier. Only its SHA-256 leaves the desk (§4.1): a token derived from the dossier's UUID, which travels
 * in every event, could be computed by anyone who holds the events.
 */
public final class LookupTokens {

    public static final int LENGTH = 8;
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    /** The alphabet of the tokens printed before they were stored (RFC 4648 base32). */
    private static final char[] RFC4648 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private LookupTokens() {
    }

    /** A fresh random token for a new dossier. */
    public static String random() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return encode(bytes, CROCKFORD);
    }

    /**
     * The token receipts printed before tokens were stored: RFC 4648 base32 of the first 40 bits of
     * SHA-256(uuid text). Used once, by the migration, so dossiers already received keep the token their printed
     * receipts show.
     */
    public static String derivedFromId(UUID dossierId) {
        return encode(Sha256.digest(dossierId.toString().getBytes(StandardCharsets.US_ASCII)), RFC4648);
    }

    /** hex(SHA-256(UTF-8(token))): what the events carry as {@code lookupTokenSha256}. */
    public static String sha256(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
    }

    /** 8 characters of 5 bits each from the first 5 bytes. */
    private static String encode(byte[] bytes, char[] alphabet) {
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (bytes[i] & 0xff);
        }
        char[] token = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            token[i] = alphabet[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new String(token);
    }
}
