package org.motcua.server.lookup;

import java.time.Instant;
import java.util.List;

/**
 * What the lookup shows a citizen who holds the receipt: the procedure, the status, the dates and the handover
 * steps, and nothing about people (no applicant, no officer: the steps keep only their action and status).
 *
 * @param procedureName the name from the province's published catalogue, null when the procedure was never published
 * @param overdue       the due time has passed and the dossier has not ended (derived, not a status)
 * @param rated         the citizen has already rated the service for this dossier
 */
public record Progress(String dossierId, String unitCode, String dossierCode, String procedureCode, String procedureName,
        String procedureField, int status, Instant receivedAt, Instant dueAt, Instant doneAt, Instant returnedAt,
        boolean overdue, List<Step> steps, boolean rated) {

    /** One handover step as the citizen sees it. */
    public record Step(int step, String action, int status, Instant at) {
    }

    /** National status 10: the result was returned, the only time a rating is taken. */
    public static final int RETURNED = 10;

    public boolean canBeRated() {
        return status == RETURNED && !rated;
    }
}
