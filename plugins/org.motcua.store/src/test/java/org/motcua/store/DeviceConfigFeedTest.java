package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.feed.DeviceConfigData;
import org.motcua.protocol.feed.NumberLeaseData;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.store.sync.FeedStore;

/**
 * §5.6 {@code deviceConfig} on the desk: the province gives the desk another number, or moves it to another commune
 * (the 2025 mergers did exactly that). Codes issued from then on use the new number and unit, codes already issued
 * keep theirs, the change survives a restart, and an item for another device changes nothing.
 */
class DeviceConfigFeedTest {

    static final LocalDateTime TUESDAY = LocalDateTime.of(2026, 12, 1, 9, 0);
    static final String MERGED_UNIT = "000.00.07.H99";

    @TempDir
    Path dir;

    @Test
    void aNewNumberAppliesToTheNextCodeAndTheCodesIssuedKeepTheirs() {
        Dossier before;
        try (Store store = StoreFixture.newStore(dir, "desk", 2)) {
            String device = store.device().deviceId().toString();
            DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
            Procedure p = StoreFixture.birthRegistration();
            before = receive(intake, p, 1);
            assertEquals(1001, before.code().sequence(), "device 2's own range");

            new FeedStore(store).apply(List.of(config(device, 5, StoreFixture.UNIT, Optional.empty(), 1)),
                    new FeedStore.Cursor(UUID.randomUUID(), 1, Optional.empty()));

            assertEquals(5, store.device().deviceNumber());
            assertEquals("UBND xã Mẫu (MẪU)", store.device().unitName(), "the same unit keeps its name");
            assertEquals(4001, receive(intake, p, 2).code().sequence(), "device 5's own range, the same day");
            assertEquals(before.code(), store.dossier(before.id()).orElseThrow().code(), "a printed code stays as it is");
        }
        try (Store reopened = Store.open(dir.resolve("desk"), StoreFixture.KEY)) {
            assertEquals(5, reopened.device().deviceNumber(), "the new number is stored, not only remembered");
        }
    }

    @Test
    void aDeskMovedToAnotherCommuneNumbersAndNamesItselfAfterIt() {
        try (Store store = StoreFixture.newStore(dir, "desk", 3)) {
            String device = store.device().deviceId().toString();
            DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
            Procedure p = StoreFixture.birthRegistration();
            receive(intake, p, 1);
            // In the same page: the move, then a lease for the new unit, which must be taken as this desk's.
            new FeedStore(store).apply(List.of(config(device, 1, MERGED_UNIT, Optional.of("UBND xã Hợp Nhất"), 1),
                    lease(device, MERGED_UNIT)),
                    new FeedStore.Cursor(UUID.randomUUID(), 2, Optional.empty()));

            assertEquals(MERGED_UNIT, store.device().unitCode());
            assertEquals("UBND xã Hợp Nhất", store.device().unitName());
            List<Dossier> own = intake.receiveAll(requests(p, 2, 999), Role.RECEIVING_OFFICER, TUESDAY);
            assertEquals(MERGED_UNIT, own.get(0).code().unitCode());
            assertEquals(1, own.get(0).code().sequence(), "device 1's own range in the new unit");
            assertEquals(999, own.get(998).code().sequence());
            assertEquals(9000, receive(intake, p, 2000).code().sequence(), "the lease of the new unit, read after the move");
        }
    }

    @Test
    void anItemForAnotherDeviceChangesNothing() {
        try (Store store = StoreFixture.newStore(dir, "desk", 4)) {
            DeviceIdentity was = store.device();
            new FeedStore(store).apply(List.of(config(UUID.randomUUID().toString(), 6, MERGED_UNIT, Optional.of("x"), 1)),
                    new FeedStore.Cursor(UUID.randomUUID(), 1, Optional.empty()));
            assertEquals(was, store.device());
            assertEquals(3001, receive(new DossierIntake(store, StoreFixture.DEADLINES), StoreFixture.birthRegistration(), 1)
                    .code().sequence());
        }
    }

    private static FeedStore.Item config(String deviceId, int number, String unit, Optional<String> name, long version) {
        byte[] bytes = CanonicalJson.write(new DeviceConfigData(number, unit, name).toJson());
        return new FeedStore.Item(DeviceConfigData.ITEM_TYPE, deviceId, version, Sha256.hex(bytes), bytes);
    }

    /** Number 9000 on Tuesday, for this device in {@code unit}. */
    private static FeedStore.Item lease(String deviceId, String unit) {
        String leaseId = UUID.randomUUID().toString();
        byte[] bytes = CanonicalJson.write(new NumberLeaseData(leaseId, deviceId, unit, TUESDAY.toLocalDate(),
                TUESDAY.toLocalDate(), 9000, 9000).toJson());
        return new FeedStore.Item(NumberLeaseData.ITEM_TYPE, leaseId, 1, Sha256.hex(bytes), bytes);
    }

    private static Dossier receive(DossierIntake intake, Procedure p, int n) {
        return intake.receive(StoreFixture.intake(p, n, TUESDAY), Role.RECEIVING_OFFICER, TUESDAY);
    }

    private static List<IntakeRequest> requests(Procedure p, int from, int count) {
        List<IntakeRequest> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(StoreFixture.intake(p, from + i, TUESDAY));
        }
        return out;
    }
}
