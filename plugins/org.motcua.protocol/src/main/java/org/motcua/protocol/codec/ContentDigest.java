package org.motcua.protocol.codec;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 9530 {@code Content-Digest} with {@code sha-256}, the chunk checksum of blob uploads (§6.7). Its value is
 * standard base64 between colons, the one exception to b64u in the contract.
 */
public final class ContentDigest {

    public static final String HEADER = "Content-Digest";
    private static final Pattern SHA256 = Pattern.compile("(?:^|,)\\s*sha-256\\s*=\\s*:([A-Za-z0-9+/]*={0,2}):\\s*(?:,|;|$)");

    private ContentDigest() {
    }

    /** The header value for {@code chunk}: {@code sha-256=:<base64>:}. */
    public static String of(byte[] chunk) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(Sha256.digest(chunk)) + ":";
    }

    /** The 32-byte SHA-256 named in a header value; empty when the value has no well-formed {@code sha-256} member. */
    public static Optional<byte[]> sha256(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        Matcher m = SHA256.matcher(headerValue);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            byte[] digest = Base64.getDecoder().decode(m.group(1));
            return digest.length == 32 ? Optional.of(digest) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
