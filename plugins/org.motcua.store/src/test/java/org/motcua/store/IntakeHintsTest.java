package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.Role;

class IntakeHintsTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 9, 8, 0);

    @TempDir
    Path dir;

    @Test
    void aReturningCitizensLatestDetailsAreFoundByCitizenId() {
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
            Procedure birth = StoreFixture.birthRegistration();
            IntakeRequest first = StoreFixture.intake(birth, 7, MONDAY.minusDays(20));
            intake.receive(first, Role.RECEIVING_OFFICER, MONDAY);
            IntakeRequest later = StoreFixture.intake(birth, 7, MONDAY.minusDays(3));
            Applicant moved = new Applicant(later.applicant().kind(), later.applicant().fullName(),
                    later.applicant().citizenId(), later.applicant().birthDate(), "0987000111", "",
                    later.applicant().address(), later.applicant().authorised());
            intake.receive(new IntakeRequest(birth, moved, later.documents(), 1, later.channel(), later.delivery(),
                    later.receivedAt(), later.receivedBy(), later.assistance(), ""), Role.RECEIVING_OFFICER, MONDAY);
            intake.receive(StoreFixture.intake(birth, 8, MONDAY.minusDays(1)), Role.RECEIVING_OFFICER, MONDAY);

            IntakeHints hints = new IntakeHints(store);
            Applicant found = hints.lastApplicant(first.applicant().citizenId().orElseThrow()).orElseThrow();
            assertEquals("0987000111", found.phone(), "the most recent dossier's details, not the first one's");
            assertEquals("Nguyễn Văn An 7", found.fullName());
            assertTrue(hints.lastApplicant(CitizenId.parse("001085999999", null)).isEmpty());
        }
    }

    @Test
    void theMostReceivedProceduresComeFirst() {
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
            Procedure birth = StoreFixture.birthRegistration();
            Procedure other = StoreFixture.CATALOGUE.current().stream()
                    .filter(p -> !p.code().equals(birth.code()) && !p.requiredDocuments().isEmpty()).findFirst().orElseThrow();
            intake.receive(StoreFixture.intake(other, 1, MONDAY.minusDays(2)), Role.RECEIVING_OFFICER, MONDAY);
            for (int i = 2; i < 5; i++) {
                intake.receive(StoreFixture.intake(birth, i, MONDAY.minusDays(1)), Role.RECEIVING_OFFICER, MONDAY);
            }
            intake.receive(StoreFixture.intake(other, 9, MONDAY.minusDays(400)), Role.RECEIVING_OFFICER, MONDAY);

            IntakeHints hints = new IntakeHints(store);
            assertEquals(List.of(birth.code(), other.code()), hints.mostUsedProcedures(LocalDate.of(2026, 1, 1), 10));
            assertEquals(List.of(birth.code()), hints.mostUsedProcedures(LocalDate.of(2026, 1, 1), 1));
            assertEquals(List.of(), hints.mostUsedProcedures(LocalDate.of(2026, 3, 10), 10));
        }
    }
}
