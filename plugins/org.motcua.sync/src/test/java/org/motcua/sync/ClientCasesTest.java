package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Problem;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.doc.Updates;
import org.motcua.protocol.pki.CertificateProfiles;
import org.motcua.store.Store;
import org.motcua.store.StoreBackup;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.sync.internal.FeedPages;

/**
 * The client cases of §16 (C1–C7), each against the fake province over real HTTP on loopback, with a real encrypted
 * store: what the desk must refuse, ignore or survive, and that refusing changes nothing.
 */
class ClientCasesTest {

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

    private List<String> states() {
        UUID epoch = desk.outbox.currentEpoch();
        return desk.outbox.events(epoch, 1, 1000).stream().map(OutboxEvent::state).toList();
    }

    /** C1 helper: a receipt failing verification leaves every event FROZEN; a correct one later acknowledges. */
    private void receiptRefusedThenAccepted() {
        Dossier d = desk.receive();
        desk.receive();
        SyncStatus refused = desk.sync();
        assertEquals(Optional.of(SyncProblem.BAD_RESPONSE), refused.problem());
        assertEquals(List.of(OutboxEvent.FROZEN, OutboxEvent.FROZEN), states(), "a refused receipt changes nothing");
        FrozenBatch b = desk.outbox.unacknowledged().get(0);
        assertTrue(b.receipt().isEmpty());
        assertEquals(2, refused.eventsWaiting());
        assertFalse(desk.engine.reachedProvince(d.id()));
        assertEquals(0, desk.outbox.epoch(b.epoch()).orElseThrow().ackedSeq());

        province.receiptOnTheWire = null;
        province.corruptReceiptSignature = false;
        SyncStatus ok = desk.sync();
        assertEquals(Optional.empty(), ok.problem());
        assertEquals(List.of(OutboxEvent.ACKED, OutboxEvent.ACKED), states());
        assertEquals(1, province.batchPosts(b.batchId().toString()), "the stored receipt was fetched, nothing resent");
        assertTrue(desk.engine.reachedProvince(d.id()));
    }

    @Test
    void c1AReceiptWithABadSignatureChangesNothing() {
        province.corruptReceiptSignature = true;
        receiptRefusedThenAccepted();
    }

    @Test
    void c1AReceiptWithAWrongBodySha256ChangesNothing() {
        province.receiptOnTheWire = r -> new Receipt(r.ackedHash(), r.ackedSeq(), r.batchId(), Sha256.hex(new byte[] {1}),
                r.deviceId(), r.epoch(), r.fromSeq(), r.results(), r.serverTime(), r.toSeq());
        receiptRefusedThenAccepted();
    }

    @Test
    void c1AReceiptMissingAResultChangesNothing() {
        province.receiptOnTheWire = r -> new Receipt(r.ackedHash(), r.ackedSeq(), r.batchId(), r.bodySha256(), r.deviceId(),
                r.epoch(), r.fromSeq(), r.results().subList(0, r.results().size() - 1), r.serverTime(), r.toSeq());
        receiptRefusedThenAccepted();
    }

    @Test
    void c2AStateWithAnotherNonceIsIgnored() {
        desk.receive();
        desk.sync();
        UUID epoch = desk.outbox.currentEpoch();
        desk.receive();
        // the server answers chain-fork and offers a state claiming another hash, but bound to another nonce
        province.nextBatchProblem = Problem.of(ProblemType.CHAIN_FORK, "fork", "fork").with("forkSeq", 1L);
        province.stateTail = new Object[] {1L, Sha256.hex(new byte[] {7})};
        province.stateNonce = new byte[16];
        SyncStatus s = desk.sync();
        assertEquals(Optional.of(SyncProblem.BAD_RESPONSE), s.problem());
        assertEquals(epoch, desk.outbox.currentEpoch(), "an unbound state must not start a new epoch");

        // the same claim with the right nonce is acted on: divergence confirmed, new epoch
        province.nextBatchProblem = Problem.of(ProblemType.CHAIN_FORK, "fork", "fork").with("forkSeq", 1L);
        province.stateNonce = null;
        desk.sync();
        assertNotEquals(epoch, desk.outbox.currentEpoch());
    }

