package org.motcua.print;

import java.time.LocalDateTime;
import java.util.Objects;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;

/**
 * What form 04 (apology with a new appointment; 2025: apology and request for an extension) needs.
 *
 * @param originalDueAt the appointment on the receipt, before the extension
 * @param newDueAt      the new appointment (the EXTEND_DEADLINE handover's {@code newDueAt})
 * @param signerName    the head of the unit who signs; empty prints a dotted line
 */
public record ApologyData(Dossier dossier, Procedure procedure, LocalDateTime originalDueAt, LocalDateTime newDueAt,
        String reason, String signerName, LocalDateTime issuedAt) {

    public ApologyData {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(originalDueAt, "originalDueAt");
        Objects.requireNonNull(newDueAt, "newDueAt");
        Objects.requireNonNull(issuedAt, "issuedAt");
        reason = reason == null ? "" : reason;
        signerName = signerName == null ? "" : signerName;
    }
}
