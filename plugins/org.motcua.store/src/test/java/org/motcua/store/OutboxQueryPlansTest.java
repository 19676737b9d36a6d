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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.store.internal.EpochTable;
import org.motcua.store.internal.OutboxTable;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.store.sync.SyncOutbox;

/**
 * The outbox holds every event a desk ever wrote, and some queries on it run on every append or every sync cycle.
 * Each must read a few index entries, never the whole outbox: H2's EXPLAIN ANALYZE shows what it read. (The tail, the
 * pending events and the waiting count each read every event until their SQL was written for the index.)
 */
class OutboxQueryPlansTest {

    private static final int EVENTS = 300;
    private static final int ACKED = 290;

    @TempDir
    Path dir;
    private Store store;
    private OutboxEvent last;

    @BeforeEach
    void aDeskWithALongHistory() {
        store = StoreFixture.newStore(dir, "desk", 1);
        LocalDateTime at = LocalDateTime.of(2026, 3, 9, 9, 0);
        last = store.write(c -> {
            OutboxEvent e = null;
            for (int i = 0; i < EVENTS; i++) {
                e = store.appendEvent(c, "Bench", UUID.randomUUID(), at.plusSeconds(i),
                        ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), List.of());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE outbox SET state = 'ACKED', result_status = 'accepted' WHERE seq <= ?")) {
                ps.setLong(1, ACKED);
                ps.executeUpdate();
            }
            return e;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theTailIsOneIndexEntryReadBackwards() {
        String plan = plan(OutboxTable.TAIL_SQL, true);
        assertTrue(plan.contains("index sorted") && plan.contains("scanCount: 1 "), plan);
        OutboxTable.Tail tail = store.read(c -> OutboxTable.tail(c, EpochTable.current(c)));
        assertEquals(last.seq(), tail.seq());
        assertEquals(last.hash(), tail.hash());
    }

    @Test
    void thePendingEventsAreReadOffTheStateIndexInChainOrder() {
        String plan = plan("SELECT seq FROM outbox WHERE " + SyncOutbox.PENDING_WHERE, true, 4);
        assertTrue(plan.contains("OUTBOX_STATE") && plan.contains("index sorted") && plan.contains("scanCount: 4 "), plan);
        assertEquals(List.of(291L, 292L, 293L, 294L),
                new SyncOutbox(store).pending(4).stream().map(OutboxEvent::seq).toList());
    }

    @Test
    void theCountsReadOnlyTheirRangeOfAnIndex() {
        String waiting = plan(SyncOutbox.WAITING_SQL, false);
        assertTrue(waiting.contains("OUTBOX_STATE: STATE IN") && waiting.contains("scanCount: " + (EVENTS - ACKED + 1) + " "),
                waiting);
        String rejected = plan(SyncOutbox.REJECTED_SQL, false);
        assertTrue(rejected.contains("OUTBOX_RESULT") && rejected.contains("scanCount: 1 "), rejected);
        assertEquals(EVENTS - ACKED, new SyncOutbox(store).waiting());
        assertEquals(0, new SyncOutbox(store).rejectedCount());
    }

    /** EXPLAIN ANALYZE of {@code sql}; its first parameter, when {@code epochFirst}, is the current epoch. */
    private String plan(String sql, boolean epochFirst, Object... more) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
                int i = 1;
                if (epochFirst) {
                    ps.setObject(i++, EpochTable.current(c));
                }
                for (Object m : more) {
                    ps.setObject(i++, m);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
