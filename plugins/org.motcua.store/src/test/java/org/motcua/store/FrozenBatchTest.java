package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.codec.Sha256;
import org.motcua.store.sync.EventResult;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.store.sync.SyncOutbox;

/** Frozen batches (§8.1): written once, never changed, and only a receipt (or the abandon rule) moves their events. */
class FrozenBatchTest {

    private static final LocalDateTime MORNING = LocalDateTime.of(2026, 3, 10, 8, 0);

    @TempDir
    Path dir;
    private Store store;
    private SyncOutbox outbox;
    private Dossier first;

    @BeforeEach
    void open() {
        store = StoreFixture.newStore(dir, "desk", 1);
        outbox = new SyncOutbox(store);
        DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
        for (int i = 1; i <= 4; i++) {
            Dossier d = intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), i, MORNING.plusMinutes(i)),
                    Role.RECEIVING_OFFICER, MORNING.plusMinutes(i));
            first = first == null ? d : first;
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private FrozenBatch freeze(long from, long to) {
        byte[] body = ("batch " + from + ".." + to + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        return outbox.freeze(new FrozenBatch.New(UUID.randomUUID(), outbox.currentEpoch(), from, to, body, Sha256.hex(body),
                body.length, new byte[] {1, 2, 3}, "42"));
    }

    @Test
    void aFrozenBatchsBytesNeverChange() {
        FrozenBatch b = freeze(1, 2);
        assertEquals(List.of(OutboxEvent.FROZEN, OutboxEvent.FROZEN, OutboxEvent.PENDING),
                outbox.events(b.epoch(), 1, 3).stream().map(OutboxEvent::state).toList());
        outbox.recordAttempt(b.batchId(), MORNING, "network");
        outbox.resign(b.batchId(), new byte[] {9}, "43");
        assertArrayEquals(b.body(), outbox.batch(b.batchId()).orElseThrow().body());
        outbox.startNewEpoch("fork");
        FrozenBatch after = outbox.batch(b.batchId()).orElseThrow();
        assertEquals(FrozenBatch.ABANDONED, after.state());
        assertArrayEquals(b.body(), after.body(), "abandoned bytes are kept for audit, unchanged");
        assertEquals(b.bodySha256(), after.bodySha256());
        assertEquals(b.epoch(), after.epoch());
    }

    @Test
    void eventsAlreadyFrozenOrOfAnotherEpochCannotBeFrozenAgain() {
        freeze(1, 2);
        assertThrows(StoreException.class, () -> freeze(2, 3));
        assertThrows(StoreException.class, () -> outbox.freeze(new FrozenBatch.New(UUID.randomUUID(), UUID.randomUUID(), 3, 3,
                new byte[] {1}, Sha256.hex(new byte[] {1}), 1, new byte[] {1}, "1")));
        assertEquals(2, outbox.pending(10).size());
    }

    @Test
    void aReceiptAcknowledgesExactlyItsBatch() {
        FrozenBatch b = freeze(1, 2);
        OutboxEvent second = outbox.event(b.epoch(), 2).orElseThrow();
        List<EventResult> results = List.of(new EventResult(1, "accepted", Optional.empty(), List.of(), Optional.empty()),
                new EventResult(2, "rejected", Optional.of("schema-invalid"), List.of("client-clock-skew"), Optional.empty()));
        assertEquals(SyncOutbox.Ack.ACKED, outbox.acknowledge(b.batchId(), 2, second.hash(), results, new byte[] {7},
                new byte[] {8}, "2026-03-10T01:05:00.000Z"));
        assertEquals(SyncOutbox.Ack.ALREADY_ACKED, outbox.acknowledge(b.batchId(), 2, second.hash(), results, new byte[] {7},
                new byte[] {8}, "2026-03-10T01:05:00.000Z"));
        assertEquals(List.of(OutboxEvent.ACKED, OutboxEvent.ACKED, OutboxEvent.PENDING),
                outbox.events(b.epoch(), 1, 3).stream().map(OutboxEvent::state).toList());
        assertEquals(2, outbox.epoch(b.epoch()).orElseThrow().ackedSeq());
        assertEquals(1, outbox.rejectedCount());
        assertEquals(List.of("client-clock-skew"), outbox.result(second.eventId()).orElseThrow().warnings());
        assertTrue(outbox.reachedProvince(first.id()));
        assertEquals(2, outbox.waiting());
        // a new epoch moves only what is not acknowledged
        UUID epoch = outbox.startNewEpoch("fork");
        assertEquals(List.of(1L, 2L), outbox.events(epoch, 1, 10).stream().map(OutboxEvent::seq).toList());
        assertTrue(store.verifyOutbox().intact());
    }

    @Test
    void abandoningPutsTheEventsBackToPending() {
        FrozenBatch b = freeze(1, 3);
        outbox.abandon(b.batchId());
        assertEquals(FrozenBatch.ABANDONED, outbox.batch(b.batchId()).orElseThrow().state());
        assertEquals(4, outbox.pending(10).size());
        assertEquals(SyncOutbox.Ack.NOT_FROZEN, outbox.acknowledge(b.batchId(), 3, "x".repeat(64), List.of(), new byte[0],
                new byte[0], "2026-03-10T01:05:00.000Z"));
        assertFalse(outbox.reachedProvince(first.id()));
    }
}
