package org.motcua.core.dossier;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.text.VietnameseText;

/**
 * The person or organisation the dossier is for. A citizen is identified by the citizen ID; an
 * organisation by its name (and later its tax code).
 */
public record Applicant(
        ApplicantKind kind,
        String fullName,
        Optional<CitizenId> citizenId,
        Optional<LocalDate> birthDate,
        String phone,
        String email,
        Address address,
        Optional<AuthorisedPerson> authorised) {

    public Applicant {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(citizenId, "citizenId");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(authorised, "authorised");
        fullName = VietnameseText.input(fullName);
        phone = VietnameseText.input(phone);
        email = VietnameseText.input(email);
        address = address == null ? Address.NONE : address;
    }

    /** A citizen filing for themselves, the common case at the counter. */
    public static Applicant citizen(String fullName, CitizenId id, LocalDate birthDate, String phone, Address address) {
        return new Applicant(ApplicantKind.CITIZEN, fullName, Optional.of(id), Optional.ofNullable(birthDate), phone, "",
                address, Optional.empty());
    }
}
