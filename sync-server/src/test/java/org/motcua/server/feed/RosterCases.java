package org.motcua.server.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.doc.Updates;
import org.motcua.protocol.feed.RosterData;
import org.motcua.server.accounts.Accounts;
import org.motcua.server.accounts.Role;
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
 * A commune's roster (§5.6 {@code roster}) from the server's accounts of that unit: names and roles, active or not, no
 * secret; to that unit's desks only; unchanged, no new version; an unregistered unit refused. H2 and PostgreSQL.
 */
public abstract class RosterCases {

    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    static final Actor ADMIN = Actor.web("tinh.admin", "127.0.0.1");

    @TempDir
    Path data;

    protected abstract Backend backend();

    @Test
    void theRosterOfACommuneReachesItsDesksOnlyWithoutSecrets() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            TestDevice d = TestDevice.enrol(server);
            TestDevice elsewhere = TestDevice.enrol(server);
            Accounts accounts = new Accounts(server.services.db, server.config.clock);
            char[] pw = "mat-khau-rat-dai-2026".toCharArray();
            accounts.create(ADMIN, "lan.nguyen", "Nguyễn Thị Lan", Role.COMMUNE_OFFICER, d.unitCode, pw);
            accounts.create(ADMIN, "binh.tran", "Trần Văn Bình", Role.COMMUNE_LEADER, d.unitCode, pw);
            accounts.create(ADMIN, "khac.xa", "Lê Văn Khác", Role.COMMUNE_OFFICER, elsewhere.unitCode, pw);
            accounts.disable(ADMIN, "binh.tran");

            RosterPublisher.Outcome o = publisher(server).publish(d.unitCode);
            assertTrue(o.published());
            assertEquals(new RosterData(d.unitCode, List.of(
                    new RosterData.Officer("binh.tran", "Trần Văn Bình", List.of("commune-leader"), false),
                    new RosterData.Officer("lan.nguyen", "Nguyễn Thị Lan", List.of("commune-officer"), true))), o.roster());
            List<Updates.Item> items = rosters(page(server, d));
            assertEquals(1, items.size());
            assertEquals(o.roster(), RosterData.read(items.get(0).data()));
            assertFalse(items.get(0).data().toString().contains("argon2"), "no password hash");
            assertEquals(List.of(), rosters(page(server, elsewhere)));
            assertEquals("roster.publish", AuditLog.recent(server.services.db, 1, null).get(0).action());

            assertFalse(publisher(server).publish(d.unitCode).published(), "unchanged: no new version");
            assertEquals(1, rosters(page(server, d)).size());

            DbSnapshot before = DbSnapshot.of(server.services.db);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> publisher(server).publish("000.99.99.H99"));
            assertTrue(e.getMessage().contains("is not registered"), e.getMessage());
            assertEquals(List.of(), DbSnapshot.of(server.services.db).differences(before));
        }
    }

    static RosterPublisher publisher(TestServer server) {
        return new RosterPublisher(server.services.db, Clock.fixed(T0, ZoneOffset.UTC), ADMIN);
    }

    private static List<Updates.Item> rosters(Updates page) {
        return page.items().stream().filter(i -> i.itemType().equals(RosterData.ITEM_TYPE)).toList();
    }

    private static Updates page(TestServer server, TestDevice d) throws Exception {
        DeviceRecord record = Tx.plain(server.services.db, c -> Devices.active(c, d.deviceId));
        return server.services.feed.page(record, new byte[16], null, null, 200);
    }
}
