package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.numbering.NumbersExhaustedException;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.feed.NumberLeaseData;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.store.sync.FeedStore;

/**
 * §10 on the desk: a lease from the feed is drawn from only after the device's own range for that date is used up,
 * only on its dates, and a used-up lease ends in the error the desk gives when numbers run out. The own range is
 * really filled (999 dossiers a day), not faked through the counter.
 */
class NumberLeaseTest {

    static final long V1 = Instant.parse("2026-11-30T02:00:00Z").toEpochMilli();
    static final LocalDateTime TUESDAY = LocalDateTime.of(2026, 12, 1, 9, 0);
    static final LocalDate MONDAY = TUESDAY.toLocalDate().minusDays(1);

    @TempDir
    Path dir;

    @Test
    void aLeaseIsUsedOnlyAfterTheOwnRangeOfTheDateIsExhaustedAndOnlyOnItsDates() {
        try (Store store = StoreFixture.newStore(dir, "desk", 2)) {
            String device = store.device().deviceId().toString();
            FeedStore feed = new FeedStore(store);
            UUID feedId = UUID.randomUUID();
            // Monday and Tuesday; a second lease from Friday on; one meant for another desk that must never be used.
            feed.apply(List.of(lease(device, MONDAY, MONDAY.plusDays(1), 9000, 9002), lease(device, MONDAY.plusDays(4),
                    MONDAY.plusDays(9), 9500, 9599), lease(UUID.randomUUID().toString(), MONDAY, MONDAY.plusDays(9), 9100, 9199)),
                    new FeedStore.Cursor(feedId, 3, Optional.empty()));
            DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
            Procedure p = StoreFixture.birthRegistration();

            assertEquals(1001, receive(intake, p, TUESDAY, 1).code().sequence(), "the own range of device 2 first, lease or not");
            List<Dossier> rest = intake.receiveAll(requests(p, TUESDAY, 2, 998), Role.RECEIVING_OFFICER, TUESDAY);
            assertEquals(1999, rest.get(rest.size() - 1).code().sequence(), "the own range: 1001..1999");

            assertEquals(9000, receive(intake, p, TUESDAY, 1000).code().sequence(), "the lease, once the own range is used up");
            assertEquals(9001, receive(intake, p, TUESDAY, 1001).code().sequence());
            assertEquals(9002, receive(intake, p, TUESDAY, 1002).code().sequence());
            NumbersExhaustedException e = assertThrows(NumbersExhaustedException.class, () -> receive(intake, p, TUESDAY, 1003),
                    "the lease used up, and the other desk's lease and Friday's lease are not for Tuesday");
            assertEquals(TUESDAY.toLocalDate(), e.date());
            assertEquals("numbering.exhausted", e.violations().get(0).code());

            // Wednesday lies outside both leases: the own range, then the same clear error.
            LocalDateTime wednesday = TUESDAY.plusDays(1);
            assertEquals(1999, intake.receiveAll(requests(p, wednesday, 2000, 999), Role.RECEIVING_OFFICER, wednesday)
                    .get(998).code().sequence());
            assertThrows(NumbersExhaustedException.class, () -> receive(intake, p, wednesday, 3000), "no lease on Wednesday");

            // Friday: the second lease, again only after the own range.
            LocalDateTime friday = TUESDAY.plusDays(3);
            assertEquals(1001, receive(intake, p, friday, 4000).code().sequence());
            intake.receiveAll(requests(p, friday, 4001, 998), Role.RECEIVING_OFFICER, friday);
            assertEquals(9500, receive(intake, p, friday, 5000).code().sequence());
        }
    }

    @Test
    void aNewerVersionOfALeaseReplacesItsNumbers() {
        try (Store store = StoreFixture.newStore(dir, "desk", 9)) {
            String device = store.device().deviceId().toString();
            String leaseId = UUID.randomUUID().toString();
            FeedStore feed = new FeedStore(store);
            UUID feedId = UUID.randomUUID();
            feed.apply(List.of(lease(leaseId, device, MONDAY, MONDAY.plusDays(1), 9000, 9000, V1)),
                    new FeedStore.Cursor(feedId, 1, Optional.empty()));
            feed.apply(List.of(lease(leaseId, device, MONDAY, MONDAY.plusDays(1), 9900, 9901, V1 + 1)),
                    new FeedStore.Cursor(feedId, 2, Optional.empty()));
            DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
            Procedure p = StoreFixture.birthRegistration();
            intake.receiveAll(requests(p, TUESDAY, 1, 999), Role.RECEIVING_OFFICER, TUESDAY);
            assertEquals(9900, receive(intake, p, TUESDAY, 1000).code().sequence(), "device 9's own range 8001..8999, then 9900");
        }
    }

    private static Dossier receive(DossierIntake intake, Procedure p, LocalDateTime at, int n) {
        return intake.receive(StoreFixture.intake(p, n, at), Role.RECEIVING_OFFICER, at);
    }

    private static List<IntakeRequest> requests(Procedure p, LocalDateTime at, int from, int count) {
        List<IntakeRequest> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(StoreFixture.intake(p, from + i, at));
        }
        return out;
    }

    static FeedStore.Item lease(String deviceId, LocalDate from, LocalDate to, int first, int last) {
        return lease(UUID.randomUUID().toString(), deviceId, from, to, first, last, V1);
    }

    static FeedStore.Item lease(String leaseId, String deviceId, LocalDate from, LocalDate to, int first, int last, long version) {
        byte[] bytes = CanonicalJson.write(new NumberLeaseData(leaseId, deviceId, StoreFixture.UNIT, from, to, first, last).toJson());
        return new FeedStore.Item(NumberLeaseData.ITEM_TYPE, leaseId, version, Sha256.hex(bytes), bytes);
    }
}
