package org.motcua.server.score;

import java.time.Instant;
import java.util.List;

/**
 * What the score needs to know of one dossier, as the province's projection holds it.
 *
 * @param receivedAt        when the centre received it (its deadline runs from then)
 * @param receiptDueAt      the due time printed on the receipt; an extension or an apology's new date never moves it
 * @param endedAt           when it ended (result, refusal, stop or withdrawal), null while open
 * @param endAction         the ending action ({@code MARK_DONE}, {@code REFUSE}, {@code STOP}, {@code WITHDRAW}), or null
 * @param deskIndexDueAt    the due time the desk judged the ending against (its working calendar, supplement time
 *                          added), when the ending step carried one
 * @param supplementSteps   the supplement requests and returns, in order
 * @param documentsDigitised true when the reception carried at least one scanned document
 * @param resultDigitised   true when the ending {@code MARK_DONE} event carried a result file
 * @param notSatisfiedAt    when the citizen rated the service "not satisfied", or null
 */
public record DossierFacts(String dossierId, String dossierCode, Instant receivedAt, Instant receiptDueAt, Instant endedAt,
        String endAction, Instant deskIndexDueAt, List<SupplementStep> supplementSteps, boolean documentsDigitised,
        boolean resultDigitised, Instant notSatisfiedAt) {

    public DossierFacts {
        supplementSteps = List.copyOf(supplementSteps);
    }

    /** A {@code REQUEST_SUPPLEMENT} ({@code request} true) or {@code SUPPLEMENT_RECEIVED} step. */
    public record SupplementStep(boolean request, Instant at) {
    }
}
