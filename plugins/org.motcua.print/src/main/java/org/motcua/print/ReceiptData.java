package org.motcua.print;

import java.util.Objects;
import java.util.Optional;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;

/**
 * What form 01 (receipt and appointment slip) needs.
 *
 * @param procedure    the procedure version the dossier was received under (name and legal processing time)
 * @param officerName  the receiving officer's full name under the signature; empty prints a dotted line
 * @param lookupToken  the token stored with the dossier at intake, printed and put in the QR code beside the dossier
 *                     code (see {@link LookupToken}); the same on every reprint. Empty for a dossier a replacement
 *                     PC restored from the province (only the token's hash ever left the old PC): the receipt then
 *                     prints no token and its QR code carries the dossier code alone
 * @param lookupUrl    the province's public lookup page from the feed, if any: the QR code then carries its URL
 */
public record ReceiptData(Dossier dossier, Procedure procedure, String officerName, String lookupToken,
        Optional<String> lookupUrl) {

    public ReceiptData {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(procedure, "procedure");
        officerName = officerName == null ? "" : officerName;
        Objects.requireNonNull(lookupToken, "lookupToken");
        lookupUrl = lookupUrl == null ? Optional.empty() : lookupUrl;
    }

    /** A receipt whose QR code carries the plain {@code code|token} text (no public lookup page). */
    public ReceiptData(Dossier dossier, Procedure procedure, String officerName, String lookupToken) {
        this(dossier, procedure, officerName, lookupToken, Optional.empty());
    }
}
