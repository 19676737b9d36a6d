package org.motcua.print;

import java.util.Objects;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;

/**
 * What form 01 (receipt and appointment slip) needs.
 *
 * @param procedure    the procedure version the dossier was received under (name and legal processing time)
 * @param officerName  the receiving officer's full name under the signature; empty prints a dotted line
 * @param lookupToken  the token stored with the dossier at intake, printed and put in the QR code beside the dossier
 *                     code (see {@link LookupToken}); the same on every reprint
 */
public record ReceiptData(Dossier dossier, Procedure procedure, String officerName, String lookupToken) {

    public ReceiptData {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(procedure, "procedure");
        officerName = officerName == null ? "" : officerName;
        Objects.requireNonNull(lookupToken, "lookupToken");
    }
}
