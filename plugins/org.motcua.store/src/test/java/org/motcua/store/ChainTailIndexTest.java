package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.store.internal.EpochTable;
import org.motcua.store.internal.OutboxTable;
import org.motcua.store.sync.OutboxEvent;

/**
 * Every append reads the tail of the chain. It must be one index entry read backwards, not every event of the epoch
 * sorted: the intake's latency would otherwise grow with the outbox (it did, until the query named the whole index).
 */
class ChainTailIndexTest {

    @TempDir
    Path dir;

    @Test
    void theTailIsOneIndexEntryReadBackwards() {
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            LocalDateTime at = LocalDateTime.of(2026, 3, 9, 9, 0);
            OutboxEvent last = store.write(c -> {
                OutboxEvent e = null;
                for (int i = 0; i < 300; i++) {
                    e = store.appendEvent(c, "Bench", UUID.randomUUID(), at.plusSeconds(i),
                            ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), List.of());
                }
                return e;
            });
            String plan = store.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + OutboxTable.TAIL_SQL)) {
                    ps.setObject(1, EpochTable.current(c));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            });
            assertTrue(plan.contains("index sorted") && plan.contains("scanCount: 1 "), plan);
            OutboxTable.Tail tail = store.read(c -> OutboxTable.tail(c, EpochTable.current(c)));
            assertEquals(last.seq(), tail.seq());
            assertEquals(last.hash(), tail.hash());
        }
    }
}
