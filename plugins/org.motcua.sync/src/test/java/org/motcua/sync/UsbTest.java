package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.cms.CmsVerifier;
import org.motcua.protocol.doc.DeviceState;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.UsbExport;
import org.motcua.store.sync.FrozenBatch;

/** USB transfer (§11) beyond C4: what the export holds, and replies refused before anything is read or changed. */
class UsbTest {

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
    void theExportHoldsTheFrozenBatchesUnderAManifestSignedByTheDevice() throws Exception {
        desk.receive();
        desk.receive();
        UsbResult.Export export = desk.engine.exportToUsb(dir).join();
        try (ZipFile zip = new ZipFile(export.file().toFile())) {
            byte[] manifest = zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes();
            CmsVerifier.verifyDevice(zip.getInputStream(zip.getEntry("manifest.p7s")).readAllBytes(), manifest,
                    province.deviceCert);
            UsbExport m = Docs.parse(manifest, UsbExport::read);
            assertEquals(1, m.exportSeq());
            assertEquals(desk.outbox.currentEpoch().toString(), m.epoch());
            for (UsbExport.BatchEntry b : m.batches()) {
                FrozenBatch frozen = desk.outbox.batch(UUID.fromString(b.batchId())).orElseThrow();
                byte[] body = zip.getInputStream(zip.getEntry("batches/" + b.batchId() + ".json")).readAllBytes();
                assertTrue(java.util.Arrays.equals(frozen.body(), body), "the frozen bytes, exactly as sent over HTTP");
                assertEquals(b.size(), body.length);
                assertTrue(frozen.exported());
                assertEquals(FrozenBatch.FROZEN, frozen.state());
            }
        }
        // the same frozen batches go over HTTP later; the server answers them idempotently
        desk.sync();
        assertEquals(0, desk.engine.status().eventsWaiting());
    }

    @Test
    void aReplyStateForSomeoneElsesExportIsNotApplied() throws Exception {
        desk.receive();
        UsbResult.Export export = desk.engine.exportToUsb(dir).join();
        UUID epoch = desk.outbox.currentEpoch();
        // a state claiming the server holds more of this epoch, bound to a nonce that is none of this desk's exports
        Path reply = FakeUsbImport.importExport(province, export.file(), dir, s -> new DeviceState(s.ackedHash(), 99,
                s.codeCounters(), s.currentEpoch(), s.deviceId(), s.deviceNumber(), s.epoch(), s.epochStatus(), s.lastBatchId(),
                new byte[16], s.serverTime(), s.unitCode()));
        UsbResult.Import result = desk.engine.importFromUsb(reply).join();
        assertFalse(result.stateApplied());
        assertEquals(1, result.acknowledged(), "its receipts are still good");
        assertEquals(epoch, desk.outbox.currentEpoch());
    }

    @Test
    void aReplyWithAnEntryOutsideTheLayoutIsRefusedBeforeAnythingIsRead() throws Exception {
        desk.receive();
        UsbResult.Export export = desk.engine.exportToUsb(dir).join();
        Path reply = FakeUsbImport.importExport(province, export.file(), dir);
        Path evil = rewrite(reply, dir.resolve("evil.zip"), Map.of("../x", new byte[] {1}));
        assertRefused(evil);
        Path unlisted = rewrite(reply, dir.resolve("unlisted.zip"), Map.of("receipts/" + UUID.randomUUID() + ".json", new byte[] {1}));
        assertRefused(unlisted);
        assertEquals(1, desk.engine.status().eventsWaiting(), "nothing was acknowledged by a refused file");
        assertTrue(desk.engine.importFromUsb(reply).join().acknowledged() == 1);
    }

    private void assertRefused(Path file) {
        CompletionException e = assertThrows(CompletionException.class, () -> desk.engine.importFromUsb(file).join());
        assertEquals(SyncFailure.Reason.FILE_INVALID, assertInstanceOf(SyncFailure.class, e.getCause()).reason());
    }

    /** A copy of {@code zip} with extra entries. */
    private static Path rewrite(Path zip, Path target, Map<String, byte[]> extra) throws Exception {
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream os = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(in.getInputStream(e).readAllBytes());
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return target;
    }
}
