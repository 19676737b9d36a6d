package org.motcua.sync;

import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.DossierIntake;
import org.motcua.store.DossierWorkflow;

/**
 * What a desk does between two syncs in the fault and crash schedules: a few receptions and hand-overs, each at a
 * moment later than the desk's one before ({@code step} counts them), spread over days so no desk runs out of its 999
 * numbers a day.
 */
final class DeskWork {

    private static final Procedure BIRTH = TestDesk.CATALOGUE.latest("1.001193").orElseThrow();

    private TestDesk desk;
    private final List<UUID> open = new java.util.ArrayList<>();
    private int step;

    DeskWork(TestDesk desk) {
        this.desk = desk;
    }

    /**
     * Goes on at {@code reopened}, the same desk after a crash or a restore: the moments keep counting up, and the
     * dossiers still open are forgotten (a restored store may not have them, or have them in another state).
     */
    void continueOn(TestDesk reopened) {
        this.desk = reopened;
        open.clear();
    }

    /** Receives 0–3 dossiers and hands over up to 2 earlier ones. */
    void someWork(Random random) {
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            open.add(receive(step++));
        }
        for (int i = 0; i < 2 && !open.isEmpty(); i++) {
            UUID id = open.remove(random.nextInt(open.size()));
            new DossierWorkflow(desk.store, TestDesk.DEADLINES).take(id, DossierAction.HAND_OVER_FOR_PROCESSING,
                    Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1", "", moment(step++));
        }
    }

    /** Receives one dossier as the desk's {@code n}-th moment. */
    UUID receive(int n) {
        LocalDateTime at = moment(n);
        String cid = String.format("001085%06d", (int) (Math.abs((long) desk.name.hashCode() * 7919 + n) % 1_000_000));
        Applicant a = Applicant.citizen("Đỗ Văn Kiểm " + n, CitizenId.parse(cid, null), LocalDate.of(1985, 3, 2),
                "0912345678", new Address("Tuyên Quang", "Xã Minh Xuân", "Thôn " + (n % 9 + 1)));
        return new DossierIntake(desk.store, TestDesk.DEADLINES).receive(new IntakeRequest(BIRTH, a,
                BIRTH.requiredDocuments().stream().map(ReceivedDocument::of).toList(), 1, Channel.IN_PERSON,
                ResultDelivery.COUNTER, at, "tiepnhan1", Optional.empty(), ""), Role.RECEIVING_OFFICER, at.plusMinutes(1)).id();
    }

    private static LocalDateTime moment(int n) {
        return TestDesk.MORNING.plusDays(n / 100).plusMinutes(n % 100 * 3);
    }
}
