package org.motcua.print;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.motcua.core.dossier.Dossier;

/**
 * One row of the register book.
 *
 * @param procedureName the name of the procedure version the dossier was received under
 * @param decidingBody  the body that decides (cơ quan chủ trì giải quyết); empty prints a dotted line
 * @param returnedAt    when the result was handed over (the RETURN_RESULT handover), if it was
 * @param howReturned   how it was handed over, in the register's words ("trực tiếp", "qua bưu chính EE…"); may be empty
 */
public record RegisterEntry(Dossier dossier, String procedureName, String decidingBody,
        Optional<LocalDateTime> returnedAt, String howReturned) {

    public RegisterEntry {
        Objects.requireNonNull(dossier, "dossier");
        procedureName = procedureName == null ? "" : procedureName;
        decidingBody = decidingBody == null ? "" : decidingBody;
        Objects.requireNonNull(returnedAt, "returnedAt");
        howReturned = howReturned == null ? "" : howReturned;
    }

    /** A row whose return, if any, was recorded without how (or is not returned yet). */
    public RegisterEntry(Dossier dossier, String procedureName, String decidingBody, Optional<LocalDateTime> returnedAt) {
        this(dossier, procedureName, decidingBody, returnedAt, "");
    }
}
