package org.motcua.sync;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.dossier.Satisfaction;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.DossierIntake;
import org.motcua.store.DossierWorkflow;

/**
 * A commune desk's day for the sync benchmarks, the same on every desk it is played on (seeded): dossiers of the
 * catalogue's procedures received through the day, each handed over to processing soon after, and two in five
 * finished and returned before closing time (the certifications and extracts a commune settles the same day).
 */
final class DayOfWork {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"};
    private static final String[] GIVEN = {"Văn An", "Thị Bình", "Đức Cường", "Thị Dung", "Minh Hải", "Thị Hương",
            "Quang Huy", "Thị Lan", "Văn Long", "Thị Mai"};

    /** Provinces of birth of a Tuyên Quang commune's applicants: mostly local, some from neighbours and Hà Nội. */
    private static final String[] BIRTH_PROVINCES = {"008", "008", "008", "008", "002", "010", "015", "019", "025", "001"};

    private DayOfWork() {
    }

    /**
     * Plays the day on {@code desk}; {@code afterEachAction} runs after every action (a sync, for the live cadence).
     *
     * @return how many actions were taken (each one event)
     */
    static int play(TestDesk desk, int dossiers, Runnable afterEachAction) {
        Random random = new Random(20261130);
        List<Procedure> procedures = TestDesk.CATALOGUE.current().stream()
                .filter(p -> !p.requiredDocuments().isEmpty()).toList();
        LocalDateTime opening = TestDesk.MORNING;
        long minutesPerDossier = 8 * 60 / Math.max(1, dossiers);
        DossierIntake intake = new DossierIntake(desk.store, TestDesk.DEADLINES);
        DossierWorkflow workflow = new DossierWorkflow(desk.store, TestDesk.DEADLINES);
        List<UUID> sameDay = new ArrayList<>();
        int actions = 0;
        for (int i = 0; i < dossiers; i++) {
            LocalDateTime at = opening.plusMinutes(i * minutesPerDossier);
            Procedure p = procedures.get(random.nextInt(procedures.size()));
            String name = FAMILY[random.nextInt(FAMILY.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
            int born = 1950 + random.nextInt(50);   // the ID's century digit (0 man, 1 woman: 1900s) and year must agree
            String cid = String.format("%s%d%02d%06d", BIRTH_PROVINCES[random.nextInt(BIRTH_PROVINCES.length)],
                    random.nextInt(2), born % 100, random.nextInt(1_000_000));
            Applicant a = Applicant.citizen(name, CitizenId.parse(cid, null), LocalDate.of(born, 1 + random.nextInt(12),
                    1 + random.nextInt(28)), "09" + (10_000_000 + random.nextInt(89_999_999)),
                    new Address("Tuyên Quang", "Xã Minh Xuân", "Thôn " + (1 + random.nextInt(12))));
            UUID id = intake.receive(new IntakeRequest(p, a, p.requiredDocuments().stream().map(ReceivedDocument::of).toList(),
                    1, Channel.IN_PERSON, ResultDelivery.COUNTER, at, "tiepnhan1", Optional.empty(), ""),
                    Role.RECEIVING_OFFICER, at.plusMinutes(2)).id();
            afterEachAction.run();
            workflow.take(id, DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1", "",
                    at.plusMinutes(3));
            afterEachAction.run();
            actions += 2;
            if (random.nextInt(5) < 2) {
                sameDay.add(id);
            }
        }
        LocalDateTime closing = opening.plusHours(8).plusMinutes(30);
        for (UUID id : sameDay) {
            workflow.take(id, DossierAction.MARK_DONE, Role.PROCESSING_OFFICER, "xuly1", "tiepnhan1", "", closing);
            afterEachAction.run();
            workflow.returnResult(id, ResultReturn.byApplicant(Optional.of(Satisfaction.SATISFIED), ""),
                    Role.RECEIVING_OFFICER, "tiepnhan1", closing.plusMinutes(5));
            afterEachAction.run();
            actions += 2;
        }
        return actions;
    }
}
