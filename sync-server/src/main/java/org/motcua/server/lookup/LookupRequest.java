package org.motcua.server.lookup;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a citizen typed (or the receipt's QR code carried): the dossier code and the lookup token, checked for shape
 * before anything touches the database. Spaces around either and lower case letters are forgiven, since people type
 * them from paper on a phone; anything else out of shape is refused as malformed, without telling which part.
 */
public record LookupRequest(String code, String token) {

    /** The national dossier code {@code <unit>-<YYMMDD>-<NNNN>} (domain.md), as the protocol checks it. */
    static final Pattern CODE = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}-\\d{6}-\\d{4}");
    /** 8 characters of base32: Crockford's alphabet today, RFC 4648's on receipts printed before tokens were stored. */
    static final Pattern TOKEN = Pattern.compile("[0-9A-Z]{8}");
    /** Longer input is refused before it is even normalised. */
    public static final int MAX_INPUT = 64;

    /** The request, or empty when either part is missing or out of shape. */
    public static Optional<LookupRequest> parse(String code, String token) {
        if (code == null || token == null || code.length() > MAX_INPUT || token.length() > MAX_INPUT) {
            return Optional.empty();
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        String t = token.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(c).matches() || !TOKEN.matcher(t).matches()) {
            return Optional.empty();
        }
        return Optional.of(new LookupRequest(c, t));
    }
}
