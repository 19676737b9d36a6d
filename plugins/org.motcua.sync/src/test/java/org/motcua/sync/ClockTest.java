package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.DeviceIdentity;
import org.motcua.store.Store;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.store.sync.SyncOutbox;

/** §12 clocks: the desk compares its clock with every verified serverTime, warns beyond the tolerance, rewrites nothing. */
class ClockTest {

    @TempDir
    Path dir;

    @Test
    void aDeskClockAnHourAheadIsShownAndNothingIsRewritten() throws Exception {
        Store store = Store.create(dir.resolve("desk"), TestDesk.KEY, DeviceIdentity.newDevice(FakeProvince.UNIT, "x", 1));
        store.addProcedures(TestDesk.CATALOGUE.current());
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        try (FakeProvince province = new FakeProvince(false);
                SyncEngine engine = new SyncEngine(store, SyncConfig.of(Files.createDirectories(dir.resolve("blobs")))
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)).withClock(ahead))) {
            engine.confirmEnrolment(engine.beginEnrolment(province.baseUrl(), province.newCode()).join()).join();
            var p = TestDesk.CATALOGUE.latest("1.001193").orElseThrow();
            var request = new org.motcua.core.dossier.IntakeRequest(p, org.motcua.core.dossier.Applicant.citizen("Lê Thị Hoa",
                    org.motcua.core.identity.CitizenId.parse("001185000001", null), null, "0912345678",
                    new org.motcua.core.dossier.Address("Tuyên Quang", "Xã Minh Xuân", "Thôn 3")), p.requiredDocuments().stream()
                    .map(org.motcua.core.dossier.ReceivedDocument::of).toList(), 1,
                    org.motcua.core.dossier.Channel.IN_PERSON, org.motcua.core.dossier.ResultDelivery.COUNTER,
                    TestDesk.MORNING, "tiepnhan1", Optional.empty(), "");
            new org.motcua.store.DossierIntake(store, TestDesk.DEADLINES).receive(request, Role.RECEIVING_OFFICER,
                    TestDesk.MORNING.plusMinutes(1));
            String createdAt = new SyncOutbox(store).pending(1).get(0).createdAt();
            SyncStatus s = engine.syncAndWait();
            assertEquals(Optional.empty(), s.problem());
            Duration skew = s.clockSkew().orElseThrow();
            assertTrue(skew.minus(Duration.ofHours(1)).abs().toSeconds() < 30, skew.toString());
            assertTrue(s.clockWarning(), "an hour is beyond the 600 s tolerance");
            List<OutboxEvent> sent = new SyncOutbox(store).events(new SyncOutbox(store).currentEpoch(), 1, 1);
            assertEquals(createdAt, sent.get(0).createdAt(), "createdAt is never rewritten");
            assertFalse(s.stopped(), "a skewed clock only warns");
        } finally {
            store.close();
        }
    }
}
