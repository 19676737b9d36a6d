package org.motcua.print;

import java.time.LocalDateTime;
import java.util.Objects;
import org.motcua.core.dossier.Dossier;

/**
 * The label stuck on the envelope of a result sent by post: the unit as sender, the applicant's name, address and
 * phone as recipient, the dossier code (the citizen's reference) and the postal tracking number.
 *
 * @param deskPhone the desk's telephone for the sender block; empty leaves it out
 */
public record EnvelopeLabelData(Dossier dossier, String trackingNumber, String deskPhone, LocalDateTime sentAt) {

    public EnvelopeLabelData {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(sentAt, "sentAt");
        trackingNumber = trackingNumber == null ? "" : trackingNumber;
        deskPhone = deskPhone == null ? "" : deskPhone;
    }
}
