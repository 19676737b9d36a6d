package org.motcua.print;

import java.util.Objects;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;

/**
 * What form 01 (receipt and appointment slip) needs.
 *
 * @param procedure    the procedure version the dossier was received under (name and legal processing time)
 * @param officerName  the receiving officer's full name under the signature; empty prints a dotted line
 * @param lookupToken  the token printed and put in the QR code beside the dossier code, see {@link LookupToken}
 */
public record ReceiptData(Dossier dossier, Procedure procedure, String officerName, String lookupToken) {

    public ReceiptData {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(procedure, "procedure");
        officerName = officerName == null ? "" : officerName;
        Objects.requireNonNull(lookupToken, "lookupToken");
    }

    /** A receipt whose lookup token is derived from the dossier's UUID. */
    public static ReceiptData of(Dossier dossier, Procedure procedure, String officerName) {
        return new ReceiptData(dossier, procedure, officerName, LookupToken.of(dossier.id()));
    }
}
