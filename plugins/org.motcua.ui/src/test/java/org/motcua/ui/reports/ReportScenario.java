package org.motcua.ui.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.dossier.Satisfaction;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.DeskSetup;
import org.motcua.ui.desk.TestDesks;

/**
 * A real desk (clock: Monday 9 March 2026, 08:30) with an officer of every role and dossiers received through
 * the intake and moved through the workflow, so the reports have known answers:
 *
 * <pre>
 * finished 1–8 March:  civil status (1.005461)  early 2, on time 1, late 1 (one early and the late one returned
 *                      and rated: satisfied, not satisfied)
 *                      social protection (1.001731) early 1, late 1
 * finished outside:    a late one in February, an early one on 9 March
 * still open:          one due today after 08:30, one due tomorrow, one overdue, one due on Wednesday
 * </pre>
 */
final class ReportScenario {

    static final String CIVIL = "1.005461";
    static final String SOCIAL = "1.001731";
    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 8);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 9);

    final List<Dossier> all = new ArrayList<>();
    Dossier dueToday;
    Dossier dueTomorrow;
    Dossier overdue;
    Dossier dueLater;

    private final Path dir;
    private int applicants;

    ReportScenario(Path dir) {
        this.dir = dir;
        DeskFiles files = new DeskFiles(dir);
        char[] pw = TestDesks.PASSWORD.toCharArray();
        try (Desk admin = TestDesks.admin(dir)) {
            for (Role r : List.of(Role.RECEIVING_OFFICER, Role.PROCESSING_OFFICER, Role.LEADER, Role.COMMUNITY_ASSISTANT,
                    Role.ADMIN)) {
                DeskSetup.addOfficer(files, admin, pw, TestDesks.username(r), "Cán Bộ " + r.name(), r, pw);
            }
        }
        try (Desk desk = TestDesks.login(dir, Role.RECEIVING_OFFICER)) {
            // finished in the range
            // two collected and rated at the counter: satisfied with an early result, not satisfied with a late one
            rated(desk, early(desk, CIVIL, at(3, 2, 8, 0), at(3, 3, 10, 0)), Satisfaction.SATISFIED, at(3, 3, 14, 0));
            early(desk, CIVIL, at(3, 3, 8, 0), at(3, 4, 10, 0));
            finish(desk, receive(desk, CIVIL, at(2, 24, 8, 0)), d -> d.dueAt().minusMinutes(1));
            rated(desk, finish(desk, receive(desk, CIVIL, at(2, 25, 8, 0)), d -> d.dueAt().plusDays(2)),
                    Satisfaction.NOT_SATISFIED, at(3, 6, 9, 0));
            early(desk, SOCIAL, at(3, 2, 8, 0), at(3, 2, 15, 0));
            finish(desk, receive(desk, SOCIAL, at(2, 26, 8, 0)), d -> d.dueAt().plusDays(1));
            // finished outside the range
            finish(desk, receive(desk, CIVIL, at(2, 2, 8, 0)), d -> LocalDateTime.of(2026, 2, 12, 9, 0));
            early(desk, SOCIAL, at(3, 9, 8, 0), at(3, 9, 8, 10));
            // still open
            dueToday = receive(desk, CIVIL, at(3, 2, 10, 0));
            dueTomorrow = receive(desk, CIVIL, at(3, 3, 10, 0));
            overdue = receive(desk, CIVIL, at(2, 27, 10, 0));
            dueLater = receive(desk, CIVIL, at(3, 4, 10, 0));
        }
        assertEquals(TODAY, dueToday.dueAt().toLocalDate(), "the scenario assumes 5 working days from Mon 2 March");
        assertEquals(TODAY.plusDays(1), dueTomorrow.dueAt().toLocalDate());
        assertEquals(TODAY.minusDays(3), overdue.dueAt().toLocalDate());
    }

    Desk login(Role role) {
        return TestDesks.login(dir, role);
    }

    private static LocalDateTime at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute);
    }

    private Dossier early(Desk desk, String procedure, LocalDateTime received, LocalDateTime finished) {
        return finish(desk, receive(desk, procedure, received), d -> finished);
    }

    private static void rated(Desk desk, Dossier d, Satisfaction rating, LocalDateTime at) {
        desk.workflow().returnResult(d.id(), ResultReturn.byApplicant(Optional.of(rating), ""), Role.RECEIVING_OFFICER,
                desk.username(), at);
    }

    private Dossier receive(Desk desk, String code, LocalDateTime at) {
        Procedure p = desk.catalogue().latest(code).orElseThrow();
        applicants++;
        Applicant a = Applicant.citizen("Người Nộp Số " + applicants, CitizenId.parse(String.format("0010850%05d", applicants), null),
                LocalDate.of(1985, 1, 2), "0912345678", new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", "Thôn " + applicants));
        IntakeRequest r = new IntakeRequest(p, a, p.requiredDocuments().stream().map(ReceivedDocument::of).toList(), 1,
                Channel.IN_PERSON, ResultDelivery.COUNTER, at, desk.username(), Optional.empty(), "");
        Dossier d = desk.intake().receive(r, Role.RECEIVING_OFFICER, desk.now());
        all.add(d);
        return d;
    }

    /** Hands the dossier over at reception and marks it done at the time {@code when} gives. */
    private Dossier finish(Desk desk, Dossier d, java.util.function.Function<Dossier, LocalDateTime> when) {
        desk.workflow().take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, desk.username(),
                "processing.officer", "", d.receivedAt().plusMinutes(5));
        desk.workflow().take(d.id(), DossierAction.MARK_DONE, Role.PROCESSING_OFFICER, "processing.officer",
                desk.username(), "", when.apply(d));
        return d;
    }
}
