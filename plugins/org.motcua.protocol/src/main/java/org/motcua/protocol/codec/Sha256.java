package org.motcua.protocol.codec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 and the contract's "hash" text form: 64 lowercase hex characters (§3.2). */
public final class Sha256 {

    /** The previous hash of the first event of an epoch, and the acked hash of an empty chain. */
    public static final String ZEROS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

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

    public static boolean isHash(String text) {
        return text != null && HASH.matcher(text).matches();
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
