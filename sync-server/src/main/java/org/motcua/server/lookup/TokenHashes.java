package org.motcua.server.lookup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.motcua.protocol.codec.Sha256;

/**
 * The lookup token as the server knows it: hex(SHA-256(UTF-8(token))), what the desk sends in {@code DossierReceived}
 * (§4.1). Comparisons take the same time whatever the bytes, so a wrong token cannot be found character by character.
 */
final class TokenHashes {

    /** Compared against when no dossier has the code, so an unknown code costs the same work as a wrong token. */
    static final String NO_DOSSIER = "0".repeat(64);

    private TokenHashes() {
    }

    static String of(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time equality of two hex hashes; a missing stored hash never matches (but is compared all the same). */
    static boolean same(String given, String stored) {
        byte[] a = given.getBytes(StandardCharsets.US_ASCII);
        byte[] b = (stored == null ? NO_DOSSIER : stored).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(a, b) && stored != null;
    }
}
