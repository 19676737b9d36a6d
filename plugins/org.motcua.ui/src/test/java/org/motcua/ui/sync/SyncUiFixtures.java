package org.motcua.ui.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.Role;
import org.motcua.ui.desk.Desk;

/** Dossiers received the usual way at a test desk, for the sync screens to send. */
final class SyncUiFixtures {

    private SyncUiFixtures() {
    }

    /** Receives {@code n} birth registrations as the desk's receiving officer. */
    static List<Dossier> receive(Desk desk, int n) {
        Procedure p = desk.catalogue().latest("1.001193").orElseThrow();
        List<Dossier> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Applicant a = Applicant.citizen("Phạm Thị Hoa " + i, CitizenId.parse(String.format("0011850%05d", i + 1), null),
                    LocalDate.of(1985, 1, 2), "0912345678", new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", "Thôn " + (i + 1)));
            out.add(desk.intake().receive(new IntakeRequest(p, a, p.requiredDocuments().stream().map(ReceivedDocument::of)
                    .toList(), 1, Channel.IN_PERSON, ResultDelivery.COUNTER, desk.now(), desk.username(), Optional.empty(), ""),
                    Role.RECEIVING_OFFICER, desk.now()));
        }
        return out;
    }
}
