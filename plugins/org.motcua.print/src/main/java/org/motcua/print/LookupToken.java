package org.motcua.print;

import java.util.Optional;
import java.util.regex.Pattern;
import org.motcua.core.numbering.DossierCode;

/**
 * The short token a citizen types (or scans) with the dossier code to look up the dossier's progress. The token is
 * made at intake and stored with the dossier (random, see the store), so a reprinted receipt shows the same token;
 * the receipt only prints it.
 */
public final class LookupToken {

    public static final int LENGTH = 8;

    private LookupToken() {
    }

    /**
     * What the receipt's QR code carries: {@code <dossier code>|<token>}, plain text without a URL, so any
     * scanner shows it and the lookup page or the desk can split it at the bar.
     */
    public static String qrPayload(DossierCode code, String token) {
        return token.isEmpty() ? code.format() : code.format() + "|" + token;
    }

    /** An http(s) address without query, fragment, spaces or quotes, short enough for the receipt's QR code. */
    private static final Pattern LOOKUP_URL = Pattern.compile("https?://[A-Za-z0-9.:\\[\\]-]+(/[A-Za-z0-9._~%/-]*)?");

    /**
     * What the receipt's QR code carries when the province announced its public lookup page ({@code lookupPage} in the
     * feed): {@code <url>?code=<code>&token=<token>}, which a phone's camera opens directly; without a page (or with one
     * this desk cannot trust to be a plain address) the plain {@link #qrPayload} text.
     */
    public static String qrPayload(DossierCode code, String token, Optional<String> lookupUrl) {
        return lookupUrl.filter(u -> !token.isEmpty() && u.length() <= 200 && LOOKUP_URL.matcher(u).matches())
                .map(u -> u + "?code=" + code.format() + "&token=" + token)
                .orElseGet(() -> qrPayload(code, token));
    }
}
