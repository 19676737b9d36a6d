package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.StrictJson;
import org.motcua.store.DossierWorkflow;
import org.motcua.store.ScanFile;
import org.motcua.store.ScannedDocuments;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.store.sync.SyncLedger;

/** Sending (§8.2): batches sized to the link, blobs first and resumable, acknowledgement only by verified receipts. */
class SendingTest {

    @TempDir
    Path dir;
    private FakeProvince province;
    private TestDesk desk;

    @BeforeEach
    void enrolledDesk() throws Exception {
        province = new FakeProvince(false);
        desk = TestDesk.create(dir, "desk", 1);
        desk.enrol(province);
    }

    @AfterEach
    void close() {
        desk.close();
        province.close();
    }

    @Test
    void receptionsAndActionsReachTheProvinceInOrderOnce() {
        Dossier d = desk.receive();
        for (int i = 0; i < 4; i++) {
            desk.receive();
        }
        new DossierWorkflow(desk.store, TestDesk.DEADLINES).take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING,
                Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1", "", TestDesk.MORNING.plusHours(1));
        assertEquals(6, desk.outbox.waiting());
        SyncStatus s = desk.sync();
        assertEquals(Optional.empty(), s.problem());
        assertEquals(0, s.eventsWaiting());
        assertTrue(s.lastSuccess().isPresent());
        assertEquals(6, province.ledger.eventsStored());
        assertTrue(province.ledger.timesStored.values().stream().allMatch(n -> n == 1));
        assertTrue(desk.engine.reachedProvince(d.id()));
        // every frozen batch's receipt is kept, with its signature, and names exactly its bytes
        UUID epoch = desk.outbox.currentEpoch();
        for (OutboxEvent e : desk.outbox.events(epoch, 1, 6)) {
            FrozenBatch b = desk.outbox.batch(e.batchId().orElseThrow()).orElseThrow();
            assertEquals(FrozenBatch.ACKED, b.state());
            assertEquals(Sha256.hex(b.body()), b.bodySha256());
            assertTrue(new String(b.receipt().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8).contains(b.bodySha256()));
            assertEquals("accepted", desk.outbox.result(e.eventId()).orElseThrow().status());
        }
        long posts = province.requestsTo("/batches");
        assertEquals(Optional.empty(), desk.sync().problem());
        assertEquals(posts, province.requestsTo("/batches"), "nothing pending, nothing sent");
    }

    @Test
    void batchesFollowTheTargetWireSize() {
        desk.engine.onEngineThread(ctx -> {
            ctx.ledger.put(SyncLedger.Key.TARGET_WIRE_BYTES, "1024");
            return null;
        }).join();
        for (int i = 0; i < 6; i++) {
            desk.receive();
        }
        desk.sync();
        UUID epoch = desk.outbox.currentEpoch();
        List<UUID> batches = desk.outbox.events(epoch, 1, 6).stream().map(e -> e.batchId().orElseThrow()).distinct().toList();
        assertTrue(batches.size() > 1, "a 1 KiB target cannot hold six receptions: " + batches.size());
        FrozenBatch first = desk.outbox.batch(batches.get(0)).orElseThrow();
        assertEquals(1, first.eventCount(), "the first batch fits 1 KiB of gzip with one event only");
        long target = Long.parseLong(new SyncLedger(desk.store).get(SyncLedger.Key.TARGET_WIRE_BYTES).orElseThrow());
        assertTrue(target > 1024, "the target doubles after each acknowledged batch: " + target);
        assertEquals(6, province.ledger.eventsStored());
    }

    @Test
    void aBlobIsUploadedInChunksBeforeItsBatchAndResumesWhereTheServerStands() throws Exception {
        byte[] scan = new byte[50_000];
        new Random(7).nextBytes(scan);
        System.arraycopy("%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, scan, 0, 9);
        String sha = Sha256.hex(scan);
        // as if an earlier attempt had stored the first 16 KiB before the link dropped
        province.partial.put(sha, java.util.Arrays.copyOf(scan, 16_384));
        Dossier d = desk.receive();
        new ScannedDocuments(desk.store).attach(d.id(), List.of(ScanFile.of("scan.pdf", scan)), "tiepnhan1",
                TestDesk.MORNING.plusHours(1));

        SyncStatus s = desk.sync();
        assertEquals(Optional.empty(), s.problem());
        assertTrue(province.blobs.contains(sha));
        assertEquals(16_384L, province.patchOffsets.get(0), "the upload continued at the offset HEAD reported");
        assertTrue(province.patchOffsets.size() >= 2, "in chunks: " + province.patchOffsets);
        assertTrue(new SyncLedger(desk.store).blobConfirmed(sha));
        assertEquals(2, province.ledger.eventsStored());
        // the batch sent lists the blob in the envelope
        OutboxEvent withBlob = desk.outbox.events(desk.outbox.currentEpoch(), 2, 2).get(0);
        assertEquals(List.of(sha), withBlob.blobs());
        byte[] body = desk.outbox.batch(withBlob.batchId().orElseThrow()).orElseThrow().body();
        boolean listed = false;
        for (var e : StrictJson.parseCanonical(body).path("events")) {
            listed |= e.path("seq").asLong() == 2 && e.path("blobs").get(0).asText().equals(sha);
        }
        assertTrue(listed);
    }

    @Test
    void eventsTheServerHasAreDuplicatesInANewEpochAndAreNotStoredTwice() {
        desk.receive();
        desk.receive();
        province.answerDelay = java.time.Duration.ofSeconds(5);
        province.delayedAnswers = 1;
        assertEquals(Optional.of(SyncProblem.OFFLINE), desk.sync().problem());   // committed, answer lost
        UUID old = desk.outbox.currentEpoch();
        desk.outbox.startNewEpoch("test");   // e.g. a fork found: both events re-chained into a new epoch
        SyncStatus s = desk.sync();
        assertEquals(Optional.empty(), s.problem());
        UUID epoch = desk.outbox.currentEpoch();
        List<OutboxEvent> events = desk.outbox.events(epoch, 1, 10);
        assertEquals(2, events.size());
        for (OutboxEvent e : events) {
            assertEquals(OutboxEvent.ACKED, e.state());
            var result = desk.outbox.result(e.eventId()).orElseThrow();
            assertEquals(Receipt.DUPLICATE, result.status());
            assertTrue(result.original().orElseThrow().contains(old.toString()), result.original().orElseThrow());
        }
        assertEquals(2, province.ledger.eventsStored());
        assertTrue(province.ledger.timesStored.values().stream().allMatch(n -> n == 1));
    }
}
