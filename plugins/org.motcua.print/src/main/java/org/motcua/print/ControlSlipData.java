package org.motcua.print;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;

/**
 * What the process-control slip (form 06; 05 in 2018) needs: one table row per handover record.
 *
 * @param handovers    the dossier's log; printed in step order whatever order it comes in
 * @param officerNames full names by username, for the "given by / received by" lines; a username missing here
 *                     is printed as it is
 */
public record ControlSlipData(Dossier dossier, Procedure procedure, List<HandoverRecord> handovers,
        Map<String, String> officerNames) {

    public ControlSlipData {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(procedure, "procedure");
        handovers = handovers.stream().sorted(Comparator.comparingInt(HandoverRecord::step)).toList();
        officerNames = Map.copyOf(officerNames);
    }

    /** The full name of {@code username}, or the username itself. */
    public String officer(String username) {
        return officerNames.getOrDefault(username, username);
    }
}
