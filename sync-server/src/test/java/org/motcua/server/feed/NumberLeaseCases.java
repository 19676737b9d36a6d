package org.motcua.server.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.doc.Updates;
import org.motcua.protocol.feed.NumberLeaseData;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.registry.Devices;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.DbSnapshot;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/**
 * Number leases (§5.6 {@code numberLease}): a good lease reaches its device alone, audited; every refusal (bad
 * numbers, bad dates, unknown or revoked device, an overlap with another lease of the unit) stores nothing. H2 and
 * PostgreSQL.
 */
public abstract class NumberLeaseCases {

    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final Actor ADMIN = Actor.web("tinh.admin", "127.0.0.1");

    @TempDir
    Path data;

    protected abstract Backend backend();

    @Test
    void aLeaseReachesItsDeviceOnlyAndIsAudited() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            TestDevice d = TestDevice.enrol(server);
            TestDevice sibling = TestDevice.enrol(server, d.unitCode);
            NumberLeaseData lease = publisher(server).lease(d.deviceId, TODAY, TODAY.plusDays(6), 9000, 9099);

            List<Updates.Item> items = leases(page(server, d));
            assertEquals(1, items.size());
            Updates.Item item = items.get(0);
            assertEquals(lease.leaseId(), item.key());
            assertEquals(T0.toEpochMilli(), item.version());
            assertEquals(lease, NumberLeaseData.read(item.data()));
            assertEquals(d.unitCode, lease.unitCode());
            assertEquals(List.of(), leases(page(server, sibling)), "scoped to the leasing device");

            AuditLog.Entry audit = AuditLog.recent(server.services.db, 1, null).get(0);
            assertEquals(List.of("number-lease.create", "tinh.admin", d.deviceId), List.of(audit.action(), audit.actor(), audit.target()));
            assertTrue(audit.detail().contains("numbers=9000..9099"), audit.detail());

            // The same numbers on other dates, or other numbers on the same dates, are no overlap.
            publisher(server).lease(sibling.deviceId, TODAY.plusDays(7), TODAY.plusDays(8), 9000, 9099);
            publisher(server).lease(sibling.deviceId, TODAY, TODAY.plusDays(6), 9100, 9199);
            assertEquals(3, DbSnapshot.of(server.services.db).count("number_leases"));
        }
    }

    @Test
    void everyRefusalSaysWhyAndStoresNothing() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            TestDevice d = TestDevice.enrol(server);
            TestDevice sibling = TestDevice.enrol(server, d.unitCode);
            TestDevice revoked = TestDevice.enrol(server, d.unitCode);
            server.admin().revoke(revoked.deviceId);
            publisher(server).lease(d.deviceId, TODAY, TODAY.plusDays(6), 9000, 9099);
            DbSnapshot before = DbSnapshot.of(server.services.db);

            assertRefused(server, "within 9000..9999", d.deviceId, TODAY, TODAY, 8990, 9010);
            assertRefused(server, "within 9000..9999", d.deviceId, TODAY, TODAY, 9990, 10000);
            assertRefused(server, "--first 9200 is above --last 9100", d.deviceId, TODAY, TODAY, 9200, 9100);
            assertRefused(server, "is before --from", d.deviceId, TODAY.plusDays(2), TODAY, 9200, 9299);
            assertRefused(server, "are past", d.deviceId, TODAY.minusDays(3), TODAY.minusDays(1), 9200, 9299);
            assertRefused(server, "at most 366 dates", d.deviceId, TODAY, TODAY.plusDays(366), 9200, 9299);
            assertRefused(server, "no device", "00000000-0000-4000-8000-000000000000", TODAY, TODAY, 9200, 9299);
            assertRefused(server, "is revoked", revoked.deviceId, TODAY, TODAY, 9200, 9299);
            assertRefused(server, "overlap", sibling.deviceId, TODAY.plusDays(6), TODAY.plusDays(9), 9099, 9150);
            assertRefused(server, "overlap", d.deviceId, TODAY.minusDays(1), TODAY, 9050, 9050);

            assertEquals(List.of(), DbSnapshot.of(server.services.db).differences(before), "a refused lease stores nothing");
        }
    }

    private static void assertRefused(TestServer server, String reason, String deviceId, LocalDate from, LocalDate to, int first,
            int last) {
        LeaseRefused e = assertThrows(LeaseRefused.class, () -> publisher(server).lease(deviceId, from, to, first, last));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    static NumberLeasePublisher publisher(TestServer server) {
        return new NumberLeasePublisher(server.services.db, Clock.fixed(T0, ZoneOffset.UTC), ADMIN);
    }

    private static List<Updates.Item> leases(Updates page) {
        return page.items().stream().filter(i -> i.itemType().equals(NumberLeaseData.ITEM_TYPE)).toList();
    }

    private static Updates page(TestServer server, TestDevice d) throws Exception {
        DeviceRecord record = Tx.plain(server.services.db, c -> Devices.active(c, d.deviceId));
        return server.services.feed.page(record, new byte[16], null, null, 200);
    }
}
