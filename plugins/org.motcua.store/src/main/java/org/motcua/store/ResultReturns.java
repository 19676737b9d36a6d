package org.motcua.store;

import java.util.Optional;
import java.util.UUID;
import org.motcua.store.internal.ResultReturnTable;

/** Reads how results were returned (written by {@link DossierWorkflow#returnResult}). */
public final class ResultReturns {

    private final Store store;

    public ResultReturns(Store store) {
        this.store = store;
    }

    /** How dossier {@code dossierId}'s result was returned; empty while it has not been. */
    public Optional<ReturnedResult> of(UUID dossierId) {
        return store.read(c -> ResultReturnTable.find(c, dossierId));
    }
}
