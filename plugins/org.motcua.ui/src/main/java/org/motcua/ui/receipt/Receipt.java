package org.motcua.ui.receipt;

import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;
import org.motcua.store.DeviceIdentity;

/**
 * Everything form 01 prints: the stored dossier (code, applicant, documents, sets, received and due
 * instants, delivery, register book and entry), the procedure version it was received under, the unit,
 * and the receiving officer's full name for the signature block.
 */
public record Receipt(Dossier dossier, Procedure procedure, DeviceIdentity unit, String officerFullName) {
}
