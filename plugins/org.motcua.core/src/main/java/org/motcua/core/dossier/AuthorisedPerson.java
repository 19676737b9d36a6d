package org.motcua.core.dossier;

import java.util.Optional;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.text.VietnameseText;

/** Someone filing on the applicant's behalf (người được ủy quyền). */
public record AuthorisedPerson(String fullName, Optional<CitizenId> citizenId, String phone) {

    public AuthorisedPerson {
        fullName = VietnameseText.input(fullName);
        phone = VietnameseText.input(phone);
    }
}