    @Test
    void c3FeedItemsOfALowerVersionAreSkippedAndTheSameVersionWithOtherDataDiscardsThePage() {
        ObjectNode a5 = JsonNodeFactory.instance.objectNode().put("procedureCode", "1.001193").put("name", "Đăng ký khai sinh");
        province.feed.add(new Updates.Item(a5, "procedure", "1.001193", 1, 5));
        FeedPages.Outcome first = pull();
        assertTrue(first.applied());
        assertEquals(5, desk.outboxFeed().item("procedure", "1.001193").orElseThrow().version());

        // a lower version (a rollback attempt) is skipped, the rest of the page applied
        ObjectNode a4 = a5.deepCopy().put("name", "Tên cũ");
        ObjectNode b1 = JsonNodeFactory.instance.objectNode().put("year", 2026);
        province.feed.add(new Updates.Item(a4, "procedure", "1.001193", 2, 4));
        province.feed.add(new Updates.Item(b1, "calendar", "2026", 3, 1));
        FeedPages.Outcome second = pull();
        assertTrue(second.applied());
        assertEquals(1, second.rollbacksSkipped());
        assertEquals(1, second.itemsApplied());
        assertEquals(5, desk.outboxFeed().item("procedure", "1.001193").orElseThrow().version());
        assertEquals(Sha256.hex(org.motcua.protocol.json.CanonicalJson.write(a5)),
                desk.outboxFeed().item("procedure", "1.001193").orElseThrow().dataSha256());
        assertEquals(3, desk.outboxFeed().cursor().orElseThrow().lastSeq());

        // the same version with other data: the whole page is discarded, the cursor stays
        ObjectNode c1 = JsonNodeFactory.instance.objectNode().put("unitCode", FakeProvince.UNIT);
        province.feed.add(new Updates.Item(c1, "roster", FakeProvince.UNIT, 4, 1));
        province.feed.add(new Updates.Item(b1.deepCopy().put("year", 2027), "calendar", "2026", 5, 1));
        FeedPages.Outcome third = pull();
        assertFalse(third.applied());
        assertTrue(third.discardedBecause().orElseThrow().contains("other data"));
        assertEquals(3, desk.outboxFeed().cursor().orElseThrow().lastSeq());
        assertTrue(desk.outboxFeed().item("roster", FakeProvince.UNIT).isEmpty(), "nothing of a discarded page is applied");

        // seqs that do not rise discard the page as well
        province.pageOnTheWire = u -> new Updates(u.after(), u.catalogueExpiresAt(), u.deviceId(), u.feedId(), false,
                List.of(u.items().get(0), u.items().get(0)), u.lastSeq(), u.nonce(), u.reset(), u.serverTime());
        assertFalse(pull().applied());
    }

