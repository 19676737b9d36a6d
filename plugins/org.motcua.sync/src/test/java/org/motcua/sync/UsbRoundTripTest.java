package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.sync.faults.FaultProxy;

/**
 * A desk with no link hands its work to the real province on a USB stick (§11): the province's admin imports the
 * export file with {@code usb-import}, twice (a stick is often carried in again), and the desk imports the reply file,
 * twice. The province stores every event once, the desk holds them all acknowledged, and the first HTTP sync afterwards
 * finds nothing left to send.
 */
class UsbRoundTripTest {

    private static final String UNIT = "000.00.03.H99";

    @TempDir
    Path dir;

    @Test
    void anExportImportedTwiceAndItsReplyImportedTwiceStoresEveryEventOnceAndAcknowledgesIt() throws Exception {
        Path data = dir.resolve("province");
        String code = Province.enrolmentCode(data, UNIT, "UBND xã Không Mạng");
        TestDesk desk = TestDesk.create(dir, "desk", UNIT, 1);
        // the desk keeps the address it enrolled with; the province comes back on another port behind it
        FaultProxy address = null;
        try {
            try (Province province = Province.start(data)) {
                address = FaultProxy.clean(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                desk.enrol(address.baseUri(), code);
            }
            // the link is gone: the day's work stays on the desk
            for (int i = 0; i < 4; i++) {
                desk.receive();
            }
            // one reception with a scan: the export carries it (§11), the import stores it as present for the unit
            org.motcua.store.ScanFile scan = org.motcua.store.ScanFile.of("cccd.jpg", SlowBlobUpload.scan(70_000));
            desk.receiveWithScans(List.of(scan));
            long waiting = notAcknowledged(desk);
            assertTrue(waiting >= 5, "five receptions wait: " + waiting);

            Path stick = Files.createDirectories(dir.resolve("usb"));
            UsbResult.Export export = desk.engine.exportToUsb(stick).join();
            assertEquals(waiting, export.events());
            assertEquals(1, export.blobs(), "the scan goes on the stick with the batches");

            Path replies = Files.createDirectories(dir.resolve("replies"));
            List<String> first = Province.run("usb-import", export.file().toString(), "--reply-dir", replies.toString(),
                    "--data", data.toString());
            List<String> again = Province.run("usb-import", export.file().toString(), "--reply-dir", replies.toString(),
                    "--data", data.toString());
            String committed = export.batches() + " of " + export.batches() + " batch(es) committed";
            assertTrue(first.stream().anyMatch(l -> l.contains(committed)), String.join("\n", first));
            assertTrue(again.stream().anyMatch(l -> l.contains(committed)), "a second import answers the same: " + again);
            List<Path> replyFiles = files(replies);
            assertEquals(2, replyFiles.size(), "one reply per import: " + replyFiles);

            UsbResult.Import imported = desk.engine.importFromUsb(replyFiles.get(0)).join();
            assertFalse(imported.alreadyImported());
            assertEquals(export.batches(), imported.acknowledged());
            assertTrue(imported.refused().isEmpty(), imported.refused().toString());
            assertTrue(imported.stateApplied(), "the reply answers this desk's own export");
            assertTrue(desk.engine.importFromUsb(replyFiles.get(0)).join().alreadyImported(), "the same reply again");
            assertEquals(0, desk.engine.importFromUsb(replyFiles.get(1)).join().acknowledged(),
                    "the second import's reply acknowledges nothing new");
            assertEquals(0, notAcknowledged(desk));

            assertTrue(Province.verifyBlobs(data).contains("BLOB " + UNIT + " " + scan.sha256() + " 70000 70000 complete "
                    + scan.sha256() + " ok"), "the province holds the scan whole: " + Province.verifyBlobs(data));
            SetChecker.Result r = SetChecker.check(List.of(desk), Province.verifyChains(data));
            assertTrue(r.clean(), r.summary());
            assertEquals(r.acknowledged(), r.stored(), r.summary());

            try (Province province = Province.start(data)) {
                address.setTarget(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                SyncStatus after = desk.sync();
                assertTrue(after.problem().isEmpty(), "the link is back and everything was already there: " + after);
                assertEquals(0, after.eventsWaiting());
            }
        } finally {
            desk.close();
            if (address != null) {
                address.close();
            }
        }
    }

    private static long notAcknowledged(TestDesk desk) {
        return desk.outbox.all().stream().filter(e -> !OutboxEvent.ACKED.equals(e.state())).count();
    }

    private static List<Path> files(Path directory) throws Exception {
        try (Stream<Path> s = Files.list(directory)) {
            return s.sorted().toList();
        }
    }
}
