package org.motcua.protocol.codec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the contract's "hash" text form: 64 lowercase hex characters (§3.2). */
public final class Sha256 {

    /** The previous hash of the first event of an epoch, and the acked hash of an empty chain. */
    public static final String ZEROS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    public static byte[] digest(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    /** hex(SHA-256(bytes)). */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(digest(bytes));
    }

    public static String hexOfDigest(byte[] digest) {
        return HEX.formatHex(digest);
    }

    public static byte[] fromHex(String hash) {
        if (!isHash(hash)) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256");
        }
        return HEX.parseHex(hash);
    }

    /** Same as matching {@code [0-9a-f]{64}}, by hand: it runs for several members of every event. */
    public static boolean isHash(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
