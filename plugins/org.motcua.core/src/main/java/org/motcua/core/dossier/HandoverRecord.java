package org.motcua.core.dossier;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Timeliness;
import org.motcua.core.text.VietnameseText;

/**
 * One step of a dossier's life, append-only: who gave it to whom, when, against which step deadline,
 * and whether the step was early, on time or late. The log is the dossier's audit, the rows of the
 * process-control slip (form 06) and the source of the register book (form 07).
 *
 * @param step        1 for reception, then consecutive
 * @param status      the dossier's status after this step
 * @param note        reasons go here: what is missing, why refused, stopped or withdrawn, why extended
 * @param newDueAt    present when the step moved the due date (an extension)
 */
public record HandoverRecord(
        UUID dossierId,
        int step,
        DossierAction action,
        DossierStatus status,
        String fromOfficer,
        String toOfficer,
        LocalDateTime at,
        Optional<LocalDateTime> stepDeadline,
        Optional<Timeliness> timeliness,
        Optional<LocalDateTime> newDueAt,
        String note) {

    public HandoverRecord {
        Objects.requireNonNull(dossierId, "dossierId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(stepDeadline, "stepDeadline");
        Objects.requireNonNull(timeliness, "timeliness");
        Objects.requireNonNull(newDueAt, "newDueAt");
        fromOfficer = fromOfficer == null ? "" : fromOfficer;
        toOfficer = toOfficer == null ? "" : toOfficer;
        note = VietnameseText.input(note);
        if (step < 1) {
            throw new IllegalArgumentException("handover steps start at 1: " + step);
        }
    }
}