    private FeedPages.Outcome pull() {
        return desk.engine.onEngineThread(ctx -> {
            try {
                return new FeedPages(ctx).pull();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).join();
    }

    @Test
    void c4ImportingTheSameUsbReplyTwiceChangesNothing() throws Exception {
        Dossier d = desk.receive();
        desk.receive();
        desk.receive();
        UsbResult.Export export = desk.engine.exportToUsb(dir).join();
        assertEquals(3, export.events());
        assertEquals(1, export.exportSeq());
        assertTrue(export.file().getFileName().toString().matches(
                "motcua-up-000\\.00\\.01\\.H99-d3-\\d{8}-[0-9a-f]{8}\\.zip"), export.file().toString());
        Path reply = FakeUsbImport.importExport(province, export.file(), dir);

        UsbResult.Import first = desk.engine.importFromUsb(reply).join();
        assertFalse(first.alreadyImported());
        assertEquals(export.batches(), first.acknowledged());
        assertTrue(first.stateApplied());
        assertTrue(desk.engine.reachedProvince(d.id()));
        assertEquals(List.of(OutboxEvent.ACKED, OutboxEvent.ACKED, OutboxEvent.ACKED), states());
        String marker = Files.readString(desk.store.markerFile());

        UsbResult.Import second = desk.engine.importFromUsb(reply).join();
        assertTrue(second.alreadyImported());
        assertEquals(0, second.acknowledged());
        assertEquals(List.of(OutboxEvent.ACKED, OutboxEvent.ACKED, OutboxEvent.ACKED), states());
        assertEquals(marker, Files.readString(desk.store.markerFile()));
        // the next export starts at the next counter and carries nothing already acknowledged
        UsbResult.Export next = desk.engine.exportToUsb(dir).join();
        assertEquals(2, next.exportSeq());
        assertEquals(0, next.batches());
    }

    @Test
    void c5ACutAfterTheServerCommittedLeadsToStateAndReceiptAndNothingIsSentTwice() {
        desk.receive();
        desk.receive();
        province.answerDelay = Duration.ofSeconds(5);  // the desk waits 3 s for an answer
        province.delayedAnswers = 1;
        SyncStatus cut = desk.sync();
        assertEquals(Optional.of(SyncProblem.OFFLINE), cut.problem());
        assertEquals(List.of(OutboxEvent.FROZEN, OutboxEvent.FROZEN), states());
        assertEquals(2, province.ledger.eventsStored(), "the server committed before the answer was lost");
        FrozenBatch b = desk.outbox.unacknowledged().get(0);

        SyncStatus resumed = desk.sync();
        assertEquals(Optional.empty(), resumed.problem());
        assertEquals(List.of(OutboxEvent.ACKED, OutboxEvent.ACKED), states());
        assertEquals(1, province.batchPosts(b.batchId().toString()), "the batch was not sent again");
        assertEquals(1, province.requestsTo("/state"));
        assertEquals(1, province.requestsTo("/receipts/" + b.batchId()));
        assertTrue(province.ledger.timesStored.values().stream().allMatch(n -> n == 1));
    }

    @Test
    void c6ADatabaseRestoredFromAnOlderCopyStartsANewEpochAndReusesNoDossierNumber() throws Exception {
        for (int i = 0; i < 3; i++) {
            desk.receive();
        }
        desk.sync();
        Path backup = dir.resolve("backup.zip");
        StoreBackup.backup(desk.store, backup);
        desk.receive();
        desk.receive();
        desk.sync();
        UUID oldEpoch = desk.outbox.currentEpoch();
        assertEquals(5, province.ledger.eventsStored());
        desk.close();
        Files.delete(dir.resolve("desk.mv.db"));
        Store restored = StoreBackup.restore(backup, dir.resolve("desk"), TestDesk.KEY);
        desk = TestDesk.reopen(dir, "desk", restored);
        assertTrue(restored.restoredFromOlderCopy());
        assertTrue(desk.engine.status().restoredFromOlderCopy());
        assertNotEquals(oldEpoch, desk.outbox.currentEpoch());
        Dossier next = desk.receive();
        assertEquals(6, next.code().sequence() % 1000, "numbers 2004 and 2005 were printed after the backup");
        desk.sync();
        assertEquals(Optional.empty(), desk.engine.status().problem());
        assertEquals(6, province.ledger.eventsStored());
        assertTrue(province.ledger.dossierCodes.values().stream().allMatch(n -> n == 1), "no dossier number twice");
        assertEquals(2, province.ledger.epochs.size());
    }

    @Test
    void c6WithoutAMarkerTheServersStateStillRaisesTheDayCounter() throws Exception {
        for (int i = 0; i < 2; i++) {
            desk.receive();
        }
        desk.sync();
        Path backup = dir.resolve("backup.zip");
        StoreBackup.backup(desk.store, backup);
        desk.receive();
        desk.receive();
        desk.sync();
        UUID epoch = desk.outbox.currentEpoch();
        desk.close();
        // the whole directory came back from the copy: database and marker alike
        Files.delete(dir.resolve("desk.mv.db"));
        Files.delete(dir.resolve("desk.marker.json"));
        Store restored = StoreBackup.restore(backup, dir.resolve("desk"), TestDesk.KEY);
        desk = TestDesk.reopen(dir, "desk", restored);
        assertFalse(restored.restoredFromOlderCopy(), "no marker, nothing to compare with");
        assertEquals(epoch, desk.outbox.currentEpoch());
        Dossier next = desk.receive();   // number 2003 again: only the server can tell
        desk.sync();                     // its signed state shows 4 events of this epoch: a new epoch, counters raised
        assertNotEquals(epoch, desk.outbox.currentEpoch());
        Dossier after = desk.receive();
        assertEquals(5, after.code().sequence() % 1000, "the state's codeCounters raise the day counter above 2004");
        assertTrue(next.code().sequence() % 1000 == 3);
    }

    @Test
    void c7AResponseSignedByACertificateNotFromThePinnedCaIsRejected() {
        CertificateProfiles.Issued stranger = CertificateProfiles.newCa("Not the province", Instant.now());
        province.wireSigner = CertificateProfiles.responseSigner(stranger, Instant.now(), 365);
        rogueSignerRefused();
    }

    @Test
    void c7AResponseSignedWithoutTheResponseUsageIsRejected() {
        province.wireSigner = province.tls;  // issued by the pinned CA, but for TLS only
        rogueSignerRefused();
    }

    private void rogueSignerRefused() {
        Dossier d = desk.receive();
        SyncStatus s = desk.sync();
        assertEquals(Optional.of(SyncProblem.BAD_RESPONSE), s.problem());
        assertEquals(List.of(OutboxEvent.FROZEN), states());
        assertFalse(desk.engine.reachedProvince(d.id()));
        province.wireSigner = null;
        desk.sync();
        assertEquals(List.of(OutboxEvent.ACKED), states());
    }
}
