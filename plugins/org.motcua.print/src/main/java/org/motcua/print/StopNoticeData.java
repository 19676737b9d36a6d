package org.motcua.print;

import java.time.LocalDateTime;
import java.util.Objects;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;

/** What form 05 of the 2025 set (notice of stopping the processing) needs. */
public record StopNoticeData(Dossier dossier, Procedure procedure, String reason, String signerName,
        LocalDateTime issuedAt) {

    public StopNoticeData {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(issuedAt, "issuedAt");
        reason = reason == null ? "" : reason;
        signerName = signerName == null ? "" : signerName;
    }
}
