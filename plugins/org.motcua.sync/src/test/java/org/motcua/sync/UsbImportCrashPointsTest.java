package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.store.sync.OutboxEvent;

/**
 * {@code usb-import} halted at its first ingest commit, before it and after it (the admin's CLI ends as a SIGKILL would
 * end it: no reply file written), then run again on the same stick: every event is stored once, the reply the second
 * run writes acknowledges the whole export on the desk, and every chain verifies (nothing half stored).
 */
class UsbImportCrashPointsTest {

    private static final String UNIT = "000.00.07.H99";

    @TempDir
    Path dir;

    @Test
    void anImportHaltedAtItsCommitAndRunAgainStoresEveryEventOnce() throws Exception {
        Path data = dir.resolve("province");
        String code = Province.enrolmentCode(data, UNIT, "UBND xã Mất Điện");
        try (TestDesk desk = TestDesk.create(dir, "desk", UNIT, 1)) {
            try (Province province = Province.start(data)) {
                desk.enrol(province.url(), code);
            }
            for (String point : ServerCrashPoints.POINTS) {
                for (int i = 0; i < 3; i++) {
                    desk.receive();
                }
                Path stick = Files.createDirectories(dir.resolve("usb-" + point));
                UsbResult.Export export = desk.engine.exportToUsb(stick).join();
                Path replies = Files.createDirectories(dir.resolve("replies-" + point));
                String[] importArgs = {"usb-import", export.file().toString(), "--reply-dir", replies.toString(),
                        "--data", data.toString()};
                List<String> halted = Province.run(List.of("-Dmotcua.crashPoint=" + point + ":1"), true, importArgs);
                assertTrue(halted.contains("MOTCUA-CRASH-POINT " + point + ":1"), String.join("\n", halted));
                assertEquals(List.of(), files(replies), "a halted import writes no reply");
                List<String> again = Province.run(importArgs);
                String committed = export.batches() + " of " + export.batches() + " batch(es) committed";
                assertTrue(again.stream().anyMatch(l -> l.contains(committed)), String.join("\n", again));
                List<Path> reply = files(replies);
                assertEquals(1, reply.size());
                assertEquals(export.batches(), desk.engine.importFromUsb(reply.get(0)).join().acknowledged());
                assertEquals(0, desk.outbox.all().stream().filter(e -> !OutboxEvent.ACKED.equals(e.state())).count());
            }
            SetChecker.Result r = SetChecker.check(List.of(desk), Province.verifyChains(data));
            assertTrue(r.clean(), r.summary());
            assertTrue(r.acknowledged() > 0 && r.acknowledged() == r.stored(), r.summary());
        }
    }

    private static List<Path> files(Path directory) throws Exception {
        try (Stream<Path> s = Files.list(directory)) {
            return s.sorted().toList();
        }
    }
}
