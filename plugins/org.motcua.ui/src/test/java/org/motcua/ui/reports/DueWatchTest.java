package org.motcua.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.motcua.store.DossierSummary;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.TestDesks;

/** The watch looks ahead to the next working day, not to the next calendar day. */
class DueWatchTest {

    private static final String CIVIL = "1.005461"; // 5 working days

    @TempDir
    Path dir;

    private int applicants;

    private Dossier receive(Desk desk, LocalDateTime at) {
        Procedure p = desk.catalogue().latest(CIVIL).orElseThrow();
        applicants++;
        Applicant a = Applicant.citizen("Người Nộp " + applicants, CitizenId.parse(String.format("0010850%05d", applicants), null),
                LocalDate.of(1985, 1, 2), "0912345678", new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", ""));
        return desk.intake().receive(new IntakeRequest(p, a, p.requiredDocuments().stream().map(ReceivedDocument::of).toList(), 1,
                Channel.IN_PERSON, ResultDelivery.COUNTER, at, desk.username(), Optional.empty(), ""), Role.RECEIVING_OFFICER,
                desk.now());
    }

    private static List<String> codes(List<DossierSummary> list) {
        return list.stream().map(DossierSummary::code).toList();
    }

    @Test
    void onAFridayTheWatchLooksAheadToMonday() {
        TestDesks.as(dir, Role.RECEIVING_OFFICER).close();
        try (Desk desk = TestDesks.login(dir, Role.RECEIVING_OFFICER, TestDesks.at(LocalDateTime.of(2026, 3, 13, 8, 30)))) {
            Dossier overdue = receive(desk, LocalDateTime.of(2026, 3, 2, 10, 0));  // due Mon 9 March
            Dossier today = receive(desk, LocalDateTime.of(2026, 3, 6, 10, 0));    // due Fri 13 March
            Dossier monday = receive(desk, LocalDateTime.of(2026, 3, 9, 10, 0));   // due Mon 16 March
            Dossier later = receive(desk, LocalDateTime.of(2026, 3, 10, 10, 0));   // due Tue 17 March
            assertEquals(LocalDate.of(2026, 3, 16), monday.dueAt().toLocalDate());

            DueWatch.Due due = new DueWatch(desk).load();
            assertEquals(LocalDate.of(2026, 3, 16), due.nextWorkingDay());
            assertFalse(due.nextIsTomorrow());
            assertEquals(List.of(overdue.code().format()), codes(due.overdue()));
            assertEquals(List.of(today.code().format()), codes(due.today()));
            assertEquals(List.of(monday.code().format()), codes(due.next()), "due Monday is the next working day's");
            assertFalse(codes(due.next()).contains(later.code().format()));
        }
    }

    @Test
    void onAMondayTheNextWorkingDayIsTomorrow() {
        try (Desk desk = TestDesks.as(dir, Role.RECEIVING_OFFICER)) {
            DueWatch.Due due = new DueWatch(desk).load();
            assertEquals(LocalDate.of(2026, 3, 10), due.nextWorkingDay());
            assertTrue(due.nextIsTomorrow());
        }
    }
}
