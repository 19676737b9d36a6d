package org.motcua.print;

import java.time.LocalDateTime;
import java.util.Objects;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;

/** What form 03 (refusal to receive and process the dossier) needs. */
public record RefusalData(Dossier dossier, Procedure procedure, String reason, String officerName,
        LocalDateTime issuedAt) {

    public RefusalData {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(issuedAt, "issuedAt");
        reason = reason == null ? "" : reason;
        officerName = officerName == null ? "" : officerName;
    }
}
