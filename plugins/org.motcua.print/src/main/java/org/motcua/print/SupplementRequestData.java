package org.motcua.print;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;

/**
 * What form 02 (request to complete the dossier) needs.
 *
 * @param missing      what the applicant must add or correct, one item a line
 * @param officerName  the guiding officer, also the contact person; empty prints a dotted line
 * @param contactPhone the desk's phone for questions; empty prints a dotted line
 */
public record SupplementRequestData(Dossier dossier, Procedure procedure, List<String> missing, String reason,
        String officerName, String contactPhone, LocalDateTime issuedAt) {

    public SupplementRequestData {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(issuedAt, "issuedAt");
        missing = List.copyOf(missing);
        reason = reason == null ? "" : reason;
        officerName = officerName == null ? "" : officerName;
        contactPhone = contactPhone == null ? "" : contactPhone;
    }

    /** From the REQUEST_SUPPLEMENT handover: each non-empty line of its note is one missing item. */
    public static SupplementRequestData fromHandover(Dossier dossier, Procedure procedure, HandoverRecord request,
            String officerName, String contactPhone) {
        List<String> items = Arrays.stream(request.note().split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        return new SupplementRequestData(dossier, procedure, items, "", officerName, contactPhone, request.at());
    }
}
