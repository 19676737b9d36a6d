package org.motcua.server.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.doc.FeedCursor;
import org.motcua.protocol.doc.Updates;
import org.motcua.protocol.json.StrictJson;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/** §5.6 and §6.8: versions that never fall, scope, paging with hasMore. */
class FeedTest {

    @TempDir
    Path data;

    @Test
    void versionsRiseEvenWhenTheClockWouldNotAndOnlyTheCurrentItemIsServed() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, data)) {
            TestDevice d = TestDevice.enrol(server);
            TestDevice neighbour = TestDevice.enrol(server);
            Instant past = Instant.parse("2020-01-01T00:00:00Z");
            Tx.durable(server.services.db, c -> {
                DeviceConfigPublisher.publish(c, d.deviceId, 2, d.unitCode, Optional.empty(), Instant.now());
                DeviceConfigPublisher.publish(c, d.deviceId, 3, d.unitCode, Optional.empty(), past);
                return null;
            });
            Updates page = server.services.feed.page(record(server, d), new byte[16], null, null, null);
            List<Updates.Item> mine = page.items().stream().filter(i -> i.key().equals(d.deviceId)).toList();
            assertEquals(1, mine.size(), "only the current version of an item is served");
            assertEquals(3, mine.get(0).data().get("deviceNumber").intValue());
            assertTrue(mine.get(0).version() > Instant.now().minusSeconds(60).toEpochMilli(), "max(previous + 1, time): never back");
            Updates neighbours = server.services.feed.page(record(server, neighbour), new byte[16], null, null, null);
            assertTrue(neighbours.items().stream().noneMatch(i -> i.key().equals(d.deviceId)), "items of a device go to that device");
        }
    }

    @Test
    void pagesFollowTheCursorWithHasMore() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, data)) {
            TestDevice d = TestDevice.enrol(server);
            Tx.durable(server.services.db, c -> {
                for (int i = 0; i < 5; i++) {
                    Feed.publish(c, "calendar", "20" + (30 + i), FeedScope.province(),
                            StrictJson.nodes().objectNode().put("year", 2030 + i), Instant.now());
                }
                return null;
            });
            Updates first = server.services.feed.page(record(server, d), new byte[16], null, null, 3);
            assertEquals(3, first.items().size());
            assertTrue(first.hasMore());
            Updates rest = server.services.feed.page(record(server, d), new byte[16], first.feedId(), first.lastSeq(), 3);
            assertEquals(2, rest.items().size());
            assertTrue(!rest.hasMore() && rest.items().get(0).seq() > first.lastSeq());
        }
    }

    @Test
    void theHeadIsTheNewestCurrentItemForTheDeviceItsUnitAndTheProvinceOnBothDatabases() throws Exception {
        for (Backend backend : Backend.values()) {
            try (TestServer server = TestServer.start(backend, data.resolve(backend.name()))) {
                TestDevice d = TestDevice.enrol(server);
                TestDevice other = TestDevice.enrol(server);
                long[] seqs = Tx.durable(server.services.db, c -> {
                    long province = Feed.publish(c, "calendar", "2031", FeedScope.province(),
                            StrictJson.nodes().objectNode().put("year", 2031), Instant.now());
                    long mine = DeviceConfigPublisher.publish(c, d.deviceId, 2, d.unitCode, Optional.empty(), Instant.now());
                    long theirs = DeviceConfigPublisher.publish(c, other.deviceId, 4, other.unitCode, Optional.empty(), Instant.now());
                    return new long[] {province, mine, theirs};
                });
                String feedId = Tx.read(server.services.db, Feed::state).feedId();
                assertEquals(new FeedCursor(feedId, seqs[1]), Tx.read(server.services.db, c -> Feed.headFor(c, d.deviceId, d.unitCode)),
                        backend + ": its own item is the newest it can see");
                assertEquals(new FeedCursor(feedId, Math.max(seqs[0], seqs[2])),
                        Tx.read(server.services.db, c -> Feed.headFor(c, other.deviceId, other.unitCode)), backend.name());
                assertEquals(new FeedCursor(feedId, seqs[0]), Tx.read(server.services.db,
                        c -> Feed.headFor(c, "00000000-0000-0000-0000-000000000000", "000.00.00.X00")), "the province's items only");
            }
        }
    }

    private static org.motcua.server.registry.DeviceRecord record(TestServer server, TestDevice d) throws Exception {
        return Tx.plain(server.services.db, c -> org.motcua.server.registry.Devices.active(c, d.deviceId));
    }
}
