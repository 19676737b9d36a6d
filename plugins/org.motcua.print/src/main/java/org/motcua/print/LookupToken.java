package org.motcua.print;

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
        return code.format() + "|" + token;
    }
}
