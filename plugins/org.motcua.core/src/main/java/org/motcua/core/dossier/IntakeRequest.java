package org.motcua.core.dossier;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.text.VietnameseText;

/**
 * What the counter submits to receive a dossier, before it has a code or a due date.
 *
 * @param receivedBy username of the officer at the counter (or of the community assistant in the field)
 * @param assistance present when a community team collected the dossier in a village
 */
public record IntakeRequest(
        Procedure procedure,
        Applicant applicant,
        List<ReceivedDocument> documents,
        int sets,
        Channel channel,
        ResultDelivery delivery,
        LocalDateTime receivedAt,
        String receivedBy,
        Optional<FieldAssistance> assistance,
        String note) {

    public IntakeRequest {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(receivedBy, "receivedBy");
        Objects.requireNonNull(assistance, "assistance");
        documents = List.copyOf(documents);
        note = VietnameseText.input(note);
    }
}
