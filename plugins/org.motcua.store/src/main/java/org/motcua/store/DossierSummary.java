package org.motcua.store;

import java.time.LocalDateTime;
import java.util.UUID;
import org.motcua.core.lifecycle.DossierStatus;

/** One row of the dossier list: enough to show and colour it, without its documents. */
public record DossierSummary(UUID id, String code, String procedureCode, String applicantName, LocalDateTime receivedAt,
        LocalDateTime dueAt, DossierStatus status) {

    /** Where this row stands in the dossier list. */
    public ListKey key() {
        return new ListKey(receivedAt, code);
    }
}
