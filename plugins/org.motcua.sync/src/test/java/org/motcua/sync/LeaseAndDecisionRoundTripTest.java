package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.DossierIntake;
import org.motcua.store.DossierWorkflow;
import org.motcua.store.UpstreamDecisions;
import org.motcua.sync.faults.FaultProxy;

/**
 * The province's admin leases numbers to a desk with the real {@code lease-numbers} command and records a decision on a
 * dossier the desk handed up with {@code decide}; the desk pulls both over loopback HTTP: the dossier is done, with the
 * decider's step in its timeline, and the officer is told; once the desk has filled its own range of the day (999
 * dossiers), it numbers the next dossier from the lease.
 */
class LeaseAndDecisionRoundTripTest {

    private static final String UNIT = "000.00.05.H99";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path dir;

    @Test
    void aLeaseAndADecisionReachTheDesk() throws Exception {
        Path data = dir.resolve("province");
        String code = Province.enrolmentCode(data, UNIT, "UBND xã Số Thuê");
        TestDesk desk = TestDesk.create(dir, "desk", UNIT, 3);
        FaultProxy address = null;
        // The server refuses leases for past dates, so the lease and the intakes are today and tomorrow.
        LocalDate today = LocalDate.now(VIETNAM);
        try {
            // A dossier handed up to the province's department for processing goes up with the first sync.
            Dossier handedUp = desk.receive();
            new DossierWorkflow(desk.store, TestDesk.DEADLINES).take(handedUp.id(), DossierAction.HAND_OVER_FOR_PROCESSING,
                    Role.RECEIVING_OFFICER, "tiepnhan1", "Sở Tư pháp", "", TestDesk.MORNING.plusHours(1));
            try (Province province = Province.start(data)) {
                address = FaultProxy.clean(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                desk.enrol(address.baseUri(), code);
                assertTrue(desk.sync().problem().isEmpty());
            }
            String deviceId = desk.store.device().deviceId().toString();
            List<String> leased = Province.run("lease-numbers", "--device", deviceId, "--from", today.toString(), "--to",
                    today.plusDays(1).toString(), "--first", "9000", "--last", "9049", "--data", data.toString());
            assertTrue(leased.stream().anyMatch(l -> l.contains("may use numbers 9000..9049")), leased.toString());
            List<String> decided = Province.run("decide", "--dossier", handedUp.code().format(), "--status", "DONE", "--by",
                    "Sở Tư pháp", "--note", "Quyết định số 12/QĐ-STP", "--data", data.toString());
            assertTrue(decided.stream().anyMatch(l -> l.contains("now has status 9 (DONE)")), decided.toString());
            // The feed is pulled after an acknowledged upload (or on schedule): the desk works on meanwhile.
            desk.receive();
            try (Province province = Province.start(data)) {
                address.setTarget(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                SyncStatus s = desk.sync();
                assertTrue(s.problem().isEmpty(), s.toString());
            }

            assertEquals(DossierStatus.DONE, desk.store.dossier(handedUp.id()).orElseThrow().status(), "decided at the province");
            HandoverRecord last = desk.store.handovers(handedUp.id()).get(2);
            assertEquals(List.of(DossierAction.MARK_DONE, "Sở Tư pháp", "Quyết định số 12/QĐ-STP"),
                    List.of(last.action(), last.fromOfficer(), last.note()));
            List<UpstreamDecisions.Decision> told = new UpstreamDecisions(desk.store).unseen();
            assertEquals(List.of(handedUp.code().format()), told.stream().map(UpstreamDecisions.Decision::dossierCode).toList());
            assertEquals(UpstreamDecisions.Outcome.APPLIED, told.get(0).outcome());

            LocalDateTime morning = today.plusDays(1).atTime(8, 0);
            DossierIntake intake = new DossierIntake(desk.store, TestDesk.DEADLINES);
            Procedure p = TestDesk.CATALOGUE.latest("1.001193").orElseThrow();
            List<Dossier> own = intake.receiveAll(requests(p, morning, 999), Role.RECEIVING_OFFICER, morning);
            assertEquals(2001, own.get(0).code().sequence(), "device 3's own range first, though a lease is there");
            assertEquals(2999, own.get(998).code().sequence());
            Dossier fromLease = intake.receive(requests(p, morning, 1).get(0), Role.RECEIVING_OFFICER, morning);
            assertEquals(9000, fromLease.code().sequence(), "the province's lease once the own range is full");
        } finally {
            desk.close();
            if (address != null) {
                address.close();
            }
        }
    }

    private static List<IntakeRequest> requests(Procedure p, LocalDateTime at, int count) {
        List<IntakeRequest> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = (int) (System.nanoTime() % 1_000_000);
            Applicant a = Applicant.citizen("Trần Thị Bình " + i, CitizenId.parse(String.format("001185%06d", (n + i) % 1_000_000), null),
                    LocalDate.of(1985, 3, 2), "0912345678", new Address("Tuyên Quang", "Xã Minh Xuân", "Thôn 3"));
            List<ReceivedDocument> docs = p.requiredDocuments().stream().map(ReceivedDocument::of).toList();
            out.add(new IntakeRequest(p, a, docs, 1, Channel.IN_PERSON, ResultDelivery.COUNTER, at, "tiepnhan1", Optional.empty(), ""));
        }
        return out;
    }
}
