package org.motcua.core.dossier;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.numbering.DossierCode;
import org.motcua.core.text.VietnameseText;

/**
 * A received dossier as stored. Its {@link #id()} never changes and is the sync identity; its
 * {@link #code()} is the national dossier code printed on the receipt. What happened to it since
 * reception (handovers, supplements, refusal, extensions, return) is its {@link HandoverRecord} log.
 *
 * @param registerBook  the register book (sổ theo dõi) it is entered in: one per year and device
 * @param registerEntry its entry number in that book
 */
public record Dossier(
        UUID id,
        DossierCode code,
        String procedureCode,
        int procedureVersion,
        String fieldCode,
        Applicant applicant,
        List<ReceivedDocument> documents,
        int sets,
        Channel channel,
        ResultDelivery delivery,
        LocalDateTime receivedAt,
        LocalDateTime dueAt,
        Optional<LocalDateTime> finishedAt,
        String registerBook,
        int registerEntry,
        DossierStatus status,
        String receivedBy,
        Optional<FieldAssistance> assistance,
        String note) {

    public Dossier {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(assistance, "assistance");
        documents = List.copyOf(documents);
        note = VietnameseText.input(note);
    }
}
